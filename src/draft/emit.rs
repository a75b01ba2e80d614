//! A small TOML writer with stable formatting: tables in a fixed order, keys in a fixed order,
//! strings as basic strings with the usual escapes. Two drafts of the same text are byte-identical.

use super::text::Piece;

#[derive(Default)]
pub struct Toml {
    out: String,
}

pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn strings(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", inner.join(", "))
}

pub fn cite(p: &Piece) -> String {
    let mut out = format!("{{ clause = {}, line = {}", string(&p.clause), p.line);
    if let Some(e) = p.line_end {
        out.push_str(&format!(", line_end = {e}"));
    }
    if let Some([a, b]) = p.chars {
        out.push_str(&format!(", chars = [{a}, {b}]"));
    }
    out.push_str(" }");
    out
}

/// A number as TOML writes it (integers without a fraction).
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

impl Toml {
    pub fn comment(&mut self, text: &str) {
        for line in text.lines() {
            self.out.push_str("# ");
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    /// A table header, preceded by a blank line and the sentence it came from.
    pub fn table(&mut self, header: &str, from: Option<&str>) {
        self.out.push('\n');
        if let Some(sentence) = from {
            let short: String = sentence.chars().take(160).collect();
            let more = if short.chars().count() < sentence.chars().count() {
                "…"
            } else {
                ""
            };
            self.out.push_str(&format!(
                "# 依据：{}{more}\n",
                short.replace(['\n', '\r'], " ")
            ));
        }
        self.out.push_str(header);
        self.out.push('\n');
    }

    pub fn raw(&mut self, key: &str, value: impl AsRef<str>) {
        self.out.push_str(key);
        self.out.push_str(" = ");
        self.out.push_str(value.as_ref());
        self.out.push('\n');
    }

    pub fn str(&mut self, key: &str, value: &str) {
        self.raw(key, string(value));
    }

    /// `review = "待确认"`.
    pub fn review(&mut self) {
        self.str("review", "待确认");
    }

    /// `cite` and `quote` of a piece.
    pub fn cited(&mut self, p: &Piece) {
        self.raw("cite", cite(p));
        self.str("quote", &p.quote);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_numbers() {
        assert_eq!(string("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(number(10000.0), "10000");
        assert_eq!(number(0.5), "0.5");
    }
}
