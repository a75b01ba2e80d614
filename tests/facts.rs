//! Bad input is refused with a Chinese message naming the field, never a panic or a silent default.

use yingji::engine::{RawFacts, RawValue};

const PLAN: &str = "jincheng-noncoal-mine";
const NOW: &str = "2026-11-23T16:00:00+08:00";

fn eval(facts: &[(&str, RawValue)]) -> Result<yingji::engine::Outcome, yingji::InputError> {
    let facts: RawFacts = facts
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    yingji::evaluate_full(PLAN, &facts, NOW)
}

fn num(n: f64) -> RawValue {
    RawValue::Number(n)
}

fn text(s: &str) -> RawValue {
    RawValue::Text(s.into())
}

#[test]
fn bad_input_table() {
    use RawValue::*;
    let table: Vec<(&str, RawValue, &str)> = vec![
        ("deaths", num(-1.0), "“死亡人数”不能为负数"),
        ("deaths", num(f64::NAN), "“死亡人数”不是有效数字"),
        ("deaths", num(f64::INFINITY), "“死亡人数”不是有效数字"),
        ("deaths", num(f64::NEG_INFINITY), "“死亡人数”不是有效数字"),
        ("deaths", num(2.5), "“死亡人数”必须是整数"),
        ("deaths", num(1e8), "“死亡人数”数值过大"),
        ("deaths", text("5"), "“死亡人数”应为数字,收到的是文字"),
        ("deaths", Bool(true), "“死亡人数”应为数字,收到的是是/否"),
        ("direct_loss_wan", num(-0.01), "不能为负数"),
        (
            "direct_loss_wan",
            num(2e12),
            "数值过大(超过1万亿万元),请核对",
        ),
        (
            "beyond_county_capacity",
            text("是"),
            "应为“是”或“否”,收到的是文字",
        ),
        ("beyond_county_capacity", num(1.0), "应为“是”或“否”"),
        ("may_become", text("maybe"), "没有选项“maybe”"),
        (
            "incident_time",
            text("昨天下午"),
            "无法识别的时间“昨天下午”,请按“2026-12-07 08:30”的格式填写",
        ),
        ("incident_time", text("2026-11-23T16:30"), "晚于当前时间"),
        ("incident_time", num(3.0), "应为日期时间文字"),
        ("no_such_fact", num(1.0), "未知的事实项“no_such_fact”"),
    ];
    for (field, value, message) in table {
        let err =
            eval(&[(field, value.clone())]).expect_err(&format!("{field}={value:?} accepted"));
        assert_eq!(err.field, field, "{value:?}");
        assert!(
            err.message.contains(message),
            "{field}={value:?}: «{}» lacks «{message}»",
            err.message
        );
    }
}

#[test]
fn fractional_money_is_fine_and_zero_counts_are_said() {
    let out = eval(&[("direct_loss_wan", num(999.99))]).unwrap();
    assert_eq!(out.grade.as_deref(), Some("一般"));
    let assumed: Vec<_> = out
        .assumed
        .iter()
        .map(|a| (a.id.as_str(), a.value.as_str()))
        .collect();
    assert!(assumed.contains(&("deaths", "0人")), "{assumed:?}");
    assert!(
        assumed.contains(&("beyond_county_capacity", "否")),
        "{assumed:?}"
    );
    assert!(!assumed.iter().any(|(id, _)| *id == "direct_loss_wan"));
}

#[test]
fn later_times_must_not_precede_the_incident() {
    let err = eval(&[
        ("incident_time", text("2026-11-23T15:00")),
        ("phone_report_time", text("2026-11-23T14:00")),
    ])
    .unwrap_err();
    assert_eq!(err.field, "phone_report_time");
    assert!(err.message.contains("早于事故发生时间"));
}

#[test]
fn unknown_plan_and_bad_now() {
    let err = yingji::evaluate_full("nowhere", &RawFacts::new(), NOW).unwrap_err();
    assert_eq!(err.field, "plan");
    assert!(err.message.contains("未知的预案“nowhere”"));
    let err = yingji::evaluate_full(PLAN, &RawFacts::new(), "tomorrow").unwrap_err();
    assert_eq!(err.field, "now");
    assert!(yingji::schema("nowhere").is_err());
}

#[test]
fn null_means_not_given() {
    let out = eval(&[("deaths", RawValue::Null), ("serious_injuries", num(10.0))]).unwrap();
    assert_eq!(out.grade.as_deref(), Some("较大"));
    assert!(out.assumed.iter().any(|a| a.id == "deaths"));
}

