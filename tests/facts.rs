//! Bad input is refused with a Chinese message naming the field, never a panic or a silent default.

use yingji::engine::{RawFacts, RawValue};

const PLAN: &str = "jincheng-noncoal-mine";
const NOW: &str = "2026-11-23T16:00:00+08:00";

fn eval(facts: &[(&str, RawValue)]) -> Result<yingji::engine::Outcome, yingji::InputError> {
    let facts: RawFacts = facts
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    yingji::evaluate(PLAN, &facts, NOW)
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
        ("direct_loss_wan", num(2e12), "数值过大"),
        ("beyond_county_capacity", text("是"), "应为“是”或“否”"),
        ("beyond_county_capacity", num(1.0), "应为“是”或“否”"),
        ("may_become", text("maybe"), "没有选项“maybe”"),
        (
            "incident_time",
            text("昨天下午"),
            "无法识别的时间“昨天下午”",
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
    let err = yingji::evaluate("nowhere", &RawFacts::new(), NOW).unwrap_err();
    assert_eq!(err.field, "plan");
    assert!(err.message.contains("未知的预案“nowhere”"));
    let err = yingji::evaluate(PLAN, &RawFacts::new(), "tomorrow").unwrap_err();
    assert_eq!(err.field, "now");
    assert!(yingji::schema("nowhere").is_err());
}

#[test]
fn null_means_not_given() {
    let out = eval(&[("deaths", RawValue::Null), ("serious_injuries", num(10.0))]).unwrap();
    assert_eq!(out.grade.as_deref(), Some("较大"));
    assert!(out.assumed.iter().any(|a| a.id == "deaths"));
}
