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
            m.doc_number = doc_number(&t).unwrap_or_default();
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
        if m.date.is_empty() {
            if let Some(d) = date(t.trim()) {
                m.date = d;
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

/// "晋市政办〔2020〕53号".
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
            return Some(chars[start..=j].iter().collect());
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
    }
}
