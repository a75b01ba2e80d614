//! The plan finder: from an incident description ("液氯泄漏", "电梯困人") and optionally a city, the
//! plans that apply, the plans that yield to a more specific one, and the plans whose scope excludes
//! the incident — each with the words that matched and the clause that decides it.

use serde::Serialize;

use crate::engine::{summary, PlanSummary};
use crate::plan::{Cite, Plan};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Candidate {
    pub plan: PlanSummary,
    pub incident_type: String,
    /// `applies` | `yields` (a more specific plan applies) | `excluded` (the plan's scope excludes it).
    #[cfg_attr(feature = "ts", ts(type = "'applies' | 'yields' | 'excluded'"))]
    pub status: String,
    /// The plan's keywords found in the description.
    pub matched: Vec<String>,
    /// Why, in Chinese.
    pub reason: String,
    /// The plan to use instead (for `yields` and `excluded`), when it is embedded.
    pub go_to: Option<String>,
    pub cite: Option<Cite>,
    pub quote: String,
}

/// Words after a place that turn it into a boundary pointing away from it: "一级加压站下游" is
/// beyond the 一级加压站, not at it (issue 16 item 7).
const BEYOND: [&str; 5] = ["以外", "之外", "下游", "外侧", "以远"];

/// Whether a keyword occurs in the description (and not only as a boundary beyond which the incident
/// lies, nor negated by 非), or a word of the description (two characters or more) is part of a keyword — so both
/// "液氯储罐泄漏" and "尾矿" find their plans.
fn hit(text: &str, keyword: &str) -> bool {
    if keyword.is_empty() {
        return false;
    }
    let inside = text.match_indices(keyword).any(|(at, k)| {
        // "非煤矿山" is no 煤矿: a 非 just before the word negates it.
        if text[..at].ends_with('非') {
            return false;
        }
        let after = &text[at + k.len()..];
        let after = after.trim_start_matches(['的', ' ']);
        !BEYOND.iter().any(|b| after.starts_with(b))
    });
    inside
        || text
            .split_whitespace()
            .any(|w| w.chars().count() >= 2 && keyword.contains(w))
}

fn hits(text: &str, keywords: &[String]) -> Vec<String> {
    keywords.iter().filter(|k| hit(text, k)).cloned().collect()
}

/// A city as typed: "晋城" and "晋城市" name the same city.
fn same_city(plan_city: &str, typed: &str) -> bool {
    let typed = typed.trim();
    typed.is_empty() || plan_city.trim_end_matches('市') == typed.trim_end_matches('市')
}

pub fn find(plans: &[&Plan], text: &str, city: Option<&str>) -> Vec<Candidate> {
    let text = text.trim();
    let in_city = |p: &&Plan| city.is_none_or(|c| same_city(&p.plan.city, c));
    let mut out: Vec<Candidate> = Vec::new();
    for plan in plans.iter().copied().filter(in_city) {
        let Some(finder) = &plan.finder else { continue };
        let matched = hits(text, &finder.keywords);
        let by_type = !text.is_empty() && hit(text, &finder.incident_type);
        // A plan whose scope clause sends this incident elsewhere is listed too, with that routing
        // (the Ordos general plan for a 冶金 accident), even if none of its own words matched.
        let routes = plan
            .exclusions
            .iter()
            .any(|x| !hits(text, &x.keywords).is_empty())
            || finder
                .defers
                .iter()
                .any(|d| !hits(text, &d.keywords).is_empty());
        if matched.is_empty() && !by_type && !routes && !text.is_empty() {
            continue;
        }
        let mut c = Candidate {
            plan: summary(plan),
            incident_type: finder.incident_type.clone(),
            status: "applies".into(),
            matched,
            reason: String::new(),
            go_to: None,
            cite: Some(plan.scope.cite.clone()),
            quote: plan.scope.quote.clone(),
        };
        if let Some(x) = plan
            .exclusions
            .iter()
            .find(|x| !hits(text, &x.keywords).is_empty())
        {
            c.status = "excluded".into();
            c.reason = format!(
                "本预案不适用:{}。改用:{}",
                x.text.trim_end_matches('。'),
                x.instead
            );
            c.go_to = x.instead_plan.clone();
            c.cite = Some(x.cite.clone());
            c.quote = x.quote.clone();
        } else if let Some(d) = finder
            .defers
            .iter()
            .find(|d| !hits(text, &d.keywords).is_empty())
        {
            c.status = "yields".into();
            c.reason = d.reason.clone();
            c.go_to = Some(d.plan.clone());
            c.cite = Some(d.cite.clone());
            c.quote = d.quote.clone();
        } else {
            c.reason = if c.matched.is_empty() {
                format!("{}的预案", finder.incident_type)
            } else {
                format!(
                    "描述中的“{}”属于本预案适用范围:{}",
                    c.matched.join("”“"),
                    finder.incident_type
                )
            };
        }
        out.push(c);
    }
    // A plan another one sends the incident to applies, even if none of its own words matched.
    let targets: Vec<(String, String)> = out
        .iter()
        .filter_map(|c| Some((c.go_to.clone()?, c.plan.title.clone())))
        .collect();
    for (id, from) in targets {
        if out.iter().any(|c| c.plan.id == id) {
            continue;
        }
        if let Some(plan) = plans.iter().find(|p| p.plan.id == id) {
            out.push(Candidate {
                plan: summary(plan),
                incident_type: plan
                    .finder
                    .as_ref()
                    .map(|f| f.incident_type.clone())
                    .unwrap_or_default(),
                status: "applies".into(),
                matched: Vec::new(),
                reason: format!("由《{from}》的适用范围转来"),
                go_to: None,
                cite: Some(plan.scope.cite.clone()),
                quote: plan.scope.quote.clone(),
            });
        }
    }
    // Applicable plans first, the best-matched first; then those that yield or exclude.
    out.sort_by_key(|c| (c.status != "applies", std::cmp::Reverse(c.matched.len())));
    out
}
