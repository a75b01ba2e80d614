//! Evaluation speed, native (issue 8): yingji's engine vs zen-engine on the same grading table —
//! 晋城市非煤矿山生产安全事故应急预案 (plans/jincheng/noncoal-mine.toml): grade by deaths / serious
//! injuries incl. acute poisoning / direct loss in 万元 (1.5; "以上" inclusive, "以下" exclusive, the
//! highest grade any axis reaches), then the response level from the grade and the three judgement
//! answers (4.2, 4.3).
//!
//!   cargo run --release --manifest-path bench/native/Cargo.toml [-- --ms 1000 --rounds 5]
//!   … -- --profile yingji|zen N      (N evaluations only, for valgrind --tool=callgrind)
//!
//! First checks both engines give the same grade and level on a grid that puts every threshold on
//! both sides (prints the agreement count), then times each: warm-up, rounds of about --ms each,
//! median evaluations/s. yingji's figure is for its compact result (grade, every criterion's band,
//! response level and reasons, deadlines, task/note/warning ids: everything the facts decide; the
//! plan's texts are in `schema`, asked once), also serialised to JSON, and for the full result joined
//! with the schema (`evaluate_full`); zen-engine's for grade + level, the decision pre-compiled.

use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use yingji::engine::RawFacts;
use zen_engine::model::DecisionContent;
use zen_engine::{Decision, DecisionEngine, Variable};

const PLAN: &str = "jincheng-noncoal-mine";
const NOW: &str = "2026-11-23T16:00:00+08:00";

/// Every threshold on both sides, crossed with the judgement answers.
fn inputs() -> Vec<Value> {
    let deaths = [0, 2, 3, 9, 10, 29, 30];
    let injured = [
        (0, 0),
        (9, 0),
        (0, 10),
        (5, 5),
        (49, 0),
        (25, 25),
        (99, 0),
        (60, 40),
        (0, 100),
    ];
    let loss = [0.0, 999.99, 1000.0, 4999.99, 5000.0, 9999.99, 10000.0];
    let mut out = Vec::new();
    for d in deaths {
        for (s, p) in injured {
            for l in loss {
                for county in [false, true] {
                    for city in [false, true] {
                        for may in ["no", "larger", "major"] {
                            out.push(json!({
                                "deaths": d,
                                "serious_injuries": s,
                                "poisoned": p,
                                "direct_loss_wan": l,
                                "beyond_county_capacity": county,
                                "beyond_city_capacity": city,
                                "may_become": may,
                            }));
                        }
                    }
                }
            }
        }
    }
    out
}

/// The same table as a JDM decision graph: input → injuries = serious + poisoned → grade table
/// (first hit, most severe first) → response table (first hit, highest level first) → output.
fn jdm() -> Value {
    let band = |rank: u8, name: &str, d: &str, i: &str, l: &str| {
        json!({ "_id": format!("g{rank}-{d}{i}{l}"), "d": d, "i": i, "l": l,
                "grade": format!("\"{name}\""), "rank": rank.to_string() })
    };
    let grade_rules = vec![
        band(1, "特别重大", ">= 30", "", ""),
        band(1, "特别重大", "", ">= 100", ""),
        band(1, "特别重大", "", "", ">= 10000"),
        band(2, "重大", "[10..30)", "", ""),
        band(2, "重大", "", "[50..100)", ""),
        band(2, "重大", "", "", "[5000..10000)"),
        band(3, "较大", "[3..10)", "", ""),
        band(3, "较大", "", "[10..50)", ""),
        band(3, "较大", "", "", "[1000..5000)"),
        band(4, "一般", "< 3", "< 10", "< 1000"),
    ];
    let level = |id: &str, city: &str, may: &str, rank: &str, county: &str, level: &str| {
        json!({ "_id": id, "city": city, "may": may, "rank": rank, "county": county,
                "level": format!("\"{level}\"") })
    };
    let level_rules = vec![
        level("beyond-city", "true", "", "", "", "I"),
        level("may-become-major", "", "\"major\"", "", "", "I"),
        level("grade-major", "", "", "<= 2", "", "I"),
        level("beyond-county", "", "", "", "true", "II"),
        level("grade-larger", "", "", "3", "", "II"),
        level("grade-general", "", "", "", "", "III"),
    ];
    json!({
        "nodes": [
            { "id": "in", "name": "facts", "type": "inputNode", "content": {} },
            { "id": "sum", "name": "injuries", "type": "expressionNode", "content": {
                "expressions": [ { "id": "e1", "key": "injuries", "value": "serious_injuries + poisoned" } ],
                "passThrough": true } },
            { "id": "grade", "name": "grade", "type": "decisionTableNode", "content": {
                "hitPolicy": "first", "passThrough": true,
                "inputs": [
                    { "id": "d", "name": "死亡人数", "field": "deaths" },
                    { "id": "i", "name": "重伤(含急性工业中毒)", "field": "injuries" },
                    { "id": "l", "name": "直接经济损失(万元)", "field": "direct_loss_wan" }
                ],
                "outputs": [
                    { "id": "grade", "name": "等级", "field": "grade" },
                    { "id": "rank", "name": "等级序号", "field": "grade_rank" }
                ],
                "rules": grade_rules } },
            { "id": "level", "name": "response", "type": "decisionTableNode", "content": {
                "hitPolicy": "first", "passThrough": true,
                "inputs": [
                    { "id": "city", "name": "超出市指挥部处置能力", "field": "beyond_city_capacity" },
                    { "id": "may", "name": "可能发展为", "field": "may_become" },
                    { "id": "rank", "name": "等级序号", "field": "grade_rank" },
                    { "id": "county", "name": "超出县指挥部处置能力", "field": "beyond_county_capacity" }
                ],
                "outputs": [ { "id": "level", "name": "响应级别", "field": "level" } ],
                "rules": level_rules } },
            { "id": "out", "name": "out", "type": "outputNode", "content": {} }
        ],
        "edges": [
            { "id": "e1", "sourceId": "in", "targetId": "sum" },
            { "id": "e2", "sourceId": "sum", "targetId": "grade" },
            { "id": "e3", "sourceId": "grade", "targetId": "level" },
            { "id": "e4", "sourceId": "level", "targetId": "out" }
        ]
    })
}

