//! `yingji draft`: a rule-based extractor from a plan's text to a draft plan file. Pure and
//! deterministic: patterns over the text's clause structure and the standard phrasing of Chinese
//! plans, no model, no network. Every proposed table carries `review = "待确认"`, cites the line
//! it came from with the seed's exact text as its quote, and is preceded by `# 依据：<sentence>`.
//!
//! The draft is loaded with the plan checker before it is handed out; a part that does not make a
//! valid plan is left out and named in `warnings` (never emitted half-valid).

mod bands;
mod bounds;
mod clocks;
mod contacts;
mod emit;
mod groups;
mod levels;
mod meta;
mod text;
mod warnings;

use serde::Serialize;

use bands::{Band, Kind, GRADES};
use emit::{number, string, strings, Toml};
use text::Piece;

/// What `draft` returns: the plan file's text, what each proposal rests on, and what was left out.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    pub toml: String,
    pub proposals: Vec<Proposal>,
    pub warnings: Vec<String>,
}

/// One proposed table: its kind (`band`, `level`, `reporting`, …), the line it cites, the sentence.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Proposal {
    pub kind: String,
    pub line: u32,
    pub sentence: String,
}

/// Everything the extractor found, before it is written.
struct Found {
    source: String,
    lines: [u32; 2],
    meta: meta::Meta,
    first: Option<(Piece, String)>,
    bounds: bounds::Bounds,
    bands: Vec<Band>,
    unsure: Vec<bands::Unsure>,
    levels: Vec<levels::Level>,
    intro: Option<(Piece, String)>,
    clocks: Vec<clocks::Clock>,
    contacts: Vec<contacts::Contact>,
    org: groups::Organisation,
    warning: (Vec<warnings::Level>, Option<(Piece, String)>),
}

/// Which parts are written (parts that failed the checker are switched off).
struct Keep {
    grading: bool,
    clocks: Vec<bool>,
    contacts: bool,
    groups: bool,
    warning: bool,
}

/// Drafts a plan from `text`. `lines` limits it to lines A..=B of the text (1-based, as cited);
/// `source` is the file name the citations point into.
pub fn draft(text: &str, lines: Option<[u32; 2]>, source: &str) -> Draft {
    let total = text.lines().count().max(1) as u32;
    let [a, b] = lines.unwrap_or([1, total]);
    let (a, b) = (a.clamp(1, total), b.clamp(1, total).max(a.clamp(1, total)));
    let segs = text::segments(text, a, b);
    let bounds = bounds::find(&segs);
    let (mut bands, unsure) = bands::find(&segs, &bounds);
    let mut warnings = Vec::new();
    // A criterion whose bands do not tile the line is left out whole.
    for kind in [
        Kind::Deaths,
        Kind::PotentialDeaths,
        Kind::Injuries,
        Kind::Loss,
    ] {
        let of: Vec<&Band> = bands.iter().filter(|b| b.kind == kind).collect();
        if !of.is_empty() && !bands::tiles(&of) {
            warnings.push(format!(
                "分级标准“{}”的各级界限不连续或缺少一级,未生成(请按原文补充)",
                label(kind, &[])
            ));
            bands.retain(|b| b.kind != kind);
        }
    }
    let (levels, intro) = levels::find(&segs);
    let found = Found {
        source: source.to_string(),
        lines: [a, b],
        meta: meta::find(&segs),
        first: segs.first().map(|s| (s.whole(), s.text())),
        bounds,
        bands,
        unsure,
        levels,
        intro,
        clocks: clocks::find(&segs),
        contacts: contacts::find(&segs),
        org: groups::find(&segs),
        warning: warnings::find(&segs),
    };
    let mut keep = Keep {
        grading: true,
        clocks: vec![true; found.clocks.len()],
        contacts: true,
        groups: true,
        warning: true,
    };
    for (value, what) in [
        (&found.meta.title, "标题"),
        (&found.meta.doc_number, "文号"),
        (&found.meta.issuer, "印发机关"),
        (&found.meta.date, "印发日期(暂填1970-01-01)"),
    ] {
        if value.is_empty() {
            warnings.push(format!("未找到{what},请在[plan]中补写"));
        }
    }
    if found.meta.scope.is_none() {
        warnings.push("未找到适用范围条款(“本预案适用于…”),暂以首句代替,请改正".into());
    }
    // Written, checked, and rewritten without the parts the checker refuses.
    for _ in 0..5 {
        let (toml, proposals) = write(&found, &keep);
        let errors = match crate::plan::load("draft.toml", &toml) {
            Ok(_) => {
                return Draft {
                    toml,
                    proposals,
                    warnings,
                }
            }
            Err(errors) => errors,
        };
        let mut changed = false;
        for e in &errors {
            let p = e.path.as_str();
            let what = format!("{}:{}", e.path, e.problem);
            if (p.starts_with("grad") || p.starts_with("response")) && keep.grading {
                keep.grading = false;
                warnings.push(format!("分级与响应未能生成有效规则,已略去({what})"));
                changed = true;
            } else if let Some(i) = p
                .strip_prefix("reporting[")
                .and_then(|r| r.split(']').next())
                .and_then(|n| n.parse::<usize>().ok())
            {
                if let Some(k) = live_index(&keep.clocks, i) {
                    keep.clocks[k] = false;
                    warnings.push(format!("一条报告时限未能生成有效规则,已略去({what})"));
                    changed = true;
                }
            } else if p.starts_with("warning") && keep.warning {
                keep.warning = false;
                warnings.push(format!("预警级别未能生成,已略去({what})"));
                changed = true;
            } else if p.starts_with("contacts") && keep.contacts {
                keep.contacts = false;
                warnings.push(format!("通讯录未能生成,已略去({what})"));
                changed = true;
            } else if p.starts_with("organisation.groups[") && keep.groups {
                keep.groups = false;
                warnings.push(format!("工作组未能生成,已略去({what})"));
                changed = true;
            }
        }
        if !changed {
            let (toml, proposals) = write(&found, &keep);
            warnings.extend(
                errors
                    .iter()
                    .map(|e| format!("草稿仍有错误,须手工补全:{}:{}", e.path, e.problem)),
            );
            return Draft {
                toml,
                proposals,
                warnings,
            };
        }
    }
    let (toml, proposals) = write(&found, &keep);
    Draft {
        toml,
        proposals,
        warnings,
    }
}

