//! Conditions over series facts (a forecast: one value per day): runs of consecutive items whose
//! values lie in a range, e.g. "AQI日均值>200 将持续 48 小时及以上" = some run of at least two days
//! with AQI above 200.

use crate::plan::SeriesRun;

/// Whether `series` has a maximal run matching `run` (value range, run length, first items, and an
/// inner run it must contain).
pub fn holds(run: &SeriesRun, series: &[f64]) -> bool {
    let limit = run
        .within_first
        .map_or(series.len(), |n| (n as usize).min(series.len()));
    runs(run, &series[..limit]).into_iter().any(|(start, len)| {
        length_ok(run, len)
            && run
                .containing
                .as_deref()
                .is_none_or(|inner| holds(inner, &series[start..start + len]))
    })
}

/// Maximal runs `(start, length)` of items whose value lies in the run's value range.
pub fn runs(run: &SeriesRun, series: &[f64]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, v) in series.iter().enumerate() {
        let inside = run.values.contains(*v);
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i - s));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, series.len() - s));
    }
    out
}

fn length_ok(run: &SeriesRun, len: usize) -> bool {
    // Lengths past u32 cannot occur (a series holds at most a year of items).
    len > 0 && u32::try_from(len).is_ok_and(|n| run.run.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Bound, Range};

    fn above(min: f64, days: u32) -> SeriesRun {
        SeriesRun {
            fact: "aqi".into(),
            values: Range {
                min: Some(Bound {
                    value: min,
                    inclusive: false,
                }),
                max: None,
            },
            run: Range {
                min: Some(Bound {
                    value: days,
                    inclusive: true,
                }),
                max: None,
            },
            within_first: None,
            containing: None,
        }
    }

    #[test]
    fn runs_are_maximal_and_strict() {
        let r = above(200.0, 2);
        assert_eq!(
            runs(&r, &[201.0, 200.0, 250.0, 260.0]),
            vec![(0, 1), (2, 2)]
        );
        assert!(holds(&r, &[201.0, 200.0, 250.0, 260.0]));
        assert!(!holds(&r, &[201.0, 200.0, 250.0]));
        assert!(!holds(&r, &[]));
    }

    #[test]
    fn containing_must_be_in_the_same_run() {
        let mut red = above(200.0, 4);
        red.containing = Some(Box::new(above(300.0, 2)));
        assert!(holds(&red, &[250.0, 301.0, 301.0, 250.0]));
        assert!(!holds(
            &red,
            &[250.0, 250.0, 250.0, 250.0, 100.0, 350.0, 350.0]
        ));
        let mut first3 = above(200.0, 2);
        first3.within_first = Some(3);
        assert!(!holds(&first3, &[100.0, 100.0, 250.0, 250.0]));
        assert!(holds(&first3, &[100.0, 250.0, 250.0, 250.0]));
    }

    #[test]
    fn run_length_bounds_carry_their_inclusivity() {
        // Exactly one day above 200 (持续24小时, not 48): max_run 2 exclusive.
        let mut one_day = above(200.0, 1);
        one_day.run.max = Some(Bound {
            value: 2,
            inclusive: false,
        });
        assert!(holds(&one_day, &[201.0, 100.0]));
        assert!(!holds(&one_day, &[201.0, 201.0]));
        one_day.run.max = Some(Bound {
            value: 2,
            inclusive: true,
        });
        assert!(holds(&one_day, &[201.0, 201.0]));
        // An exclusive lower run bound: more than 2 days.
        let mut more_than_two = above(200.0, 2);
        more_than_two.run.min = Some(Bound {
            value: 2,
            inclusive: false,
        });
        assert!(!holds(&more_than_two, &[201.0, 201.0]));
        assert!(holds(&more_than_two, &[201.0, 201.0, 201.0]));
    }
}
