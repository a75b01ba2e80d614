//! A damaged plan file is rejected with an error naming the file, the place and the problem. Each
//! case edits the real plan text once.

use yingji::plan::{load, PlanError};

const PLAN: &str = include_str!("../plans/jincheng/noncoal-mine.toml");
const FILE: &str = "county-edit.toml";

fn edited(from: &str, to: &str) -> Vec<PlanError> {
    assert!(PLAN.contains(from), "test edit does not apply: {from}");
    match load(FILE, &PLAN.replacen(from, to, 1)) {
        Ok(_) => panic!("edit accepted: {from} → {to}"),
        Err(errors) => errors,
    }
}

fn has(errors: &[PlanError], path: &str, problem: &str) -> bool {
    errors
        .iter()
        .any(|e| e.file == FILE && e.path.contains(path) && e.problem.contains(problem))
}

#[test]
fn the_real_plan_loads() {
    assert!(load(FILE, PLAN).is_ok());
}

#[test]
fn gap_between_bands() {
    let errors = edited(
        "min = 10\nmin_inclusive = true\nmax = 30",
        "min = 11\nmin_inclusive = true\nmax = 30",
    );
    assert!(
        has(&errors, "grading.axes[0](deaths)", "空档"),
        "{errors:?}"
    );
}

#[test]
fn overlap_between_bands() {
    let errors = edited(
        "max = 10\nmax_inclusive = false",
        "max = 10\nmax_inclusive = true",
    );
    assert!(
        has(&errors, "grading.axes[0](deaths)", "重叠"),
        "{errors:?}"
    );
}

#[test]
fn bound_without_inclusivity() {
    let errors = edited("min = 30\nmin_inclusive = true\n", "min = 30\n");
    assert!(has(&errors, "bands[0]", "min_inclusive"), "{errors:?}");
    // Every such bound is reported, each at its own band, with no default taken for any.
    let text = PLAN
        .replacen(
            "max = 10\nmax_inclusive = false\ntext = \"3人以上10人以下",
            "max = 10\ntext = \"3人以上10人以下",
            1,
        )
        .replacen(
            "max = 3\nmax_inclusive = false\n",
            "max_inclusive = false\n",
            1,
        );
    let errors = load(FILE, &text).expect_err("bounds without inclusivity");
    let shown: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.problem.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "grading.axes[0](deaths).bands[2]",
                "界限 max 没有写明是否含本数(max_inclusive = true 或 false):预案的“以上”“以下”是否含本数必须写明,不取默认"
            ),
            (
                "grading.axes[0](deaths).bands[3]",
                "写了 max_inclusive 却没有界限 max"
            ),
        ]
    );
}

#[test]
fn unknown_fact_reference() {
    let errors = edited(
        r#"facts = ["serious_injuries", "poisoned"]"#,
        r#"facts = ["serious_injuries", "poisonned"]"#,
    );
    assert!(
        has(&errors, "grading.axes[1]", "未定义的事实项“poisonned”"),
        "{errors:?}"
    );
    let errors = edited(
        r#"when = { yes = "beyond_city_capacity" }"#,
        r#"when = { yes = "beyond_province" }"#,
    );
    assert!(
        has(&errors, "response.rules[4](beyond-city)", "beyond_province"),
        "{errors:?}"
    );
}

