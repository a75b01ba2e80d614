//! Every embedded plan file loads and validates, and every quote in it is the plan's own text at the
//! lines it cites (checked against the seed in ../shared/seeds, or in `$YINGJI_SEEDS`).

use std::path::{Path, PathBuf};

#[path = "support/seeds.rs"]
mod seeds;
use seeds::{cited_text, seeds_dir};

use yingji::plan::{
    embedded_plans, from_bytes, load, order_key, registry, to_bytes, Cite, Plan, BYTES_VERSION,
};

fn plan_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            plan_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// Every file under plans/ reads and validates, and the engine embeds exactly what the file says:
/// build.rs converts each file to postcard bytes without validating, so this is where a bad plan
/// file or a lossy conversion is caught.
#[test]
fn every_embedded_plan_is_valid_and_embedded_as_written() {
    let embedded = match registry() {
        Ok(plans) => plans,
        Err(errors) => panic!(
            "embedded plan data does not read:\n{}",
            errors
                .iter()
                .map(|e| format!("  {e}\n"))
                .collect::<String>()
        ),
    };
    let mut files = Vec::new();
    plan_files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans"),
        &mut files,
    );
    assert!(!files.is_empty(), "no plan files");
    assert_eq!(
        files.len(),
        embedded.len(),
        "every plan file is embedded once"
    );
    let mut problems = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        match load(&path.display().to_string(), &text) {
            Err(errors) => problems.extend(errors.iter().map(ToString::to_string)),
            Ok(plan) => {
                let shipped = embedded
                    .iter()
                    .find(|p| p.plan.id == plan.plan.id)
                    .unwrap_or_else(|| panic!("{} is not embedded", plan.plan.id));
                assert_eq!(
                    serde_json::to_value(shipped).unwrap(),
                    serde_json::to_value(&plan).unwrap(),
                    "{}: the embedded bytes differ from the file",
                    path.display()
                );
            }
        }
    }
    assert!(
        problems.is_empty(),
        "invalid plan files:\n  {}",
        problems.join("\n  ")
    );
}

/// Each fragment of the quote (split at `…`) appears in the cited text, in order.
fn quote_found(cited: &str, quote: &str) -> bool {
    let mut rest = cited;
    for fragment in quote.split('…').filter(|f| !f.is_empty()) {
        match rest.find(fragment) {
            Some(at) => rest = &rest[at + fragment.len()..],
            None => return false,
        }
    }
    true
}

