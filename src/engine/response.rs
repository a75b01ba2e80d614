//! The response level: the base mapping from the grade, then each judgement that raises it. The
//! highest level any matching rule names wins.

use super::cond::Ctx;
use super::outcome::{Quoted, Reason, ResponseOutcome};
use crate::plan::{Level, Plan, RuleKind, Site};

pub fn respond(plan: &Plan, ctx: &Ctx) -> Option<ResponseOutcome> {
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
    let mut reasons: Vec<Reason> = matched
        .iter()
        .map(|(r, l)| Reason {
            id: r.id.clone(),
            kind: match r.kind {
                RuleKind::Grade => "grade".into(),
                RuleKind::Judgement => "judgement".into(),
            },
            level: l.name.clone(),
            text: r.text.clone(),
            raised: r.kind == RuleKind::Judgement && l.rank < base_rank,
            cite: r.cite.clone(),
            quote: r.quote.clone(),
        })
        .collect();
    // Base mapping first, then the judgements, each group in plan order.
    reasons.sort_by_key(|r| r.kind != "grade");
    Some(ResponseOutcome {
        id: chosen.id.clone(),
        level: chosen.name.clone(),
        rank: chosen.rank,
        proposes: chosen.proposes.clone(),
        starts: chosen.starts.clone(),
        commands: chosen.commands.clone(),
        condition: Quoted {
            cite: chosen.condition.cite.clone(),
            quote: chosen.condition.quote.clone(),
        },
        procedure: Quoted {
            cite: chosen.procedure.cite.clone(),
            quote: chosen.procedure.quote.clone(),
        },
        reasons,
    })
}