#[test]
fn rule_without_citation_or_quote() {
    let errors = edited(r#"quote = "发生较大事故""#, r#"quote = """#);
    assert!(
        has(
            &errors,
            "response.rules[1](grade-larger).quote",
            "缺少原文引文"
        ),
        "{errors:?}"
    );
    let errors = edited(
        r#"cite = { clause = "4.2.2(1)", line = 1428 }
quote = "发生较大事故""#,
        r#"cite = { clause = "4.2.2(1)", line = 99 }
quote = "发生较大事故""#,
    );
    assert!(
        has(
            &errors,
            "response.rules[1](grade-larger).cite",
            "不在本预案原文范围"
        ),
        "{errors:?}"
    );
}

#[test]
fn level_no_rule_reaches() {
    let errors = edited(
        r#"level = "III"
when = { grade_in = ["一般"] }"#,
        r#"level = "II"
when = { grade_in = ["一般"] }"#,
    );
    assert!(
        has(
            &errors,
            "response.levels(III)",
            "没有任何规则能启动“Ⅲ级响应”"
        ),
        "{errors:?}"
    );
}

#[test]
fn grade_without_response() {
    let errors = edited(
        r#"when = { grade_in = ["特别重大", "重大"] }
text = "事故等级为重大以上"#,
        r#"when = { grade_in = ["重大"] }
text = "事故等级为重大以上"#,
    );
    assert!(
        has(
            &errors,
            "response.rules",
            "等级“特别重大”没有对应的响应级别规则"
        ),
        "{errors:?}"
    );
}

#[test]
fn unknown_level_and_choice_value() {
    let errors = edited(
        r#"level = "I"
when = { choice = { fact = "may_become", any_of = ["major"] } }"#,
        r#"level = "IV"
when = { choice = { fact = "may_become", any_of = ["huge"] } }"#,
    );
    assert!(
        has(&errors, "may-become-major", "未知的响应级别“IV”"),
        "{errors:?}"
    );
    assert!(
        has(&errors, "may-become-major", "没有选项“huge”"),
        "{errors:?}"
    );
}

#[test]
fn syntax_error_gives_line_and_column() {
    let errors = edited("[grading]\ncombine = \"max\"", "[grading]\ncombine = max");
    let line = PLAN.lines().position(|l| l == "combine = \"max\"").unwrap() + 1;
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].path.starts_with(&format!("第{line}行")),
        "{errors:?}"
    );
    assert!(errors[0].problem.starts_with("无法解析"), "{errors:?}");
}

#[test]
fn unknown_key_is_rejected() {
    let errors = edited(
        "[grading]\ncombine = \"max\"",
        "[grading]\ncombine = \"max\"\ncombin = \"min\"",
    );
    assert!(errors[0].problem.contains("combin"), "{errors:?}");
}

#[test]
fn amount_condition_needs_inclusivity_and_count_facts() {
    // A bound without its inclusivity is refused while the file is read: no default is taken.
    let errors = edited(
        r#"when = { yes = "beyond_city_capacity" }"#,
        r#"when = { amount = { facts = ["trapped"], min = 3 } }"#,
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "response.rules[4](beyond-city).when.amount");
    assert!(
        errors[0]
            .problem
            .starts_with("界限 min 没有写明是否含本数(min_inclusive"),
        "{errors:?}"
    );
    let errors = edited(
        r#"when = { yes = "beyond_city_capacity" }"#,
        r#"when = { amount = { facts = ["trapped"], max_inclusive = true } }"#,
    );
    assert!(
        has(
            &errors,
            "beyond-city).when.amount",
            "写了 max_inclusive 却没有界限 max"
        ),
        "{errors:?}"
    );
    let errors = edited(
        r#"when = { yes = "beyond_city_capacity" }"#,
        r#"when = { amount = { facts = ["trapped", "incident_time"], min = 3, min_inclusive = true } }"#,
    );
    assert!(
        has(
            &errors,
            "response.rules[4](beyond-city)",
            "“incident_time”的类型不适用"
        ),
        "{errors:?}"
    );
}

/// A numeric response trigger (涉险、被困人数 3人(包括3人)以上 → a level) works on both sides of its bound.
#[test]
fn amount_condition_raises_the_level_at_its_inclusive_bound() {
    let text = PLAN.replacen(
        r#"when = { yes = "beyond_city_capacity" }"#,
        r#"when = { amount = { facts = ["trapped", "missing"], min = 3, min_inclusive = true } }"#,
        1,
    );
    let plan = load(FILE, &text).expect("edited plan loads");
    let now = yingji::api::parse_now("2026-11-23T16:00:00+08:00").unwrap();
    let level = |trapped: f64, missing: f64| {
        // One death: a 一般 base grade (with no harm at all nothing is graded), raised by the trigger.
        let raw: yingji::engine::RawFacts = [
            ("deaths".to_string(), yingji::engine::RawValue::Number(1.0)),
            (
                "trapped".to_string(),
                yingji::engine::RawValue::Number(trapped),
            ),
            (
                "missing".to_string(),
                yingji::engine::RawValue::Number(missing),
            ),
        ]
        .into();
        let facts = yingji::engine::Facts::parse(&plan, &raw, now).unwrap();
        yingji::engine::evaluate(&plan, &facts, now)
            .response
            .unwrap()
            .id
    };
    assert_eq!(level(2.0, 0.0), "III");
    assert_eq!(level(2.0, 1.0), "I");
    assert_eq!(level(3.0, 0.0), "I");
}

