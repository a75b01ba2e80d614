//! `Schema`: everything static a result can refer to, taken from the plan once, each entry with the id
//! `Evaluation` uses for it.

use super::deadlines;
use super::outcome::*;
use super::tasks::task_defs;
use crate::plan::{Body, Plan, Rule};

/// What a criterion shows when no band of it is reached (a numeric axis).
const BELOW_EVERY_BAND: &str = "低于本项最低分级标准";

pub fn schema(plan: &Plan) -> Schema {
    let quoted = |r: &Rule| Quoted {
        cite: r.cite.clone(),
        quote: r.quote.clone(),
    };
    let label_of = |id: &str| {
        plan.facts
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_string(), |f| f.label.clone())
    };
    let rank_of = |name: &str| plan.grades.iter().find(|g| g.name == name).map(|g| g.rank);
    let axes = plan.grading.axes.iter().map(|a| CriterionDef {
        id: a.id.clone(),
        kind: CriterionKind::Axis,
        label: a.label.clone(),
        unit: a.unit.clone(),
        facts: a
            .facts
            .iter()
            .map(|id| FactRef {
                id: id.clone(),
                label: label_of(id),
            })
            .collect(),
        bands: a
            .bands
            .iter()
            .map(|b| {
                let (min, min_inclusive, max, max_inclusive) = b.range.to_keys();
                BandDef {
                    grade: Some(b.grade.clone()),
                    grade_rank: rank_of(&b.grade),
                    text: b.text.clone(),
                    min,
                    min_inclusive,
                    max,
                    max_inclusive,
                    cite: Some(b.cite.clone()),
                    quote: b.quote.clone(),
                }
            })
            .collect(),
        unreached: BandDef {
            grade: None,
            grade_rank: None,
            text: BELOW_EVERY_BAND.to_string(),
            min: None,
            min_inclusive: None,
            max: None,
            max_inclusive: None,
            cite: None,
            quote: String::new(),
        },
    });
    let flags = plan.grading.flags.iter().map(|f| {
        let band = BandDef {
            grade: Some(f.grade.clone()),
            grade_rank: rank_of(&f.grade),
            text: f.text.clone(),
            min: None,
            min_inclusive: None,
            max: None,
            max_inclusive: None,
            cite: Some(f.cite.clone()),
            quote: f.quote.clone(),
        };
        CriterionDef {
            id: f.id.clone(),
            kind: CriterionKind::Flag,
            label: f.text.clone(),
            unit: String::new(),
            facts: Vec::new(),
            unreached: BandDef {
                grade: None,
                grade_rank: None,
                ..band.clone()
            },
            bands: vec![band],
        }
    });
    Schema {
        version: RESULT_VERSION,
        plan: super::summary(plan),
        facts: plan.facts.clone(),
        bounds_clause: plan.bounds_clause.as_ref().map(quoted),
        scope: quoted(&plan.scope),
        exclusions: plan.exclusions.clone(),
        criteria: axes.chain(flags).collect(),
        provisional: plan
            .grading
            .provisional
            .iter()
            .enumerate()
            .map(|(i, p)| ProvisionalDef {
                id: Ref::Provisional(i).to_string(),
                text: p.text.clone(),
                cite: p.cite.clone(),
                quote: p.quote.clone(),
            })
            .collect(),
        levels: plan
            .response
            .levels
            .iter()
            .map(|l| LevelDef {
                id: l.id.clone(),
                name: l.name.clone(),
                rank: l.rank,
                proposes: l.proposes.clone(),
                starts: l.starts.clone(),
                commands: l.commands.clone(),
                condition: quoted(&l.condition),
                procedure: quoted(&l.procedure),
            })
            .collect(),
        rules: plan
            .response
            .rules
            .iter()
            .map(|r| RuleDef {
                id: r.id.clone(),
                kind: match r.kind {
                    crate::plan::RuleKind::Grade => ReasonKind::Grade,
                    crate::plan::RuleKind::Judgement => ReasonKind::Judgement,
                },
                level: r.level.clone(),
                text: r.text.clone(),
                cite: r.cite.clone(),
                quote: r.quote.clone(),
            })
            .collect(),
        reporting: plan
            .reporting
            .iter()
            .map(|r| ReportDef {
                id: r.id.clone(),
                who: r.who.clone(),
                to: r.to.clone(),
                what: r.what.clone(),
                limit_text: r.limit_text.clone(),
                anchor: r.anchor.clone(),
                anchor_label: label_of(&r.anchor),
                cite: r.cite.clone(),
                quote: r.quote.clone(),
                counts: deadlines::counts(r),
            })
            .collect(),
        tasks: task_defs(plan),
        termination: plan
            .termination
            .iter()
            .enumerate()
            .map(|(i, t)| TerminationDef {
                id: Ref::Termination(i).to_string(),
                termination: TerminationOutcome {
                    who: t.who.clone(),
                    conditions: t.conditions.clone(),
                    cite: t.cite.clone(),
                    quote: t.quote.clone(),
                },
            })
            .collect(),
        warning: plan.warning.as_ref().map(|w| WarningDef {
            computed: w.computed,
            levels: w
                .levels
                .iter()
                .map(|l| WarningLevelDef {
                    id: l.id.clone(),
                    name: l.name.clone(),
                    colour: l.colour.as_str().to_string(),
                    rank: l.rank,
                    issued_by: l.issued_by.clone(),
                    measures: w
                        .general
                        .iter()
                        .map(|t| t.text.clone())
                        .chain([l.measures.clone()])
                        .collect(),
                    cite: l.cite.clone(),
                })
                .collect(),
        }),
        hazards: plan
            .hazards
            .iter()
            .map(|h| HazardDef {
                id: h.id.clone(),
                name: h.name.clone(),
                cite: h.cite.clone(),
                rules: h
                    .rules
                    .iter()
                    .map(|r| HazardBasis {
                        id: r.id.clone(),
                        text: r.text.clone(),
                        cite: r.cite.clone(),
                        quote: r.quote.clone(),
                    })
                    .collect(),
            })
            .collect(),
        notes: plan
            .notes
            .iter()
            .map(|n| NoteOutcome {
                id: n.id.clone(),
                kind: n.kind.as_str().to_string(),
                title: n.title.clone(),
                reading: n.reading.clone(),
                reason: n.reason.clone(),
                cite: n.cite.clone(),
                quote: n.quote.clone(),
            })
            .collect(),
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
        activation: plan.activation.as_ref().map(|a| ActivationDef {
            name: a.name.clone(),
            summary: a.summary.clone(),
            waiting: a.waiting.clone(),
            proposes: a.proposes.clone(),
            starts: a.starts.clone(),
            commands: a.commands.clone(),
            cite: a.cite.clone(),
            quote: a.quote.clone(),
        }),
        checks: plan
            .checks
            .iter()
            .map(|c| CheckDef {
                id: c.id.clone(),
                group: c.group.clone(),
                text: c.text.clone(),
                cite: c.cite.clone(),
                quote: c.quote.clone(),
            })
            .collect(),
        applicability: plan
            .applicability
            .iter()
            .map(|g| ScopeDef {
                id: g.id.clone(),
                question: label_of(&g.fact),
                text: g.text.clone(),
                instead: g.instead.clone(),
                instead_plan: g.instead_plan.clone(),
                cite: g.cite.clone(),
                quote: g.quote.clone(),
            })
            .collect(),
        recovery: plan
            .recovery
            .iter()
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
            .collect(),
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
