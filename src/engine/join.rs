//! `Outcome` = `Schema` + `Evaluation`: the readable, self-contained result (`yingji eval --full`, the
//! tests, and — in JS, `www/join.js` — the page). Every id the evaluation names is looked up in the
//! schema of the same plan; both come from the same `Plan`, so each lookup finds its entry (the
//! agreement and CLI tests hold the two joins to each other and to the plan).

use super::outcome::*;
use crate::plan::Cite;

pub fn join(schema: &Schema, ev: &Evaluation) -> Outcome {
    let criteria: Vec<Criterion> = ev
        .criteria
        .iter()
        .filter_map(|c| {
            let def = schema.criteria.iter().find(|d| d.id == c.id)?;
            let band = c
                .band
                .and_then(|i| def.bands.get(i))
                .unwrap_or(&def.unreached);
            Some(Criterion {
                id: def.id.clone(),
                label: def.label.clone(),
                facts: def
                    .facts
                    .iter()
                    .zip(&c.facts)
                    .map(|(f, v)| FactValueShown {
                        id: f.id.clone(),
                        label: f.label.clone(),
                        value: *v,
                    })
                    .collect(),
                value: c.value,
                unit: def.unit.clone(),
                grade: band.grade.clone(),
                grade_rank: band.grade_rank,
                band: band.text.clone(),
                cite: band.cite.clone(),
                quote: band.quote.clone(),
            })
        })
        .collect();
    let grade_basis: Vec<Criterion> = ev
        .basis
        .iter()
        .filter_map(|id| criteria.iter().find(|c| c.id == *id).cloned())
        .collect();
    let level = |id: &str| schema.levels.iter().find(|l| l.id == id);
    let response = ev.response.as_ref().and_then(|r| {
        let l = level(r.level)?;
        Some(ResponseOutcome {
            id: l.id.clone(),
            level: l.name.clone(),
            rank: l.rank,
            proposes: l.proposes.clone(),
            starts: l.starts.clone(),
            commands: l.commands.clone(),
            condition: l.condition.clone(),
            procedure: l.procedure.clone(),
            reasons: r
                .reasons
                .iter()
                .filter_map(|x| {
                    let rule = schema.rules.iter().find(|d| d.id == x.id)?;
                    Some(Reason {
                        id: rule.id.clone(),
                        kind: rule.kind,
                        level: level(&rule.level)
                            .map_or_else(|| rule.level.clone(), |l| l.name.clone()),
                        text: rule.text.clone(),
                        raised: x.raised,
                        cite: rule.cite.clone(),
                        quote: rule.quote.clone(),
                    })
                })
                .collect(),
        })
    });
    let deadlines: Vec<Deadline> = ev
        .deadlines
        .iter()
        .filter_map(|d| {
            let r = schema.reporting.iter().find(|r| r.id == d.id)?;
            Some(Deadline {
                id: r.id.clone(),
                who: r.who.clone(),
                to: r.to.clone(),
                what: r.what.clone(),
                limit_text: r.limit_text.clone(),
                anchor: r.anchor.clone(),
                anchor_label: r.anchor_label.clone(),
                due: d.due.clone(),
                due_display: d.due_display.clone(),
                minutes_left: d.minutes_left,
                status: d.status,
                cite: r.cite.clone(),
                quote: r.quote.clone(),
                counts: r.counts,
                calendar: d.calendar.clone(),
                estimated: d.estimated.clone(),
            })
        })
        .collect();
    let by_ref = |id: &Ref| id.to_string();
    let tasks: Vec<TaskGroup> = ev
        .tasks
        .iter()
        .filter_map(|id| {
            let id = by_ref(id);
            schema
                .tasks
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.group.clone())
        })
        .collect();
    let termination = ev.termination.as_ref().and_then(|id| {
        let id = by_ref(id);
        schema
            .termination
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.termination.clone())
    });
    let warnings: Vec<WarningOutcome> = ev.warnings.iter().map(|w| warning(schema, w)).collect();
    let notes: Vec<NoteOutcome> = ev
        .notes
        .iter()
        .filter_map(|id| schema.notes.iter().find(|n| n.id == *id).cloned())
        .collect();
    let activation = ev.activation.as_ref().and_then(|s| {
        let a = schema.activation.as_ref()?;
        Some(ActivationOutcome {
            name: a.name.clone(),
            summary: a.summary.clone(),
            started: s.started,
            waiting: if s.started {
                String::new()
            } else {
                a.waiting.clone()
            },
            proposes: a.proposes.clone(),
            starts: a.starts.clone(),
            commands: a.commands.clone(),
            cite: a.cite.clone(),
            quote: a.quote.clone(),
        })
    });

    // Every citation the result rests on, deduplicated, in order of first use.
    let mut citations: Vec<Cite> = Vec::new();
    let mut add = |c: &Cite| {
        if !citations.contains(c) {
            citations.push(c.clone());
        }
    };
    grade_basis
        .iter()
        .filter_map(|c| c.cite.as_ref())
        .for_each(&mut add);
    if let Some(r) = &response {
        add(&r.condition.cite);
        add(&r.procedure.cite);
        r.reasons.iter().for_each(|x| add(&x.cite));
    }
    deadlines.iter().for_each(|d| add(&d.cite));
    tasks
        .iter()
        .flat_map(|t| &t.items)
        .for_each(|i| add(&i.cite));
    termination.iter().for_each(|t| add(&t.cite));
    for w in &warnings {
        w.basis.iter().for_each(|b| add(&b.cite));
        add(&w.cite);
    }
    notes.iter().for_each(|n| add(&n.cite));
    let recovery: Vec<RecoveryOutcome> = ev
        .recovery
        .iter()
        .filter_map(|id| schema.recovery.iter().find(|r| r.id == *id).cloned())
        .collect();
    let scope: Vec<ScopeOutcome> = ev
        .scope
        .iter()
        .filter_map(|s| {
            let d = schema.applicability.iter().find(|d| d.id == s.id)?;
            Some(ScopeOutcome {
                id: d.id.clone(),
                question: d.question.clone(),
                answer: s.answer.clone(),
                applies: s.applies,
                text: d.text.clone(),
                instead: d.instead.clone(),
                instead_plan: d.instead_plan.clone(),
                cite: d.cite.clone(),
                quote: d.quote.clone(),
            })
        })
        .collect();
    let checks: Vec<CheckOutcome> = ev
        .checks
        .iter()
        .filter_map(|c| {
            let d = schema.checks.iter().find(|d| d.id == c.id)?;
            Some(CheckOutcome {
                id: d.id.clone(),
                group: d.group.clone(),
                text: d.text.clone(),
                status: c.status,
                detail: c.detail.clone(),
                cite: d.cite.clone(),
                quote: d.quote.clone(),
            })
        })
        .collect();
    recovery.iter().for_each(|r| add(&r.cite));
    scope.iter().for_each(|s| add(&s.cite));
    if let Some(a) = &activation {
        add(&a.cite);
    }
    checks.iter().for_each(|c| add(&c.cite));

    Outcome {
        version: ev.version,
        plan: schema.plan.clone(),
        grade: ev.grade.map(str::to_string),
        grade_rank: ev.grade_rank,
        provisional: ev
            .provisional
            .iter()
            .filter_map(|id| {
                let id = by_ref(id);
                schema.provisional.iter().find(|p| p.id == id)
            })
            .map(|p| ProvisionalOutcome {
                text: p.text.clone(),
                cite: p.cite.clone(),
                quote: p.quote.clone(),
            })
            .collect(),
        grade_basis,
        criteria,
        response,
        deadlines,
        tasks,
        termination,
        warnings,
        organisation: schema.organisation.clone(),
        contacts: schema.contacts.clone(),
        tables: schema.tables.clone(),
        notes,
        citations,
        assumed: ev
            .assumed
            .iter()
            .map(|a| Assumed {
                id: a.id.to_string(),
                label: schema
                    .facts
                    .iter()
                    .find(|f| f.id == a.id)
                    .map_or_else(|| a.id.to_string(), |f| f.label.clone()),
                value: a.value.clone(),
            })
            .collect(),
        now: ev.now.clone(),
        activation,
        checks,
        scope,
        recovery,
    }
}

