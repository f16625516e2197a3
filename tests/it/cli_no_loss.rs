//! Issue 10, as a hostile or careless user meets it on the command line: exports that would
//! replace a session, links planted where a lock or a session should be, input that would
//! take minutes, temporaries a kill leaves behind, folders open to everyone, and escape
//! sequences in a file's name. Each was reproduced on the version before the fix.

use crate::support::{convene, mode, new_session, titles};
use predicates::prelude::*;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

fn issues_csv(dir: &Path, titles: &[&str]) -> PathBuf {
    let path = dir.join(format!("issues-{}.csv", titles.join("-").len()));
    std::fs::write(&path, titles.join("\n") + "\n").unwrap();
    path
}

// 2. `export -o` onto a session.

/// `convene export FROM --format FORMAT -o OUT`.
fn export_onto(data: &Path, from: &Path, format: &str, out: &Path) -> assert_cmd::assert::Assert {
    convene(data)
        .arg("export")
        .arg(from)
        .args(["--format", format, "-o"])
        .arg(out)
        .assert()
}

#[test]
fn export_never_overwrites_a_session() {
    let data = tempfile::tempdir().unwrap();
    let open = new_session(data.path(), "Open in the app", &[]);
    let other = new_session(data.path(), "Exported", &[]);
    convene(data.path())
        .args(["import"])
        .arg(&open)
        .arg("--issues")
        .arg(issues_csv(data.path(), &["Kept"]))
        .assert()
        .success();
    let before = std::fs::read(&open).unwrap();
    let _app = convene::store::lock(&open).unwrap();
    export_onto(data.path(), &other, "json", &open)
        .failure()
        .stderr(predicate::str::contains("never replaces"));
    assert_eq!(std::fs::read(&open).unwrap(), before);

    // A copy of a session elsewhere, and any new file in the sessions folder, are refused too.
    let copy = data.path().join("copy.json");
    std::fs::copy(&open, &copy).unwrap();
    let copied = std::fs::read(&copy).unwrap();
    export_onto(data.path(), &other, "markdown", &copy)
        .failure()
        .stderr(predicate::str::contains("is a Convene session"));
    assert_eq!(std::fs::read(&copy).unwrap(), copied);
    let inside = open.with_file_name("proceedings.md");
    export_onto(data.path(), &other, "markdown", &inside)
        .failure()
        .stderr(predicate::str::contains("sessions folder"));
    assert!(!inside.exists());

    // Nor the lock of a session outside the sessions folder, held by the app: replacing it
    // would let a second writer in (found by trying it, after issue 10).
    let held = copy.with_file_name("held.json");
    std::fs::copy(&open, &held).unwrap();
    let _held = convene::store::lock(&held).unwrap();
    let lock = convene::store::lock_path(&held);
    let locked = std::fs::read(&lock).unwrap();
    export_onto(data.path(), &other, "csv", &lock)
        .failure()
        .stderr(predicate::str::contains("the lock of the session"));
    assert_eq!(std::fs::read(&lock).unwrap(), locked);

    // An ordinary file outside is written as before.
    let out = data.path().join("proceedings.md");
    export_onto(data.path(), &other, "markdown", &out).success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("Exported"));
}

// 3. A lock file that is a link.

#[test]
fn a_lock_file_that_is_a_link_is_never_written_through() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Linked lock", &[]);
    let victim = data.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let lock = convene::store::lock_path(&session);
    std::fs::remove_file(&lock).unwrap();
    symlink("../victim.txt", &lock).unwrap();
    let before = std::fs::read(&session).unwrap();
    convene(data.path())
        .arg("import")
        .arg(&session)
        .arg("--issues")
        .arg(issues_csv(data.path(), &["Never"]))
        .assert()
        .failure()
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

// 4. A session file that is a link.

