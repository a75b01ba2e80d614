//! Reporting clocks: «1小时内», «30分钟之内», «2小时», «立即» in a sentence that reports
//! (报告/报送/上报/续报), with to whom («向市指挥部办公室报告») and its start («事故发生后»).

use super::text::{Piece, Seg};

/// A limit as the plan words it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// 立即, 及时, 随时, 同时: no number.
    None,
    Minutes(u32),
    /// "12时前" → (12, 0); "当日" → (24, 0).
    ByClock(u32, u32),
    Days(u32),
    WorkingDays(u32),
}

#[derive(Debug, Clone)]
pub struct Clock {
    pub limit: Limit,
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

/// A limit at `i`: the limit and its length in characters.
fn limit_at(s: &Seg, i: usize) -> Option<(Limit, usize)> {
    // Words without a number: "立即报告", "及时向…报告", "随时续报", "同时报告"; "当日".
    for w in ["立即", "及时", "随时", "同时"] {
        if s.starts_at(i, w)
            && ["报", "上报", "向", "续报"]
                .iter()
                .any(|v| s.starts_at(i + 2, v))
        {
            return Some((Limit::None, 2));
        }
    }
    if s.starts_at(i, "当日") && !s.starts_at(i + 2, "起") {
        return Some((Limit::ByClock(24, 0), 2));
    }
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
            return (minutes > 0)
                .then_some((Limit::Minutes(minutes), j - i + unit.chars().count()));
        }
    }
    let len = |w: &str| j - i + w.chars().count();
    for w in ["个工作日", "工作日"] {
        if s.starts_at(j, w) && n > 0 {
            return Some((Limit::WorkingDays(n), len(w)));
        }
    }
    for w in ["日内", "天内"] {
        if s.starts_at(j, w) && n > 0 {
            return Some((Limit::Days(n), len(w) - 1));
        }
    }
    for w in ["时前", "点前"] {
        if s.starts_at(j, w) && (1..=24).contains(&n) {
            return Some((Limit::ByClock(n, 0), len(w)));
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
        let mut found: Vec<(usize, usize, Limit)> = Vec::new();
        for i in 0..s.chars.len() {
            if let Some((limit, n)) = limit_at(s, i) {
                if !found.iter().any(|f| i < f.1) {
                    found.push((i, i + n, limit));
                }
            }
        }
        for (a, b, limit) in found {
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
            // The start nearest before the limit: the incident, or a report received.
            let before: String = s.chars[..a].iter().collect();
            let last = |words: &[&str]| words.iter().filter_map(|w| before.rfind(w)).max();
            let incident = last(&["发生后", "事发", "发生事故后"]);
            let receipt = last(&["接到报告后", "接报后", "接到事故报告后", "收到"]);
            out.push(Clock {
                limit,
                limit_text,
                who: None,
                to,
                from_incident: match (incident, receipt) {
                    (Some(i), Some(r)) => i > r,
                    (i, _) => i.is_some(),
                },
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
            "单位负责人接到报告后,应当于1小时内向事故发生地县级以上人民政府应急管理部门报告。\n事故发生后,必须在30分钟之内上报书面信息;情况紧急时立即报告。\n",
            1,
            2,
        );
        let c = find(&segs);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].limit, Limit::Minutes(60));
        assert_eq!(c[0].limit_text, "1小时内");
        assert_eq!(
            c[0].to.as_deref(),
            Some("事故发生地县级以上人民政府应急管理部门")
        );
        assert!(!c[0].from_incident);
        assert_eq!(c[1].limit, Limit::Minutes(30));
        assert_eq!(c[1].limit_text, "30分钟之内");
        assert!(c[1].from_incident);
        assert_eq!(c[1].piece.line, 2);
        assert_eq!(
            (c[2].limit, c[2].limit_text.as_str()),
            (Limit::None, "立即")
        );
        let segs = segments(
            "于12点前提交指挥部办公室报告;终报在预警解除后2个工作日内上报;5日内报送。",
            1,
            1,
        );
        let limits: Vec<Limit> = find(&segs).iter().map(|c| c.limit).collect();
        assert_eq!(
            limits,
            vec![Limit::ByClock(12, 0), Limit::WorkingDays(2), Limit::Days(5)]
        );
    }
}