/// One `warnings[]` entry: a computed hazard's level (or none reached), or the level issued.
fn warning(schema: &Schema, w: &WarningState) -> WarningOutcome {
    let level = w.level.and_then(|id| {
        schema
            .warning
            .as_ref()
            .and_then(|d| d.levels.iter().find(|l| l.id == id))
    });
    let hazard = w
        .hazard
        .and_then(|id| schema.hazards.iter().find(|h| h.id == id));
    let computed = hazard.is_some() || schema.warning.as_ref().is_some_and(|d| d.computed);
    WarningOutcome {
        id: level.map(|l| l.id.clone()),
        name: level.map(|l| l.name.clone()),
        colour: level.map(|l| l.colour.clone()),
        differs: w.differs.clone(),
        rank: level.map(|l| l.rank),
        issued_by: level.map(|l| l.issued_by.clone()).unwrap_or_default(),
        measures: level.map(|l| l.measures.clone()).unwrap_or_default(),
        computed,
        hazard: hazard.map(|h| h.id.clone()),
        hazard_name: hazard.map(|h| h.name.clone()),
        basis: hazard
            .map(|h| {
                w.basis
                    .iter()
                    .filter_map(|id| h.rules.iter().find(|r| r.id == *id).cloned())
                    .collect()
            })
            .unwrap_or_default(),
        cite: match (level, hazard) {
            (Some(l), _) => l.cite.clone(),
            (None, Some(h)) => h.cite.clone(),
            // Not reached: a warning entry always names a level or a hazard.
            (None, None) => Cite {
                clause: String::new(),
                line: 0,
                line_end: None,
                chars: None,
            },
        },
    }
}