fn zen_decision() -> Decision {
    let content: DecisionContent = serde_json::from_value(jdm()).expect("JDM graph");
    let mut decision = DecisionEngine::default()
        .create_decision(Arc::new(content))
        .expect("a graph decision");
    decision.compile();
    decision
}

struct Machine(String);

fn machine() -> Machine {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let version = |cmd: &str| {
        Command::new(cmd)
            .arg("--version")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|| "n/a".into())
    };
    Machine(format!(
        "{cpu}, {cores} cores; {}; node {}",
        version("rustc"),
        version("node")
    ))
}

struct Rate {
    median: f64,
    min: f64,
    max: f64,
}

/// Evaluations/s of `step(i)`: a warm-up, then `rounds` rounds of about `ms` each.
fn rate(ms: u64, rounds: usize, mut step: impl FnMut(usize)) -> Rate {
    let mut i = 0usize;
    let mut round = |len: Duration| {
        let t0 = Instant::now();
        let mut n = 0usize;
        loop {
            for _ in 0..64 {
                step(i);
                i += 1;
                n += 1;
            }
            let t = t0.elapsed();
            if t >= len {
                return n as f64 / t.as_secs_f64();
            }
        }
    };
    round(Duration::from_millis(ms.min(1000)));
    let r: Vec<f64> = (0..rounds)
        .map(|_| round(Duration::from_millis(ms)))
        .collect();
    summarise(r)
}

fn summarise(mut r: Vec<f64>) -> Rate {
    r.sort_by(f64::total_cmp);
    let median = if r.len() % 2 == 1 {
        r[r.len() / 2]
    } else {
        (r[r.len() / 2 - 1] + r[r.len() / 2]) / 2.0
    };
    Rate {
        median,
        min: r[0],
        max: r[r.len() - 1],
    }
}

/// One timed round of zen-engine evaluations from case `i` on: (evaluations/s, next case).
async fn zen_round(
    decision: &Decision,
    vars: &[Variable],
    mut i: usize,
    len: Duration,
) -> (f64, usize) {
    let t0 = Instant::now();
    let mut count = 0usize;
    loop {
        for _ in 0..64 {
            black_box(decision.evaluate(vars[i % vars.len()].clone()).await.ok());
            i += 1;
            count += 1;
        }
        let t = t0.elapsed();
        if t >= len {
            return (count as f64 / t.as_secs_f64(), i);
        }
    }
}

