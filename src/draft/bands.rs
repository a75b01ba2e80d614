//! Grading bands: «造成3人以上10人以下死亡»、«1000万元以上5000万元以下直接经济损失» under a grade
//! («较大事故:…»), each bound's inclusivity from its own words («及以上») or the bounds clause, and
//! which counts a criterion sums («重伤(包括急性工业中毒,下同)», «死亡(含失踪)»). A bound whose
//! inclusivity the text does not settle is never guessed: the band is left out with a note.

use super::bounds::Bounds;
use super::text::{Piece, Seg};

pub const GRADES: [&str; 4] = ["特别重大", "重大", "较大", "一般"];

/// What a criterion measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Deaths,
    /// «造成或可能造成N人以上死亡»: the deaths a duty officer estimates, graded like the deaths.
    PotentialDeaths,
    Injuries,
    Loss,
}

impl Kind {
    pub fn id(self) -> &'static str {
        match self {
            Kind::Deaths => "deaths",
            Kind::PotentialDeaths => "potential_deaths",
            Kind::Injuries => "serious_injuries",
            Kind::Loss => "direct_loss",
        }
    }
    pub fn unit(self) -> &'static str {
        match self {
            Kind::Loss => "万元",
            _ => "人",
        }
    }
}

/// One bound: value (persons, or 万元) and whether it counts itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub value: f64,
    pub inclusive: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub kind: Kind,
    pub grade: &'static str,
    pub min: Option<Edge>,
    pub max: Option<Edge>,
    /// Facts counted besides the main one (`missing`, `trapped`, `poisoned`).
    pub extra: Vec<&'static str>,
    pub piece: Piece,
    pub sentence: String,
}

/// A band the text gives but whose inclusivity it does not settle.
#[derive(Debug, Clone)]
pub struct Unsure {
    pub what: String,
    pub piece: Piece,
    pub sentence: String,
}

/// A grade word at `i` ("较大" followed, within a few characters, by 事故/事件): the grade.
fn grade_at(s: &Seg, i: usize) -> Option<&'static str> {
    let g = GRADES.iter().find(|g| s.starts_at(i, g))?;
    // "特别重大" holds "重大": only the longest match at a position counts.
    if *g == "重大" && i >= 2 && s.starts_at(i - 2, "特别重大") {
        return None;
    }
    let after = i + g.chars().count();
    let window: String = s.chars[after..(after + 8).min(s.chars.len())]
        .iter()
        .collect();
    let near = ["事故", "事件"]
        .iter()
        .filter_map(|w| window.find(w))
        .min()?;
    // Only a short qualifier in between ("生产安全", "特种设备安全", "安全").
    let between = &window[..near];
    (between.chars().count() <= 6
        && !between.contains(['，', ',', '。'])
        && !between.contains("影响"))
    .then_some(*g)
}

fn number(s: &Seg, mut i: usize) -> Option<(f64, usize)> {
    let start = i;
    while i < s.chars.len() && (s.chars[i].is_ascii_digit() || s.chars[i] == '.') {
        i += 1;
    }
    let text: String = s.chars[start..i].iter().collect();
    text.parse::<f64>().ok().map(|v| (v, i))
}

fn skip_ws(s: &Seg, mut i: usize) -> usize {
    while i < s.chars.len() && s.chars[i].is_whitespace() {
        i += 1;
    }
    i
}

/// A unit after a number: persons, or money as a factor to 万元.
fn unit(s: &Seg, i: usize) -> Option<(bool, f64, usize)> {
    for (u, money, factor) in [
        ("人", false, 1.0),
        ("亿元", true, 10000.0),
        ("亿", true, 10000.0),
        ("万元", true, 1.0),
        ("元", true, 0.0001),
    ] {
        if s.starts_at(i, u) {
            return Some((money, factor, i + u.chars().count()));
        }
    }
    None
}

