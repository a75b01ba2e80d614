//! The bounds clause («本预案所称以上含本数，以下不含本数»): whether a plain "以上" and a plain "以下"
//! count the number itself. Without it, neither is known and no band resting on one is proposed.

use super::text::{Piece, Seg};

/// What the plan says "以上" and "以下" mean (None: it does not say).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bounds {
    pub above_inclusive: Option<bool>,
    pub below_inclusive: Option<bool>,
    pub piece: Option<Piece>,
    pub sentence: String,
}

pub fn find(segs: &[Seg]) -> Bounds {
    for s in segs {
        if !(s.has("含本数") || s.has("包括本数")) {
            continue;
        }
        let rule = |word: &str| -> Option<bool> {
            let at = s.find(word, 0)?;
            // The word's own rule: the text after it up to the next "以上"/"以下".
            let end = ["以上", "以下"]
                .iter()
                .filter_map(|w| s.find(w, at + 2))
                .min()
                .unwrap_or(s.chars.len());
            let after: String = s.chars[at + 2..end].iter().collect();
            if after.contains("不含本数") || after.contains("不包括本数") {
                Some(false)
            } else if after.contains("含本数") || after.contains("包括本数") {
                Some(true)
            } else {
                None
            }
        };
        let (above, below) = (rule("以上"), rule("以下"));
        if above.is_none() && below.is_none() {
            continue;
        }
        let start = ["本预案", "本规定", "有关数量", "有关数字", "所称"]
            .iter()
            .filter_map(|w| s.find(w, 0))
            .min()
            .unwrap_or(0);
        return Bounds {
            above_inclusive: above,
            below_inclusive: below,
            piece: Some(s.piece(start, s.chars.len())),
            sentence: s.text(),
        };
    }
    Bounds::default()
}

#[cfg(test)]
mod tests {
    use super::super::text::segments;
    use super::*;

    #[test]
    fn reads_both_words() {
        let b = find(&segments(
            "本预案中有关数量的表述中,“以上”含本数,“以下”不含本数。",
            1,
            1,
        ));
        assert_eq!(
            (b.above_inclusive, b.below_inclusive),
            (Some(true), Some(false))
        );
        let b = find(&segments(
            "本预案有关数字的表述中,“以上”包括本数,“以下”不包括本数。",
            1,
            1,
        ));
        assert_eq!(
            (b.above_inclusive, b.below_inclusive),
            (Some(true), Some(false))
        );
        let b = find(&segments("本预案所称以上包括本数。", 1, 1));
        assert_eq!((b.above_inclusive, b.below_inclusive), (Some(true), None));
        assert_eq!(find(&segments("死亡3人以上。", 1, 1)), Bounds::default());
    }
}