#[test]
fn a_link_to_a_session_updates_the_real_file_and_shares_its_lock() {
    let data = tempfile::tempdir().unwrap();
    let real = new_session(data.path(), "Real", &[]);
    let link = real.with_file_name("link.json");
    symlink(real.file_name().unwrap(), &link).unwrap();
    convene(data.path())
        .arg("import")
        .arg(&link)
        .arg("--issues")
        .arg(issues_csv(data.path(), &["Through the link"]))
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(titles(&real), ["Through the link"]);
    assert!(!convene::store::lock_path(&link).exists());

    // Both names lead to one lock: with the real file held, the link is refused.
    let _held = convene::store::lock(&real).unwrap();
    convene(data.path())
        .arg("import")
        .arg(&link)
        .arg("--issues")
        .arg(issues_csv(data.path(), &["Second writer"]))
        .assert()
        .failure()
        .stderr(predicate::str::contains("already open"));
    assert_eq!(titles(&real), ["Through the link"]);
}

#[test]
fn a_link_to_an_unrelated_file_is_refused_and_the_file_never_written() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Somewhere", &[]);
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let link = session.with_file_name("bait.json");
    symlink(&victim, &link).unwrap();
    for command in [&["import"][..], &["open"][..]] {
        let mut cmd = convene(data.path());
        cmd.args(command).arg(&link);
        if command == ["import"] {
            cmd.arg("--issues").arg(issues_csv(data.path(), &["Never"]));
        }
        cmd.assert()
            .failure()
            .stderr(predicate::str::contains("not a Convene session"));
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let left: Vec<_> = std::fs::read_dir(outside.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "nothing written beside the victim");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
}

// 5. CSV import was quadratic in rows: 100k rows took minutes.

#[test]
fn a_hundred_thousand_csv_rows_import_completely() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Big wall", &[]);
    let csv = data.path().join("issues.csv");
    let mut text = String::from("title,convener,description\n");
    for n in 0..100_000 {
        text.push_str(&format!(
            "Issue {n},Person {},\"Line one\nline two\"\n\n",
            n % 300
        ));
    }
    std::fs::write(&csv, text).unwrap();
    convene(data.path())
        .arg("import")
        .arg(&session)
        .arg("--issues")
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("Added 100000 issues"));
    let all = titles(&session);
    assert_eq!(all.len(), 100_000);
    assert_eq!(all[99_999], "Issue 99999");

    // One row more than the limit is refused with the reason, and nothing changes.
    let before = std::fs::read(&session).unwrap();
    let rows: String = (0..=convene::sheet::MAX_ROWS)
        .map(|n| format!("More {n}\n"))
        .collect();
    std::fs::write(&csv, rows).unwrap();
    convene(data.path())
        .arg("import")
        .arg(&session)
        .arg("--issues")
        .arg(&csv)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "100001 rows, more than Convene takes from one file (at most 100000)",
        ));
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

// 6. Every name was compared with the whole roster, on load too.

#[test]
fn a_crafted_roster_of_fifty_thousand_shared_prefix_names_loads_completely() {
    let data = tempfile::tempdir().unwrap();
    let names = data.path().join("names.txt");
    let prefix = "x".repeat(190);
    let text: String = (0..50_000).map(|n| format!("{prefix}{n:07}\n")).collect();
    std::fs::write(&names, text).unwrap();
    let out = convene(data.path())
        .args(["new", "Crowd", "--no-open", "--participants"])
        .arg(&names)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let session = PathBuf::from(String::from_utf8(out).unwrap().trim());
    convene(data.path())
        .arg("check")
        .arg(&session)
        .assert()
        .success()
        .stdout(predicate::str::contains("50000 participants"));
    // The same name twice, in another case, is still refused.
    std::fs::write(&names, format!("{prefix}A\n{prefix}a\n")).unwrap();
    convene(data.path())
        .args(["new", "Twice", "--no-open", "--participants"])
        .arg(&names)
        .assert()
        .failure()
        .stderr(predicate::str::contains("line 2"));
}

// 7. `synth` at its old limit ran for minutes and a kill left a hidden temporary.

#[test]
fn synth_refuses_sizes_beyond_its_limits_at_once() {
    let data = tempfile::tempdir().unwrap();
    convene(data.path())
        .args(["synth", "--events", "5000000", "-o"])
        .arg(data.path().join("huge.json"))
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .failure()
        .stderr(predicate::str::contains("at most 1000000"));
    assert!(!data.path().join("huge.json").exists());
}

