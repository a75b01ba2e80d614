//! The plan finder: an incident description routes to the plans that apply, says which plans yield
//! or exclude it, and why.

use yingji::finder::Candidate;

fn find(text: &str, city: Option<&str>) -> Vec<Candidate> {
    yingji::find(text, city).expect("plans load")
}

fn status<'a>(found: &'a [Candidate], id: &str) -> Option<&'a str> {
    found
        .iter()
        .find(|c| c.plan.id == id)
        .map(|c| c.status.as_str())
}

#[test]
fn a_description_finds_its_plan() {
    for (text, id) in [
        ("液氯泄漏", "jincheng-hazardous-chemicals"),
        ("尾矿库溃坝", "jincheng-noncoal-mine"),
        ("尾矿", "jincheng-noncoal-mine"),
        ("钢铁厂高炉煤气中毒", "jincheng-metallurgy-industry-trade"),
        ("村民沼气池爆炸", "jincheng-rural-biogas"),
        ("煤层气井井喷", "jincheng-cbm-surface-extraction"),
        ("油库储罐着火", "jincheng-oil-gas-storage"),
    ] {
        let found = find(text, Some("晋城市"));
        assert_eq!(
            found.first().map(|c| c.plan.id.as_str()),
            Some(id),
            "{text}: {found:#?}"
        );
        assert_eq!(found[0].status, "applies");
        assert!(!found[0].matched.is_empty(), "{text}");
        assert!(
            found[0].reason.contains(&found[0].matched[0]),
            "{text}: the reason names the matched word"
        );
    }
}

#[test]
fn an_incident_touching_several_plans_shows_each() {
    let found = find("化工厂液氯储罐泄漏", Some("晋城市"));
    assert_eq!(
        status(&found, "jincheng-hazardous-chemicals"),
        Some("applies")
    );
    assert_eq!(status(&found, "jincheng-oil-gas-storage"), Some("applies"));
}

#[test]
fn an_exclusion_routes_to_the_plan_that_applies_and_says_why() {
    // 危险化学品 plan 1.4: "(石油天然气、煤层气储运事故除外)".
    let found = find("危化品 天然气储存站泄漏", None);
    let hazmat = found
        .iter()
        .find(|c| c.plan.id == "jincheng-hazardous-chemicals")
        .unwrap();
    assert_eq!(hazmat.status, "excluded");
    assert_eq!(hazmat.go_to.as_deref(), Some("jincheng-oil-gas-storage"));
    assert!(hazmat.quote.contains("储运事故除外"));
    assert_eq!(hazmat.cite.as_ref().unwrap().line, 3120);
    assert_eq!(status(&found, "jincheng-oil-gas-storage"), Some("applies"));
    assert_eq!(
        found[0].status, "applies",
        "applicable plans are listed first"
    );

    // Road transport of hazmat goes to a plan that is not embedded: said, with no plan to switch to.
    let found = find("危险化学品槽罐车侧翻泄漏", None);
    let hazmat = found
        .iter()
        .find(|c| c.plan.id == "jincheng-hazardous-chemicals")
        .unwrap();
    assert_eq!(hazmat.status, "excluded");
    assert_eq!(hazmat.go_to, None);
    assert!(hazmat.reason.contains("《晋城市道路交通安全应急预案》"));
}

#[test]
fn city_filter_and_no_match() {
    assert!(find("液氯泄漏", Some("吕梁市"))
        .iter()
        .all(|c| c.plan.city == "吕梁市"));
    assert!(find("月球陨石撞击", None).is_empty());
    // No words: every plan of the city, to pick by incident type.
    let all = find("", Some("晋城市"));
    assert_eq!(
        all.iter().filter(|c| c.plan.city == "晋城市").count(),
        all.len()
    );
    assert!(all.len() >= 6);
    assert!(all.iter().all(|c| !c.incident_type.is_empty()));
}

