//! The response level: the base mapping from the grade, then each judgement that raises it. The
//! highest level any matching rule names wins.

use super::cond::Ctx;
use super::outcome::{ReasonState, ResponseState};
use crate::plan::{Level, Plan, RuleKind, Site};

pub fn respond<'p>(plan: &'p Plan, ctx: &Ctx) -> Option<ResponseState<'p>> {
    let levels = &plan.response.levels;
    let level_of = |id: &str| levels.iter().find(|l| l.id == id);
    let matched: Vec<_> = plan
        .response
        .rules
        .iter()
        .filter(|r| ctx.holds_at(Site::ResponseRule, &r.when))
        .filter_map(|r| Some((r, level_of(&r.level)?)))
        .collect();
    let chosen: &Level = matched.iter().map(|(_, l)| *l).min_by_key(|l| l.rank)?;
    // The level the grade alone would give; judgements that go above it "raised" the level.
    let base_rank = matched
        .iter()
        .filter(|(r, _)| r.kind == RuleKind::Grade)
        .map(|(_, l)| l.rank)
        .min()
        .unwrap_or(u8::MAX);
    // Base mapping first, then the judgements, each group in plan order.
    let reasons = matched
        .iter()
        .filter(|(r, _)| r.kind == RuleKind::Grade)
        .chain(matched.iter().filter(|(r, _)| r.kind != RuleKind::Grade))
        .map(|(r, l)| ReasonState {
            id: &r.id,
            raised: r.kind == RuleKind::Judgement && l.rank < base_rank,
        })
        .collect();
    Some(ResponseState {
        level: &chosen.id,
        reasons,
    })
}
