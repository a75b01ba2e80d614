//! The CLI as a process: the JSON contract, exit codes, and the same answers as the library.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> (i32, Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yingji"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run yingji");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    (out.status.code().unwrap_or(-1), json)
}

#[test]
fn plans_lists_the_plan() {
    let (code, json) = run(&["plans"], "");
    assert_eq!(code, 0);
    let plan = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "jincheng-noncoal-mine")
        .unwrap();
    assert_eq!(plan["city"], "晋城市");
    assert_eq!(plan["title"], "晋城市非煤矿山生产安全事故应急预案");
    assert_eq!(plan["doc_number"], "晋市政办〔2020〕53号");
    assert_eq!(plan["date"], "2020-10-12");
}

#[test]
fn schema_lists_the_facts() {
    let (code, json) = run(&["schema", "jincheng-noncoal-mine"], "");
    assert_eq!(code, 0);
    let facts = json["facts"].as_array().unwrap();
    let fact = |id: &str| {
        facts
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("no fact {id}"))
    };
    assert_eq!(fact("deaths")["type"], "count");
    assert_eq!(fact("deaths")["unit"], "人");
    assert_eq!(fact("direct_loss_wan")["type"], "money");
    assert_eq!(fact("direct_loss_wan")["unit"], "万元");
    assert_eq!(fact("beyond_county_capacity")["type"], "yesno");
    assert_eq!(fact("beyond_county_capacity")["judgement"], true);
    assert_eq!(fact("beyond_county_capacity")["cite"]["line"], 1428);
    assert_eq!(fact("may_become")["type"], "choice");
    assert_eq!(fact("incident_time")["type"], "datetime");
    assert!(json["bounds_clause"]["quote"]
        .as_str()
        .unwrap()
        .contains("“以上”含本数"));
}

