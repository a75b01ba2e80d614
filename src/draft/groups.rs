//! The command body («成立…指挥部»), its office («办公室设在…»), and the working groups
//! («综合协调组:由市应急管理局牵头,成员单位:市公安局、市卫健委…»).

use super::text::{Piece, Seg};

#[derive(Debug, Clone)]
pub struct Body {
    pub name: String,
    pub piece: Piece,
    pub sentence: String,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub lead: String,
    pub members: Vec<String>,
    /// The duties in the plan's words (a part of the cited text).
    pub duties: String,
    pub piece: Piece,
    pub sentence: String,
}

#[derive(Debug, Clone, Default)]
pub struct Organisation {
    pub command: Option<Body>,
    pub office: Option<Body>,
    pub groups_intro: Option<Body>,
    pub groups: Vec<Group>,
}

/// The name ending at `end` (exclusive) back to the verb or punctuation before it.
fn name_before(s: &Seg, end: usize, max: usize) -> String {
    let from = (0..end)
        .rev()
        .take(max)
        .find(|&k| ",，;；。:：、(（)）".contains(s.chars[k]) || s.chars[k].is_whitespace())
        .map_or(end.saturating_sub(max), |k| k + 1);
    let name: String = s.chars[from..end].iter().collect();
    for verb in ["成立", "设立", "组建", "设"] {
        if let Some((_, rest)) = name.split_once(verb) {
            return rest.to_string();
        }
    }
    name
}

pub fn find(segs: &[Seg]) -> Organisation {
    let mut o = Organisation::default();
    for s in segs {
        if o.command.is_none() && (s.has("成立") || s.has("设立")) {
            if let Some(at) = s.find("指挥部", 0) {
                let name = format!("{}指挥部", name_before(s, at, 30));
                o.command = Some(Body {
                    name,
                    piece: s.whole(),
                    sentence: s.text(),
                });
            }
        }
        if o.office.is_none() {
            if let Some(at) = s.find("办公室设在", 0) {
                o.office = Some(Body {
                    name: format!("{}办公室", name_before(s, at, 20)),
                    piece: s.whole(),
                    sentence: s.text(),
                });
            }
        }
        if o.groups_intro.is_none()
            && s.has("工作组")
            && (s.has("设") || s.has("成立") || s.has("分为"))
        {
            o.groups_intro = Some(Body {
                name: String::new(),
                piece: s.whole(),
                sentence: s.text(),
            });
        }
    }
    for (n, s) in segs.iter().enumerate() {
        if let Some(g) = group(s).or_else(|| group_under_heading(&segs[n..])) {
            if !o.groups.iter().any(|x| x.name == g.name) {
                o.groups.push(g);
            }
        }
    }
    o
}

/// Units listed with 、 (not inside parentheses: "事发地县(市、区)人民政府" is one unit).
fn units(text: &str) -> Vec<String> {
    let text = text
        .replace("等相关部门及", "、")
        .replace("等部门及", "、")
        .replace("等相关部门", "、")
        .replace("等有关部门", "、");
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut cur = String::new();
    for c in text.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        if depth == 0 && "、,，".contains(c) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|m| m.trim().trim_end_matches(['。', ';', '；']).to_string())
        .filter(|m| (2..=30).contains(&m.chars().count()))
        .collect()
}

/// The text after "label:" at the start of a segment.
fn field(s: &Seg, labels: &[&str]) -> Option<String> {
    let t = s.text();
    let t = t.trim();
    labels.iter().find_map(|l| {
        let rest = t.strip_prefix(l)?;
        rest.strip_prefix([':', '：']).map(|r| r.trim().to_string())
    })
}

/// "2.3.1 综合协调组" / "牵头单位:市应急管理局" / "成员单位:…" / "主要职责:…" on lines of their own.
fn group_under_heading(segs: &[Seg]) -> Option<Group> {
    let head = segs.first()?;
    let t = head.text();
    let name = t.trim().rsplit(char::is_whitespace).next()?;
    // "(2)治安警戒组", "2.治安警戒组".
    let name = match name.find([')', '）', '.', '、']) {
        Some(k) if k < 6 => &name[k + name[k..].chars().next().map_or(1, char::len_utf8)..],
        _ => name,
    }
    .to_string();
    if !name.ends_with('组') || name.chars().count() > 12 || name.chars().count() < 3 {
        return None;
    }
    let mut lead = None;
    let mut members = Vec::new();
    let mut duties = None;
    let mut last = head;
    for s in segs.iter().skip(1).take(4) {
        if let Some(l) = field(s, &["牵头单位", "牵头部门", "组长单位"]) {
            lead = Some(l.trim_end_matches(['。', ';', '；']).to_string());
        } else if let Some(m) = field(s, &["成员单位", "成员"]) {
            members = units(&m);
        } else if let Some(d) = field(s, &["主要职责", "职责"]) {
            duties = Some(d);
        } else {
            break;
        }
        last = s;
    }
    let lead = lead.filter(|l| !l.is_empty())?;
    let mut piece = head.whole();
    piece.line_end = (last.last_line() != piece.line).then_some(last.last_line());
    piece.chars = None;
    Some(Group {
        lead,
        members,
        duties: duties.unwrap_or_else(|| name.clone()),
        piece: Piece {
            quote: String::new(),
            ..piece
        },
        sentence: t.trim().to_string(),
        name,
    })
}

