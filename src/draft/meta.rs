//! The plan's title, 文号, issuer, date, and its scope clause.

use super::text::{is_cjk, Piece, Seg};

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub city: String,
    pub doc_number: String,
    pub issuer: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub scope: Option<(Piece, String)>,
}

pub fn find(segs: &[Seg]) -> Meta {
    let mut m = Meta::default();
    for s in segs {
        let t = s.text();
        if m.doc_number.is_empty() {
            // OCR spaces ("吕政办发 [2020] 72 号") do not count.
            let bare: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            m.doc_number = doc_number(&bare).unwrap_or_default();
        }
        if m.title.is_empty() {
            if let Some(a) = t.find('《') {
                if let Some(b) = t[a..].find('》') {
                    let inner = &t[a + '《'.len_utf8()..a + b];
                    if inner.ends_with("预案") {
                        m.title = inner.to_string();
                    }
                }
            }
        }
        // "晋城市人民政府办公室 2020年10月12日" or the date alone on its line.
        if m.date.is_empty() {
            let t = t.trim();
            let at = t.rfind(char::is_whitespace).map_or(0, |k| k + 1);
            if let Some(d) = date(&t[at..]) {
                m.date = d;
                m.issuer = issuer(t[..at].trim()).unwrap_or_default();
            }
        }
        if m.scope.is_none() {
            if let Some(at) = s.find("本预案适用于", 0).or_else(|| s.find("适用于", 0)) {
                m.scope = Some((s.piece(at, s.chars.len()), t.clone()));
            }
        }
    }
    // The issuer: the line before the date line of the notice.
    for w in segs.windows(2) {
        if date(w[1].text().trim()).is_some() {
            let t = w[0].text();
            let t = t.trim();
            if t.chars().count() <= 20
                && (t.ends_with("办公室") || t.ends_with("办公厅") || t.ends_with("人民政府"))
            {
                m.issuer = t.to_string();
                break;
            }
        }
    }
    if m.title.is_empty() {
        m.title = segs
            .iter()
            .map(Seg::text)
            .find(|t| t.trim().ends_with("预案") && t.chars().count() <= 40)
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
    }
    m.city = m
        .title
        .find('市')
        .map(|i| m.title[..i + '市'.len_utf8()].to_string())
        .filter(|c| c.chars().count() <= 6)
        .unwrap_or_default();
    m
}

/// An issuing office as a notice signs it.
fn issuer(t: &str) -> Option<String> {
    (t.chars().count() <= 20
        && ["办公室", "办公厅", "人民政府"]
            .iter()
            .any(|w| t.ends_with(w)))
    .then(|| t.to_string())
}

/// "晋市政办〔2020〕53号" (written with 〔〕 whatever brackets the text uses).
fn doc_number(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if !"〔[［".contains(*c) {
            continue;
        }
        // The issuing office's short name: a few characters, not the sentence before it.
        let start = (0..i)
            .rev()
            .take_while(|&k| is_cjk(chars[k]) && !"知的》".contains(chars[k]))
            .take(6)
            .last()?;
        let mut k = i + 1;
        while k < chars.len() && chars[k].is_ascii_digit() {
            k += 1;
        }
        if k - i - 1 != 4 || !chars.get(k).is_some_and(|c| "〕]］".contains(*c)) {
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j > k + 1 && chars.get(j) == Some(&'号') && i - start >= 2 {
            let office: String = chars[start..i].iter().collect();
            let year: String = chars[i + 1..k].iter().collect();
            let number: String = chars[k + 1..j].iter().collect();
            return Some(format!("{office}〔{year}〕{number}号"));
        }
    }
    None
}

/// "2020年10月12日" alone on its line → "2020-10-12".
fn date(t: &str) -> Option<String> {
    let (y, rest) = t.split_once('年')?;
    let (mo, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let n = |s: &str| s.trim().parse::<u32>().ok();
    let (y, mo, d) = (n(y)?, n(mo)?, n(d)?);
    ((1949..2200).contains(&y) && (1..=12).contains(&mo) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{mo:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn notice_header() {
        let text = "晋市政办〔2020〕53号\n《晋城市非煤矿山生产安全事故应急预案》已经市政府同意。\n晋城市人民政府办公室\n2020年10月12日\n1.4 适用范围\n本预案适用于晋城市行政区域内非煤矿山生产安全事故的预防和应急处置工作。\n";
        let m = find(&segments(text, 1, 6));
        assert_eq!(m.doc_number, "晋市政办〔2020〕53号");
        assert_eq!(m.title, "晋城市非煤矿山生产安全事故应急预案");
        assert_eq!(m.city, "晋城市");
        assert_eq!(m.issuer, "晋城市人民政府办公室");
        assert_eq!(m.date, "2020-10-12");
        let (p, _) = m.scope.unwrap();
        assert_eq!(p.line, 6);
        assert!(p.quote.starts_with("本预案适用于晋城市"));
        let text = "吕政办发 [2020] 72 号\n《吕梁市特种设备事故应急预案》已经市政府同意。\n吕梁市人民政府办公室 2020年10月22日\n";
        let m = find(&segments(text, 1, 3));
        assert_eq!(m.doc_number, "吕政办发〔2020〕72号");
        assert_eq!(
            (m.issuer.as_str(), m.date.as_str()),
            ("吕梁市人民政府办公室", "2020-10-22")
        );
    }
}
