//! The contact table: a unit and its telephone number on one line («市消防救援支队<Tab>2066600»).

use super::text::Seg;

#[derive(Debug, Clone)]
pub struct Contact {
    pub unit: String,
    pub phone: String,
    pub line: u32,
}

/// A telephone number at `i` (7 or more digits, an area code with "-" allowed): its end.
fn phone_at(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '-') {
        return None;
    }
    let mut j = i;
    let mut digits = 0;
    while j < chars.len() && (chars[j].is_ascii_digit() || (chars[j] == '-' && digits > 0)) {
        digits += usize::from(chars[j].is_ascii_digit());
        j += 1;
    }
    (digits >= 7 && !chars.get(j).is_some_and(|c| "年月日元万人%".contains(*c))).then_some(j)
}

pub fn find(segs: &[Seg]) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    let mut unit_cell: Option<(u32, String)> = None;
    for s in segs {
        let c = &s.chars;
        let mut i = 0;
        let mut found_here = false;
        // The start of the last number taken in this segment, for a fax or mobile number after it.
        let mut last_start: Option<usize> = None;
        while i < c.len() {
            let Some(end) = phone_at(c, i) else {
                i += 1;
                continue;
            };
            let phone: String = c[i..end].iter().collect();
            // The unit: the words just before the number, else the table row's previous cell.
            let mut k = i;
            while k > 0 && (c[k - 1].is_whitespace() || ":：".contains(c[k - 1])) {
                k -= 1;
            }
            let from = (0..k)
                .rev()
                .find(|&j| {
                    c[j].is_whitespace() || ",，;；。、".contains(c[j]) || c[j].is_ascii_digit()
                })
                .map_or(0, |j| j + 1);
            let mut unit: String = c[from..k].iter().collect();
            if unit.is_empty() {
                if let Some((line, u)) = &unit_cell {
                    if *line == s.line() {
                        unit = u.clone();
                    }
                }
            }
            let n = unit.chars().count();
            // "0351-3046678 (传真 0351-3046060)": one contact, both numbers.
            let bare = unit.trim_start_matches(['(', '（']);
            let second =
                bare.len() < unit.len() || ["传真", "手机", "电话", "座机"].contains(&bare);
            if let (true, Some(start), Some(prev)) = (second, last_start, out.last_mut()) {
                let mut stop = end;
                if c.get(end).is_some_and(|x| ")）".contains(*x)) {
                    stop += 1;
                }
                prev.phone = c[start..stop].iter().collect();
                i = stop;
                continue;
            }
            if (2..=30).contains(&n) && unit.chars().any(super::text::is_cjk) {
                out.push(Contact {
                    unit,
                    phone,
                    line: s.line(),
                });
                found_here = true;
                last_start = Some(i);
            }
            i = end;
        }
        if !found_here && s.cell.is_some() {
            unit_cell = Some((s.line(), s.text().trim().to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn rows_and_inline() {
        let segs = segments(
            "武警晋城支队\t2024118\n省政府值班室:0351-3046678 (传真 0351-3046060)\n死亡10人以上。\n",
            1,
            3,
        );
        let c = find(&segs);
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].unit.as_str(), c[0].phone.as_str(), c[0].line),
            ("武警晋城支队", "2024118", 1)
        );
        assert_eq!(
            (c[1].unit.as_str(), c[1].phone.as_str()),
            ("省政府值班室", "0351-3046678 (传真 0351-3046060)")
        );
    }
}