/// The index among all clocks of the `i`-th one still written.
fn live_index(keep: &[bool], i: usize) -> Option<usize> {
    keep.iter()
        .enumerate()
        .filter(|(_, k)| **k)
        .nth(i)
        .map(|(n, _)| n)
}

fn facts_of(kind: Kind, extra: &[&str]) -> Vec<String> {
    let main = match kind {
        Kind::Deaths => "deaths",
        Kind::PotentialDeaths => "potential_deaths",
        Kind::Injuries => "serious_injuries",
        Kind::Loss => "direct_loss_wan",
    };
    std::iter::once(main)
        .chain(extra.iter().copied())
        .map(str::to_string)
        .collect()
}

fn label(kind: Kind, extra: &[&str]) -> String {
    match kind {
        Kind::Deaths if extra.contains(&"trapped") => "死亡人数(含失踪、受困)".into(),
        Kind::Deaths if extra.contains(&"missing") => "死亡人数(含失踪)".into(),
        Kind::Deaths => "死亡人数".into(),
        Kind::PotentialDeaths => "可能造成的死亡人数".into(),
        Kind::Injuries if extra.contains(&"poisoned") => "重伤人数(含急性中毒)".into(),
        Kind::Injuries => "重伤人数".into(),
        Kind::Loss => "直接经济损失".into(),
    }
}

/// A band in words as the curated plans write it: "10人以上30人以下(含10人,不含30人)".
fn band_text(b: &Band, unit: &str) -> String {
    let v = |e: bands::Edge| format!("{}{unit}", number(e.value));
    let mut words = String::new();
    let mut which = Vec::new();
    // The lowest band's open 0 (read as "at least one"): said as the curated plans say it.
    let zero = b
        .min
        .filter(|m| m.value == 0.0 && !m.inclusive && b.max.is_some());
    if let Some(m) = b.min.filter(|_| zero.is_none()) {
        words.push_str(&format!("{}以上", v(m)));
        which.push(format!(
            "{}{}",
            if m.inclusive { "含" } else { "不含" },
            v(m)
        ));
    }
    if let Some(m) = b.max {
        words.push_str(&format!("{}以下", v(m)));
        which.push(format!(
            "{}{}",
            if m.inclusive { "含" } else { "不含" },
            v(m)
        ));
    }
    if zero.is_some() {
        return format!("{words}({};为0时不计)", which.join(","));
    }
    format!("{words}({})", which.join(","))
}