#[test]
fn the_ordos_general_plan_yields_to_its_sector_plans() {
    // 17号: "市有关专项应急预案另有规定的,从其规定"; 工贸 and 非煤矿山 have their own plans.
    let found = find("冶金厂高炉煤气中毒", Some("鄂尔多斯市"));
    let general = found
        .iter()
        .find(|c| c.plan.id == "ordos-production-safety")
        .expect("general plan listed");
    assert_ne!(general.status, "applies");
    assert_eq!(general.go_to.as_deref(), Some("ordos-industry-trade"));
    assert!(
        general
            .cite
            .as_ref()
            .is_some_and(|c| c.line == 19 && c.chars.is_some()),
        "cited by line and character"
    );
    assert_eq!(found[0].plan.id, "ordos-industry-trade");
    assert_eq!(found[0].status, "applies");

    let found = find("铁矿尾矿库溃坝", Some("鄂尔多斯市"));
    assert_eq!(found[0].plan.id, "ordos-noncoal-mine", "{found:#?}");
    assert_eq!(
        status(&found, "ordos-production-safety").map(|s| s != "applies"),
        Some(true)
    );

    // Anything else in production safety stays with the general plan.
    let found = find("建筑施工坍塌", Some("鄂尔多斯市"));
    assert_eq!(found[0].plan.id, "ordos-production-safety");
    assert_eq!(found[0].status, "applies");
}

#[test]
fn special_equipment_and_food_safety_are_found() {
    assert_eq!(
        find("电梯困人", None)[0].plan.id,
        "lvliang-special-equipment"
    );
    assert_eq!(
        find("学校食堂食物中毒", None)[0].plan.id,
        "lvliang-food-safety"
    );
}

#[test]
fn a_request_for_medicines_finds_the_reserve_allocation_plan() {
    for text in [
        "医药储备",
        "急需调拨一批药品",
        "调拨消杀用品和防护用品",
        "请求动用市级药品储备",
    ] {
        let found = find(text, Some("吕梁市"));
        assert_eq!(
            status(&found, "lvliang-medical-reserve-allocation"),
            Some("applies"),
            "{text}: {found:#?}"
        );
    }
    // Words from other incidents do not propose it.
    let found = find("电梯困人", Some("吕梁市"));
    assert_eq!(status(&found, "lvliang-medical-reserve-allocation"), None);
}

#[test]
fn a_boundary_word_is_read_as_a_boundary() {
    // 煤层气地面开采 1.4 (L3919–3921): «煤层气开采(一级加压站及以内)». Beyond the station the plan
    // does not apply: its exclusion decides, with its citation, and 一级加压站 is no reason to apply.
    for text in [
        "一级加压站下游的煤层气长输管道泄漏",
        "一级加压站以外的管道泄漏",
    ] {
        let found = find(text, Some("晋城市"));
        let cbm = found
            .iter()
            .find(|c| c.plan.id == "jincheng-cbm-surface-extraction")
            .unwrap_or_else(|| panic!("{text}: the exclusion is shown: {found:#?}"));
        assert_eq!(cbm.status, "excluded", "{text}");
        assert!(cbm.matched.is_empty(), "{text}: {:?}", cbm.matched);
        assert_eq!(cbm.cite.as_ref().map(|c| c.line), Some(3919));
        assert!(cbm.quote.contains("一级加压站及以内"));
    }
    // Inside the boundary (以内, 上游: towards the wells) the plan applies, for the station's word.
    for text in ["一级加压站以内的集气管线泄漏", "一级加压站上游管线泄漏着火"]
    {
        let found = find(text, Some("晋城"));
        assert_eq!(
            status(&found, "jincheng-cbm-surface-extraction"),
            Some("applies"),
            "{text}: {found:#?}"
        );
        let cbm = &found[0];
        assert_eq!(cbm.plan.id, "jincheng-cbm-surface-extraction");
        assert!(cbm.matched.contains(&"一级加压站".to_string()), "{text}");
    }
}

#[test]
fn every_exclusion_carries_its_keywords() {
    for plan in yingji::plan::registry().expect("plans load") {
        for x in &plan.exclusions {
            assert!(
                x.keywords.iter().any(|k| !k.trim().is_empty()),
                "{}: exclusion “{}” has no keywords",
                plan.plan.id,
                x.text
            );
        }
    }
    // And the validator refuses one without.
    let text = include_str!("../plans/jincheng/cbm-surface-extraction.toml");
    let from = text
        .lines()
        .find(|l| l.starts_with("keywords = [\"一级加压站以外\""))
        .expect("the exclusion's keywords");
    let errors = yingji::plan::load("edit.toml", &text.replacen(from, "keywords = []", 1))
        .expect_err("an exclusion without keywords is refused");
    assert!(
        errors
            .iter()
            .any(|e| e.path.starts_with("exclusions[0]") && e.problem.contains("关键词")),
        "{errors:?}"
    );
    let errors = yingji::plan::load("edit.toml", &text.replacen(&format!("{from}\n"), "", 1))
        .expect_err("an exclusion with no keywords key is refused");
    assert!(
        errors.iter().any(|e| e.problem.contains("关键词")),
        "{errors:?}"
    );
}