/// "(1)综合协调组:由市应急管理局牵头,…成员单位:市公安局、市卫健委…".
fn group(s: &Seg) -> Option<Group> {
    let colon = (0..s.chars.len().min(16)).find(|&k| ":：".contains(s.chars[k]))?;
    if colon == 0 || s.chars[colon - 1] != '组' {
        return None;
    }
    let start = (0..colon)
        .rev()
        .find(|&k| ")）、.． ".contains(s.chars[k]))
        .map_or(0, |k| k + 1);
    let name: String = s.chars[start..colon].iter().collect();
    if name.chars().count() < 3 {
        return None;
    }
    let lead_end = s.find("牵头", colon)?;
    let lead_from = s
        .find("由", colon)
        .filter(|&k| k < lead_end)
        .map_or(colon + 1, |k| k + 1);
    let lead: String = s.chars[lead_from..lead_end].iter().collect();
    let lead = lead.trim().to_string();
    if lead.is_empty() || lead.chars().count() > 30 {
        return None;
    }
    // "由市应急管理局牵头,事发地旗区人民政府、事发单位配合。"
    let helpers = s.find("配合", lead_end).and_then(|end| {
        let from = lead_end + 2;
        (s.chars.get(from).is_some_and(|c| ",，".contains(*c)) && end > from + 1)
            .then(|| units(&s.chars[from + 1..end].iter().collect::<String>()))
    });
    let members = helpers
        .or_else(|| {
            s.find("成员单位", lead_end)
                .or_else(|| s.find("成员", lead_end))
                .map(|at| {
                    // "成员单位:…", "成员包括…", "成员为…".
                    let mut k = at + 2;
                    if s.starts_at(k, "单位") {
                        k += 2;
                    }
                    for w in [":", "：", "包括", "为", "有"] {
                        if s.starts_at(k, w) {
                            k += w.chars().count();
                            break;
                        }
                    }
                    let rest: String = s.chars[k.min(s.chars.len())..].iter().collect();
                    units(rest.split(['。', ';', '；']).next().unwrap_or(""))
                })
        })
        .unwrap_or_default();
    Some(Group {
        name,
        lead,
        members,
        duties: s.whole().quote,
        piece: s.whole(),
        sentence: s.text(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn bodies_and_groups() {
        let text = "晋城市人民政府成立市非煤矿山生产安全事故应急救援指挥部,负责统一领导。\n市指挥部办公室设在市应急管理局。\n市指挥部下设7个工作组。\n(1)综合协调组:由市应急管理局牵头,成员单位:市公安局、市卫健委。\n";
        let o = find(&segments(text, 1, 4));
        assert_eq!(
            o.command.unwrap().name,
            "市非煤矿山生产安全事故应急救援指挥部"
        );
        assert_eq!(o.office.unwrap().name, "市指挥部办公室");
        assert_eq!(o.groups_intro.unwrap().piece.line, 3);
        assert_eq!(o.groups.len(), 1);
        assert_eq!(o.groups[0].name, "综合协调组");
        assert_eq!(o.groups[0].lead, "市应急管理局");
        assert_eq!(o.groups[0].members, vec!["市公安局", "市卫健委"]);
        let o = find(&segments(
            "(1)综合协调组:由市应急管理局(市矿山安全监管局)牵头,成员包括事发地旗区人民政府、事发单位。",
            1,
            1,
        ));
        assert_eq!(o.groups[0].lead, "市应急管理局(市矿山安全监管局)");
        assert_eq!(o.groups[0].members, vec!["事发地旗区人民政府", "事发单位"]);
        let o = find(&segments(
            "(2)专业处置组:由市消防救援支队牵头,市应急管理局、市能源局等相关部门及事发地旗区人民政府配合。\n(2)治安警戒组\n牵头单位:市公安局\n",
            1,
            3,
        ));
        assert_eq!(
            o.groups[0].members,
            vec!["市应急管理局", "市能源局", "事发地旗区人民政府"]
        );
        assert_eq!(
            (o.groups[1].name.as_str(), o.groups[1].lead.as_str()),
            ("治安警戒组", "市公安局")
        );
        let text = "2.3.1 综合协调组\n牵头单位:市应急管理局\n成员单位:市公安局、事发地县(市、区)人民政府\n主要职责:负责会议组织,承办交办事项。\n2.3.2 抢险救援组\n";
        let o = find(&segments(text, 1, 5));
        let g = &o.groups[0];
        assert_eq!(
            (g.name.as_str(), g.lead.as_str()),
            ("综合协调组", "市应急管理局")
        );
        assert_eq!(g.members, vec!["市公安局", "事发地县(市、区)人民政府"]);
        assert_eq!(g.duties, "负责会议组织,承办交办事项。");
        assert_eq!((g.piece.line, g.piece.line_end), (1, Some(4)));
    }
}