/// The weather plan: computed warning levels per hazard, the multi-hazard kind, number facts and
/// seasonal windows.
const WEATHER: &str = include_str!("../plans/ordos/meteorological-disaster.toml");
const WEATHER_FILE: &str = "county-weather.toml";

fn weather_edited(from: &str, to: &str) -> Vec<PlanError> {
    assert!(WEATHER.contains(from), "test edit does not apply: {from}");
    match load(WEATHER_FILE, &WEATHER.replacen(from, to, 1)) {
        Ok(_) => panic!("edit accepted: {from} → {to}"),
        Err(errors) => errors,
    }
}

const SUPPORT: &str = include_str!("../plans/lvliang/medical-reserve-allocation.toml");

fn support_edited(from: &str, to: &str) -> Vec<PlanError> {
    assert!(SUPPORT.contains(from), "test edit does not apply: {from}");
    match load(FILE, &SUPPORT.replacen(from, to, 1)) {
        Ok(_) => panic!("edit accepted: {from} → {to}"),
        Err(errors) => errors,
    }
}

const POLLUTION: &str = include_str!("../plans/lvliang/heavy-pollution-weather.toml");

fn pollution_edited(from: &str, to: &str) -> Vec<PlanError> {
    assert!(POLLUTION.contains(from), "test edit does not apply: {from}");
    match load(FILE, &POLLUTION.replacen(from, to, 1)) {
        Ok(_) => panic!("edit accepted: {from} → {to}"),
        Err(errors) => errors,
    }
}

fn weather_has(errors: &[PlanError], path: &str, problem: &str) -> bool {
    errors
        .iter()
        .any(|e| e.file == WEATHER_FILE && e.path.contains(path) && e.problem.contains(problem))
}

#[test]
fn the_weather_plan_loads() {
    assert!(load(WEATHER_FILE, WEATHER).is_ok());
}

#[test]
fn hazard_rule_with_unknown_level_or_a_level_condition() {
    let errors = weather_edited(
        "id = \"rain-IV-forecast\"\nlevel = \"IV\"",
        "id = \"rain-IV-forecast\"\nlevel = \"V\"",
    );
    assert!(
        weather_has(
            &errors,
            "hazards[1](rainstorm).rules[0](rain-IV-forecast)",
            "未知的预警级别“V”"
        ),
        "{errors:?}"
    );
    // A hazard's level rests on facts only, never on another hazard's level or the response.
    let errors = weather_edited(
        "when = { all = [{ amount = { facts = [\"rain_fc_area_pct\"], min = 40.0, min_inclusive = true } }",
        "when = { all = [{ hazard_at = { levels = [\"I\"] } }, { amount = { facts = [\"rain_fc_area_pct\"], min = 40.0, min_inclusive = true } }",
    );
    assert!(
        weather_has(
            &errors,
            "hazards[1](rainstorm).rules[0](rain-IV-forecast)",
            "hazard_at 引用的灾种预警级别在“计算灾种预警级别”这一步才得出,而灾种预警级别规则(hazards.rules)在“计算灾种预警级别”这一步判断"
        ),
        "{errors:?}"
    );
    let errors = weather_edited(
        "when = { all = [{ amount = { facts = [\"rain_fc_area_pct\"], min = 40.0, min_inclusive = true } }",
        "when = { all = [{ level_in = [\"I\"] }, { amount = { facts = [\"rain_fc_area_pct\"], min = 40.0, min_inclusive = true } }",
    );
    assert!(
        weather_has(
            &errors,
            "rain-IV-forecast",
            "level_in 引用的响应级别在“确定响应级别”这一步才得出"
        ),
        "{errors:?}"
    );
}

