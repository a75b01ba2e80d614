//! Facts → outcome. Pure: the plan, the checked facts and `now` come in; nothing is read from outside.

mod calendar;
mod checks;
mod clock;
mod cond;
mod deadlines;
pub mod facts;
mod grade;
mod hazards;
pub mod outcome;
mod response;
mod scope;
mod season;
mod series;
mod tasks;

use chrono::{DateTime, FixedOffset};

use crate::plan::{Body, Cite, Plan, Site};
pub use calendar::{calendar, Calendar};
pub use cond::Ctx;
pub use facts::{china, parse_time, Facts, RawFacts, RawValue};
pub use outcome::*;

pub fn summary(plan: &Plan) -> PlanSummary {
    let m = &plan.plan;
    PlanSummary {
        id: m.id.clone(),
        city: m.city.clone(),
        title: m.title.clone(),
        doc_number: m.doc_number.clone(),
        date: m.date.clone(),
        imported: None,
    }
}

/// Evaluates checked facts against a plan at time `now`, phase by phase (`plan::Phase`): criteria
/// and grade, hazards' levels, response level, then everything shown with them. Each condition sees
/// only what its place may (`Ctx::at`).
pub fn evaluate(plan: &Plan, facts: &Facts, now: DateTime<FixedOffset>) -> Outcome {
    let scope = scope::rulings(plan, facts);
    let inside = scope.iter().all(|s| s.applies);
    let mut graded = grade::grade(plan, facts);
    if !inside {
        // Ruled outside the plan: no grade; the criteria stay visible for the "why" panel.
        graded.grade = None;
    }
    let grade_name = graded.grade.as_ref().map(|(name, _)| name.as_str());
    let graded_ctx = Ctx {
        grade: grade_name,
        ..Ctx::facts_only(facts)
    };
    let hazard_states = hazards::assess(plan, &graded_ctx);
    let response = response::respond(
        plan,
        &Ctx {
            hazards: &hazard_states,
            ..graded_ctx
        },
    )
    .filter(|_| inside);
    let ctx = Ctx {
        facts,
        grade: grade_name,
        level: response.as_ref().map(|r| r.id.as_str()),
        hazards: &hazard_states,
    };

    // Outside the plan its duties do not apply either: the result names what applies instead.
    let (deadlines, tasks) = if inside {
        (
            deadlines::deadlines(plan, &ctx, now),
            tasks::tasks(plan, &ctx),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let termination = plan
        .termination
        .iter()
        .find(|t| ctx.holds_at(Site::Termination, &t.when))
        .map(|t| TerminationOutcome {
            who: t.who.clone(),
            conditions: t.conditions.clone(),
            cite: t.cite.clone(),
            quote: t.quote.clone(),
        });
    let mut warnings = hazards::outcomes(plan, &hazard_states, &ctx);
    warnings.extend(issued_warning(plan, facts));
    mark_differences(plan, &mut warnings);
    let notes: Vec<NoteOutcome> = plan
        .notes
        .iter()
        .filter(|n| ctx.holds_at(Site::Note, &n.when))
        .map(|n| NoteOutcome {
            id: n.id.clone(),
            kind: n.kind.as_str().to_string(),
            title: n.title.clone(),
            reading: n.reading.clone(),
            reason: n.reason.clone(),
            cite: n.cite.clone(),
            quote: n.quote.clone(),
        })
        .collect();

    let provisional: Vec<ProvisionalOutcome> = plan
        .grading
        .provisional
        .iter()
        .filter(|p| grade_name.is_some() && ctx.holds_at(Site::Provisional, &p.when))
        .map(|p| ProvisionalOutcome {
            text: p.text.clone(),
            cite: p.cite.clone(),
            quote: p.quote.clone(),
        })
        .collect();
    let grade_basis = graded.basis();
    let mut citations = Citations::default();
    grade_basis
        .iter()
        .filter_map(|c| c.cite.as_ref())
        .for_each(|c| citations.add(c));
    if let Some(r) = &response {
        citations.add(&r.condition.cite);
        citations.add(&r.procedure.cite);
        r.reasons.iter().for_each(|x| citations.add(&x.cite));
    }
    deadlines.iter().for_each(|d| citations.add(&d.cite));
    tasks
        .iter()
        .flat_map(|t| &t.items)
        .for_each(|i| citations.add(&i.cite));
    termination.iter().for_each(|t| citations.add(&t.cite));
    for w in &warnings {
        w.basis.iter().for_each(|b| citations.add(&b.cite));
        citations.add(&w.cite);
    }
    notes.iter().for_each(|n| citations.add(&n.cite));
    let recovery: Vec<RecoveryOutcome> = plan
        .recovery
        .iter()
        .filter(|r| inside && ctx.holds_at(Site::Recovery, &r.when))
        .map(|r| RecoveryOutcome {
            id: r.id.clone(),
            title: r.title.clone(),
            who: r.who.clone(),
            reports: r.reports.clone(),
            to: r.to.clone(),
            text: r.text.clone(),
            cite: r.cite.clone(),
            quote: r.quote.clone(),
        })
        .collect();
    recovery.iter().for_each(|r| citations.add(&r.cite));
    scope.iter().for_each(|s| citations.add(&s.cite));
    let activation = plan.activation.as_ref().map(|a| {
        let started = ctx.holds_at(Site::Activation, &a.when);
        ActivationOutcome {
            name: a.name.clone(),
            summary: a.summary.clone(),
            started,
            waiting: if started {
                String::new()
            } else {
                a.waiting.clone()
            },
            proposes: a.proposes.clone(),
            starts: a.starts.clone(),
            commands: a.commands.clone(),
            cite: a.cite.clone(),
            quote: a.quote.clone(),
        }
    });
    if let Some(a) = &activation {
        citations.add(&a.cite);
    }
    let checks = checks::checks(plan, &ctx);
    checks.iter().for_each(|c| citations.add(&c.cite));

    Outcome {
        plan: summary(plan),
        grade: graded.grade.as_ref().map(|(name, _)| name.clone()),
        grade_rank: graded.grade.as_ref().map(|(_, rank)| *rank),
        provisional,
        grade_basis,
        criteria: graded.criteria,
        response,
        deadlines,
        tasks,
        termination,
        warnings,
        organisation: organisation(plan),
        contacts: plan
            .contacts
            .iter()
            .map(|c| ContactOutcome {
                unit: c.unit.clone(),
                phone: c.phone.clone(),
                line: c.line,
            })
            .collect(),
        tables: plan.tables.clone(),
        notes,
        citations: citations.0,
        assumed: facts.assumed.clone(),
        now: clock::rfc3339(now),
        activation,
        checks,
        scope,
        recovery,
    }
}

/// The warning level the user says was issued, with who issues it and the measures (computed
/// levels come from `hazards`).
fn issued_warning(plan: &Plan, facts: &Facts) -> Vec<WarningOutcome> {
    let Some(w) = &plan.warning else {
        return Vec::new();
    };
    let Some(chosen) = w.fact.as_deref().and_then(|f| facts.choice(f)) else {
        return Vec::new();
    };
    w.levels
        .iter()
        .filter(|l| l.id == chosen)
        .map(|l| WarningOutcome {
            id: Some(l.id.clone()),
            name: Some(l.name.clone()),
            colour: Some(l.colour.as_str().to_string()),
            rank: Some(l.rank),
            hazard: None,
            hazard_name: None,
            basis: Vec::new(),
            issued_by: l.issued_by.clone(),
            measures: w
                .general
                .iter()
                .map(|t| t.text.clone())
                .chain([l.measures.clone()])
                .collect(),
            computed: w.computed,
            cite: l.cite.clone(),
            differs: None,
        })
        .collect()
}

/// Where the user gives the published level and the plan also computes one (from the expected
/// grade or the hidden danger found), a computed level that differs says so: both are shown.
fn mark_differences(plan: &Plan, warnings: &mut [WarningOutcome]) {
    if plan
        .warning
        .as_ref()
        .and_then(|w| w.fact.as_ref())
        .is_none()
    {
        return;
    }
    let issued = warnings
        .iter()
        .find(|w| w.hazard.is_none())
        .map(|w| (w.id.clone(), label(w)));
    for w in warnings
        .iter_mut()
        .filter(|w| w.hazard.is_some() && w.id.is_some())
    {
        w.differs = match &issued {
            None => Some("尚未发布预警".to_string()),
            Some((id, _)) if *id == w.id => None,
            Some((_, shown)) => Some(format!("已发布：{shown}")),
        };
    }
}

/// `黄色(Ⅲ级)`: a warning level as the plans name it (a name that already holds its colour alone).
fn label(w: &WarningOutcome) -> String {
    let name = w.name.as_deref().unwrap_or_default();
    let colour = w.colour.as_deref().unwrap_or_default();
    if name.contains(colour) {
        name.to_string()
    } else {
        format!("{colour}({name})")
    }
}

fn organisation(plan: &Plan) -> OrganisationOutcome {
    let body = |b: &Body| BodyOutcome {
        name: b.name.clone(),
        head: b.head.clone(),
        deputies: b.deputies.clone(),
        members: b.members.clone(),
        duties: b.duties.clone(),
        cite: b.cite.clone(),
    };
    let org = &plan.organisation;
    OrganisationOutcome {
        command: body(&org.command),
        office: body(&org.office),
        member_units: org
            .member_units
            .iter()
            .map(|u| UnitOutcome {
                unit: u.unit.clone(),
                duties: u.duties.clone(),
                cite: u.cite.clone(),
            })
            .collect(),
    }
}

#[derive(Default)]
struct Citations(Vec<Cite>);

impl Citations {
    fn add(&mut self, c: &Cite) {
        if !self.0.contains(c) {
            self.0.push(c.clone());
        }
    }
}
