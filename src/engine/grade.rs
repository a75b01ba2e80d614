//! The grade: each numeric criterion's band, each judgement criterion, and the most severe grade any
//! of them reaches (`combine = "max"`, recorded in the plan's notes).

use super::cond::Ctx;
use super::facts::Facts;
use super::outcome::CriterionState;
use crate::plan::{Plan, Site};

pub struct Graded<'p> {
    pub grade: Option<(&'p str, u8)>,
    /// Every criterion in plan order (axes, then flags), with the rank of the grade it reaches.
    pub criteria: Vec<(CriterionState<'p>, Option<u8>)>,
}

impl<'p> Graded<'p> {
    /// The ids of the criteria that reached the grade.
    pub fn basis(&self) -> Vec<&'p str> {
        let Some((_, rank)) = self.grade else {
            return Vec::new();
        };
        self.criteria
            .iter()
            .filter(|(_, r)| *r == Some(rank))
            .map(|(c, _)| c.id)
            .collect()
    }
}

pub fn grade<'p>(plan: &'p Plan, facts: &Facts) -> Graded<'p> {
    let rank_of = |name: &str| plan.grades.iter().find(|g| g.name == name).map(|g| g.rank);
    let mut criteria = Vec::with_capacity(plan.grading.axes.len() + plan.grading.flags.len());
    let mut grade: Option<(&'p str, u8)> = None;
    let mut reach = |name: &'p str, rank: Option<u8>| {
        if let Some(rank) = rank {
            if grade.is_none_or(|(_, r)| rank < r) {
                grade = Some((name, rank));
            }
        }
    };
    for axis in &plan.grading.axes {
        let values: Vec<f64> = axis.facts.iter().map(|id| facts.number(id)).collect();
        let value: f64 = values.iter().sum();
        let band = axis.bands.iter().position(|b| b.range.contains(value));
        let rank = band.and_then(|i| rank_of(&axis.bands[i].grade));
        if let Some(i) = band {
            reach(&axis.bands[i].grade, rank);
        }
        criteria.push((
            CriterionState {
                id: &axis.id,
                facts: values,
                value: Some(value),
                band,
            },
            rank,
        ));
    }
    let ctx = Ctx::facts_only(facts);
    for flag in &plan.grading.flags {
        let reached = ctx.holds_at(Site::GradingFlag, &flag.when);
        let rank = if reached { rank_of(&flag.grade) } else { None };
        if reached {
            reach(&flag.grade, rank);
        }
        criteria.push((
            CriterionState {
                id: &flag.id,
                facts: Vec::new(),
                value: None,
                band: reached.then_some(0),
            },
            rank,
        ));
    }
    Graded { grade, criteria }
}