const UNSTATED: &str = "原文未写明(待确认)";

fn write(f: &Found, keep: &Keep) -> (String, Vec<Proposal>) {
    let mut t = Toml::default();
    let mut proposals = Vec::new();
    let mut propose = |kind: &str, p: &Piece, sentence: &str| {
        proposals.push(Proposal {
            kind: kind.to_string(),
            line: p.line,
            sentence: sentence.to_string(),
        })
    };
    let m = &f.meta;
    t.comment(&format!(
        "{} 草稿(由 yingji draft 从原文第{}–{}行生成)\n每条带 review = \"待确认\" 的内容都须对照原文确认;“# 依据：”是产生它的原句。",
        if m.title.is_empty() { "预案" } else { &m.title },
        f.lines[0],
        f.lines[1]
    ));
    t.table("[plan]", None);
    t.str("id", "draft");
    t.str("city", &m.city);
    t.str("title", &m.title);
    t.str("doc_number", &m.doc_number);
    t.str(
        "date",
        if m.date.is_empty() {
            "1970-01-01"
        } else {
            &m.date
        },
    );
    t.str("issuer", &m.issuer);
    t.str("source", &f.source);
    t.raw("lines", format!("[{}, {}]", f.lines[0], f.lines[1]));
    t.review();
    if let Some(p) = &f.bounds.piece {
        t.table("[bounds_clause]", Some(&f.bounds.sentence));
        t.cited(p);
        t.review();
        propose("bounds_clause", p, &f.bounds.sentence);
    }
    if let Some((p, sentence)) = m.scope.as_ref().or(f.first.as_ref()) {
        t.table("[scope]", Some(sentence));
        t.cited(p);
        t.review();
        propose("scope", p, sentence);
    }

    // Facts: the counts the criteria sum, and the incident time the clocks start from.
    let bands: Vec<&Band> = if keep.grading {
        f.bands.iter().collect()
    } else {
        Vec::new()
    };
    let kinds: Vec<Kind> = [
        Kind::Deaths,
        Kind::PotentialDeaths,
        Kind::Injuries,
        Kind::Loss,
    ]
    .into_iter()
    .filter(|k| bands.iter().any(|b| b.kind == *k))
    .collect();
    let extras = |k: Kind| -> Vec<&'static str> {
        let mut e: Vec<&'static str> = bands
            .iter()
            .filter(|b| b.kind == k)
            .flat_map(|b| b.extra.iter().copied())
            .collect();
        e.sort();
        e.dedup();
        e
    };
    let fact_labels = [
        ("deaths", "count", "人", "死亡人数"),
        ("missing", "count", "人", "失踪人数"),
        ("trapped", "count", "人", "受困人数"),
        (
            "potential_deaths",
            "count",
            "人",
            "可能造成的死亡人数(研判估计)",
        ),
        ("serious_injuries", "count", "人", "重伤人数"),
        ("poisoned", "count", "人", "急性中毒人数"),
        ("direct_loss_wan", "money", "万元", "直接经济损失"),
    ];
    let used: Vec<String> = kinds
        .iter()
        .flat_map(|k| facts_of(*k, &extras(*k)))
        .collect();
    for (id, kind, unit, label) in fact_labels {
        if used.iter().any(|u| u == id) {
            t.table("[[facts]]", None);
            t.str("id", id);
            t.str("type", kind);
            t.str("unit", unit);
            t.str("label", label);
            t.str("help", "由起草工具按分级条款生成,请确认。");
            t.review();
        }
    }
    t.table("[[facts]]", None);
    t.str("id", "incident_time");
    t.str("type", "datetime");
    t.str("label", "事发时间");
    t.str("help", "报告时限未写起算点时按事发时间估算。");
    t.review();
    let (warning_levels, warning_intro) = &f.warning;
    let warning = keep.warning && !warning_levels.is_empty() && warning_intro.is_some();
    if warning {
        t.table("[[facts]]", None);
        t.str("id", "warning_level");
        t.str("type", "choice");
        t.str("label", "已发布的预警级别");
        t.str("help", "由起草工具按预警分级条款生成,请确认。");
        let mut options = vec!["{ value = \"none\", label = \"未发布预警\" }".to_string()];
        options.extend(warning_levels.iter().map(|l| {
            format!(
                "{{ value = {}, label = {} }}",
                string(l.id),
                string(&format!("{}预警", l.colour))
            )
        }));
        t.raw("options", format!("[{}]", options.join(", ")));
        t.review();
    }

    // Grades and bands.
    let reached: Vec<&str> = GRADES
        .iter()
        .copied()
        .filter(|g| bands.iter().any(|b| b.grade == *g))
        .collect();
    for (rank, g) in GRADES.iter().enumerate() {
        if reached.contains(g) {
            t.table("[[grades]]", None);
            t.str("name", g);
            t.raw("rank", (rank + 1).to_string());
        }
    }
    if !kinds.is_empty() {
        t.table("[grading]", None);
        t.str("combine", "max");
    }
    for k in &kinds {
        let e = extras(*k);
        t.table("[[grading.axes]]", None);
        t.str("id", k.id());
        t.str("label", &label(*k, &e));
        t.str("unit", k.unit());
        t.raw("facts", strings(&facts_of(*k, &e)));
        t.review();
        for b in bands.iter().filter(|b| b.kind == *k) {
            t.table("[[grading.axes.bands]]", Some(&b.sentence));
            t.str("grade", b.grade);
            if let Some(m) = b.min {
                t.raw("min", number(m.value));
                t.raw("min_inclusive", m.inclusive.to_string());
            }
            if let Some(m) = b.max {
                t.raw("max", number(m.value));
                t.raw("max_inclusive", m.inclusive.to_string());
            }
            t.str("text", &band_text(b, k.unit()));
            t.cited(&b.piece);
            t.review();
            propose("band", &b.piece, &b.sentence);
        }
    }

    // Response levels: only those that start from a reached grade.
    let levels: Vec<(&levels::Level, Vec<&str>)> = f
        .levels
        .iter()
        .map(|l| {
            let g: Vec<&str> = l
                .grades
                .iter()
                .copied()
                .filter(|g| reached.contains(g))
                .collect();
            (l, g)
        })
        .filter(|(_, g)| !g.is_empty())
        .collect();
    if let (false, Some((p, sentence))) = (levels.is_empty(), &f.intro) {
        t.table("[response.intro]", Some(sentence));
        t.cited(p);
        t.review();
        for (l, _) in &levels {
            t.table("[[response.levels]]", Some(&l.sentence));
            t.str("id", l.id);
            t.str("name", &l.name);
            t.raw("rank", l.rank.to_string());
            t.raw(
                "condition",
                format!(
                    "{{ cite = {}, quote = {} }}",
                    emit::cite(&l.trigger),
                    string(&l.trigger.quote)
                ),
            );
            t.str("proposes", l.proposes.as_deref().unwrap_or(UNSTATED));
            t.str("starts", l.starts.as_deref().unwrap_or(UNSTATED));
            t.str("commands", l.commands.as_deref().unwrap_or(UNSTATED));
            t.raw(
                "procedure",
                format!(
                    "{{ cite = {}, quote = {} }}",
                    emit::cite(&l.trigger),
                    string(&l.trigger.quote)
                ),
            );
            t.raw("measures", "[]");
            t.review();
            propose("level", &l.trigger, &l.sentence);
        }
        for (l, grades) in &levels {
            t.table("[[response.rules]]", Some(&l.sentence));
            t.str("id", &format!("grade-{}", l.id.to_lowercase()));
            t.str("kind", "grade");
            t.str("level", l.id);
            let g: Vec<String> = grades.iter().map(|s| s.to_string()).collect();
            t.raw("when", format!("{{ grade_in = {} }}", strings(&g)));
            t.str("text", &format!("{}事故启动{}", g.join("、"), l.name));
            t.cited(&l.trigger);
            t.review();
            propose("rule", &l.trigger, &l.sentence);
        }
    }

    // Reporting clocks.
    for (n, c) in f.clocks.iter().enumerate().filter(|(n, _)| keep.clocks[*n]) {
        t.table("[[reporting]]", Some(&c.sentence));
        t.str("id", &format!("report-{}", n + 1));
        t.raw("when", "\"always\"");
        t.str("who", c.who.as_deref().unwrap_or(UNSTATED));
        t.str("to", c.to.as_deref().unwrap_or(UNSTATED));
        t.str("what", &c.piece.quote);
        t.str("anchor", "incident_time");
        match c.limit {
            clocks::Limit::None => {}
            clocks::Limit::Minutes(m) => t.raw("within_minutes", m.to_string()),
            clocks::Limit::ByClock(h, m) => t.str("by_clock", &format!("{h:02}:{m:02}")),
            clocks::Limit::Days(d) => t.raw("within_days", d.to_string()),
            clocks::Limit::WorkingDays(d) => t.raw("within_working_days", d.to_string()),
        }
        t.str("limit_text", &c.limit_text);
        if !c.from_incident {
            t.raw("start_unstated", "true");
        }
        t.cited(&c.piece);
        t.review();
        propose("reporting", &c.piece, &c.sentence);
    }

    // Organisation: the command body, its office, the groups.
    let o = &f.org;
    let fallback = o.command.clone().or_else(|| {
        f.first.as_ref().map(|(p, s)| groups::Body {
            name: UNSTATED.into(),
            piece: p.clone(),
            sentence: s.clone(),
        })
    });
    let no_groups = !keep.groups || o.groups.is_empty();
    if no_groups {
        t.table("[organisation]", None);
        t.raw("groups", "[]");
    }
    for (key, body) in [
        ("command", o.command.as_ref().or(fallback.as_ref())),
        ("office", o.office.as_ref().or(fallback.as_ref())),
    ] {
        let Some(b) = body else { continue };
        t.table(&format!("[organisation.{key}]"), Some(&b.sentence));
        t.str("name", &b.name);
        t.str("duties", &b.piece.quote);
        t.cited(&b.piece);
        t.review();
        propose(key, &b.piece, &b.sentence);
    }
    if let Some(b) = o.groups_intro.as_ref().or(fallback.as_ref()) {
        t.table("[organisation.groups_intro]", Some(&b.sentence));
        t.cited(&b.piece);
        t.review();
    }
    if !no_groups {
        for g in &o.groups {
            t.table("[[organisation.groups]]", Some(&g.sentence));
            t.str("name", &g.name);
            t.str("lead", &g.lead);
            t.raw("members", strings(&g.members));
            t.str("duties", &g.duties);
            t.raw("cite", emit::cite(&g.piece));
            t.review();
            propose("group", &g.piece, &g.sentence);
        }
    }
    if let (true, Some((p, sentence))) = (warning, warning_intro) {
        t.table("[warning]", Some(sentence));
        t.str("fact", "warning_level");
        t.raw("computed", "false");
        t.raw(
            "intro",
            format!(
                "{{ cite = {}, quote = {} }}",
                emit::cite(p),
                string(&p.quote)
            ),
        );
        t.review();
        propose("warning", p, sentence);
        for l in warning_levels {
            t.table("[[warning.levels]]", Some(&l.sentence));
            t.str("id", l.id);
            t.str("name", &format!("{}预警", l.colour));
            t.str("colour", l.colour);
            t.raw("rank", l.rank.to_string());
            let (by, at) = l
                .issued
                .as_ref()
                .map_or((UNSTATED, &l.piece), |(who, p)| (who.as_str(), p));
            t.str("issued_by", by);
            t.raw("issued_cite", emit::cite(at));
            t.str("measures", &l.piece.quote);
            t.raw("cite", emit::cite(&l.piece));
            t.review();
            propose("warning_level", &l.piece, &l.sentence);
        }
    }
    if keep.contacts {
        for c in &f.contacts {
            t.table("[[contacts]]", None);
            t.str("unit", &c.unit);
            t.str("phone", &c.phone);
            t.raw("line", c.line.to_string());
            t.review();
            let p = Piece {
                clause: String::new(),
                line: c.line,
                line_end: None,
                chars: None,
                quote: String::new(),
            };
            propose("contact", &p, &format!("{} {}", c.unit, c.phone));
        }
    }
    for (n, u) in f.unsure.iter().enumerate() {
        t.table("[[notes]]", Some(&u.sentence));
        t.str("id", &format!("draft-unsure-{}", n + 1));
        t.str("kind", "gap");
        t.str("title", &format!("分级界限未写明是否含本数:{}", u.what));
        t.str(
            "reading",
            "未生成这一级的界限;请按原文写明 min/max 及是否含本数",
        );
        t.str(
            "reason",
            "原文没有说明“以上”“以下”是否含本数,起草工具不猜测",
        );
        t.cited(&u.piece);
        t.review();
        propose("note", &u.piece, &u.sentence);
    }
    (t.finish(), proposals)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "某县测试事故应急预案\n1.4 适用范围\n本预案适用于某县行政区域内测试事故的应急处置工作。\n1.5 事故分级\n重大事故:造成10人以上死亡的事故。\n较大事故:造成3人以上10人以下死亡的事故。\n一般事故:造成3人以下死亡的事故。\n2 组织体系\n县人民政府成立县测试事故应急指挥部,负责统一领导。\n4.2.1 Ⅰ级响应\n发生重大、较大事故时,由县指挥部指挥长宣布启动Ⅰ级响应。\n4.2.2 Ⅱ级响应\n发生一般事故时,由县指挥部副指挥长宣布启动Ⅱ级响应。\n";

    #[test]
    fn with_the_bounds_clause_the_draft_grades() {
        let text = format!("{PLAN}7.1 本预案所称以上包括本数,以下不包括本数。\n");
        let d = draft(&text, None, "t.txt");
        let plan = crate::plan::load("d.toml", &d.toml).unwrap();
        assert!(
            d.warnings.iter().all(|w| !w.contains("分级")),
            "{:?}",
            d.warnings
        );
        let bands = &plan.grading.axes[0].bands;
        assert_eq!(bands.len(), 3);
        let edge = |b: Option<crate::plan::Bound>| b.map(|b| (b.value, b.inclusive));
        assert_eq!(edge(bands[1].range.min), Some((3.0, true)));
        assert_eq!(edge(bands[1].range.max), Some((10.0, false)));
        assert_eq!(
            plan.response.rules[0].when,
            crate::plan::Cond::GradeIn(vec!["重大".into(), "较大".into()])
        );
        assert_eq!(plan.response.levels.len(), 2);
        assert_eq!(plan.response.levels[0].starts, "县指挥部指挥长");
        assert_eq!(
            crate::plan::unconfirmed(&plan) as usize,
            d.toml
                .lines()
                .filter(|l| *l == "review = \"待确认\"")
                .count()
        );
        assert!(d.proposals.iter().any(|p| p.kind == "band" && p.line == 6));
        // Deterministic.
        assert_eq!(draft(&text, None, "t.txt").toml, d.toml);
    }

    #[test]
    fn without_it_no_bound_is_guessed() {
        let d = draft(PLAN, None, "t.txt");
        let plan = crate::plan::load("d.toml", &d.toml).unwrap();
        assert!(plan.grading.axes.is_empty());
        assert!(plan.grades.is_empty());
        assert_eq!(plan.notes.len(), 3);
        assert!(plan.notes[0].title.contains("是否含本数"));
        assert_eq!(plan.notes[1].cite.line, 6);
    }

    #[test]
    fn a_grade_no_level_starts_leaves_grading_out_with_a_warning() {
        let text = format!("{PLAN}7.1 本预案所称以上包括本数,以下不包括本数。\n")
            .replace("发生一般事故时,", "必要时,");
        let d = draft(&text, None, "t.txt");
        let plan = crate::plan::load("d.toml", &d.toml).unwrap();
        assert!(plan.grading.axes.is_empty());
        assert!(
            d.warnings
                .iter()
                .any(|w| w.starts_with("分级与响应未能生成有效规则,已略去")),
            "{:?}",
            d.warnings
        );
    }

    /// No text makes the extractor panic, and every draft either loads or says why not.
    #[test]
    fn any_text_gives_a_draft() {
        let pieces = [
            "3",
            "10",
            "1.5",
            "人",
            "万元",
            "亿元",
            "以上",
            "以下",
            "及以上",
            "(",
            ")",
            "、",
            ",",
            "。",
            ";",
            ":",
            "\n",
            "\n\n",
            "\t",
            " ",
            "较大事故",
            "特别重大",
            "死亡",
            "重伤",
            "中毒",
            "经济损失",
            "Ⅱ级响应",
            "一级",
            "发生",
            "启动",
            "由",
            "报告",
            "1小时内",
            "立即",
            "红色",
            "预警",
            "组",
            "牵头单位:",
            "成员单位:",
            "0351-3046678",
            "本预案适用于",
            "以上含本数,以下不含本数。",
            "〔2020〕",
            "号",
            "年",
            "月",
            "日",
            "《",
            "》",
            "预案",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 120) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let d = draft(&text, None, "x.txt");
            let loads = crate::plan::load("d.toml", &d.toml).is_ok();
            assert!(loads || !d.warnings.is_empty(), "{text:?}");
        }
        for text in ["", " ", "\n\n", "\t\t"] {
            let d = draft(text, Some([5, 2]), "x.txt");
            assert!(crate::plan::load("d.toml", &d.toml).is_ok() || !d.warnings.is_empty());
        }
    }
}
