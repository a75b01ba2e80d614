//! Response levels («Ⅰ级响应», «一级应急响应») and the grades that start them («发生重大以上…事故»
//! under the level's heading), with who proposes, starts and commands where the text says it in a
//! standard phrase («由市指挥部指挥长宣布启动»).

use super::bands::GRADES;
use super::text::{Piece, Seg};

#[derive(Debug, Clone)]
pub struct Level {
    /// `I` … `IV`.
    pub id: &'static str,
    pub rank: u8,
    pub name: String,
    /// The sentence that starts it and the grades it names.
    pub trigger: Piece,
    pub grades: Vec<&'static str>,
    pub sentence: String,
    pub proposes: Option<String>,
    pub starts: Option<String>,
    pub commands: Option<String>,
}

const IDS: [&str; 4] = ["I", "II", "III", "IV"];

/// A level named at `i` (the position of "级"): its rank, if "级" is preceded by a numeral and
/// followed by (应急)响应.
fn level_at(s: &Seg, i: usize) -> Option<(u8, String)> {
    if s.chars[i] != '级' {
        return None;
    }
    let mut j = i + 1;
    while j < s.chars.len() && s.chars[j].is_whitespace() {
        j += 1;
    }
    // OCR puts spaces inside words ("二级响 应").
    let word: String = s.chars[j..(j + 8).min(s.chars.len())]
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    let tail = if word.starts_with("应急响应") {
        "应急响应"
    } else if word.starts_with("响应") {
        "响应"
    } else {
        return None;
    };
    let mut k = i;
    while k > 0 && s.chars[k - 1].is_whitespace() {
        k -= 1;
    }
    let before: String = s.chars[k.saturating_sub(3)..k].iter().collect();
    numeral_level(&before, tail)
}

/// The level a numeral before "级" names ("Ⅱ" → 2), shown as the plan writes it.
fn numeral_level(before: &str, tail: &str) -> Option<(u8, String)> {
    let table: [(&str, u8, &str); 12] = [
        ("III", 3, "Ⅲ"),
        ("II", 2, "Ⅱ"),
        ("IV", 4, "Ⅳ"),
        ("I", 1, "Ⅰ"),
        ("Ⅰ", 1, "Ⅰ"),
        ("Ⅱ", 2, "Ⅱ"),
        ("Ⅲ", 3, "Ⅲ"),
        ("Ⅳ", 4, "Ⅳ"),
        ("一", 1, "一"),
        ("二", 2, "二"),
        ("三", 3, "三"),
        ("四", 4, "四"),
    ];
    let (_, rank, shown) = table.iter().find(|(n, _, _)| before.ends_with(n))?;
    // "II" is not the end of "III", nor "I" of "II".
    if before.ends_with("II") && *rank == 1 {
        return None;
    }
    Some((*rank, format!("{shown}级{tail}")))
}

fn levels_in(s: &Seg) -> Vec<(u8, String)> {
    let mut out: Vec<(u8, String)> = Vec::new();
    for i in 0..s.chars.len() {
        if let Some(l) = level_at(s, i) {
            if !out.iter().any(|o| o.0 == l.0) {
                out.push(l);
            }
        }
    }
    out
}

/// "发生重大以上…事故", "发生特别重大、重大…事故": the grades named between 发生 and 事故/事件.
fn trigger(s: &Seg) -> Option<(usize, usize, Vec<&'static str>)> {
    let at = s.find("发生", 0)?;
    let stop = (at..s.chars.len().min(at + 40))
        .find(|&k| s.starts_at(k, "事故") || s.starts_at(k, "事件"))?;
    let mut grades: Vec<&'static str> = Vec::new();
    let mut k = at;
    while k < stop {
        match GRADES.iter().find(|g| s.starts_at(k, g)) {
            Some(g) => {
                let len = g.chars().count();
                let rank = GRADES.iter().position(|x| x == g).unwrap_or(0);
                if s.starts_at(k + len, "以上") || s.starts_at(k + len, "及以上") {
                    grades.extend(&GRADES[..=rank]);
                } else {
                    grades.push(g);
                }
                k += len;
            }
            None => {
                if ",，;；。".contains(s.chars[k]) {
                    return None;
                }
                k += 1;
            }
        }
    }
    grades.sort_by_key(|g| GRADES.iter().position(|x| x == g));
    grades.dedup();
    (!grades.is_empty()).then_some((at, stop + 2, grades))
}

