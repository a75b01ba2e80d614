//! A problem in a plan file or in plan data.

use serde::Serialize;
use std::fmt;

/// `path` is a key path (`grading.axes[0].bands[2]`) or `第L行第C列`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanError {
    pub file: String,
    pub path: String,
    pub problem: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.problem)
    }
}