fn fmt(x: f64) -> String {
    let s = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let ms: u64 = arg("--ms").and_then(|s| s.parse().ok()).unwrap_or(1000);
    let rounds: usize = arg("--rounds").and_then(|s| s.parse().ok()).unwrap_or(5);

    let cases = inputs();
    let raw: Vec<RawFacts> = cases
        .iter()
        .map(|c| serde_json::from_value(c.clone()).expect("facts"))
        .collect();
    let vars: Vec<Variable> = cases.iter().map(|c| Variable::from(c.clone())).collect();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio runtime");
    let decision = zen_decision();
    let zen = |v: &Variable| -> (Option<String>, Option<String>) {
        let r = rt
            .block_on(decision.evaluate(v.clone()))
            .expect("zen evaluate");
        let out = serde_json::to_value(&r.result).expect("zen result");
        let s = |k: &str| out.get(k).and_then(Value::as_str).map(str::to_string);
        (s("grade"), s("level"))
    };

    if let Some(which) = arg("--profile") {
        // For callgrind: N evaluations of one engine and nothing else timed.
        let n: usize = args
            .iter()
            .position(|a| a == "--profile")
            .and_then(|i| args.get(i + 2))
            .and_then(|s| s.parse().ok())
            .unwrap_or(1000);
        match which.as_str() {
            "yingji" => (0..n).for_each(|i| {
                black_box(yingji::evaluate(PLAN, &raw[i % raw.len()], NOW).expect("evaluate"));
            }),
            "yingji-json" => (0..n).for_each(|i| {
                let o = yingji::evaluate(PLAN, &raw[i % raw.len()], NOW).expect("evaluate");
                black_box(serde_json::to_string(&o).expect("json"));
            }),
            _ => rt.block_on(async {
                for i in 0..n {
                    black_box(decision.evaluate(vars[i % vars.len()].clone()).await.ok());
                }
            }),
        }
        return ExitCode::SUCCESS;
    }

    println!("machine: {}", machine().0);
    let t = Instant::now();
    yingji::evaluate(PLAN, &raw[0], NOW).expect("yingji evaluate");
    println!(
        "start-up: first yingji::evaluate (loads and checks every embedded plan) {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut agree = 0;
    let mut shown = 0;
    for (c, r) in cases.iter().zip(&raw) {
        let o = yingji::evaluate(PLAN, r, NOW).expect("yingji evaluate");
        let y = (
            o.grade.map(str::to_string),
            o.response.as_ref().map(|x| x.level.to_string()),
        );
        let z = zen(&Variable::from(c.clone()));
        if y == z {
            agree += 1;
        } else if shown < 5 {
            shown += 1;
            println!("  differ: {c} yingji {y:?} zen {z:?}");
        }
    }
    println!(
        "agreement: {agree}/{} inputs give the same grade and response level",
        cases.len()
    );

    let n = raw.len();
    let y = rate(ms, rounds, |i| {
        black_box(yingji::evaluate(PLAN, black_box(&raw[i % n]), NOW).expect("evaluate"));
    });
    let yj = rate(ms, rounds, |i| {
        let o = yingji::evaluate(PLAN, black_box(&raw[i % n]), NOW).expect("evaluate");
        black_box(serde_json::to_string(&o).expect("json"));
    });
    let full = rate(ms, rounds, |i| {
        black_box(yingji::evaluate_full(PLAN, black_box(&raw[i % n]), NOW).expect("evaluate"));
    });
    let z = rt.block_on(async {
        // The same harness, every evaluation awaited inside one runtime (no block_on per call).
        let mut i = zen_round(&decision, &vars, 0, Duration::from_millis(ms.min(1000)))
            .await
            .1;
        let mut r = Vec::new();
        for _ in 0..rounds {
            let (x, j) = zen_round(&decision, &vars, i, Duration::from_millis(ms)).await;
            i = j;
            r.push(x);
        }
        summarise(r)
    });
    let line = |name: &str, r: &Rate| {
        println!(
            "{name:<48} median {:>11} eval/s  (min {}, max {}; {rounds} rounds × {ms} ms)",
            fmt(r.median),
            fmt(r.min),
            fmt(r.max)
        )
    };
    line("yingji::evaluate (compact result)", &y);
    line("yingji::evaluate + serde_json::to_string", &yj);
    line("yingji::evaluate_full (joined with the schema)", &full);
    line("zen-engine (grade + level, compiled JDM)", &z);
    println!(
        "ratio yingji / zen-engine: {:.2}× (with JSON out: {:.2}×)",
        y.median / z.median,
        yj.median / z.median
    );
    if agree == cases.len() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
