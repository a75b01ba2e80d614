//! The plan text as the extractor reads it: segments (sentences, table cells, headings) with the
//! source line and column of every character, so that any part of a segment can be cited exactly
//! (`cite = { clause, line, line_end, chars }`) and quoted as the seed has it.
//!
//! The seeds wrap sentences across lines, often with blank lines in between ("重伤(包" … "括急性工业
//! 中毒"), and OCR puts stray spaces inside words. A line that ends without closing punctuation and
//! is not a heading continues on the next non-blank line; the quote check joins cited lines with
//! no separator, so a quote across such a wrap is still the seed's text.

/// Characters that end a sentence.
const ENDS: &str = "。；;！？!?";

/// One segment: a sentence, a table cell or a heading.
#[derive(Debug, Clone)]
pub struct Seg {
    pub chars: Vec<char>,
    /// (line, column in code points) of each character.
    pos: Vec<(u32, u32)>,
    /// The clause heading in force where the segment starts ("1.5", "4.2.1", "正文").
    pub clause: String,
    /// The column of a tab-separated table row the segment is, if any.
    pub cell: Option<u16>,
    /// Whether the source puts a whole plan on one line (citations then carry `chars`).
    one_line: bool,
}

/// A cited stretch of a segment: where it is and its exact text.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub clause: String,
    pub line: u32,
    pub line_end: Option<u32>,
    pub chars: Option<[u32; 2]>,
    pub quote: String,
}

impl Seg {
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn line(&self) -> u32 {
        self.pos.first().map_or(0, |p| p.0)
    }

    /// Characters `a..b`, trimmed of spaces at both ends, as a citation.
    pub fn piece(&self, mut a: usize, mut b: usize) -> Piece {
        b = b.min(self.chars.len());
        while a < b && self.chars[a].is_whitespace() {
            a += 1;
        }
        while b > a && self.chars[b - 1].is_whitespace() {
            b -= 1;
        }
        let (line, col) = self.pos.get(a).copied().unwrap_or((0, 0));
        let (last, end_col) = self.pos.get(b.max(1) - 1).copied().unwrap_or((line, col));
        Piece {
            clause: self.clause.clone(),
            line,
            line_end: (last != line).then_some(last),
            chars: (self.one_line && last == line).then_some([col, end_col + 1]),
            quote: self.chars[a..b].iter().collect(),
        }
    }

    /// The whole segment as a citation.
    pub fn whole(&self) -> Piece {
        self.piece(0, self.chars.len())
    }

    /// The first position at or after `from` where `pat` starts.
    pub fn find(&self, pat: &str, from: usize) -> Option<usize> {
        let p: Vec<char> = pat.chars().collect();
        (from..self.chars.len()).find(|&i| self.chars[i..].starts_with(&p))
    }

    pub fn has(&self, pat: &str) -> bool {
        self.find(pat, 0).is_some()
    }

    pub fn starts_at(&self, i: usize, pat: &str) -> bool {
        let p: Vec<char> = pat.chars().collect();
        self.chars.get(i..).is_some_and(|s| s.starts_with(&p))
    }
}

/// Splits lines `first..=last` (1-based) of `text` into segments.
pub fn segments(text: &str, first: u32, last: u32) -> Vec<Seg> {
    let lines: Vec<&str> = text.lines().collect();
    let one_line = first == last;
    let mut clause = "正文".to_string();
    let mut out = Vec::new();
    let mut cur = Seg {
        chars: Vec::new(),
        pos: Vec::new(),
        clause: clause.clone(),
        cell: None,
        one_line,
    };
    let flush = |cur: &mut Seg, clause: &mut String, out: &mut Vec<Seg>| {
        if cur.chars.iter().all(|c| c.is_whitespace()) {
            cur.chars.clear();
            cur.pos.clear();
            return;
        }
        if let Some(c) = clause_number(&cur.chars) {
            *clause = c;
        }
        let mut seg = Seg {
            chars: std::mem::take(&mut cur.chars),
            pos: std::mem::take(&mut cur.pos),
            clause: clause.clone(),
            cell: cur.cell,
            one_line,
        };
        if seg.clause.is_empty() {
            seg.clause = "正文".into();
        }
        out.push(seg);
    };
    for n in first..=last.min(lines.len() as u32) {
        let line = lines[(n - 1) as usize];
        if line.trim().is_empty() {
            continue;
        }
        let tabs = line.contains('\t');
        cur.cell = tabs.then_some(0);
        for (col, c) in line.chars().enumerate() {
            if c == '\t' {
                flush(&mut cur, &mut clause, &mut out);
                cur.cell = cur.cell.map(|k| k + 1);
                continue;
            }
            cur.chars.push(c);
            cur.pos.push((n, col as u32));
            if ENDS.contains(c) {
                flush(&mut cur, &mut clause, &mut out);
            }
        }
        if tabs || !wraps(line) {
            flush(&mut cur, &mut clause, &mut out);
        }
    }
    flush(&mut cur, &mut clause, &mut out);
    out
}

/// Whether a line's sentence continues on the next non-blank line: it does not end with closing
/// punctuation, is not a heading, and reads as running text (has a comma or is long).
fn wraps(line: &str) -> bool {
    let t = line.trim();
    let Some(last) = t.chars().last() else {
        return false;
    };
    if ENDS.contains(last) || ":：".contains(last) {
        return false;
    }
    let chars: Vec<char> = t.chars().collect();
    if clause_number(&chars).is_some() && chars.len() < 30 {
        return false;
    }
    t.contains([',', '，', '、', '(', '（']) || chars.len() >= 30
}

/// A clause number at the start of a heading: "1.5", "4.2.1", "3 " (a chapter), "第三章".
pub fn clause_number(chars: &[char]) -> Option<String> {
    let s: String = chars.iter().collect();
    let t = s.trim_start();
    let num: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let rest = t[num.len()..].chars().next();
    let dotted = num.contains('.') && !num.ends_with('.') && num.starts_with(|c: char| c != '.');
    let chapter = !num.is_empty()
        && !num.contains('.')
        && num.len() <= 2
        && rest.is_some_and(char::is_whitespace);
    if (dotted && rest.is_some_and(|c| c.is_whitespace() || is_cjk(c))) || chapter {
        return Some(num);
    }
    if t.starts_with('第') {
        let end = t.find(['章', '条'])?;
        let head = &t[..end + 3];
        if head.chars().count() <= 6 {
            return Some(head.to_string());
        }
    }
    None
}

pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_sentence_is_one_segment_and_cites_both_lines() {
        let text =
            "1.5 事故分级\n造成30人以上死亡,或者100人以上重伤(包\n\n括急性工业中毒,下同)。\n";
        let segs = segments(text, 1, 4);
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[0].text(), "1.5 事故分级");
        assert_eq!(segs[1].clause, "1.5");
        let at = segs[1].find("100人", 0).unwrap();
        let p = segs[1].piece(at, at + 17);
        assert_eq!(p.quote, "100人以上重伤(包括急性工业中毒");
        assert_eq!((p.line, p.line_end, p.chars), (2, Some(4), None));
    }

    #[test]
    fn one_line_sources_cite_chars() {
        let segs = segments("前言。 本预案适用于全市。", 1, 1);
        assert_eq!(segs.len(), 2);
        let p = segs[1].whole();
        assert_eq!(p.quote, "本预案适用于全市。");
        assert_eq!(p.chars, Some([4, 13]));
    }
}