/// No shipped plan has a `series` fact or a required fact: a county's edited plan (imported, as the
/// page does) adds both, so those classes are covered through the same engine path.
#[test]
fn series_and_required_facts_of_an_edited_plan() {
    const SOURCE: &str = include_str!("../plans/jincheng/noncoal-mine.toml");
    let anchor = "[[facts]]\nid = \"missing\"";
    assert!(SOURCE.contains(anchor));
    let edited = SOURCE
        .replacen(
            anchor,
            "[[facts]]\nid = \"water_level\"\ntype = \"series\"\nunit = \"米\"\nlabel = \"水位读数\"\nhelp = \"逐时读数\"\ncite = { clause = \"1.5\", line = 1174 }\n\n[[facts]]\nid = \"missing\"\nrequired = true",
            1,
        );
    let mut session = yingji::api::Session::new();
    let id = session
        .import("county.toml", &edited)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .summary
        .id;
    let eval = |pairs: &[(&str, RawValue)]| {
        let facts: RawFacts = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        session.evaluate_full(&id, &facts, NOW)
    };
    let given = ("missing", num(0.0));
    use RawValue::*;
    let table: Vec<(&str, RawValue, &str)> = vec![
        (
            "water_level",
            text("1,2"),
            "“水位读数”应为数字列表,收到的是文字",
        ),
        ("water_level", num(3.0), "应为数字列表,收到的是数字"),
        (
            "water_level",
            List(vec![num(1.0), text("2")]),
            "“水位读数”第2项应为数字",
        ),
        ("water_level", List(vec![num(-1.0)]), "第1项必须是非负数"),
        (
            "water_level",
            List(vec![num(f64::NAN)]),
            "第1项必须是非负数",
        ),
        (
            "water_level",
            List(vec![num(1.0), num(f64::INFINITY)]),
            "第2项必须是非负数",
        ),
    ];
    for (field, value, message) in table {
        let err = eval(&[given.clone(), (field, value.clone())])
            .expect_err(&format!("{field}={value:?} accepted"));
        assert_eq!(err.field, field, "{value:?}");
        assert!(
            err.message.contains(message),
            "«{}» lacks «{message}»",
            err.message
        );
    }
    // A required fact left out, or given as null, is refused by name.
    for facts in [vec![], vec![("missing", Null)]] {
        let err = eval(&facts).unwrap_err();
        assert_eq!(err.field, "missing");
        assert!(
            err.message.contains("请填写“下落不明人数”:此项为必填"),
            "{}",
            err.message
        );
    }
    assert!(eval(&[
        given.clone(),
        ("water_level", List(vec![num(1.5), num(2.0)]))
    ])
    .is_ok());
}

/// Every fact type refuses every wrong JSON type (a value of each other kind), naming the field.
#[test]
fn every_type_refuses_every_other_type() {
    use RawValue::*;
    let object = || Other(serde_json::Map::new());
    let cases: Vec<(&str, Vec<RawValue>)> = vec![
        (
            "deaths",
            vec![Bool(false), text("1"), List(vec![num(1.0)]), object()],
        ),
        (
            "direct_loss_wan",
            vec![Bool(true), text("100"), List(vec![]), object()],
        ),
        (
            "beyond_county_capacity",
            vec![num(0.0), text("true"), List(vec![Bool(true)]), object()],
        ),
        (
            "may_become",
            vec![Bool(true), num(1.0), List(vec![]), object()],
        ),
        (
            "incident_time",
            vec![Bool(true), num(1.7e12), List(vec![]), object()],
        ),
    ];
    for (field, values) in cases {
        for value in values {
            let err =
                eval(&[(field, value.clone())]).expect_err(&format!("{field}={value:?} accepted"));
            assert_eq!(err.field, field, "{value:?}");
            assert!(
                err.message.contains("应为"),
                "{field}={value:?}: {}",
                err.message
            );
            assert!(
                err.message.contains("收到的是"),
                "{field}={value:?}: {}",
                err.message
            );
        }
    }
}

/// `number` facts (measured quantities): bounded by the fact's own min/max, negatives allowed where
/// the plan's range allows them, and a blank is unknown rather than 0.
#[test]
fn number_facts_are_bounded_and_blank_is_unknown() {
    let weather = |facts: &[(&str, RawValue)]| {
        let facts: RawFacts = facts
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        yingji::evaluate_full("ordos-meteorological-disaster", &facts, NOW)
    };
    let table: Vec<(&str, RawValue, &str)> = vec![
        ("rain_fc_area_pct", num(100.1), "应在0%至100%之间"),
        ("rain_fc_area_pct", num(-0.1), "应在0%至100%之间"),
        ("frost_ground_min_c", num(-60.5), "应在-60℃至50℃之间"),
        ("frost_ground_min_c", num(f64::NAN), "不是有效数字"),
        ("fog_visibility_m", text("500"), "应为数字,收到的是文字"),
        ("fog_duration_h", RawValue::Bool(true), "应为数字"),
    ];
    for (field, value, message) in table {
        let err = weather(&[(field, value.clone())]).expect_err(&format!("{field}={value:?}"));
        assert_eq!(err.field, field);
        assert!(err.message.contains(message), "{}", err.message);
    }
    // A negative temperature within the range is accepted.
    assert!(weather(&[("frost_ground_min_c", num(-12.5))]).is_ok());
    // A blank minimum temperature is not 0℃: the cold wave's "降至0℃以下" does not hold.
    let out = weather(&[
        ("cold_area_pct", num(90.0)),
        ("cold_drop_c", num(20.0)),
        ("cold_wind_level", num(7.0)),
    ])
    .unwrap();
    let cold = out
        .warnings
        .iter()
        .find(|w| w.hazard.as_deref() == Some("cold_wave"))
        .unwrap();
    assert_eq!(cold.id, None);
    assert!(!out.assumed.iter().any(|a| a.id == "cold_min_c"));
}

#[test]
fn a_time_before_the_time_it_follows_is_refused() {
    // 吕梁市医药储备调拨: loading cannot finish before the notice was issued (3.2(6), seed 004 L234).
    let facts: RawFacts = [
        ("notice_time", text("2026-11-23T12:00")),
        ("loading_done_time", text("2026-11-23T11:59")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let err = yingji::evaluate_full("lvliang-medical-reserve-allocation", &facts, NOW).unwrap_err();
    assert_eq!(err.field, "loading_done_time");
    assert!(
        err.message
            .contains("“装载完成时间”早于“调用通知单下达时间”"),
        "{}",
        err.message
    );
    // The same minute is accepted.
    let facts: RawFacts = [
        ("notice_time", text("2026-11-23T12:00")),
        ("loading_done_time", text("2026-11-23T12:00")),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert!(yingji::evaluate_full("lvliang-medical-reserve-allocation", &facts, NOW).is_ok());
}
