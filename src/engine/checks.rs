//! A plan's `[[checks]]`: requirements it states (医药储备 库存不低于计划的70%, 承储企业条件; 重污染天气
//! 预警解除条件), told as pass, fail or unknown (a needed fact not given) with the clause.

use super::cond::Ctx;
use super::outcome::{CheckState, CheckStatus};
use crate::plan::{Check, Plan, Ratio, Site};

pub fn checks<'p>(plan: &'p Plan, ctx: &Ctx) -> Vec<CheckState<'p>> {
    plan.checks
        .iter()
        .filter(|c| ctx.holds_at(Site::Check, &c.when))
        .map(|c| {
            let (status, detail) = tell(plan, c, ctx);
            CheckState {
                id: &c.id,
                status,
                detail,
            }
        })
        .collect()
}

fn tell(plan: &Plan, c: &Check, ctx: &Ctx) -> (CheckStatus, String) {
    let missing: Vec<&str> = c
        .needs
        .iter()
        .chain(c.ratio.iter().flat_map(|r| r.of.iter().chain(&r.to)))
        .filter(|id| !ctx.facts.given(id))
        .map(|id| label(plan, id))
        .collect();
    if !missing.is_empty() {
        let mut seen: Vec<&str> = Vec::new();
        missing.iter().for_each(|m| {
            if !seen.contains(m) {
                seen.push(m)
            }
        });
        return (CheckStatus::Unknown, format!("请填写:{}", seen.join("、")));
    }
    let (pass, shown) = match (&c.passes, &c.ratio) {
        (Some(p), _) => (ctx.holds_at(Site::Check, p), String::new()),
        (None, Some(r)) => ratio(plan, r, ctx),
        // The validator refuses a check with neither.
        (None, None) => return (CheckStatus::Unknown, String::new()),
    };
    let text = if pass { &c.pass_text } else { &c.fail_text };
    (
        if pass {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        },
        if shown.is_empty() {
            text.clone()
        } else {
            format!("{text}({shown})")
        },
    )
}

/// Whether `of` is at least `min_percent` % of `to`, and the share in words. A zero `to` makes no
/// share: the check fails and says so.
fn ratio(plan: &Plan, r: &Ratio, ctx: &Ctx) -> (bool, String) {
    let sum = |ids: &[String]| ids.iter().map(|f| ctx.facts.number(f)).sum::<f64>();
    let (of, to) = (sum(&r.of), sum(&r.to));
    let names = |ids: &[String]| {
        ids.iter()
            .map(|f| label(plan, f))
            .collect::<Vec<_>>()
            .join("+")
    };
    if to <= 0.0 {
        return (false, format!("{}为0,无法计算比例", names(&r.to)));
    }
    let (lhs, rhs) = (of * 100.0, r.min_percent * to);
    let pass = if r.min_inclusive.unwrap_or(true) {
        lhs >= rhs
    } else {
        lhs > rhs
    };
    let share = (of / to * 1000.0).round() / 10.0;
    (
        pass,
        format!(
            "{} {of} / {} {to} = {share}%,要求{}{}%",
            names(&r.of),
            names(&r.to),
            if r.min_inclusive.unwrap_or(true) {
                "不低于"
            } else {
                "高于"
            },
            r.min_percent
        ),
    )
}

fn label<'p>(plan: &'p Plan, id: &'p str) -> &'p str {
    plan.facts
        .iter()
        .find(|f| f.id == id)
        .map_or(id, |f| f.label.as_str())
}
