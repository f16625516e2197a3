//! Convene is offline and private. Every command, and the app driven by keys under tmux,
//! runs under `strace -f -e trace=network`: the log must hold no network call of any kind,
//! not even a local socket (see `network_calls` for the one in-process pair allowed).
//! Everything run here runs under `umask 000`, so the files it creates are 0600 because
//! Convene makes them so, not because the umask happened to.
//! Skipped with a message where strace (or tmux) is missing; `.ci/run` installs them.

use crate::support::tmux::Tmux;
use crate::support::{BIN, mode};
use assert_cmd::Command;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

fn have(tool: &str) -> bool {
    std::process::Command::new(tool)
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn skip_without_strace() -> bool {
    if have("strace") {
        return false;
    }
    println!("strace is not installed: skipping the network test (.ci/run installs it)");
    true
}

/// The shell line that runs convene under strace, writing the trace to `log`.
fn under_strace(log: &Path) -> Vec<String> {
    vec![
        "sh".into(),
        "-c".into(),
        r#"umask 000 && log="$1" && shift && exec strace -f -qq -e trace=network -o "$log" "$@""#
            .into(),
        "sh".into(),
        log.display().to_string(),
        BIN.into(),
    ]
}

/// The network calls in a trace: every line except the notes of exits and signals, and
/// one call the terminal library makes: crossterm wakes its input poll on a window resize
/// through signal-hook's self-pipe, which is `UnixStream::pair()`, an unnamed pair of
/// connected endpoints inside the process that has no address and can reach nothing; and
/// what is sent or received on such a pair. Any other call (`socket`, `connect`, `bind`,
/// `sendto` on anything else, a named socketpair...) fails.
fn network_calls(log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(log).expect("strace wrote its log");
    // The two ends of a local socket pair (the key reader wakes itself through one); any
    // socket that could reach a network is made by socket() and shows as that call.
    let mut local = std::collections::BTreeSet::new();
    for line in text.lines().filter(|l| l.contains(" socketpair(AF_UNIX, ")) {
        if let Some(fds) = line.split('[').nth(1).and_then(|r| r.split(']').next()) {
            local.extend(fds.split(", ").map(str::to_string));
        }
    }
    let on_local = |l: &str| {
        let fd = l.split('(').nth(1).and_then(|r| r.split(',').next());
        fd.is_some_and(|fd| local.contains(fd))
    };
    text.lines()
        .filter(|l| {
            !l.contains("+++ exited") && !l.contains("+++ killed") && !l.contains("--- SIG")
        })
        .filter(|l| !l.contains(" socketpair(AF_UNIX, ") && !on_local(l))
        .map(str::to_string)
        .collect()
}

/// Runs `convene ARGS` under strace and umask 000; it must succeed and touch no network.
fn offline(tmp: &Path, name: &str, args: &[&OsStr]) -> Vec<u8> {
    let log = tmp.join(format!("{name}.strace"));
    let line = under_strace(&log);
    let output = Command::new(&line[0])
        .args(&line[1..])
        .args(args)
        .env_remove("CONVENE_DATA_DIR")
        .env("HOME", tmp.join("home"))
        .env_remove("XDG_DATA_HOME")
        .assert()
        .success()
        .get_output()
        .clone();
    let calls = network_calls(&log);
    assert!(
        calls.is_empty(),
        "`convene {name}` made network calls:\n{calls:#?}"
    );
    output.stdout
}

fn session_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("sessions"))
        .expect("the sessions folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_command_works_offline_and_writes_private_files() {
    if skip_without_strace() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let tmp = tmp.path();
    let data = tmp.join("data");
    let people = tmp.join("people.csv");
    std::fs::write(&people, "name,organisation\nAmira Patel,Bromley Council\n").unwrap();
    let issues = tmp.join("issues.csv");
    std::fs::write(
        &issues,
        "title,convener,description\nTransport,Amira Patel,\n",
    )
    .unwrap();
    let os = |s: &'static str| OsStr::new(s);
    let dd = [os("--data-dir"), data.as_os_str()];

    let out = offline(
        tmp,
        "new",
        &[
            dd[0],
            dd[1],
            os("new"),
            os("Home from hospital"),
            os("--no-open"),
            os("--space"),
            os("Hall"),
            os("--slot"),
            os("Morning"),
            os("--participants"),
            people.as_os_str(),
        ],
    );
    let session = PathBuf::from(String::from_utf8(out).unwrap().trim());
    offline(tmp, "list", &[dd[0], dd[1], os("list")]);
    offline(tmp, "list-json", &[dd[0], dd[1], os("list"), os("--json")]);
    offline(
        tmp,
        "import",
        &[
            dd[0],
            dd[1],
            os("import"),
            session.as_os_str(),
            os("--issues"),
            issues.as_os_str(),
        ],
    );
    offline(
        tmp,
        "check",
        &[dd[0], dd[1], os("check"), session.as_os_str()],
    );
    offline(tmp, "log", &[dd[0], dd[1], os("log"), session.as_os_str()]);
    // The data directory from the environment ($HOME), as a user without flags has it.
    offline(tmp, "list-default-dir", &[os("list")]);

    let mut written = vec![session.clone(), convene::store::lock_path(&session)];
    for (format, table, name) in [
        ("json", None, "export.json"),
        ("markdown", None, "export.md"),
        ("html", None, "export.html"),
        ("csv", None, "issues.csv"),
        ("csv", Some("actions"), "actions.csv"),
    ] {
        let out = tmp.join(name);
        let mut args = vec![dd[0], dd[1], os("export"), os("--format"), os(format)];
        if let Some(table) = table {
            args.extend([os("--table"), os(table)]);
        }
        args.extend([os("-o"), out.as_os_str(), session.as_os_str()]);
        offline(tmp, &format!("export-{name}"), &args);
        written.push(out);
    }
    let anonymous = offline(
        tmp,
        "export-anonymous",
        &[
            dd[0],
            dd[1],
            os("export"),
            os("--format"),
            os("json"),
            os("--anonymous"),
            session.as_os_str(),
        ],
    );
    assert!(!anonymous.is_empty());

    let synth = tmp.join("synth.json");
    offline(
        tmp,
        "synth",
        &[
            os("synth"),
            os("--events"),
            os("300"),
            os("-o"),
            synth.as_os_str(),
        ],
    );
    written.push(synth);

    for path in &written {
        assert_eq!(mode(path), 0o600, "{} under umask 000", path.display());
    }
    assert_eq!(mode(&data.join("sessions")), 0o700);
}