#[test]
fn multi_hazard_condition_must_be_possible() {
    // A named hazard is one hazard: min = 2 on it can never hold.
    let errors = weather_edited(
        "{ hazard_at = { levels = [\"I\", \"II\", \"III\", \"IV\"], min = 2 } }",
        "{ hazard_at = { hazard = \"gale\", levels = [\"I\", \"II\", \"III\", \"IV\"], min = 2 } }",
    );
    assert!(
        weather_has(&errors, "response.rules", "min 只能为1"),
        "{errors:?}"
    );
    let errors = weather_edited(
        "{ hazard_at = { levels = [\"I\", \"II\", \"III\", \"IV\"], min = 2 } }",
        "{ hazard_at = { levels = [\"I\", \"II\", \"III\", \"IV\"], min = 10 } }",
    );
    assert!(
        weather_has(&errors, "response.rules", "只有9个灾种"),
        "{errors:?}"
    );
}

#[test]
fn number_fact_needs_its_range_and_season_days_must_exist() {
    let errors = weather_edited("min = 0.0\nmax = 100.0\n", "");
    assert!(
        weather_has(&errors, "facts[1](drought_area_pct)", "min 和 max"),
        "{errors:?}"
    );
    let errors = weather_edited("min = -60.0\nmax = 50.0\n", "min = 50.0\nmax = -60.0\n");
    assert!(
        weather_has(&errors, "frost_ground_min_c", "小于 max"),
        "{errors:?}"
    );
    let errors = weather_edited("to = \"05-31\"", "to = \"05-32\"");
    assert!(
        weather_has(&errors, "frost-IV-spring", "“05-32”不是有效的月-日"),
        "{errors:?}"
    );
}

#[test]
fn the_pollution_plan_loads() {
    assert!(load(FILE, POLLUTION).is_ok());
}

#[test]
fn series_run_needs_a_series_fact_and_stated_inclusivity() {
    let yellow = "{ fact = \"aqi\", min = 200, min_inclusive = false, min_run = 2, min_run_inclusive = true }";
    let errors = pollution_edited(
        yellow,
        "{ fact = \"so2_criterion\", min = 200, min_inclusive = false, min_run = 2, min_run_inclusive = true }",
    );
    assert!(
        has(&errors, "hazards[0](pollution).rules[0]", "类型不适用"),
        "{errors:?}"
    );
    let errors = pollution_edited(
        yellow,
        "{ fact = \"aqi\", min = 200, min_run = 2, min_run_inclusive = true }",
    );
    assert!(has(&errors, "rules[0]", "min_inclusive"), "{errors:?}");
    let errors = pollution_edited(
        yellow,
        "{ fact = \"aqi\", min = 200, min_inclusive = false, min_run = 2 }",
    );
    assert!(has(&errors, "rules[0]", "min_run_inclusive"), "{errors:?}");
    let errors = pollution_edited(
        yellow,
        "{ fact = \"aqi\", min = 200, min_inclusive = false, min_run = 2, min_run_inclusive = true, containing = { fact = \"so2\", min = 300, min_inclusive = false, min_run = 1, min_run_inclusive = true } }",
    );
    assert!(has(&errors, ").containing", "同一事实项"), "{errors:?}");
}

#[test]
fn by_clock_must_be_a_clock_time() {
    let errors = pollution_edited("by_clock = \"12:00\"", "by_clock = \"12点\"");
    assert!(
        has(&errors, "reporting[1](consult-opinion-noon)", "HH:MM"),
        "{errors:?}"
    );
    let errors = pollution_edited(
        "by_clock = \"12:00\"",
        "by_clock = \"12:00\"\nwithin_minutes = 60",
    );
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "reporting[1](consult-opinion-noon)");
    assert!(errors[0].problem.contains("只能写一个"), "{errors:?}");
}

#[test]
fn table_from_another_document_names_it() {
    let errors = pollution_edited("source_file = \"002_0bfa9b600ed86ad0.txt\"\n", "");
    assert!(has(&errors, "tables[1]", "source_document"), "{errors:?}");
}