#[test]
fn a_synth_stopped_while_writing_leaves_nothing_behind() {
    for signal in ["-TERM", "-INT", "-KILL"] {
        let out = tempfile::tempdir().unwrap();
        let target = out.path().join("big.json");
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_convene"))
            .args(["synth", "--events", "100000", "-o"])
            .arg(&target)
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Writing has begun once the process has a file open in the output folder (named
        // `.big.json.XXXXXX`, or unnamed on Linux, shown as `#123 (deleted)`).
        let dir = out.path().canonicalize().unwrap();
        let pid = child.id();
        let writing = || {
            std::fs::read_dir(format!("/proc/{pid}/fd"))
                .map(|fds| {
                    fds.flatten().any(|fd| {
                        std::fs::read_link(fd.path()).is_ok_and(|to| to.starts_with(&dir))
                    })
                })
                .unwrap_or(false)
        };
        let start = std::time::Instant::now();
        while !writing() && child.try_wait().unwrap().is_none() {
            assert!(
                start.elapsed().as_secs() < 120,
                "synth never started writing"
            );
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        let left: Vec<String> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            left.iter().all(|name| name == "big.json"),
            "{signal} left {left:?} ({status:?})"
        );
        if target.exists() {
            convene::store::load(&target).expect("a complete file");
        }
    }
}

// 8. Folders made 0777 under umask 000 (the trash and the demo's folder are checked under
// tmux in e2e_lock.rs); every file and folder a command makes is private.

#[test]
fn files_and_folders_made_by_commands_are_private_under_umask_000() {
    let data = tempfile::tempdir().unwrap();
    let root = data.path().join("deep/data");
    let script = format!(
        "umask 000 && '{bin}' --data-dir '{root}' new 'Private' --no-open && \
         '{bin}' synth --events 50 -o '{out}' && \
         '{bin}' export '{root}/sessions/'*.json --format markdown -o '{md}'",
        bin = env!("CARGO_BIN_EXE_convene"),
        root = root.display(),
        out = data.path().join("synth.json").display(),
        md = data.path().join("p.md").display(),
    );
    let status = std::process::Command::new("sh")
        .args(["-c", &script])
        .status()
        .unwrap();
    assert!(status.success());
    for dir in [
        data.path().join("deep"),
        root.clone(),
        root.join("sessions"),
    ] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    let session = std::fs::read_dir(root.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    for file in [
        session.clone(),
        convene::store::lock_path(&session),
        data.path().join("synth.json"),
        data.path().join("p.md"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

// 9. Escape sequences in a file name reached the terminal through success messages, and
// unpaired bidi controls passed raw into `convene log`.

#[test]
fn escape_sequences_in_a_path_never_reach_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Escapes", &[]);
    let hostile = session.with_file_name("\u{1b}]0;PWNED\u{7}\u{1b}[2Jok.json");
    std::fs::rename(&session, &hostile).unwrap();
    let csv = issues_csv(data.path(), &["Fine"]);
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["check".into(), hostile.clone().into()],
        vec![
            "import".into(),
            hostile.clone().into(),
            "--issues".into(),
            csv.into(),
        ],
        vec!["list".into()],
        vec![
            "synth".into(),
            "--events".into(),
            "20".into(),
            "-o".into(),
            data.path().join("\u{1b}[31mred.json").into(),
        ],
    ];
    for args in runs {
        let out = convene(data.path()).args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{args:?}: {shown:?}"
        );
        assert!(shown.contains("\u{241b}"), "{args:?}: {shown:?}");
    }
}

#[test]
fn log_shows_no_bidi_override_and_no_escape() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Direction", &[]);
    let csv = data.path().join("rtl.csv");
    std::fs::write(
        &csv,
        "\"Reversed \u{202E}txet\u{1b}[2J\",\"Amira \u{2067}A\"\n",
    )
    .unwrap();
    convene(data.path())
        .arg("import")
        .arg(&session)
        .arg("--issues")
        .arg(&csv)
        .assert()
        .success();
    let out = convene(data.path())
        .arg("log")
        .arg(&session)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for bad in ['\u{202E}', '\u{2067}', '\u{1b}'] {
        assert!(!text.contains(bad), "{bad:?} in {text}");
    }
    assert!(text.contains("Reversed txet\u{241b}[2J"), "{text}");
}

// 10. The smaller faults.

#[test]
fn an_error_says_each_cause_once() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Rounds", &[]);
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&session).unwrap()).unwrap();
    value["events"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "seq": 2, "at": "2026-05-01T10:00:00+01:00", "type": "round_opened",
            "round": 1, "dots_per_person": 0, "anonymous": false, "hidden": false, "ballot": []
        }));
    std::fs::write(&session, serde_json::to_vec(&value).unwrap()).unwrap();
    let out = convene(data.path())
        .arg("check")
        .arg(&session)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(err.contains("event 2 (round_opened)"), "{err}");
    assert_eq!(err.matches("between").count(), 1, "{err}");

    // An OS error quoted in the message was printed again after it.
    let other = new_session(data.path(), "Lock in the way", &[]);
    let lock = convene::store::lock_path(&other);
    std::fs::remove_file(&lock).unwrap();
    std::fs::create_dir(&lock).unwrap();
    let out = convene(data.path())
        .arg("import")
        .arg(&other)
        .arg("--issues")
        .arg(issues_csv(data.path(), &["Blocked"]))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!out.status.success());
    assert!(err.contains("cannot create the lock file"), "{err}");
    assert_eq!(err.matches("(os error").count(), 1, "{err}");
}

