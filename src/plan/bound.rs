//! Thresholds: one `Bound` (a value and whether it counts itself) and one `Range` (a lower and an
//! upper bound, each optional), used by grading bands, `amount` conditions and `series_run` alike.
//!
//! A plan file writes a range as flat keys (`min`, `min_inclusive`, `max`, `max_inclusive`); there is
//! no default inclusivity anywhere: a bound without its inclusivity (or an inclusivity without its
//! bound) is refused when the file is read, naming the keys.

use serde::{Deserialize, Serialize};

/// One end of a range: `inclusive` says whether the value itself lies in the range ("以上" with the
/// plan's bounds clause "含本数" → inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bound<T = f64> {
    pub value: T,
    pub inclusive: bool,
}

/// A lower and an upper bound, each optional (absent = unbounded on that side).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Range<T = f64> {
    pub min: Option<Bound<T>>,
    pub max: Option<Bound<T>>,
}

impl<T: PartialOrd + Copy> Range<T> {
    /// Whether `value` lies in the range, each bound with its own inclusivity.
    pub fn contains(&self, value: T) -> bool {
        let above = self.min.is_none_or(|b| {
            if b.inclusive {
                value >= b.value
            } else {
                value > b.value
            }
        });
        let below = self.max.is_none_or(|b| {
            if b.inclusive {
                value <= b.value
            } else {
                value < b.value
            }
        });
        above && below
    }

    /// From a file's flat keys. `names` are the keys' names as the file writes them (`["min", "max"]`
    /// or `["min_run", "max_run"]`), for the message.
    pub fn from_keys(
        min: Option<T>,
        min_inclusive: Option<bool>,
        max: Option<T>,
        max_inclusive: Option<bool>,
        names: [&str; 2],
    ) -> Result<Self, String> {
        Ok(Range {
            min: bound(min, min_inclusive, names[0])?,
            max: bound(max, max_inclusive, names[1])?,
        })
    }

    /// The flat keys again: `(min, min_inclusive, max, max_inclusive)`.
    pub fn to_keys(self) -> (Option<T>, Option<bool>, Option<T>, Option<bool>) {
        (
            self.min.map(|b| b.value),
            self.min.map(|b| b.inclusive),
            self.max.map(|b| b.value),
            self.max.map(|b| b.inclusive),
        )
    }

    /// Both bounds, for checks that apply to each.
    pub fn bounds(&self) -> impl Iterator<Item = Bound<T>> {
        self.min.into_iter().chain(self.max)
    }
}

fn bound<T>(
    value: Option<T>,
    inclusive: Option<bool>,
    key: &str,
) -> Result<Option<Bound<T>>, String> {
    match (value, inclusive) {
        (Some(value), Some(inclusive)) => Ok(Some(Bound { value, inclusive })),
        (None, None) => Ok(None),
        (value, _) => Err(unpaired(key, value.is_some())),
    }
}

/// The message for a bound `key` given without its `…_inclusive` (`has_value`), or the reverse.
pub fn unpaired(key: &str, has_value: bool) -> String {
    if has_value {
        format!(
            "界限 {key} 没有写明是否含本数({key}_inclusive = true 或 false):预案的“以上”“以下”是否含本数必须写明,不取默认"
        )
    } else {
        format!("写了 {key}_inclusive 却没有界限 {key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(min: Option<(f64, bool)>, max: Option<(f64, bool)>) -> Range {
        let b = |(value, inclusive)| Bound { value, inclusive };
        Range {
            min: min.map(b),
            max: max.map(b),
        }
    }

    #[test]
    fn each_bound_keeps_its_own_inclusivity() {
        let band = r(Some((3.0, true)), Some((10.0, false)));
        assert!(!band.contains(2.999));
        assert!(band.contains(3.0));
        assert!(band.contains(9.999));
        assert!(!band.contains(10.0));
        let strict = r(Some((3.0, false)), Some((10.0, true)));
        assert!(!strict.contains(3.0));
        assert!(strict.contains(10.0));
        assert!(!strict.contains(10.001));
        assert!(r(None, None).contains(-1e9));
    }

    #[test]
    fn a_bound_needs_its_inclusivity_and_nothing_is_defaulted() {
        let e = Range::<f64>::from_keys(Some(3.0), None, None, None, ["min", "max"]).unwrap_err();
        assert!(e.contains("min_inclusive"), "{e}");
        let e =
            Range::<u32>::from_keys(None, None, Some(2), None, ["min_run", "max_run"]).unwrap_err();
        assert!(e.contains("max_run_inclusive"), "{e}");
        let e = Range::<f64>::from_keys(None, Some(true), None, None, ["min", "max"]).unwrap_err();
        assert!(e.contains("却没有界限 min"), "{e}");
        let ok = Range::from_keys(Some(3.0), Some(false), None, None, ["min", "max"]).unwrap();
        assert_eq!(ok.to_keys(), (Some(3.0), Some(false), None, None));
    }
}
