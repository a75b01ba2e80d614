//! «待确认» marks: how many parts of a plan a reviewer has not yet confirmed (`review = "待确认"`
//! on any of its tables). A plan with marks left loads and can be tried; the count labels it as a
//! draft wherever it is shown.

use super::model::*;

/// What `yingji check` (and the import checker) says of a plan with marks left: a warning, not an
/// error (a draft can be tried). None for a reviewed plan.
pub fn draft_warning(unconfirmed: u32) -> Option<String> {
    (unconfirmed > 0).then(|| format!("草稿：{unconfirmed} 处待确认"))
}

/// The number of tables of `plan` marked `review = "待确认"`.
pub fn unconfirmed(plan: &Plan) -> u32 {
    let mut n = 0u32;
    let mut add = |r: &Option<Review>| n += u32::from(r.is_some());
    let p = plan;
    add(&p.plan.review);
    if let Some(b) = &p.bounds_clause {
        add(&b.review);
    }
    add(&p.scope.review);
    p.exclusions.iter().for_each(|x| add(&x.review));
    if let Some(f) = &p.finder {
        add(&f.review);
        f.defers.iter().for_each(|d| add(&d.review));
    }
    p.facts.iter().for_each(|f| add(&f.review));
    p.grades.iter().for_each(|g| add(&g.review));
    for a in &p.grading.axes {
        add(&a.review);
        a.bands.iter().for_each(|b| add(&b.review));
    }
    p.grading.flags.iter().for_each(|f| add(&f.review));
    p.grading.provisional.iter().for_each(|v| add(&v.review));
    for h in &p.hazards {
        add(&h.review);
        h.rules.iter().for_each(|r| add(&r.review));
    }
    if let Some(i) = &p.response.intro {
        add(&i.review);
    }
    for l in &p.response.levels {
        add(&l.review);
        add(&l.condition.review);
        add(&l.procedure.review);
        l.measures.iter().for_each(|t| add(&t.review));
    }
    p.response.rules.iter().for_each(|r| add(&r.review));
    p.reporting.iter().for_each(|r| add(&r.review));
    let o = &p.organisation;
    add(&o.command.review);
    add(&o.office.review);
    o.member_units.iter().for_each(|u| add(&u.review));
    add(&o.groups_intro.review);
    o.groups.iter().for_each(|g| add(&g.review));
    for m in &p.measures {
        add(&m.review);
        m.items.iter().for_each(|t| add(&t.review));
    }
    p.termination.iter().for_each(|t| add(&t.review));
    if let Some(w) = &p.warning {
        add(&w.review);
        add(&w.intro.review);
        w.levels.iter().for_each(|l| add(&l.review));
        w.general.iter().for_each(|t| add(&t.review));
    }
    p.notes.iter().for_each(|x| add(&x.review));
    p.contacts.iter().for_each(|c| add(&c.review));
    p.tables.iter().for_each(|t| add(&t.review));
    if let Some(a) = &p.activation {
        add(&a.review);
    }
    p.checks.iter().for_each(|c| add(&c.review));
    p.applicability.iter().for_each(|s| add(&s.review));
    p.recovery.iter().for_each(|r| add(&r.review));
    n
}
