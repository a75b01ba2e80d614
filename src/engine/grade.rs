//! The grade: each numeric criterion's band, each judgement criterion, and the most severe grade any
//! of them reaches (`combine = "max"`, recorded in the plan's notes).

use super::cond::Ctx;
use super::facts::Facts;
use super::outcome::{Criterion, FactValueShown};
use crate::plan::{Axis, Plan, Site};

pub struct Graded {
    pub grade: Option<(String, u8)>,
    pub criteria: Vec<Criterion>,
}

impl Graded {
    /// The criteria that reached the grade.
    pub fn basis(&self) -> Vec<Criterion> {
        let Some((_, rank)) = &self.grade else {
            return Vec::new();
        };
        self.criteria
            .iter()
            .filter(|c| c.grade_rank == Some(*rank))
            .cloned()
            .collect()
    }
}

pub fn grade(plan: &Plan, facts: &Facts) -> Graded {
    let rank_of = |name: &str| plan.grades.iter().find(|g| g.name == name).map(|g| g.rank);
    let mut criteria = Vec::new();
    for axis in &plan.grading.axes {
        criteria.push(axis_criterion(plan, axis, facts, &rank_of));
    }
    let ctx = Ctx::facts_only(facts);
    for flag in &plan.grading.flags {
        let reached = ctx.holds_at(Site::GradingFlag, &flag.when);
        criteria.push(Criterion {
            id: flag.id.clone(),
            label: flag.text.clone(),
            facts: Vec::new(),
            value: None,
            unit: String::new(),
            grade: reached.then(|| flag.grade.clone()),
            grade_rank: if reached { rank_of(&flag.grade) } else { None },
            band: flag.text.clone(),
            cite: Some(flag.cite.clone()),
            quote: flag.quote.clone(),
        });
    }
    let grade = criteria
        .iter()
        .filter_map(|c| Some((c.grade.clone()?, c.grade_rank?)))
        .min_by_key(|(_, rank)| *rank);
    Graded { grade, criteria }
}

fn axis_criterion(
    plan: &Plan,
    axis: &Axis,
    facts: &Facts,
    rank_of: &dyn Fn(&str) -> Option<u8>,
) -> Criterion {
    let shown: Vec<FactValueShown> = axis
        .facts
        .iter()
        .map(|id| FactValueShown {
            id: id.clone(),
            label: plan
                .facts
                .iter()
                .find(|f| &f.id == id)
                .map_or_else(|| id.clone(), |f| f.label.clone()),
            value: facts.number(id),
        })
        .collect();
    let value: f64 = shown.iter().map(|f| f.value).sum();
    let band = axis.bands.iter().find(|b| b.range.contains(value));
    Criterion {
        id: axis.id.clone(),
        label: axis.label.clone(),
        facts: shown,
        value: Some(value),
        unit: axis.unit.clone(),
        grade: band.map(|b| b.grade.clone()),
        grade_rank: band.and_then(|b| rank_of(&b.grade)),
        band: band.map_or_else(|| "低于本项最低分级标准".to_string(), |b| b.text.clone()),
        cite: band.map(|b| b.cite.clone()),
        quote: band.map_or_else(String::new, |b| b.quote.clone()),
    }
}