#[test]
fn a_plan_without_grades_or_levels_loads() {
    let plan = load(FILE, SUPPORT).expect("support plan loads");
    assert!(plan.grades.is_empty() && plan.response.levels.is_empty());
}

#[test]
fn a_clock_with_two_limits_or_a_bad_day_count() {
    let errors = support_edited(
        "within_days = 5\n",
        "within_days = 5\nwithin_minutes = 60\n",
    );
    assert!(has(&errors, "reporting[", "只能写一个"), "{errors:?}");
    let errors = support_edited("within_working_days = 1\n", "within_working_days = 0\n");
    assert!(
        has(
            &errors,
            "reporting[2](review-working-day)",
            "within_working_days 必须在1到260之间"
        ),
        "{errors:?}"
    );
}

#[test]
fn activation_only_for_plans_without_grades_and_levels() {
    let errors = edited(
        "[finder]",
        "[activation]\nname = \"x\"\nsummary = \"x\"\nwhen = \"always\"\nwaiting = \"x\"\nproposes = \"x\"\nstarts = \"x\"\ncommands = \"x\"\ncite = { clause = \"1\", line = 3100 }\nquote = \"x\"\n\n[finder]",
    );
    assert!(has(&errors, "activation", "支持性预案"), "{errors:?}");
    let errors = support_edited(
        "when = { given = \"request_time\" }\nwaiting",
        "when = { given = \"request_tim\" }\nwaiting",
    );
    assert!(has(&errors, "activation.when", "request_tim"), "{errors:?}");
}

#[test]
fn not_before_names_a_time_fact() {
    let errors = support_edited(
        "not_before = \"request_time\"",
        "not_before = \"incident_grade\"",
    );
    assert!(
        has(
            &errors,
            "facts[5](notice_time).not_before",
            "incident_grade"
        ),
        "{errors:?}"
    );
}

/// The issue's case: a county adds a grading flag to the 非煤矿山 plan. Flags are judged before any
/// grade exists (`Phase::Criteria` < `Phase::Grade`), so a flag on the grade can never fire.
fn with_flag(when: &str) -> String {
    let at = "[grading]\ncombine = \"max\"\n";
    assert!(PLAN.contains(at), "test edit does not apply: {at}");
    PLAN.replacen(
        at,
        &format!(
            "{at}\n[[grading.flags]]\nid = \"county-flag\"\ngrade = \"特别重大\"\nwhen = {when}\ntext = \"县里加的标准\"\ncite = {{ clause = \"1.4\", line = 1174 }}\nquote = \"特别重大事故\"\n"
        ),
        1,
    )
}

