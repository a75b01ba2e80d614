//! The seed texts the plans cite, shared by the test files that check quotes against them
//! (`#[path = "support/seeds.rs"] mod seeds;`).

use std::path::PathBuf;

use yingji::plan::Cite;

/// The source texts the plans cite: `$YINGJI_SEEDS`, else `../shared/seeds` beside the checkout (as
/// on the project's machines and in CI). Missing seeds fail the test, saying where it looked.
pub fn seeds_dir() -> PathBuf {
    let dir = std::env::var_os("YINGJI_SEEDS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"),
        PathBuf::from,
    );
    assert!(
        dir.is_dir(),
        "no seed texts at {}: the quote checks need them (set YINGJI_SEEDS to their folder)",
        dir.display()
    );
    dir
}

/// The cited text: lines `line..=line_end` joined with no separator (the seeds wrap sentences across
/// lines), or the `chars` range of one line.
pub fn cited_text(lines: &[&str], cite: &Cite) -> String {
    let first = cite.line as usize;
    let last = cite.line_end.unwrap_or(cite.line) as usize;
    let text: String = (first..=last)
        .filter_map(|n| lines.get(n - 1))
        .copied()
        .collect();
    match cite.chars {
        Some([a, b]) => text
            .chars()
            .skip(a as usize)
            .take((b - a) as usize)
            .collect(),
        None => text,
    }
}