/// The actor written before `word` in the same clause ("由市指挥部指挥长宣布启动" → 市指挥部指挥长).
fn actor(s: &Seg, words: &[&str]) -> Option<String> {
    for w in words {
        let Some(at) = s.find(w, 0) else { continue };
        let from = (0..at)
            .rev()
            .find(|&k| ",，;；。:：、)）".contains(s.chars[k]))
            .map_or(0, |k| k + 1);
        let who: String = s.chars[from..at].iter().collect();
        let who = who.trim();
        let who = who.strip_prefix('由').unwrap_or(who);
        let who = who.strip_prefix('经').unwrap_or(who);
        let n = who.chars().count();
        if (2..=24).contains(&n)
            && (who.contains("指挥")
                || who.contains("政府")
                || who.contains("办公室")
                || who.contains('长'))
        {
            return Some(who.to_string());
        }
    }
    None
}

pub fn find(segs: &[Seg]) -> (Vec<Level>, Option<(Piece, String)>) {
    let mut levels: Vec<Level> = Vec::new();
    let mut intro = None;
    let mut context: Option<(u8, String, usize)> = None;
    let mut row: Option<(u32, (u8, String))> = None;
    for (n, s) in segs.iter().enumerate() {
        let mut named = levels_in(s);
        // A response table: the row's first cell names the level ("一级\t发生…"); the other cells
        // of the row belong to it, whatever levels they mention ("在做好三级响应基础上").
        if s.cell == Some(0) {
            let t: String = s.text().split_whitespace().collect();
            row = t
                .strip_suffix('级')
                .and_then(|n| numeral_level(n, "响应"))
                .filter(|_| t.chars().count() <= 4)
                .map(|l| (s.line(), l));
        }
        if let (Some(k), Some((line, l))) = (s.cell, &row) {
            if k > 0 && *line == s.line() {
                named = vec![l.clone()];
            }
        }
        if intro.is_none() && !named.is_empty() {
            intro = Some((s.whole(), s.text()));
        }
        if named.len() == 1 {
            let (rank, name) = named[0].clone();
            context = Some((rank, name, n));
        }
        let Some((rank, name, since)) = context.clone() else {
            continue;
        };
        if n - since > 6 || named.len() > 1 {
            continue;
        }
        // Who proposes, starts, commands: the first standard phrase under the level's heading.
        if let Some(l) = levels.iter_mut().find(|l| l.rank == rank) {
            if l.starts.is_none() {
                l.starts = actor(s, &["宣布启动", "决定启动", "启动"]);
            }
            if l.proposes.is_none() {
                l.proposes = actor(s, &["提出", "建议"]);
            }
            if l.commands.is_none() {
                l.commands = actor(s, &["统一指挥", "组织指挥", "指挥"]);
            }
        }
        let Some((a, b, grades)) = trigger(s) else {
            continue;
        };
        if levels.iter().any(|l| l.rank == rank) {
            continue;
        }
        // A grade already starting a higher level is not claimed again.
        let grades: Vec<&'static str> = grades
            .into_iter()
            .filter(|g| !levels.iter().any(|l| l.grades.contains(g)))
            .collect();
        if grades.is_empty() {
            continue;
        }
        levels.push(Level {
            id: IDS[(rank - 1) as usize],
            rank,
            name,
            trigger: s.piece(a, b),
            grades,
            sentence: s.text(),
            proposes: actor(s, &["提出", "建议"]),
            starts: actor(s, &["宣布启动", "决定启动"]),
            commands: actor(s, &["统一指挥", "组织指挥"]),
        });
    }
    levels.sort_by_key(|l| l.rank);
    (levels, intro)
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn levels_and_their_grades() {
        let text = "4.2.1 Ⅰ级响应\n(1)发生重大以上突发事件或超出市指挥部处置能力的。\n4.2.2 Ⅱ级响应\n(1)发生较大事故的。\n由市指挥部指挥长宣布启动Ⅱ级响应。\n";
        let (levels, intro) = find(&segments(text, 1, 5));
        assert_eq!(levels.len(), 2);
        assert_eq!(levels[0].id, "I");
        assert_eq!(levels[0].grades, vec!["特别重大", "重大"]);
        assert_eq!(levels[0].trigger.quote, "发生重大以上突发事件");
        assert_eq!(levels[0].trigger.line, 2);
        assert_eq!(levels[1].grades, vec!["较大"]);
        assert_eq!(levels[1].starts.as_deref(), Some("市指挥部指挥长"));
        assert_eq!(intro.unwrap().0.line, 1);
    }
}