#[test]
fn a_grading_flag_on_the_grade_is_refused() {
    // The same flag on a fact loads: what is refused is the reference, not the flag.
    assert!(load(FILE, &with_flag(r#"{ yes = "beyond_county_capacity" }"#)).is_ok());
    let text = with_flag(r#"{ grade_in = ["特别重大"] }"#);
    let errors = load(FILE, &text).expect_err("a flag on the grade is refused");
    assert_eq!(
        errors,
        vec![PlanError {
            file: FILE.to_string(),
            path: "grading.flags[0](county-flag)".to_string(),
            problem: "grade_in 引用的事故等级在“确定事故等级”这一步才得出,而分级判断标准(grading.flags)在“逐项判断分级标准”这一步判断,其时事故等级尚未得出:此条件在这里永远不能按原意成立".to_string(),
        }]
    );
    // Why: read without validation, the flag never fires, even when the grade it names is reached.
    let plan: yingji::plan::Plan = toml::from_str(&text).unwrap();
    let now = yingji::api::parse_now("2026-11-23T16:00:00+08:00").unwrap();
    let raw: yingji::engine::RawFacts =
        [("deaths".to_string(), yingji::engine::RawValue::Number(30.0))].into();
    let facts = yingji::engine::Facts::parse(&plan, &raw, now).unwrap();
    let outcome = yingji::engine::evaluate(&plan, &facts, now);
    assert_eq!(outcome.grade.as_deref(), Some("特别重大"));
    let flag = outcome
        .criteria
        .iter()
        .find(|c| c.id == "county-flag")
        .unwrap();
    assert_eq!(flag.grade, None);
}

/// One case per kind of reference a flag cannot see, and a response rule on its own level.
#[test]
fn conditions_on_later_phases_are_refused_where_they_sit() {
    for (when, key, what) in [
        ("\"no_grade\"", "no_grade", "事故等级在“确定事故等级”"),
        (
            r#"{ level_in = ["I"] }"#,
            "level_in",
            "响应级别在“确定响应级别”",
        ),
        (
            r#"{ any = [{ yes = "beyond_county_capacity" }, { not = { hazard_at = { levels = ["I"] } } }] }"#,
            "hazard_at",
            "灾种预警级别在“计算灾种预警级别”",
        ),
    ] {
        let errors = load(FILE, &with_flag(when)).expect_err(when);
        assert!(
            has(
                &errors,
                "grading.flags[0](county-flag)",
                &format!("{key} 引用的{what}这一步才得出,而分级判断标准(grading.flags)")
            ),
            "{when}: {errors:?}"
        );
    }
    let errors = edited(
        r#"when = { yes = "beyond_city_capacity" }"#,
        r#"when = { level_in = ["II"] }"#,
    );
    assert!(
        has(
            &errors,
            "response.rules[4](beyond-city)",
            "level_in 引用的响应级别在“确定响应级别”这一步才得出,而响应级别规则(response.rules)在“确定响应级别”这一步判断"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_file_for_another_format_is_refused() {
    let at = "[plan]\n";
    assert!(PLAN.contains(at));
    assert!(load(FILE, &PLAN.replacen(at, "[plan]\nformat = 1\n", 1)).is_ok());
    // Refused before anything else is read: a newer format may hold keys this build does not know.
    let newer = PLAN.replacen(at, "[plan]\nformat = 2\nnew_key = true\n", 1);
    let errors = load(FILE, &newer).expect_err("format 2 is refused");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "plan.format");
    assert!(
        errors[0]
            .problem
            .starts_with("预案文件格式版本2不是本程序支持的版本1"),
        "{errors:?}"
    );
}

#[test]
fn enumerations_name_what_is_allowed() {
    let errors = edited("kind = \"interpretation\"", "kind = \"opinion\"");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].path.starts_with("notes["), "{errors:?}");
    assert!(
        errors[0]
            .problem
            .starts_with("未知的取值“opinion”(只能是: interpretation / damage / ambiguity / gap)"),
        "{errors:?}"
    );
    let errors = edited("combine = \"max\"", "combine = \"sum\"");
    assert_eq!(errors[0].path, "grading.combine", "{errors:?}");
    assert!(errors[0].problem.contains("未知的取值“sum”"), "{errors:?}");
    let errors = edited("[grading]\ncombine = \"max\"\n", "[grading]\n");
    assert!(
        has(&errors, "grading.combine", "combine = \"max\""),
        "{errors:?}"
    );
}

#[test]
fn reader_errors_in_english_come_after_a_chinese_explanation() {
    // A syntax error: the explanation, then the TOML reader's own words.
    let errors = edited("[grading]\ncombine = \"max\"", "[grading]\ncombine = max");
    assert!(
        errors[0].problem.starts_with(
            "无法解析:TOML 语法有误(常见原因:文字没有加英文双引号、括号或引号不配对、同一个键写了两次)。解析器原文:"
        ),
        "{errors:?}"
    );
    // A value of the wrong type at a known key: the key path, then a Chinese sentence first.
    let errors = edited("[grading]\ncombine = \"max\"", "[grading]\ncombine = 3");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]
            .problem
            .starts_with("取值不符合预案文件格式。解析器原文:"),
        "{errors:?}"
    );
    // A message the model writes in Chinese is shown as it is, without the prefix.
    let errors = edited(
        "[grading]\ncombine = \"max\"",
        "[grading]\ncombine = \"min\"",
    );
    assert!(!errors[0].problem.contains("解析器原文"), "{errors:?}");
}