/// A word qualifying a bound: (is lower bound, inclusive by its own words, length).
fn qualifier(s: &Seg, i: usize) -> Option<(bool, Option<bool>, usize)> {
    // "(包括3人)以上", "(含3人)以上": the number itself is included.
    let mut j = i;
    let mut own = None;
    if s.starts_at(j, "(") || s.starts_at(j, "（") {
        let close = (j..s.chars.len().min(j + 10)).find(|&k| ")）".contains(s.chars[k]))?;
        let inner: String = s.chars[j + 1..close].iter().collect();
        if inner.starts_with("包括") || inner.starts_with('含') {
            own = Some(true);
            j = close + 1;
        } else {
            return None;
        }
    }
    for (w, lower, incl) in [
        ("及以上", true, Some(true)),
        ("以上", true, None),
        ("及以下", false, Some(true)),
        ("以下", false, None),
    ] {
        if s.starts_at(j, w) {
            let incl = if lower { own.or(incl) } else { incl };
            return Some((lower, incl, j + w.chars().count() - i));
        }
    }
    None
}

/// Parenthesis depth before each character.
fn depths(s: &Seg) -> Vec<u32> {
    let mut d = 0u32;
    s.chars
        .iter()
        .map(|c| {
            let here = d;
            match c {
                '(' | '（' => d += 1,
                ')' | '）' => d = d.saturating_sub(1),
                _ => {}
            }
            here
        })
        .collect()
}

struct Expr {
    start: usize,
    end: usize,
    money: bool,
    min: Option<(f64, Option<bool>)>,
    max: Option<(f64, Option<bool>)>,
}

/// "N人以上", "N人以上M人以下", "N万元以上、M亿元以下", "N人以下" at `i`.
fn expr(s: &Seg, i: usize) -> Option<Expr> {
    let (a, j) = number(s, i)?;
    let (money, fa, j) = unit(s, j)?;
    let (lower, incl, n) = qualifier(s, j)?;
    let mut e = Expr {
        start: i,
        end: j + n,
        money,
        min: None,
        max: None,
    };
    if !lower {
        e.max = Some((a * fa, incl));
        return Some(e);
    }
    e.min = Some((a * fa, incl));
    let mut k = skip_ws(s, e.end);
    if s.starts_at(k, "、") || s.starts_at(k, "至") || s.starts_at(k, "到") {
        k = skip_ws(s, k + 1);
    }
    if let Some((b, k2)) = number(s, k) {
        if let Some((m2, fb, k3)) = unit(s, k2) {
            if let Some((false, incl2, n2)) = qualifier(s, k3) {
                if m2 == money {
                    e.max = Some((b * fb, incl2));
                    e.end = k3 + n2;
                }
            }
        }
    }
    Some(e)
}

/// The criterion an expression measures: the noun after it (死亡, 重伤, 中毒, 经济损失), else a
/// money noun before it in the same clause ("造成直接经济损失1亿元以上"). Returns the kind, the end
/// of the noun (with its parenthesis, if any) and the extra facts it names.
fn criterion(s: &Seg, e: &Expr) -> Option<(Kind, usize, usize, Vec<&'static str>)> {
    let mut i = skip_ws(s, e.end);
    if s.starts_at(i, "的") {
        i += 1;
    }
    let nouns: [(&str, Kind); 6] = [
        ("死亡", Kind::Deaths),
        ("重伤", Kind::Injuries),
        ("中毒", Kind::Injuries),
        ("急性工业中毒", Kind::Injuries),
        ("直接经济损失", Kind::Loss),
        ("经济损失", Kind::Loss),
    ];
    let after = nouns.iter().find(|(w, _)| s.starts_at(i, w));
    let (kind, start, mut end) = match after {
        Some((w, k)) => (*k, e.start, i + w.chars().count()),
        None => {
            // Before: back to the clause's start.
            let from = (0..e.start)
                .rev()
                .find(|&k| ",，;；或".contains(s.chars[k]))
                .map_or(0, |k| k + 1);
            let at = s.find("经济损失", from).filter(|&k| k < e.start)?;
            let at = if at >= 2 && s.starts_at(at - 2, "直接") {
                at - 2
            } else {
                at
            };
            (Kind::Loss, at, e.end)
        }
    };
    if (kind == Kind::Loss) != e.money {
        return None;
    }
    let mut extra = Vec::new();
    // "重伤、中毒", "中毒或重伤": both counted.
    let tail: String = s.chars[end..(end + 4).min(s.chars.len())].iter().collect();
    if kind == Kind::Injuries {
        let head: String = s.chars[i..end].iter().collect();
        if head.contains("中毒") || tail.starts_with("、中毒") || tail.starts_with("或重伤")
        {
            extra.push("poisoned");
            if tail.starts_with("、中毒") || tail.starts_with("或重伤") {
                end += 3;
            }
        }
    }
    // The noun's parenthesis: "(包括急性工业中毒,下同)", "(含失踪或受困人数在30人以上)".
    if s.starts_at(end, "(") || s.starts_at(end, "（") {
        if let Some(close) =
            (end..s.chars.len().min(end + 40)).find(|&k| ")）".contains(s.chars[k]))
        {
            let inner: String = s.chars[end + 1..close].iter().collect();
            match kind {
                Kind::Injuries if inner.contains("中毒") => extra.push("poisoned"),
                Kind::Deaths => {
                    if inner.contains("失踪") || inner.contains("失联") {
                        extra.push("missing");
                    }
                    if inner.contains("受困") || inner.contains("被困") {
                        extra.push("trapped");
                    }
                }
                _ => {}
            }
            end = close + 1;
        }
    }
    extra.dedup();
    Some((kind, start, end, extra))
}