#[test]
fn eval_answers_the_boundaries() {
    let now = r#""now": "2026-11-23T16:00:00+08:00""#;
    for (deaths, grade, rank, level, level_rank) in [
        (2, "一般", 4, "Ⅲ级响应", 3),
        (3, "较大", 3, "Ⅱ级响应", 2),
        (9, "较大", 3, "Ⅱ级响应", 2),
        (10, "重大", 2, "Ⅰ级响应", 1),
        (29, "重大", 2, "Ⅰ级响应", 1),
        (30, "特别重大", 1, "Ⅰ级响应", 1),
    ] {
        let (code, json) = run(
            &["eval", "--full", "jincheng-noncoal-mine"],
            &format!(r#"{{"deaths": {deaths}, {now}}}"#),
        );
        assert_eq!(code, 0, "{json}");
        assert_eq!(json["grade"], grade, "deaths={deaths}");
        assert_eq!(json["grade_rank"], rank, "deaths={deaths}");
        assert_eq!(json["response"]["level"], level, "deaths={deaths}");
        assert_eq!(json["response"]["rank"], level_rank, "deaths={deaths}");
    }
}

#[test]
fn eval_result_has_the_stable_keys() {
    let (code, json) = run(
        &["eval", "--full", "jincheng-noncoal-mine"],
        r#"{"deaths": 5, "incident_time": "2026-11-23T14:30", "now": "2026-11-23T15:00:00+08:00"}"#,
    );
    assert_eq!(code, 0);
    for key in [
        "plan",
        "grade",
        "grade_rank",
        "response",
        "deadlines",
        "tasks",
        "citations",
        "notes",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "missing key {key}");
    }
    let r = &json["response"];
    assert_eq!(r["starts"], "市指挥部指挥长或市副指挥长");
    assert!(r["commands"].as_str().unwrap().contains("市指挥部"));
    assert_eq!(r["reasons"][0]["kind"], "grade");
    assert_eq!(r["reasons"][0]["cite"]["line"], 1428);
    let unit = json["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "unit-1h")
        .unwrap();
    assert_eq!(unit["due"], "2026-11-23T15:30:00+08:00");
    assert_eq!(unit["due_display"], "15:30");
    assert_eq!(unit["minutes_left"], 30);
    let tasks = json["tasks"].as_array().unwrap();
    let rescue = tasks.iter().find(|t| t["title"] == "抢险救援组").unwrap();
    assert_eq!(rescue["lead"], "市应急管理局");
    assert!(rescue["members"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m == "市军事化矿山救护队"));
    assert_eq!(tasks[0]["kind"], "level");
    assert!(json["citations"].as_array().unwrap().len() > 10);
}

#[test]
fn bad_input_exits_2_with_a_chinese_error() {
    for (input, field, message) in [
        (r#"{"deaths": -1}"#, "deaths", "不能为负数"),
        (r#"{"deaths": 1.5}"#, "deaths", "必须是整数"),
        (r#"{"deaths": "多人"}"#, "deaths", "应为数字"),
        (r#"{"deaths": 1,}"#, "facts", "不是有效的JSON"),
        (r#"[1, 2]"#, "facts", "不是有效的JSON"),
        (r#"{"dead": 1}"#, "dead", "未知的事实项"),
    ] {
        let (code, json) = run(&["eval", "jincheng-noncoal-mine"], input);
        assert_eq!(code, 2, "{input}");
        assert_eq!(json["error"]["field"], field, "{input}");
        assert!(
            json["error"]["message"].as_str().unwrap().contains(message),
            "{input}: {json}"
        );
    }
    let (code, json) = run(&["eval", "no-such-plan"], "{}");
    assert_eq!(code, 2);
    assert_eq!(json["error"]["field"], "plan");
}

#[test]
fn check_validates_a_plan_file() {
    let good = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/jincheng/noncoal-mine.toml"
    );
    let (code, json) = run(&["check", good], "");
    assert_eq!(code, 0);
    assert_eq!(json["ok"]["id"], "jincheng-noncoal-mine");

    let text = std::fs::read_to_string(good).unwrap().replacen(
        "min = 10\nmin_inclusive = true\nmax = 30",
        "min = 12\nmin_inclusive = true\nmax = 30",
        1,
    );
    let bad = std::env::temp_dir().join(format!("yingji-bad-{}.toml", std::process::id()));
    std::fs::write(&bad, text).unwrap();
    let (code, json) = run(&["check", bad.to_str().unwrap()], "");
    std::fs::remove_file(&bad).ok();
    assert_eq!(code, 2);
    let e = &json["errors"][0];
    assert!(e["file"].as_str().unwrap().ends_with(".toml"));
    assert!(e["path"]
        .as_str()
        .unwrap()
        .contains("grading.axes[0](deaths)"));
    assert!(e["problem"].as_str().unwrap().contains("空档"));
}

#[test]
fn eval_shows_the_whole_organisation_and_contacts() {
    let (code, json) = run(
        &["eval", "--full", "jincheng-noncoal-mine"],
        r#"{"deaths": 1, "now": "2026-11-23T16:00:00+08:00"}"#,
    );
    assert_eq!(code, 0);
    let org = &json["organisation"];
    assert_eq!(org["command"]["members"].as_array().unwrap().len(), 28);
    assert!(org["command"]["head"].as_str().unwrap().contains("副市长"));
    // 市住房和城乡建设局 is in no working group; its duties must still be shown.
    let units = org["member_units"].as_array().unwrap();
    assert!(units
        .iter()
        .any(|u| u["unit"] == "市住房和城乡建设局" && u["cite"]["line"] == 1250));
    let contacts = json["contacts"].as_array().unwrap();
    assert!(contacts
        .iter()
        .any(|c| c["unit"] == "市应急管理局" && c["phone"] == "2027255 (传真 2023690)"));
}

#[test]
fn find_routes_a_description() {
    let (code, json) = run(&["find", "--city", "晋城市", "液氯", "泄漏"], "");
    assert_eq!(code, 0);
    assert_eq!(json[0]["plan"]["id"], "jincheng-hazardous-chemicals");
    assert_eq!(json[0]["status"], "applies");
    assert_eq!(json[0]["matched"][0], "液氯");
    let (code, json) = run(&["find", "危化品", "天然气储存"], "");
    assert_eq!(code, 0);
    let hazmat = json
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["plan"]["id"] == "jincheng-hazardous-chemicals")
        .unwrap();
    assert_eq!(hazmat["status"], "excluded");
    assert_eq!(hazmat["go_to"], "jincheng-oil-gas-storage");
}

/// Issue 16 item 7 as reported: beyond the 一级加压站 the 煤层气地面开采 plan is excluded, not applied
/// for the word 一级加压站; the city without 市 works.
#[test]
fn find_reads_a_boundary_and_a_city_without_shi() {
    for city in ["晋城市", "晋城"] {
        let (code, json) = run(
            &["find", "--city", city, "一级加压站下游的煤层气长输管道泄漏"],
            "",
        );
        assert_eq!(code, 0);
        let cbm = json
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["plan"]["id"] == "jincheng-cbm-surface-extraction")
            .expect("the plan's exclusion is listed");
        assert_eq!(cbm["status"], "excluded", "{city}");
        assert_eq!(cbm["matched"].as_array().map(Vec::len), Some(0));
        assert_eq!(cbm["cite"]["line"], 3919);
    }
    let (_, json) = run(
        &["find", "--city", "晋城", "一级加压站以内集气管线泄漏"],
        "",
    );
    assert_eq!(json[0]["plan"]["id"], "jincheng-cbm-surface-extraction");
    assert_eq!(json[0]["status"], "applies");
}

/// `[[checks]]` through the CLI: whether a pollution warning may be lifted, and the reserve rules.
#[test]
fn eval_tells_the_checks() {
    let (code, json) = run(
        &["eval", "lvliang-heavy-pollution-weather"],
        r#"{"warning_in_force": "yellow", "lift_aqi": 150, "lift_hours": 35, "now": "2026-11-23T16:00:00+08:00"}"#,
    );
    assert_eq!(code, 0);
    let status = |json: &serde_json::Value, id: &str| {
        json["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["status"].as_str().unwrap().to_string())
    };
    assert_eq!(
        status(&json, "lift-aqi-light-or-better").as_deref(),
        Some("pass")
    );
    assert_eq!(status(&json, "lift-36-hours").as_deref(), Some("fail"));
    assert_eq!(status(&json, "lift-allowed").as_deref(), Some("fail"));
    let (code, json) = run(
        &["eval", "lvliang-medical-reserve-allocation"],
        r#"{"stock_total": 69, "plan_total": 100, "now": "2026-11-23T16:00:00+08:00"}"#,
    );
    assert_eq!(code, 0);
    assert_eq!(status(&json, "stock-70-percent").as_deref(), Some("fail"));
    let detail = json["checks"][0]["detail"].as_str().unwrap();
    assert!(detail.contains("69%"), "{detail}");
}

/// A forecast-driven plan through the CLI: `schema` shows number facts with their range and group;
/// `eval` gives every hazard's level, the criteria with citations, and the combined response.
#[test]
fn weather_plan_schema_and_eval() {
    let id = "ordos-meteorological-disaster";
    let (code, schema) = run(&["schema", id], "");
    assert_eq!(code, 0);
    let frost = schema["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "frost_ground_min_c")
        .unwrap();
    assert_eq!(frost["type"], "number");
    assert_eq!(frost["unit"], "℃");
    assert_eq!(frost["min"], -60.0);
    assert_eq!(frost["group"], "霜冻");

    let facts = r#"{"rain_fc_area_pct": 50, "rain_fc_mm": 100, "wind_area_pct": 70,
        "wind_gust_level": 11, "now": "2026-11-23T16:00:00+08:00"}"#;
    let (code, out) = run(&["eval", "--full", id], facts);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out["grade"], Value::Null);
    assert_eq!(out["response"]["id"], "I");
    let warnings = out["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 9, "every hazard, reached or not");
    let level = |h: &str| {
        warnings
            .iter()
            .find(|w| w["hazard"] == h)
            .unwrap_or_else(|| panic!("no hazard {h}"))
    };
    assert_eq!(level("rainstorm")["id"], "I");
    assert_eq!(level("rainstorm")["colour"], "红色");
    assert_eq!(level("rainstorm")["basis"][0]["id"], "rain-I-forecast");
    assert_eq!(level("rainstorm")["basis"][0]["cite"]["chars"][0], 13023);
    assert_eq!(level("gale")["id"], "III");
    assert_eq!(level("fog")["id"], Value::Null);
    let reasons: Vec<&str> = out["response"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"multi-hazard-I"), "{reasons:?}");
}

/// A forecast plan: `schema` shows the series fact with its day unit and horizon, `eval` takes the
/// forecast as a JSON array and answers with the computed warning, and a bad day is refused by name.
#[test]
fn forecast_plan_schema_and_eval() {
    let (code, json) = run(&["schema", "lvliang-heavy-pollution-weather"], "");
    assert_eq!(code, 0);
    let aqi = json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "aqi")
        .unwrap();
    assert_eq!(aqi["type"], "series");
    assert_eq!(aqi["item"], "天");
    assert_eq!(aqi["max_items"], 7);

    let (code, json) = run(
        &["eval", "--full", "lvliang-heavy-pollution-weather"],
        r#"{"aqi": [180, 201, 301, 301, 250], "now": "2026-11-23T16:00:00+08:00"}"#,
    );
    assert_eq!(code, 0);
    let w = &json["warnings"][0];
    assert_eq!(w["hazard"], "pollution");
    assert_eq!(w["id"], "red");
    assert_eq!(w["colour"], "红色");
    assert_eq!(w["basis"][0]["id"], "aqi-red-96h-300-48h");
    assert_eq!(w["basis"][0]["cite"]["line"], 938);
    assert_eq!(json["response"]["id"], "I");
    assert!(json["grade"].is_null());

    let (code, json) = run(
        &["eval", "--full", "lvliang-heavy-pollution-weather"],
        r#"{"aqi": [180, 201, "x"]}"#,
    );
    assert_ne!(code, 0);
    assert_eq!(json["error"]["field"], "aqi");
    assert!(json["error"]["message"]
        .as_str()
        .unwrap()
        .contains("第3天应为数字"));
}

#[test]
fn eval_walks_a_support_procedure_without_grades() {
    // 吕梁市市级医药储备调拨应急预案 3.2(6) (seed 004 L234): loading within 4 h of the notice.
    let (code, json) = run(
        &["eval", "--full", "lvliang-medical-reserve-allocation"],
        r#"{"request_time": "2026-11-23T11:30", "notice_time": "2026-11-23T12:01", "now": "2026-11-23T16:00:00+08:00"}"#,
    );
    assert_eq!(code, 0, "{json}");
    assert!(
        json["grade"].is_null() && json["response"].is_null(),
        "{json}"
    );
    assert_eq!(json["activation"]["started"], true);
    assert_eq!(
        json["activation"]["starts"],
        "市领导组(吕梁市医药储备应急调拨领导组)"
    );
    let load = json["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "load-4h")
        .expect("loading clock");
    assert_eq!(load["due"], "2026-11-23T16:01:00+08:00");
    assert_eq!(load["status"], "pending");
    assert_eq!(load["counts"], "minutes");
    let (code, json) = run(&["schema", "lvliang-medical-reserve-allocation"], "");
    assert_eq!(code, 0, "{json}");
    assert!(json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "request_time" && f["type"] == "datetime"));
}

/// `yingji eval … | head`: the reader closes the pipe before the result is written. The output is
/// larger than a pipe's buffer, so the write fails; that must end the process quietly, not panic.
#[test]
fn a_closed_stdout_is_not_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yingji"))
        .args(["eval", "jincheng-noncoal-mine"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run yingji");
    child.stdout = None; // the reader goes away: its end of the pipe is closed
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"deaths": 3, "now": "2026-11-23T16:00:00+08:00"}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

/// `eval` prints the compact result: what the facts decide, every text left to `schema`, well under
/// 5 KB for the 非煤矿山 plan at 3 deaths.
#[test]
fn eval_prints_the_compact_result() {
    let input = r#"{"deaths": 3, "now": "2026-11-23T16:00:00+08:00"}"#;
    let (code, json) = run(&["eval", "jincheng-noncoal-mine"], input);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["version"], 2);
    assert_eq!(json["plan"], "jincheng-noncoal-mine");
    assert_eq!(json["grade"], "较大");
    assert_eq!(json["basis"], serde_json::json!(["deaths"]));
    let deaths = &json["criteria"][0];
    assert_eq!(deaths["id"], "deaths");
    assert_eq!(deaths["value"], 3.0);
    assert_eq!(json["response"]["level"], "II");
    assert_eq!(
        json["response"]["reasons"][0],
        serde_json::json!({"id": "grade-larger", "raised": false})
    );
    for key in ["organisation", "contacts", "tables", "citations"] {
        assert!(json.get(key).is_none(), "{key} belongs to the schema");
    }
    let size = serde_json::to_string(&json).unwrap().len();
    assert!(size <= 5000, "compact result is {size} bytes");
    // The band index points at the band the full result shows.
    let (_, full) = run(&["eval", "--full", "jincheng-noncoal-mine"], input);
    let (_, schema) = run(&["schema", "jincheng-noncoal-mine"], "");
    let band = deaths["band"].as_u64().unwrap() as usize;
    assert_eq!(
        schema["criteria"][0]["bands"][band]["text"],
        full["criteria"][0]["band"]
    );
    assert_eq!(full["version"], 2);
    assert_eq!(schema["version"], 2);
    assert_eq!(full["response"]["level"], "Ⅱ级响应");
}

/// Every id a compact result names is an entry of the plan's schema, for every plan.
#[test]
fn compact_ids_resolve_in_the_schema() {
    let (_, plans) = run(&["plans"], "");
    let input = r#"{"deaths": 5, "now": "2026-11-23T16:00:00+08:00"}"#;
    for p in plans.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let (_, schema) = run(&["schema", id], "");
        let facts: Vec<&str> = schema["facts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap())
            .collect();
        let input = if facts.contains(&"deaths") {
            input
        } else {
            r#"{"now": "2026-11-23T16:00:00+08:00"}"#
        };
        let (code, ev) = run(&["eval", id], input);
        assert_eq!(code, 0, "{id}: {ev}");
        let ids = |list: &str| -> Vec<String> {
            schema[list]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_str().unwrap().to_string())
                .collect()
        };
        let has = |list: &str, x: &serde_json::Value| {
            let x = x.as_str().unwrap_or_else(|| panic!("{id}: {list} id {x}"));
            assert!(ids(list).iter().any(|i| i == x), "{id}: {list} has no {x}");
        };
        let each = |v: &serde_json::Value| v.as_array().unwrap().clone();
        each(&ev["criteria"])
            .iter()
            .for_each(|c| has("criteria", &c["id"]));
        each(&ev["basis"]).iter().for_each(|c| has("criteria", c));
        each(&ev["provisional"])
            .iter()
            .for_each(|c| has("provisional", c));
        each(&ev["deadlines"])
            .iter()
            .for_each(|d| has("reporting", &d["id"]));
        each(&ev["tasks"]).iter().for_each(|t| has("tasks", t));
        each(&ev["notes"]).iter().for_each(|n| has("notes", n));
        each(&ev["assumed"])
            .iter()
            .for_each(|a| has("facts", &a["id"]));
        if !ev["termination"].is_null() {
            has("termination", &ev["termination"]);
        }
        if !ev["response"].is_null() {
            has("levels", &ev["response"]["level"]);
            each(&ev["response"]["reasons"])
                .iter()
                .for_each(|r| has("rules", &r["id"]));
        }
        for w in each(&ev["warnings"]) {
            if !w["hazard"].is_null() {
                has("hazards", &w["hazard"]);
            }
            if !w["level"].is_null() {
                let levels = &schema["warning"]["levels"];
                assert!(each(levels).iter().any(|l| l["id"] == w["level"]), "{id}");
            }
        }
        assert_eq!(ev["activation"].is_null(), schema["activation"].is_null());
    }
}