fn quotes(plan: &Plan) -> Vec<(String, &Cite, &str)> {
    let mut out: Vec<(String, &Cite, &str)> = Vec::new();
    if let Some(b) = &plan.bounds_clause {
        out.push(("bounds_clause".into(), &b.cite, &b.quote));
    }
    out.push(("scope".into(), &plan.scope.cite, &plan.scope.quote));
    for x in &plan.exclusions {
        out.push(("exclusion".into(), &x.cite, &x.quote));
    }
    for axis in &plan.grading.axes {
        for b in &axis.bands {
            out.push((
                format!("grading.{}.{}", axis.id, b.grade),
                &b.cite,
                &b.quote,
            ));
        }
    }
    for p in &plan.grading.provisional {
        out.push(("grading.provisional".into(), &p.cite, &p.quote));
    }
    if let Some(f) = &plan.finder {
        for d in &f.defers {
            out.push((format!("finder.defers.{}", d.plan), &d.cite, &d.quote));
        }
    }
    for f in &plan.grading.flags {
        out.push((format!("grading.flags.{}", f.id), &f.cite, &f.quote));
    }
    for r in &plan.recovery {
        out.push((format!("recovery.{}", r.id), &r.cite, &r.quote));
    }
    for g in &plan.applicability {
        out.push((format!("applicability.{}", g.id), &g.cite, &g.quote));
    }
    for h in &plan.hazards {
        for r in &h.rules {
            out.push((format!("hazards.{}.{}", h.id, r.id), &r.cite, &r.quote));
        }
    }
    let r = &plan.response;
    if let Some(intro) = &r.intro {
        out.push(("response.intro".into(), &intro.cite, &intro.quote));
    }
    for l in &r.levels {
        out.push((
            format!("level {} condition", l.id),
            &l.condition.cite,
            &l.condition.quote,
        ));
        out.push((
            format!("level {} procedure", l.id),
            &l.procedure.cite,
            &l.procedure.quote,
        ));
        for m in &l.measures {
            out.push((format!("level {} measure", l.id), &m.cite, &m.text));
        }
    }
    for rule in &r.rules {
        out.push((
            format!("response.rules.{}", rule.id),
            &rule.cite,
            &rule.quote,
        ));
    }
    for rep in &plan.reporting {
        out.push((format!("reporting.{}", rep.id), &rep.cite, &rep.quote));
    }
    let org = &plan.organisation;
    out.push((
        "organisation.command".into(),
        &org.command.cite,
        &org.command.quote,
    ));
    out.push((
        "organisation.command.duties".into(),
        &org.command.cite,
        &org.command.duties,
    ));
    out.push((
        "organisation.office".into(),
        &org.office.cite,
        &org.office.quote,
    ));
    out.push((
        "organisation.office.duties".into(),
        &org.office.cite,
        &org.office.duties,
    ));
    out.push((
        "organisation.groups_intro".into(),
        &org.groups_intro.cite,
        &org.groups_intro.quote,
    ));
    for u in &org.member_units {
        out.push((format!("member unit {}", u.unit), &u.cite, &u.duties));
    }
    for g in &org.groups {
        out.push((format!("group {}", g.name), &g.cite, &g.duties));
        out.push((format!("group {} lead", g.name), &g.cite, &g.lead));
        for m in &g.members {
            out.push((format!("group {} member", g.name), &g.cite, m));
        }
    }
    for m in &plan.measures {
        for t in &m.items {
            out.push((format!("measure {}", m.title), &t.cite, &t.text));
        }
    }
    for t in &plan.termination {
        out.push(("termination".into(), &t.cite, &t.quote));
        for c in &t.conditions {
            out.push(("termination condition".into(), &t.cite, c));
        }
    }
    if let Some(w) = &plan.warning {
        out.push(("warning.intro".into(), &w.intro.cite, &w.intro.quote));
        for l in &w.levels {
            out.push((format!("warning {}", l.id), &l.cite, &l.measures));
        }
    }
    if let Some(a) = &plan.activation {
        out.push(("activation".into(), &a.cite, &a.quote));
    }
    for c in &plan.checks {
        out.push((format!("check {}", c.id), &c.cite, &c.quote));
    }
    for n in plan.notes.iter().filter(|n| !n.quote.is_empty()) {
        out.push((format!("note {}", n.id), &n.cite, &n.quote));
    }
    out
}

