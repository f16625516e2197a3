//! Any bytes as a names file or an issues CSV: rows or a clear refusal, never a panic, in
//! one pass; every row's line number is where that row starts, as a recount from the top
//! of the file finds it, and rows come in order.
#![no_main]

use convene::sheet::{Lines, line_breaks, parse_issues, parse_names};
use libfuzzer_sys::fuzz_target;

/// The line a record at `offset` starts on, counted from the top every time (the slow,
/// obviously right way the reader used to take).
fn recount(bytes: &[u8], offset: usize) -> u64 {
    let mut start = offset.min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
        start += 1;
    }
    line_breaks(bytes, 0, start) + 1
}

fuzz_target!(|data: &[u8]| {
    let last_line = line_breaks(data, 0, data.len()) + 1;
    if let Ok(rows) = parse_issues(data) {
        assert!(rows.windows(2).all(|w| w[0].row < w[1].row), "rows out of order");
        assert!(rows.iter().all(|r| (1..=last_line).contains(&r.row)));
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(people) = parse_names(text)
    {
        assert!(people.windows(2).all(|w| w[0].line < w[1].line), "lines out of order");
        assert!(people.iter().all(|p| !p.name.trim().is_empty() || text.contains(',')));
    }
    // The counter that moves forward agrees with a recount, forwards and backwards.
    let mut lines = Lines::new(data);
    let step = 1 + data.len() / 64;
    let offsets: Vec<usize> = (0..=data.len() + 1).step_by(step).collect();
    for &at in offsets.iter().chain(offsets.iter().rev()) {
        assert_eq!(lines.line_at(at as u64), recount(data, at), "offset {at}");
    }
});
