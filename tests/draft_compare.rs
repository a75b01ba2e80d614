//! `yingji draft` measured against the curated plans: for each of the 14 plans, the extractor runs
//! on the seed text's cited line range and its draft is compared with the plan file. A proposal is
//! exact when every compared field is: bands (criterion = the facts summed, grade, both bounds with
//! their inclusivity, cited line), response levels with their grade triggers (level, grades, cited
//! line), reporting clocks (minutes or none, cited line), contacts (line, first number), warning
//! levels (colour, cited line), working groups (name, lead, members). The table
//! is printed (`cargo test --test draft_compare -- --nocapture`); the figures are floors, and no
//! drafted band may have a bound whose inclusivity differs from the curated one.

use std::collections::BTreeSet;

#[path = "support/seeds.rs"]
mod seeds;
use seeds::{cited_text, seeds_dir};

use yingji::plan::{load, registry, Cite, Cond, Limit, Plan, RuleKind};

type Key = String;

fn bound(b: Option<yingji::plan::Bound>) -> String {
    b.map_or("-".into(), |b| {
        format!("{}{}", b.value, if b.inclusive { "]" } else { ")" })
    })
}

fn bands(p: &Plan) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for a in &p.grading.axes {
        let mut facts = a.facts.clone();
        facts.sort();
        for b in &a.bands {
            out.insert(format!(
                "{}|{}|{}|{}|L{}",
                facts.join("+"),
                b.grade,
                bound(b.range.min),
                bound(b.range.max),
                b.cite.line
            ));
        }
    }
    out
}

/// The same band without inclusivity: a drafted band that matches a curated one here but not in
/// `bands` has a wrong inclusivity.
fn bands_loose(p: &Plan) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for a in &p.grading.axes {
        let mut facts = a.facts.clone();
        facts.sort();
        for b in &a.bands {
            let v = |x: Option<yingji::plan::Bound>| x.map_or("-".into(), |b| b.value.to_string());
            out.insert(format!(
                "{}|{}|{}|{}|{}|{}",
                facts.join("+"),
                b.grade,
                v(b.range.min),
                v(b.range.max),
                bound(b.range.min),
                bound(b.range.max)
            ));
        }
    }
    out
}

fn levels(p: &Plan) -> BTreeSet<Key> {
    p.response
        .rules
        .iter()
        .filter(|r| r.kind == RuleKind::Grade)
        .filter_map(|r| match &r.when {
            Cond::GradeIn(g) => {
                let mut g = g.clone();
                g.sort();
                Some(format!("{}|{}|L{}", r.level, g.join("+"), r.cite.line))
            }
            _ => None,
        })
        .collect()
}

fn clocks(p: &Plan) -> BTreeSet<Key> {
    p.reporting
        .iter()
        .map(|r| {
            let limit = match r.limit {
                Limit::Minutes(m) => format!("{m}分钟"),
                Limit::None => "无时限".into(),
                other => format!("{other:?}"),
            };
            format!("{limit}|L{}", r.cite.line)
        })
        .collect()
}

fn contacts(p: &Plan) -> BTreeSet<Key> {
    p.contacts
        .iter()
        .map(|c| {
            let first: String = c
                .phone
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '-')
                .collect();
            format!("L{}|{first}", c.line)
        })
        .collect()
}

fn groups(p: &Plan) -> BTreeSet<Key> {
    p.organisation
        .groups
        .iter()
        .map(|g| {
            let mut m = g.members.clone();
            m.sort();
            format!("{}|{}|{}", g.name, g.lead, m.join("、"))
        })
        .collect()
}

fn warning_levels(p: &Plan) -> BTreeSet<Key> {
    p.warning
        .iter()
        .flat_map(|w| &w.levels)
        .map(|l| format!("{}|L{}", l.colour.as_str(), l.cite.line))
        .collect()
}