#[test]
fn every_quote_is_in_the_source_at_its_cited_lines() {
    let plans = registry().expect("plans load");
    let mut failures = Vec::new();
    let mut checked = 0;
    for plan in plans {
        let path = seeds_dir().join(&plan.plan.source);
        let source =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lines: Vec<&str> = source.lines().collect();
        for (what, cite, quote) in quotes(plan) {
            checked += 1;
            if !quote_found(&cited_text(&lines, cite), quote) {
                failures.push(format!(
                    "{}: {what} (L{}): «{quote}»",
                    plan.plan.id, cite.line
                ));
            }
        }
        for c in &plan.contacts {
            checked += 1;
            let line = lines.get(c.line as usize - 1).copied().unwrap_or("");
            if !(line.contains(&c.unit) && line.contains(&c.phone)) {
                failures.push(format!(
                    "{}: contact {} (L{})",
                    plan.plan.id, c.unit, c.line
                ));
            }
        }
    }
    assert!(checked > 100, "only {checked} quotes checked");
    assert!(
        failures.is_empty(),
        "{} quote(s) not found at their cited lines:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn exclusions_name_embedded_plans() {
    let plans = registry().expect("plans load");
    for plan in plans {
        for x in &plan.exclusions {
            if let Some(id) = &x.instead_plan {
                assert!(
                    plans.iter().any(|p| &p.plan.id == id),
                    "{}: exclusion names unknown plan {id}",
                    plan.plan.id
                );
            }
        }
    }
}

#[test]
fn quote_check_rejects_text_that_is_not_there() {
    let lines = ["造成3人以上10人以下死亡,或者", "10人以上50人以下重伤"];
    let cite = Cite {
        clause: "1.5".into(),
        line: 1,
        line_end: Some(2),
        chars: None,
    };
    assert!(quote_found(
        &cited_text(&lines, &cite),
        "或者10人以上50人以下重伤"
    ));
    assert!(quote_found(&cited_text(&lines, &cite), "造成3人以上…重伤"));
    assert!(!quote_found(
        &cited_text(&lines, &cite),
        "造成3人及以上10人以下死亡"
    ));
    let single = Cite {
        line_end: None,
        ..cite
    };
    assert!(!quote_found(&cited_text(&lines, &single), "50人以下重伤"));
}

#[test]
fn plans_are_listed_by_city_year_and_document_number() {
    let ids: Vec<String> = yingji::plans().unwrap().into_iter().map(|p| p.id).collect();
    let jincheng: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| id.starts_with("jincheng-"))
        .collect();
    assert_eq!(
        jincheng[..6],
        [
            "jincheng-noncoal-mine",
            "jincheng-metallurgy-industry-trade",
            "jincheng-rural-biogas",
            "jincheng-hazardous-chemicals",
            "jincheng-cbm-surface-extraction",
            "jincheng-oil-gas-storage",
        ]
    );
    // A support procedure comes after its city's incident plans.
    let lvliang: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| id.starts_with("lvliang-"))
        .collect();
    assert_eq!(lvliang.last(), Some(&"lvliang-medical-reserve-allocation"));
}

#[test]
fn every_plan_can_be_found() {
    for plan in registry().expect("plans load") {
        let finder = plan
            .finder
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no [finder]", plan.plan.id));
        let found = yingji::find(&finder.keywords[0], Some(&plan.plan.city)).unwrap();
        assert!(
            found.iter().any(|c| c.plan.id == plan.plan.id),
            "{}: its first keyword does not find it",
            plan.plan.id
        );
        for d in &finder.defers {
            assert!(
                registry().unwrap().iter().any(|p| p.plan.id == d.plan),
                "{}: defers to unknown plan {}",
                plan.plan.id,
                d.plan
            );
        }
    }
}

/// A table taken from another document (`source_file`) quotes it: each row's "原文" cell is that
/// document's text at the row's "行" line.
#[test]
fn tables_from_other_documents_quote_their_source() {
    let mut checked = 0;
    for plan in registry().expect("plans load") {
        for t in plan.tables.iter().filter(|t| t.source_file.is_some()) {
            let file = t.source_file.as_deref().unwrap_or_default();
            let source = std::fs::read_to_string(seeds_dir().join(file))
                .unwrap_or_else(|e| panic!("{}: {file}: {e}", plan.plan.id));
            let lines: Vec<&str> = source.lines().collect();
            let col = |name: &str| t.columns.iter().position(|c| c == name);
            let (Some(line_col), Some(quote_col)) = (col("行"), col("原文")) else {
                panic!(
                    "{}: table «{}» from {file} needs 行 and 原文 columns",
                    plan.plan.id, t.title
                );
            };
            for row in &t.rows {
                checked += 1;
                let n: usize = row[line_col].parse().expect("行 is a line number");
                let line = lines.get(n - 1).copied().unwrap_or("");
                assert!(
                    quote_found(line, &row[quote_col]),
                    "{}: table «{}» row quote not at {file} L{n}: «{}»",
                    plan.plan.id,
                    t.title,
                    row[quote_col]
                );
            }
        }
    }
    assert!(checked > 0, "no table from another document checked");
}