#[test]
fn a_city_is_found_with_or_without_shi() {
    for city in ["晋城", "晋城市", " 晋城 "] {
        let found = find("液氯泄漏", Some(city));
        assert_eq!(
            found.first().map(|c| c.plan.id.as_str()),
            Some("jincheng-hazardous-chemicals"),
            "{city}"
        );
        assert!(found.iter().all(|c| c.plan.city == "晋城市"), "{city}");
    }
    assert_eq!(
        find("", Some("鄂尔多斯")).len(),
        find("", Some("鄂尔多斯市")).len()
    );
    assert!(
        find("", Some("晋")).is_empty(),
        "a part of a name is no city"
    );
}

#[test]
fn common_words_find_their_plans() {
    // Issue 15 item 7: words a duty officer uses that are not the plans' own terms.
    for (text, city, id) in [
        ("大雪", "鄂尔多斯", "ordos-meteorological-disaster"),
        ("雪灾", "鄂尔多斯市", "ordos-meteorological-disaster"),
        ("暴风雪封路", "鄂尔多斯", "ordos-meteorological-disaster"),
        ("冒顶", "晋城", "jincheng-noncoal-mine"),
        ("冒顶", "鄂尔多斯", "ordos-noncoal-mine"),
        ("顶板", "晋城", "jincheng-noncoal-mine"),
        ("铁矿 冒顶", "晋城", "jincheng-noncoal-mine"),
        ("铁矿 冒顶", "鄂尔多斯", "ordos-noncoal-mine"),
        ("井下透水", "晋城", "jincheng-noncoal-mine"),
        ("尾矿库溃坝", "鄂尔多斯", "ordos-noncoal-mine"),
        ("建筑工地坍塌", "鄂尔多斯", "ordos-production-safety"),
        ("建筑施工坍塌", "鄂尔多斯", "ordos-production-safety"),
        ("商场自动扶梯伤人", "吕梁", "lvliang-special-equipment"),
    ] {
        let found = find(text, Some(city));
        assert_eq!(
            found
                .first()
                .map(|c| (c.plan.id.as_str(), c.status.as_str())),
            Some((id, "applies")),
            "{text} ({city}): {found:#?}"
        );
    }
    // 铁矿 goes to the 非煤矿山 plan, not the general one: it yields, citing its clause.
    let found = find("铁矿 冒顶", Some("鄂尔多斯"));
    assert_ne!(status(&found, "ordos-production-safety"), Some("applies"));
    // A snowfall is no mine accident and no 晋城 plan covers it.
    assert!(find("大雪", Some("晋城")).is_empty());
    assert_eq!(status(&find("大雪", None), "jincheng-noncoal-mine"), None);
}

#[test]
fn a_coal_mine_is_no_noncoal_mine() {
    // "顶板" is a mine word, but a 煤矿 is outside both 非煤矿山 plans: their scope excludes it.
    for (city, general) in [
        ("晋城", None),
        ("鄂尔多斯", Some("ordos-production-safety")),
    ] {
        let found = find("煤矿顶板事故", Some(city));
        for c in found.iter().filter(|c| c.plan.id.ends_with("noncoal-mine")) {
            assert_eq!(c.status, "excluded", "{city}: {found:#?}");
            assert!(c.quote.contains("非煤矿山"));
            assert_eq!(c.go_to.as_deref(), general);
        }
        assert!(found.iter().any(|c| c.plan.id.ends_with("noncoal-mine")));
        // 非煤矿山 is no 煤矿: the same words with 非 find the plan.
        let found = find("非煤矿山顶板事故", Some(city));
        assert_eq!(found[0].status, "applies", "{city}: {found:#?}");
        assert!(found[0].plan.id.ends_with("noncoal-mine"));
    }
    let found = find("煤矿顶板事故", Some("鄂尔多斯"));
    assert_eq!(found[0].plan.id, "ordos-production-safety");
    assert_eq!(found[0].status, "applies");
}