/// A session created, an issue typed and saved, every pane shown, then quit: the app in a
/// real terminal, traced from start to exit.
#[test]
fn the_app_opens_no_socket() {
    if skip_without_strace() {
        return;
    }
    if !have("tmux") {
        println!("tmux is not installed: skipping the app's network test (.ci/run installs it)");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let log = tmp.path().join("app.strace");
    let mut line = under_strace(&log);
    line.extend(
        [
            "--data-dir",
            &data.display().to_string(),
            "new",
            "Home from hospital",
            "--space",
            "Hall",
            "--slot",
            "Morning",
        ]
        .map(String::from),
    );
    let quoted: Vec<String> = line
        .iter()
        .map(|a| format!("'{}'", a.replace('\'', r"'\''")))
        .collect();
    let tmux = Tmux::start("offline", 100, 30, &quoted.join(" "));
    tmux.wait_for("Opening");
    tmux.keys(&["2", "a"]);
    tmux.wait_for("New issue");
    tmux.text("Discharge on Fridays");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Added issue 1");
    tmux.keys(&["Escape", "3", "4", "5", "6", "1", "q"]);
    tmux.wait_until_gone();

    let calls = network_calls(&log);
    assert!(calls.is_empty(), "the app made network calls:\n{calls:#?}");
    let files = session_files(&data);
    assert_eq!(files.len(), 1, "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("Discharge on Fridays"), "the issue was saved");
    assert_eq!(mode(&files[0]), 0o600, "saved by the app under umask 000");
}
