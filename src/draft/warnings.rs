//! Warning levels («红色预警», «橙色(II级)预警», «(1)蓝色预警响应:…»): one level per colour, cited at
//! the first sentence that opens with it, and the sentence that names the scale («分为…红色、橙色、
//! 黄色和蓝色»). The levels are proposed as issued by people (a choice the user answers), not
//! computed: a forecast plan's numeric criteria stay in the quoted sentence for the reviewer.

use super::text::{Piece, Seg};

#[derive(Debug, Clone)]
pub struct Level {
    /// `red`, `orange`, `yellow`, `blue`.
    pub id: &'static str,
    pub colour: &'static str,
    pub rank: u8,
    pub piece: Piece,
    pub sentence: String,
    /// Who issues it and where the plan says so («黄色预警由市指挥部办公室按程序发布»).
    pub issued: Option<(String, Piece)>,
}

pub const COLOURS: [(&str, &str); 4] = [
    ("red", "红色"),
    ("orange", "橙色"),
    ("yellow", "黄色"),
    ("blue", "蓝色"),
];

/// The position after a leading item number ("(1)", "1.", "①") and spaces.
fn after_number(s: &Seg) -> usize {
    let mut i = 0;
    let c = &s.chars;
    while i < c.len() && (c[i].is_whitespace() || c[i] == '-') {
        i += 1;
    }
    // A clause number ("3.1.1 ").
    if super::text::clause_number(&c[i..]).is_some() {
        while i < c.len() && !c[i].is_whitespace() {
            i += 1;
        }
        while i < c.len() && c[i].is_whitespace() {
            i += 1;
        }
    }
    if i < c.len() && "(（".contains(c[i]) {
        if let Some(close) = (i..c.len().min(i + 5)).find(|&k| ")）".contains(c[k])) {
            i = close + 1;
        }
    } else {
        while i < c.len() && (c[i].is_ascii_digit() || "①②③④.．、".contains(c[i])) {
            i += 1;
        }
    }
    while i < c.len() && c[i].is_whitespace() {
        i += 1;
    }
    i
}

/// «黄色预警由市指挥部办公室按程序发布和解除»: the colours a sentence says who issues, and who.
fn issuing(s: &Seg) -> Option<(Vec<&'static str>, String)> {
    let t = s.text();
    if !t.contains("发布") || !t.contains("预警") {
        return None;
    }
    let at = t.find('由')? + '由'.len_utf8();
    let rest = &t[at..];
    let end = ["按程序", "按照", "负责", "发布", "报请", "向"]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()?;
    let who = rest[..end].trim();
    let colours: Vec<&'static str> = COLOURS
        .iter()
        .filter(|(_, c)| t[..at].contains(c))
        .map(|(id, _)| *id)
        .collect();
    let n = who.chars().count();
    ((2..=24).contains(&n) && !colours.is_empty()).then(|| (colours, who.to_string()))
}

pub fn find(segs: &[Seg]) -> (Vec<Level>, Option<(Piece, String)>) {
    let mut levels: Vec<Level> = Vec::new();
    let mut issuers: Vec<(&'static str, String, Piece)> = Vec::new();
    let mut intro = None;
    for (n, s) in segs.iter().enumerate() {
        let named = COLOURS.iter().filter(|(_, c)| s.has(c)).count();
        if intro.is_none() && named >= 3 && s.has("预警") {
            intro = Some((s.whole(), s.text()));
            continue;
        }
        if let Some((colours, who)) = issuing(s) {
            for c in colours {
                if !issuers.iter().any(|i| i.0 == c) {
                    issuers.push((c, who.clone(), s.whole()));
                }
            }
            continue;
        }
        let mut start = after_number(s);
        // "三级预警(黄色):", "Ⅰ级(红色)": the colour right after the level's number.
        let head: String = s.chars[start..(start + 8).min(s.chars.len())]
            .iter()
            .collect();
        let level_first = head.find('级').is_some_and(|k| k <= 6)
            && head.contains(['(', '（'])
            && COLOURS.iter().filter(|(_, c)| head.contains(c)).count() == 1;
        let Some((rank, (id, colour))) = COLOURS
            .iter()
            .enumerate()
            .find(|(_, (_, c))| s.starts_at(start, c) || (level_first && head.contains(c)))
        else {
            continue;
        };
        // A table row ("一级<Tab>红色<Tab>启动条件<Tab>预警措施"): the row's last cell.
        let mut s = s;
        if s.cell.is_some() && s.text().trim() == *colour {
            let row = segs[n + 1..]
                .iter()
                .take_while(|x| x.line() == s.line() && x.cell.is_some())
                .last();
            match row {
                Some(last) => {
                    s = last;
                    start = 0;
                }
                None => continue,
            }
        }
        // A list of colours ("红色、橙色…") is not one level's sentence.
        if named > 1
            && s.chars
                .get(start + 2)
                .is_some_and(|c| "、和及".contains(*c))
        {
            continue;
        }
        if levels.iter().any(|l| l.id == *id) || s.chars.len() < 8 {
            continue;
        }
        levels.push(Level {
            id,
            colour,
            rank: rank as u8 + 1,
            piece: s.piece(start, s.chars.len()),
            sentence: s.text(),
            issued: None,
        });
    }
    for l in &mut levels {
        if let Some((_, who, p)) = issuers.iter().find(|i| i.0 == l.id) {
            l.issued = Some((who.clone(), p.clone()));
        }
    }
    levels.sort_by_key(|l| l.rank);
    (levels, intro)
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn levels_and_intro() {
        let text = "预警级别分为四级,分别用红色、橙色、黄色和蓝色标示。\n红色(I级)预警:情况危急,可能发生或引发特别重大安全事故;\n(2)橙色预警响应:在黄色预警响应基础上,加强值守。\n";
        let (levels, intro) = find(&segments(text, 1, 3));
        assert_eq!(intro.unwrap().0.line, 1);
        let ids: Vec<&str> = levels.iter().map(|l| l.id).collect();
        assert_eq!(ids, vec!["red", "orange"]);
        assert_eq!(
            levels[1].piece.quote,
            "橙色预警响应:在黄色预警响应基础上,加强值守。"
        );
        assert_eq!(levels[1].rank, 2);
        let text = "黄色预警由市指挥部办公室按程序发布和解除。\n黄色应急准备:加强应急值班。\n";
        let (levels, _) = find(&segments(text, 1, 2));
        assert_eq!(levels[0].piece.line, 2);
        let (who, p) = levels[0].issued.clone().unwrap();
        assert_eq!((who.as_str(), p.line), ("市指挥部办公室", 1));
        let text = "重污染天气预警级别分为三级、二级、一级,分别用黄色、橙色、红色标示。\n- 3.1.1 三级预警(黄色): 预测 AQI 日均值>200 将持续 48 小时及以上。\n一级\t红色\t公众聚集场所\t1.及时收集信息\n";
        let (levels, _) = find(&segments(text, 1, 3));
        assert_eq!(levels.len(), 2);
        assert_eq!((levels[0].id, levels[0].piece.line), ("red", 3));
        assert_eq!(levels[0].piece.quote, "1.及时收集信息");
        assert_eq!(levels[1].id, "yellow");
        assert!(levels[1]
            .piece
            .quote
            .starts_with("三级预警(黄色): 预测 AQI"));
    }
}
