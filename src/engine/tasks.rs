//! The task list: this level's measures, the measures whose condition holds, then the working groups.
//! `schema` holds their texts; `task_defs` and `tasks` give them the same ids.

use super::cond::Ctx;
use super::outcome::{Ref, TaskDef, TaskGroup, TaskItem, TaskKind};
use crate::plan::{Plan, Site, Task};

/// The task groups that apply, as `schema.tasks` ids.
pub fn tasks<'p>(plan: &'p Plan, ctx: &Ctx) -> Vec<Ref<'p>> {
    let mut out = Vec::new();
    if let Some(level) = ctx
        .level
        .and_then(|id| plan.response.levels.iter().find(|l| l.id == id))
    {
        if !level.measures.is_empty() {
            out.push(Ref::Level(&level.id));
        }
    }
    for (i, m) in plan.measures.iter().enumerate() {
        if !m.items.is_empty() && ctx.holds_at(Site::Measure, &m.when) {
            out.push(Ref::Measure(i));
        }
    }
    for (i, g) in plan.organisation.groups.iter().enumerate() {
        if ctx.holds_at(Site::Group, &g.when) {
            out.push(Ref::Group(i));
        }
    }
    out
}

/// Every task group a result can show, with its id.
pub fn task_defs(plan: &Plan) -> Vec<TaskDef> {
    let item = |t: &Task| TaskItem {
        text: t.text.clone(),
        by: t.by.clone(),
        cite: t.cite.clone(),
    };
    let mut out = Vec::new();
    for level in &plan.response.levels {
        if let Some(first) = level.measures.first() {
            out.push(TaskDef {
                id: Ref::Level(&level.id).to_string(),
                group: TaskGroup {
                    kind: TaskKind::Level,
                    title: format!("{}措施", level.name),
                    lead: String::new(),
                    members: Vec::new(),
                    items: level.measures.iter().map(item).collect(),
                    cite: first.cite.clone(),
                },
            });
        }
    }
    for (i, m) in plan.measures.iter().enumerate() {
        let Some(first) = m.items.first() else {
            continue;
        };
        out.push(TaskDef {
            id: Ref::Measure(i).to_string(),
            group: TaskGroup {
                kind: TaskKind::Measure,
                title: m.title.clone(),
                lead: String::new(),
                members: Vec::new(),
                items: m.items.iter().map(item).collect(),
                cite: first.cite.clone(),
            },
        });
    }
    for (i, g) in plan.organisation.groups.iter().enumerate() {
        out.push(TaskDef {
            id: Ref::Group(i).to_string(),
            group: TaskGroup {
                kind: TaskKind::Group,
                title: g.name.clone(),
                lead: g.lead.clone(),
                members: g.members.clone(),
                items: vec![TaskItem {
                    text: g.duties.clone(),
                    by: g.lead.clone(),
                    cite: g.cite.clone(),
                }],
                cite: g.cite.clone(),
            },
        });
    }
    out
}
