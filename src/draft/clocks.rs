//! Reporting clocks: «1小时内», «30分钟之内», «2小时», «立即» in a sentence that reports
//! (报告/报送/上报/续报), with to whom («向市指挥部办公室报告») and its start («事故发生后»).

use super::text::{Piece, Seg};

#[derive(Debug, Clone)]
pub struct Clock {
    /// None: 立即 (no number).
    pub minutes: Option<u32>,
    pub limit_text: String,
    pub who: Option<String>,
    pub to: Option<String>,
    /// The plan states the start («事故发生后», «事发»); otherwise the limit has no start point.
    pub from_incident: bool,
    pub piece: Piece,
    pub sentence: String,
}

fn numeral(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match s {
        "两" => Some(2),
        "半" => Some(0),
        "十" => Some(10),
        _ => digits.iter().position(|d| *d == s).map(|n| n as u32),
    }
}

/// A limit at `i`: (minutes, text length).
fn limit_at(s: &Seg, i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    while j < s.chars.len() && s.chars[j].is_ascii_digit() {
        j += 1;
    }
    if j == i {
        j = i + 1;
    }
    let n: String = s.chars[i..j.min(s.chars.len())].iter().collect();
    let n = numeral(&n)?;
    for (unit, factor) in [("个小时", 60), ("小时", 60), ("分钟", 1)] {
        if s.starts_at(j, unit) {
            let minutes = if n == 0 && factor == 60 {
                30
            } else {
                n * factor
            };
            return (minutes > 0).then_some((minutes, j - i + unit.chars().count()));
        }
    }
    None
}

pub fn find(segs: &[Seg]) -> Vec<Clock> {
    let mut out = Vec::new();
    for s in segs {
        if !["报告", "报送", "上报", "续报", "报"]
            .iter()
            .any(|w| s.has(w))
        {
            continue;
        }
        let mut found: Vec<(usize, usize, Option<u32>)> = Vec::new();
        for i in 0..s.chars.len() {
            if let Some((m, n)) = limit_at(s, i) {
                if !found.iter().any(|f| i < f.1) {
                    found.push((i, i + n, Some(m)));
                }
            } else if s.starts_at(i, "立即")
                && (s.starts_at(i + 2, "报")
                    || s.starts_at(i + 2, "上报")
                    || s.starts_at(i + 2, "向"))
            {
                found.push((i, i + 2, None));
            }
        }
        for (a, b, minutes) in found {
            // The clause around the limit: back and forward to the nearest punctuation.
            let from = (0..a)
                .rev()
                .find(|&k| ",，;；。".contains(s.chars[k]))
                .map_or(0, |k| k + 1);
            let to_end = (b..s.chars.len())
                .find(|&k| ",，;；。".contains(s.chars[k]))
                .unwrap_or(s.chars.len());
            let clause: String = s.chars[from..to_end].iter().collect();
            if !["报", "告"].iter().any(|w| clause.contains(w)) {
                continue;
            }
            let mut limit_text: String = s.chars[a..b].iter().collect();
            for w in ["之内", "内"] {
                if s.starts_at(b, w) {
                    limit_text.push_str(w);
                    break;
                }
            }
            let to = s.find("向", from).filter(|&k| k < to_end).and_then(|k| {
                let end = ["报告", "报送", "上报", "续报", "书面报告", "报"]
                    .iter()
                    .filter_map(|w| s.find(w, k + 1))
                    .filter(|&e| e <= to_end)
                    .min()?;
                let name: String = s.chars[k + 1..end].iter().collect();
                let n = name.chars().count();
                (2..=30).contains(&n).then(|| name.trim().to_string())
            });
            let before: String = s.chars[..a].iter().collect();
            out.push(Clock {
                minutes,
                limit_text,
                who: None,
                to,
                from_incident: before.contains("发生后")
                    || before.contains("事发")
                    || before.contains("发生事故后"),
                piece: s.piece(from, to_end),
                sentence: s.text(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn clocks() {
        let segs = segments(
            "事故发生单位负责人接到报告后,应当于1小时内向事故发生地县级以上人民政府应急管理部门报告。\n先用电话快报的,必须在30分钟之内上报书面信息。\n",
            1,
            2,
        );
        let c = find(&segs);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].minutes, Some(60));
        assert_eq!(c[0].limit_text, "1小时内");
        assert_eq!(
            c[0].to.as_deref(),
            Some("事故发生地县级以上人民政府应急管理部门")
        );
        assert!(c[0].from_incident);
        assert_eq!(c[1].minutes, Some(30));
        assert_eq!(c[1].piece.line, 2);
    }
}
