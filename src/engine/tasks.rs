//! The task list: this level's measures, the measures whose condition holds, then the working groups.

use super::cond::Ctx;
use super::outcome::{TaskGroup, TaskItem};
use crate::plan::{Plan, Site, Task};

pub fn tasks(plan: &Plan, ctx: &Ctx) -> Vec<TaskGroup> {
    let item = |t: &Task| TaskItem {
        text: t.text.clone(),
        by: t.by.clone(),
        cite: t.cite.clone(),
    };
    let mut out = Vec::new();
    if let Some(level) = ctx
        .level
        .and_then(|id| plan.response.levels.iter().find(|l| l.id == id))
    {
        if let Some(first) = level.measures.first() {
            out.push(TaskGroup {
                kind: "level".into(),
                title: format!("{}措施", level.name),
                lead: String::new(),
                members: Vec::new(),
                items: level.measures.iter().map(item).collect(),
                cite: first.cite.clone(),
            });
        }
    }
    for m in plan
        .measures
        .iter()
        .filter(|m| ctx.holds_at(Site::Measure, &m.when))
    {
        let Some(first) = m.items.first() else {
            continue;
        };
        out.push(TaskGroup {
            kind: "measure".into(),
            title: m.title.clone(),
            lead: String::new(),
            members: Vec::new(),
            items: m.items.iter().map(item).collect(),
            cite: first.cite.clone(),
        });
    }
    for g in plan
        .organisation
        .groups
        .iter()
        .filter(|g| ctx.holds_at(Site::Group, &g.when))
    {
        out.push(TaskGroup {
            kind: "group".into(),
            title: g.name.clone(),
            lead: g.lead.clone(),
            members: g.members.clone(),
            items: vec![TaskItem {
                text: g.duties.clone(),
                by: g.lead.clone(),
                cite: g.cite.clone(),
            }],
            cite: g.cite.clone(),
        });
    }
    out
}