/// The plan list is written at build time so that the start reads no plan: each entry says what the
/// plan read back says (title, city, 文号, date, «待确认» count), and the list runs in the order people
/// look for plans in — by city, incident plans before a support procedure, then year and 文号 serial.
#[test]
fn the_plan_list_says_what_each_plan_says_in_order() {
    let plans = registry().expect("embedded plans read");
    let listed = embedded_plans();
    assert_eq!(listed.len(), plans.len());
    for (entry, plan) in listed.iter().zip(plans) {
        let summary = yingji::engine::summary(plan);
        assert_eq!(
            serde_json::to_value(yingji::engine::listed(entry)).unwrap(),
            serde_json::to_value(&summary).unwrap(),
            "{}",
            entry.file
        );
        assert_eq!(
            yingji::plan::embedded(entry.id)
                .and_then(Result::ok)
                .map(|p| &p.plan.id),
            Some(&plan.plan.id)
        );
    }
    for pair in plans.windows(2) {
        assert!(
            order_key(pair[0]) <= order_key(pair[1]),
            "{} listed before {}",
            pair[0].plan.id,
            pair[1].plan.id
        );
    }
    // 鄂府办发〔2024〕17号 before 102号 (by number, not by text); 吕梁's 医药储备调拨 (70号, a support
    // procedure) after its incident plans (72–78号); no city's list opens on a support procedure.
    let ids: Vec<&str> = listed.iter().map(|p| p.id).collect();
    let at = |id: &str| {
        ids.iter()
            .position(|x| *x == id)
            .unwrap_or_else(|| panic!("{id} not listed"))
    };
    assert_eq!(listed[0].city, "吕梁市", "{ids:?}");
    for city in ["吕梁市", "晋城市", "鄂尔多斯市"] {
        let first = plans
            .iter()
            .find(|p| p.plan.city == city)
            .expect("a plan of the city");
        assert!(
            first.activation.is_none(),
            "{city} opens on {}",
            first.plan.id
        );
    }
    assert!(
        at("ordos-production-safety") < at("ordos-noncoal-mine"),
        "{ids:?}"
    );
    assert!(
        at("lvliang-food-safety") < at("lvliang-medical-reserve-allocation"),
        "{ids:?}"
    );
    assert!(yingji::plan::embedded("no-such-plan").is_none());
}

/// Plan bytes carry the model's version: bytes of another build are refused with a message, never
/// misread; this build's read back to the same plan.
#[test]
fn plan_bytes_carry_the_model_version() {
    let plan = &registry().expect("embedded plans read")[0];
    let bytes = to_bytes(plan);
    assert_eq!(&bytes[..4], b"YJPL");
    assert_eq!(bytes[4..8], BYTES_VERSION.to_le_bytes());
    let back = from_bytes("a.bin", &bytes).expect("this build's bytes read");
    assert_eq!(
        serde_json::to_value(&back).unwrap(),
        serde_json::to_value(plan).unwrap()
    );

    let mut other = bytes.clone();
    other[4..8].copy_from_slice(&BYTES_VERSION.wrapping_add(1).to_le_bytes());
    let e = from_bytes("other.bin", &other).expect_err("another build's bytes");
    assert_eq!(e.file, "other.bin");
    assert!(e.problem.starts_with("预案数据格式版本不符:数据为"), "{e}");
    assert!(
        e.problem
            .contains(&format!("本引擎为{BYTES_VERSION:08x}版")),
        "{e}"
    );

    // Bytes written before plan bytes had a header (bare postcard) are refused the same way.
    let e = from_bytes("old.bin", &bytes[8..]).expect_err("headerless bytes");
    assert!(e.problem.starts_with("预案数据格式版本不符"), "{e}");
    for short in [&bytes[..0], &bytes[..3], &bytes[..7]] {
        let e = from_bytes("short.bin", short).expect_err("too short");
        assert!(e.problem.starts_with("预案数据格式版本不符"), "{e}");
    }
    let e = from_bytes("cut.bin", &bytes[..bytes.len() / 2]).expect_err("cut short");
    assert!(e.problem.starts_with("无法读取预案数据(已损坏)"), "{e}");
}

/// Dependencies run one way: the engine reads plans, the plan model knows nothing of the engine.
#[test]
fn the_plan_model_does_not_use_the_engine() {
    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/plan"),
        &mut files,
    );
    assert!(files.len() > 3, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for forbidden in [
            "crate::engine",
            "crate::api",
            "crate::wasm",
            "crate::finder",
            "super::super",
        ] {
            assert!(
                !text.contains(forbidden),
                "{} uses {forbidden}: src/plan must not depend on the engine or what is built on it",
                file.display()
            );
        }
    }
}
