//! What every command's outcome looks like on the way out: a reader that stopped reading
//! (`convene log FILE | head`) is not an error, and error text is made safe for the
//! terminal since it may quote names from a file.

use std::process::ExitCode;

pub fn settle(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Ok(code) => Ok(code),
        Err(err) if is_broken_pipe(&err) => Ok(ExitCode::SUCCESS),
        Err(err) => Err(anyhow::anyhow!(
            crate::text::line(&message(&err)).into_owned()
        )),
    }
}

/// The error and its causes on one line, each cause once: most of our errors already
/// quote their cause ("…: cannot read: Permission denied"), and saying it again after
/// another colon only makes the line longer.
pub fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_quoted_is_not_said_twice() {
        let io = std::io::Error::from_raw_os_error(13);
        let err = anyhow::Error::new(crate::store::LoadError::Io {
            path: "/x/s.json".into(),
            source: io,
        });
        assert_eq!(
            message(&err),
            "/x/s.json: cannot read: Permission denied (os error 13)"
        );
        let err = anyhow::anyhow!("inner").context("outer");
        assert_eq!(message(&err), "outer: inner");
    }
}