pub fn find(segs: &[Seg], bounds: &Bounds) -> (Vec<Band>, Vec<Unsure>) {
    let mut bands: Vec<Band> = Vec::new();
    let mut unsure = Vec::new();
    // A heading that names only a grade ("(3)较大事故") carries over to the next segment; a table
    // header's cells name the grade of each column.
    let mut carried: Option<&'static str> = None;
    let mut columns: Vec<(u16, &'static str)> = Vec::new();
    for s in segs {
        let depth = depths(s);
        let mut grade = carried.take();
        if let Some(k) = s.cell {
            if let Some((_, g)) = columns.iter().find(|(c, _)| *c == k) {
                grade = Some(g);
            }
        }
        let mut found_number = false;
        let mut i = 0;
        let mut heading_grade = None;
        while i < s.chars.len() {
            if let Some(g) = grade_at(s, i) {
                grade = Some(g);
                heading_grade.get_or_insert(g);
                i += 2;
                continue;
            }
            let Some(e) = (s.chars[i].is_ascii_digit()
                && (i == 0 || !(s.chars[i - 1].is_ascii_digit() || s.chars[i - 1] == '.'))
                && depth[i] == 0)
                .then(|| expr(s, i))
                .flatten()
            else {
                if s.chars[i].is_ascii_digit() {
                    found_number = true;
                }
                i += 1;
                continue;
            };
            found_number = true;
            i = e.end;
            let (Some(g), Some((kind, start, end, extra))) = (grade, criterion(s, &e)) else {
                continue;
            };
            let piece = s.piece(start.min(e.start), end.max(e.end));
            let edge = |b: Option<(f64, Option<bool>)>, plain: Option<bool>| match b {
                None => Ok(None),
                Some((value, own)) => own
                    .or(plain)
                    .map(|inclusive| Some(Edge { value, inclusive }))
                    .ok_or(()),
            };
            match (
                edge(e.min, bounds.above_inclusive),
                edge(e.max, bounds.below_inclusive),
            ) {
                (Ok(min), Ok(max)) => {
                    // "造成3人以下死亡" is read as at least one (the curated plans' reading, note
                    // zero-consequence): nothing caused does not fall in the lowest band.
                    let min = min.or(max.map(|_| Edge {
                        value: 0.0,
                        inclusive: false,
                    }));
                    // "造成或可能造成30人以上死亡": the estimate is a criterion of its own.
                    let clause_start = (0..e.start)
                        .rev()
                        .find(|&k| ",，;；。".contains(s.chars[k]))
                        .map_or(0, |k| k + 1);
                    let possible = s.find("可能造成", clause_start).filter(|&k| k < e.start);
                    if let (Kind::Deaths, Some(at)) = (kind, possible) {
                        let from = s
                            .find("造成", clause_start)
                            .filter(|&k| k < at)
                            .unwrap_or(at);
                        let noun_end = e.end + 2;
                        if !bands
                            .iter()
                            .any(|b| b.kind == Kind::PotentialDeaths && b.grade == g)
                        {
                            bands.push(Band {
                                kind: Kind::PotentialDeaths,
                                grade: g,
                                min,
                                max,
                                extra: Vec::new(),
                                piece: s.piece(from, noun_end),
                                sentence: s.text(),
                            });
                        }
                    }
                    if !bands.iter().any(|b| b.kind == kind && b.grade == g) {
                        bands.push(Band {
                            kind,
                            grade: g,
                            min,
                            max,
                            extra,
                            piece,
                            sentence: s.text(),
                        });
                    }
                }
                _ => unsure.push(Unsure {
                    what: format!("{g} {}", piece.quote),
                    piece,
                    sentence: s.text(),
                }),
            }
        }
        if let Some(g) = heading_grade.filter(|_| !found_number) {
            carried = Some(g);
            if let Some(k) = s.cell {
                columns.retain(|(c, _)| *c != k);
                columns.push((k, g));
            }
        }
    }
    (bands, unsure)
}

/// Whether one criterion's bands tile the line (sorted by lower bound, each upper bound meeting the
/// next lower bound with complementary inclusivity, the top band unbounded).
pub fn tiles(bands: &[&Band]) -> bool {
    let lower = |b: &&Band| b.min.map_or(0.0, |m| m.value);
    let mut sorted: Vec<&Band> = bands.to_vec();
    sorted.sort_by(|a, b| lower(a).total_cmp(&lower(b)));
    let joined = sorted.windows(2).all(|w| match (w[0].max, w[1].min) {
        (Some(a), Some(b)) => a.value == b.value && a.inclusive != b.inclusive,
        _ => false,
    });
    joined && sorted.last().is_some_and(|b| b.max.is_none())
}

#[cfg(test)]
mod tests {
    use super::super::bounds;
    use super::super::text::segments;
    use super::*;

    const TEXT: &str = "本预案所称以上含本数,以下不含本数。\n(3)较大事故\n造成3人以上10人以下死亡,或者10人以上50人以下重伤(包括急性工业中毒,下同),或者1000万元以上5000万元以下直接经济损失的事故。\n";

    #[test]
    fn bands_with_the_bounds_clause() {
        let segs = segments(TEXT, 1, 3);
        let (bands, unsure) = find(&segs, &bounds::find(&segs));
        assert!(unsure.is_empty());
        assert_eq!(bands.len(), 3);
        let d = &bands[0];
        assert_eq!((d.kind, d.grade), (Kind::Deaths, "较大"));
        assert_eq!(
            d.min,
            Some(Edge {
                value: 3.0,
                inclusive: true
            })
        );
        assert_eq!(
            d.max,
            Some(Edge {
                value: 10.0,
                inclusive: false
            })
        );
        assert_eq!(d.piece.quote, "3人以上10人以下死亡");
        assert_eq!(bands[1].extra, vec!["poisoned"]);
        assert_eq!(bands[2].kind, Kind::Loss);
        assert_eq!(bands[2].min.unwrap().value, 1000.0);
        assert_eq!(bands[2].piece.line, 3);
    }

    #[test]
    fn without_the_clause_nothing_is_guessed() {
        let segs = segments(TEXT, 2, 3);
        let (bands, unsure) = find(&segs, &bounds::find(&segs));
        assert!(bands.is_empty());
        assert_eq!(unsure.len(), 3);
        // Its own words settle it: "及以上" counts itself.
        let segs = segments("较大事故:造成3人及以上死亡的事故。", 1, 1);
        let (bands, _) = find(&segs, &bounds::find(&segs));
        assert_eq!(
            bands[0].min,
            Some(Edge {
                value: 3.0,
                inclusive: true
            })
        );
    }

    #[test]
    fn money_before_the_number_and_counts_in_parentheses() {
        let segs = segments(
            "以上含本数,以下不含本数。 一级(特别重大生产安全事故) 造成或可能造成30人以上死亡(含失踪或受困人数在30人以上)的,造成100人以上中毒或重伤的,造成直接经济损失1亿元以上或特别重大社会影响等事故。",
            1,
            1,
        );
        let (bands, _) = find(&segs, &bounds::find(&segs));
        assert_eq!(bands.len(), 4, "{bands:?}");
        assert_eq!(bands[0].kind, Kind::PotentialDeaths);
        assert_eq!(bands[0].piece.quote, "造成或可能造成30人以上死亡");
        assert_eq!(bands[1].extra, vec!["missing", "trapped"]);
        assert_eq!(bands[2].extra, vec!["poisoned"]);
        assert_eq!(bands[3].piece.quote, "直接经济损失1亿元以上");
        assert_eq!(bands[3].min.unwrap().value, 10000.0);
        assert!(bands[3].piece.chars.is_some());
    }
}
