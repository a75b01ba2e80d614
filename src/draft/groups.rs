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
        if let Some(g) = group(s) {
            if !o.groups.iter().any(|x| x.name == g.name) {
                o.groups.push(g);
            }
        }
    }
    o
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
    let members = s
        .find("成员单位", lead_end)
        .or_else(|| s.find("成员", lead_end))
        .map(|k| {
            let mut k = k;
            while k < s.chars.len() && !":：为".contains(s.chars[k]) {
                k += 1;
            }
            let rest: String = s.chars[(k + 1).min(s.chars.len())..].iter().collect();
            let rest = rest.split(['。', ';', '；']).next().unwrap_or("");
            rest.split(['、', ',', '，'])
                .map(|m| m.trim().to_string())
                .filter(|m| (2..=30).contains(&m.chars().count()))
                .collect()
        })
        .unwrap_or_default();
    Some(Group {
        name,
        lead,
        members,
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
    }
}