#[test]
fn a_refused_new_leaves_no_lock_file() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("sessions")).unwrap();
    // Files cannot grow past 0 bytes: the lock file can be made, the session not written.
    let script = format!(
        "ulimit -f 0 && trap '' XFSZ && exec '{}' --data-dir '{}' new 'Full disk' --no-open",
        env!("CARGO_BIN_EXE_convene"),
        data.path().display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(!out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot save"),
        "{out:?}"
    );
    let left: Vec<_> = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn list_names_a_fifo_and_a_dangling_link() {
    let data = tempfile::tempdir().unwrap();
    new_session(data.path(), "Fine", &[]);
    let sessions = data.path().join("sessions");
    let made = std::process::Command::new("mkfifo")
        .arg(sessions.join("pipe.json"))
        .status()
        .unwrap();
    assert!(made.success());
    symlink("nowhere.json", sessions.join("dangling.json")).unwrap();
    convene(data.path())
        .arg("list")
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .success()
        .stdout(predicate::str::contains("Fine"))
        .stdout(predicate::str::contains(
            "dangling.json: a link to a file that does not exist",
        ))
        .stdout(predicate::str::contains(
            "pipe.json: not a regular file (a FIFO)",
        ));
}

#[test]
fn a_fifo_given_as_a_names_or_issues_file_is_refused_not_waited_on() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Pipes", &[]);
    let fifo = data.path().join("names.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    convene(data.path())
        .args(["new", "Pipe", "--no-open", "--participants"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a regular file"));
    convene(data.path())
        .arg("import")
        .arg(&session)
        .arg("--issues")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a regular file"));
}

#[test]
fn the_largest_id_says_why_nothing_more_can_be_added() {
    let data = tempfile::tempdir().unwrap();
    let session = new_session(data.path(), "Ids", &[]);
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&session).unwrap()).unwrap();
    value["events"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "seq": 2, "at": "2026-05-01T10:00:00+01:00", "type": "issue_raised",
            "issue": 4294967295u32, "title": "The last number"
        }));
    value["state"]["issues"] = serde_json::json!([]);
    std::fs::write(&session, serde_json::to_vec(&value).unwrap()).unwrap();
    convene(data.path())
        .arg("import")
        .arg(&session)
        .arg("--issues")
        .arg(issues_csv(data.path(), &["One more"]))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "no more issues can be added: this session already uses issue number 4294967295",
        ));
}