/// Every quoted text of a draft with its citation (the parts the extractor writes).
fn quotes(p: &Plan) -> Vec<(&Cite, &str)> {
    let mut out: Vec<(&Cite, &str)> = vec![(&p.scope.cite, &p.scope.quote)];
    if let Some(b) = &p.bounds_clause {
        out.push((&b.cite, &b.quote));
    }
    for a in &p.grading.axes {
        out.extend(a.bands.iter().map(|b| (&b.cite, b.quote.as_str())));
    }
    if let Some(i) = &p.response.intro {
        out.push((&i.cite, &i.quote));
    }
    for l in &p.response.levels {
        out.push((&l.condition.cite, &l.condition.quote));
        out.push((&l.procedure.cite, &l.procedure.quote));
    }
    out.extend(p.response.rules.iter().map(|r| (&r.cite, r.quote.as_str())));
    out.extend(p.reporting.iter().map(|r| (&r.cite, r.quote.as_str())));
    let o = &p.organisation;
    for b in [&o.command, &o.office] {
        out.push((&b.cite, &b.quote));
        out.push((&b.cite, &b.duties));
    }
    out.push((&o.groups_intro.cite, &o.groups_intro.quote));
    for g in &o.groups {
        out.push((&g.cite, &g.duties));
        out.push((&g.cite, &g.lead));
        out.extend(g.members.iter().map(|m| (&g.cite, m.as_str())));
    }
    out.extend(p.notes.iter().map(|n| (&n.cite, n.quote.as_str())));
    if let Some(w) = &p.warning {
        out.push((&w.intro.cite, &w.intro.quote));
        out.extend(w.levels.iter().map(|l| (&l.cite, l.measures.as_str())));
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Count {
    exact: usize,
    drafted: usize,
    curated: usize,
}

impl Count {
    fn add(&mut self, drafted: &BTreeSet<Key>, curated: &BTreeSet<Key>) {
        self.exact += drafted.intersection(curated).count();
        self.drafted += drafted.len();
        self.curated += curated.len();
    }
    fn cell(self) -> String {
        format!("{}/{}/{}", self.exact, self.drafted, self.curated)
    }
    fn pct(n: usize, d: usize) -> String {
        if d == 0 {
            "—".into()
        } else {
            format!("{:.0}%", 100.0 * n as f64 / d as f64)
        }
    }
}

#[test]
fn drafts_of_the_14_seed_plans_against_the_curated_plans() {
    let mut total = [Count::default(); 6];
    let mut wrong_inclusivity = Vec::new();
    let mut rows = Vec::new();
    let plans = registry().unwrap();
    assert_eq!(plans.len(), 14);
    for curated in plans {
        let m = &curated.plan;
        let text = std::fs::read_to_string(seeds_dir().join(&m.source)).unwrap();
        let d = yingji::draft::draft(&text, Some(m.lines), &m.source);
        let drafted = load("draft.toml", &d.toml)
            .unwrap_or_else(|e| panic!("{}: the draft does not load: {e:?}\n{}", m.id, d.toml));
        assert!(yingji::plan::unconfirmed(&drafted) > 0, "{}", m.id);
        // Every drafted quote is the seed's text at its cited lines.
        let lines: Vec<&str> = text.lines().collect();
        for (cite, quote) in quotes(&drafted) {
            assert!(
                cited_text(&lines, cite).contains(quote),
                "{}: «{quote}» not at L{}",
                m.id,
                cite.line
            );
        }
        for c in &drafted.contacts {
            let line = lines[c.line as usize - 1];
            assert!(
                line.contains(&c.unit) && line.contains(&c.phone),
                "{}: {c:?}",
                m.id
            );
        }
        // Wrong inclusivity: same criterion, grade and values, different inclusivity.
        let exact = bands(curated);
        let loose_curated = bands_loose(curated);
        for key in bands_loose(&drafted) {
            let values: Vec<&str> = key.split('|').take(4).collect();
            let same_values = loose_curated
                .iter()
                .find(|c| c.split('|').take(4).collect::<Vec<_>>() == values);
            if let Some(c) = same_values {
                if c.split('|').skip(4).collect::<Vec<_>>()
                    != key.split('|').skip(4).collect::<Vec<_>>()
                {
                    wrong_inclusivity.push(format!("{}: {key} (curated {c})", m.id));
                }
            }
        }
        let sets = [
            (bands(&drafted), exact),
            (levels(&drafted), levels(curated)),
            (clocks(&drafted), clocks(curated)),
            (contacts(&drafted), contacts(curated)),
            (warning_levels(&drafted), warning_levels(curated)),
            (groups(&drafted), groups(curated)),
        ];
        let mut row = format!("| {} |", m.id);
        for (i, (dr, cu)) in sets.iter().enumerate() {
            let mut c = Count::default();
            c.add(dr, cu);
            total[i].exact += c.exact;
            total[i].drafted += c.drafted;
            total[i].curated += c.curated;
            row.push_str(&format!(" {} |", c.cell()));
        }
        rows.push(row);
    }
    println!(
        "| plan | bands | levels+triggers | reporting clocks | contacts | warning levels | working groups |"
    );
    println!("|---|---|---|---|---|---|---|");
    for r in &rows {
        println!("{r}");
    }
    let mut sum = "| **all 14** |".to_string();
    for t in &total {
        sum.push_str(&format!(
            " {} (P {} R {}) |",
            t.cell(),
            Count::pct(t.exact, t.drafted),
            Count::pct(t.exact, t.curated)
        ));
    }
    println!("{sum}");
    println!("(exact/drafted/curated; P = precision, R = recall)");
    assert!(
        wrong_inclusivity.is_empty(),
        "wrong inclusivity:\n{}",
        wrong_inclusivity.join("\n")
    );
    // Floors: the figures measured when this test was written (exact proposals, and precision in
    // per cent: exact × 100 ≥ floor × drafted).
    for (t, (name, exact, precision)) in total.iter().zip(FLOORS) {
        assert!(t.exact >= exact, "{name}: {} exact, floor {exact}", t.exact);
        assert!(
            t.exact * 100 >= precision * t.drafted,
            "{name}: precision {}/{} fell below {precision}%",
            t.exact,
            t.drafted
        );
    }
    // Goal of issue 17: at least 90% of the curated bands drafted exactly.
    assert!(total[0].exact * 10 >= total[0].curated * 9);
}

const FLOORS: [(&str, usize, usize); 6] = [
    ("bands", 124, 100),
    ("levels and triggers", 31, 100),
    ("reporting clocks", 90, 74),
    ("contacts", 340, 86),
    ("warning levels", 40, 93),
    ("working groups", 61, 79),
];

/// The CLI: the same text gives byte-identical drafts; the draft passes `yingji check` with the
/// 「草稿」 warning; a bad `--lines` is refused in Chinese.
#[test]
fn the_cli_drafts_deterministically_and_the_draft_checks() {
    use std::process::Command;
    let seed = seeds_dir().join("002_0bfa9b600ed86ad0.txt");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_yingji"))
            .args(args)
            .output()
            .unwrap()
    };
    let seed = seed.to_str().unwrap();
    let a = run(&["draft", seed, "--lines", "1130-1691"]);
    let b = run(&["draft", seed, "--lines", "1130-1691"]);
    assert_eq!(a.status.code(), Some(0));
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
    let toml = String::from_utf8(a.stdout).unwrap();
    assert!(toml.contains("# 依据："));
    let file = std::env::temp_dir().join(format!("yingji-draft-{}.toml", std::process::id()));
    std::fs::write(&file, &toml).unwrap();
    let check = run(&["check", file.to_str().unwrap()]);
    std::fs::remove_file(&file).ok();
    assert_eq!(check.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let n = json["ok"]["unconfirmed"].as_u64().unwrap();
    assert!(n > 12);
    assert_eq!(json["warnings"][0], format!("草稿：{n} 处待确认"));

    let bad = run(&["draft", seed, "--lines", "9-3"]);
    assert_eq!(bad.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(json["error"]["field"], "lines");
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("起始行-结束行"));

    let j = run(&["draft", seed, "--lines", "1130-1691", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&j.stdout).unwrap();
    assert_eq!(json["toml"], toml.as_str());
    let bands: Vec<&serde_json::Value> = json["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "band")
        .collect();
    assert_eq!(bands.len(), 12);
    assert_eq!(bands[0]["line"], 1174);
    assert!(bands[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("30人以上死亡"));
}
