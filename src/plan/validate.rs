//! Checks a parsed plan: references resolve, numeric bands tile the line, every rule is cited, every
//! level and grade is reachable. Problems are `(key path, Chinese message)`.

use std::collections::BTreeSet;

use super::model::*;
use super::phase::{unseen, Site};
use super::version::format_problem;

type Problems = Vec<(String, String)>;

pub fn validate(plan: &Plan) -> Problems {
    let mut v = Validator {
        plan,
        problems: Vec::new(),
    };
    v.meta();
    v.facts();
    v.grading();
    v.response();
    v.reporting();
    v.activation();
    v.checks();
    v.applicability();
    v.recovery();
    v.clock_starts();
    v.rest();
    v.problems
}

struct Validator<'a> {
    plan: &'a Plan,
    problems: Problems,
}

impl<'a> Validator<'a> {
    fn err(&mut self, path: impl Into<String>, problem: impl Into<String>) {
        self.problems.push((path.into(), problem.into()));
    }

    fn fact(&self, id: &str) -> Option<&'a FactDef> {
        self.plan.facts.iter().find(|f| f.id == id)
    }

    fn meta(&mut self) {
        let m = &self.plan.plan;
        let id_ok = !m.id.is_empty()
            && m.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            self.err(
                "plan.id",
                format!("预案id“{}”只能由小写字母、数字和“-”组成", m.id),
            );
        }
        if chrono::NaiveDate::parse_from_str(&m.date, "%Y-%m-%d").is_err() {
            self.err("plan.date", format!("日期“{}”不是YYYY-MM-DD格式", m.date));
        }
        if let Some(problem) = format_problem(m.format) {
            self.err("plan.format", problem);
        }
        if m.lines[0] == 0 || m.lines[0] > m.lines[1] {
            self.err("plan.lines", "起止行号无效");
        }
        if let Some(b) = &self.plan.bounds_clause {
            self.rule("bounds_clause", &b.cite, &b.quote);
        }
        let scope = &self.plan.scope;
        self.rule("scope", &scope.cite, &scope.quote);
        if let Some(f) = &self.plan.finder {
            if f.incident_type.trim().is_empty() || f.keywords.is_empty() {
                self.err(
                    "finder",
                    "查找预案需要事故类型(incident_type)和关键词(keywords)",
                );
            }
            for (i, d) in f.defers.iter().enumerate() {
                let path = format!("finder.defers[{i}]({})", d.plan);
                self.rule(&path, &d.cite, &d.quote);
                if d.keywords.is_empty() || d.reason.trim().is_empty() {
                    self.err(&path, "让位规则需要关键词(keywords)和理由(reason)");
                }
            }
        }
        for (i, x) in self.plan.exclusions.iter().enumerate() {
            let path = format!("exclusions[{i}]");
            self.rule(&path, &x.cite, &x.quote);
            if x.instead.trim().is_empty() {
                self.err(&path, "排除情形必须写明改用哪个预案(instead)");
            }
            // An exclusion the finder cannot recognise would let a boundary word of the scope
            // ("一级加压站") send the excluded incident to this plan (issue 16 item 7).
            if x.keywords.iter().all(|k| k.trim().is_empty()) {
                self.err(
                    &path,
                    "排除情形必须列出关键词(keywords),查找预案时才能识别被排除的事故",
                );
            }
        }
    }

    /// A rule must be cited inside the plan's own lines and quote the plan.
    fn rule(&mut self, path: &str, cite: &Cite, quote: &str) {
        self.cite(path, cite);
        if quote.trim().is_empty() {
            self.err(format!("{path}.quote"), "缺少原文引文");
        }
    }

    fn cite(&mut self, path: &str, cite: &Cite) {
        let [first, last] = self.plan.plan.lines;
        if cite.clause.trim().is_empty() {
            self.err(format!("{path}.cite"), "引用缺少条款号");
        }
        if cite.line < first || cite.line > last {
            self.err(
                format!("{path}.cite"),
                format!("引用行号{}不在本预案原文范围{first}–{last}内", cite.line),
            );
        }
        if let Some(end) = cite.line_end {
            if end < cite.line || end > last {
                self.err(format!("{path}.cite"), format!("引用结束行号{end}无效"));
            }
        }
        if let Some([a, b]) = cite.chars {
            if a > b {
                self.err(format!("{path}.cite"), "引用字符范围起点大于终点");
            }
        }
    }

    fn facts(&mut self) {
        let mut seen = BTreeSet::new();
        for (i, f) in self.plan.facts.iter().enumerate() {
            let path = format!("facts[{i}]({})", f.id);
            let id_ok = !f.id.is_empty()
                && f.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !id_ok {
                self.err(&path, "事实项id只能由小写字母、数字和“_”组成");
            }
            if f.id == "now" {
                self.err(&path, "“now”是保留的事实项id(当前时间)");
            }
            if !seen.insert(f.id.as_str()) {
                self.err(&path, format!("事实项id“{}”重复", f.id));
            }
            if f.label.trim().is_empty() {
                self.err(&path, "缺少中文标签(label)");
            }
            match (f.kind, f.options.is_empty()) {
                (FactType::Choice, true) => self.err(&path, "选择题缺少选项(options)"),
                (FactType::Choice, false) => {}
                (_, false) => self.err(&path, "只有选择题(choice)可以有选项"),
                _ => {}
            }
            if matches!(f.kind, FactType::Count | FactType::Money | FactType::Number)
                && f.unit.is_empty()
            {
                self.err(&path, "数量或金额缺少单位(unit)");
            }
            match (f.kind, f.min, f.max) {
                (FactType::Number, Some(min), Some(max)) => {
                    if !min.is_finite() || !max.is_finite() || min >= max {
                        self.err(&path, "数值项的 min 必须是小于 max 的有限数");
                    }
                }
                (FactType::Number, _, _) => {
                    self.err(&path, "数值项(number)必须写明可接受的范围 min 和 max");
                }
                (_, None, None) => {}
                _ => self.err(&path, "只有数值项(number)可以有 min/max"),
            }
            if f.group.as_deref().is_some_and(|g| g.trim().is_empty()) {
                self.err(&path, "分组名称(group)不能为空");
            }
            if f.judgement && f.cite.is_none() {
                self.err(&path, "研判问题必须注明出处(cite)");
            }
            if let Some(c) = &f.cite {
                self.cite(&path, c);
            }
            if let Some(other) = &f.not_before {
                if f.kind != FactType::Datetime {
                    self.err(&path, "只有时间(datetime)事实项可以写 not_before");
                }
                if other == &f.id {
                    self.err(&path, "not_before 不能引用自身");
                }
                self.fact_of(&format!("{path}.not_before"), other, &[FactType::Datetime]);
            }
        }
    }

    fn grade_known(&mut self, path: &str, grade: &str) {
        if !self.plan.grades.iter().any(|g| g.name == grade) {
            self.err(path, format!("未知的事故等级“{grade}”"));
        }
    }

    fn level_known(&mut self, path: &str, level: &str) {
        if !self.plan.response.levels.iter().any(|l| l.id == level) {
            self.err(path, format!("未知的响应级别“{level}”"));
        }
    }

    /// Every fact, grade and level a condition names must exist, with the right type, and be known
    /// when a condition at `site` is evaluated (`Site::sees`: the engine's own order).
    fn cond(&mut self, path: &str, cond: &Cond, site: Site) {
        if let Some(problem) = cond.reference().and_then(|r| unseen(site, &r)) {
            self.err(path, problem);
        }
        match cond {
            Cond::Always | Cond::NoGrade => {}
            Cond::GradeIn(grades) => {
                for g in grades {
                    self.grade_known(path, g);
                }
            }
            Cond::Yes(id) => self.fact_of(path, id, &[FactType::YesNo]),
            Cond::Positive(id) => self.fact_of(
                path,
                id,
                &[FactType::Count, FactType::Money, FactType::Number],
            ),
            Cond::Amount(r) => {
                if r.facts.is_empty() {
                    self.err(path, "amount 条件没有引用任何事实项");
                }
                for f in &r.facts {
                    self.fact_of(
                        path,
                        f,
                        &[FactType::Count, FactType::Money, FactType::Number],
                    );
                }
                let units: BTreeSet<&str> = r
                    .facts
                    .iter()
                    .filter_map(|f| self.fact(f))
                    .map(|f| f.unit.as_str())
                    .collect();
                if units.len() > 1 {
                    self.err(path, "amount 条件相加的事实项单位不一致");
                }
                if r.range.min.is_none() && r.range.max.is_none() {
                    self.err(path, "amount 条件至少要有上限或下限");
                }
                // `number` facts may be negative (temperatures): finite is all a bound must be.
                if r.range.bounds().any(|b| !b.value.is_finite()) {
                    self.err(path, "amount 条件的界限必须是有限数");
                }
            }
            Cond::Given(id) => self.fact_of(path, id, &[]),
            Cond::Choice { fact, any_of } => {
                self.fact_of(path, fact, &[FactType::Choice]);
                if let Some(f) = self.fact(fact) {
                    for value in any_of {
                        if !f.options.iter().any(|o| &o.value == value) {
                            self.err(path, format!("选择题“{fact}”没有选项“{value}”"));
                        }
                    }
                }
            }
            Cond::LevelIn(levels) => {
                for l in levels {
                    self.level_known(path, l);
                }
            }
            Cond::HazardAt(h) => {
                if let Some(id) = &h.hazard {
                    if !self.plan.hazards.iter().any(|x| &x.id == id) {
                        self.err(path, format!("未知的灾种“{id}”"));
                    }
                }
                if h.levels.is_empty() || h.min == 0 {
                    self.err(path, "hazard_at 条件必须列出预警级别,且 min 至少为1");
                }
                for l in &h.levels {
                    self.warning_level_known(path, l);
                }
                // One named hazard is at most one hazard; `min` above the number of hazards can
                // never hold.
                if h.hazard.is_some() && h.min > 1 {
                    self.err(
                        path,
                        "hazard_at 指定了单个灾种(hazard)时 min 只能为1;多灾种条件请不写 hazard",
                    );
                }
                if h.min as usize > self.plan.hazards.len() {
                    self.err(
                        path,
                        format!(
                            "hazard_at 要求至少{}个灾种,但本预案只有{}个灾种",
                            h.min,
                            self.plan.hazards.len()
                        ),
                    );
                }
            }
            // The days themselves were checked when the file was read (`MonthDay`).
            Cond::DateWithin(w) => self.fact_of(path, &w.fact, &[FactType::Datetime]),
            Cond::Any(cs) | Cond::All(cs) => {
                if cs.is_empty() {
                    self.err(path, "any/all 条件列表为空");
                }
                for c in cs {
                    self.cond(path, c, site);
                }
            }
            Cond::Not(c) => self.cond(path, c, site),
            Cond::SeriesRun(r) => self.series_run(path, r, None),
        }
    }

    /// A `series_run`: a series fact, every bound with its inclusivity, a sensible run length, and an
    /// inner run (if any) over the same fact.
    fn series_run(&mut self, path: &str, r: &SeriesRun, outer: Option<&str>) {
        match outer {
            Some(fact) if !r.fact.is_empty() && r.fact != fact => self.err(
                path,
                format!("series_run.containing 必须引用同一事实项“{fact}”(或省略 fact)"),
            ),
            Some(_) => {}
            None => self.fact_of(path, &r.fact, &[FactType::Series]),
        }
        if r.values.min.is_none() && r.values.max.is_none() {
            self.err(path, "series_run 条件至少要有数值上限或下限(min/max)");
        }
        if r.values
            .bounds()
            .any(|b| !b.value.is_finite() || b.value < 0.0)
        {
            self.err(path, "series_run 的数值界限必须是非负有限数");
        }
        // A run is at least one item long: `min_run = 0` inclusive would count an empty run.
        if r.run.min.is_some_and(|b| b.value == 0 && b.inclusive) {
            self.err(path, "series_run.min_run 至少为1(持续至少一项)");
        }
        if let (Some(lo), Some(hi)) = (r.run.min, r.run.max) {
            if hi.value < lo.value {
                self.err(path, "series_run.max_run 小于 min_run,条件永远不成立");
            }
        }
        if r.within_first == Some(0) {
            self.err(path, "series_run.within_first 至少为1");
        }
        if let Some(inner) = &r.containing {
            let fact = outer.unwrap_or(&r.fact).to_string();
            self.series_run(&format!("{path}.containing"), inner, Some(&fact));
        }
    }

    fn warning_level_known(&mut self, path: &str, level: &str) {
        let known = self
            .plan
            .warning
            .as_ref()
            .is_some_and(|w| w.levels.iter().any(|l| l.id == level));
        if !known {
            self.err(path, format!("未知的预警级别“{level}”"));
        }
    }

    /// Computed warning levels: each hazard cited, its rules over facts only, every level it names
    /// defined, ids unique.
    fn hazards(&mut self) {
        if !self.plan.hazards.is_empty() && self.plan.warning.is_none() {
            self.err("hazards", "有 hazards 但没有 [warning] 定义预警级别");
        }
        let mut ids = BTreeSet::new();
        for (i, h) in self.plan.hazards.iter().enumerate() {
            let path = format!("hazards[{i}]({})", h.id);
            if !ids.insert(h.id.as_str()) {
                self.err(&path, "灾种id重复");
            }
            self.cite(&path, &h.cite);
            if h.rules.is_empty() {
                self.err(&path, "灾种没有任何预警级别规则");
            }
            let mut rule_ids = BTreeSet::new();
            for (j, r) in h.rules.iter().enumerate() {
                let rpath = format!("{path}.rules[{j}]({})", r.id);
                if !rule_ids.insert(r.id.as_str()) {
                    self.err(&rpath, "规则id重复");
                }
                self.warning_level_known(&rpath, &r.level);
                self.cond(&rpath, &r.when, Site::HazardRule);
                self.rule(&rpath, &r.cite, &r.quote);
            }
        }
    }

    fn fact_of(&mut self, path: &str, id: &str, types: &[FactType]) {
        match self.fact(id) {
            None => self.err(path, format!("引用了未定义的事实项“{id}”")),
            Some(f) if !types.is_empty() && !types.contains(&f.kind) => {
                self.err(path, format!("事实项“{id}”的类型不适用于此条件"))
            }
            Some(_) => {}
        }
    }

    fn grading(&mut self) {
        let mut ranks = BTreeSet::new();
        for g in &self.plan.grades {
            if !ranks.insert(g.rank) {
                self.err("grades", format!("等级次序{}重复", g.rank));
            }
        }
        let graded = !self.plan.grading.axes.is_empty() || !self.plan.grading.flags.is_empty();
        if graded && self.plan.grading.combine != Some(Combine::Max) {
            self.err(
                "grading.combine",
                "目前只支持 combine = \"max\"(取各项标准达到的最高等级)",
            );
        }
        let mut reached = BTreeSet::new();
        for (i, axis) in self.plan.grading.axes.iter().enumerate() {
            let path = format!("grading.axes[{i}]({})", axis.id);
            for f in &axis.facts {
                self.fact_of(&path, f, &[FactType::Count, FactType::Money]);
            }
            if axis.facts.is_empty() {
                self.err(&path, "分级标准没有引用任何事实项");
            }
            for (j, band) in axis.bands.iter().enumerate() {
                let bpath = format!("{path}.bands[{j}]");
                self.grade_known(&bpath, &band.grade);
                reached.insert(band.grade.clone());
                self.rule(&bpath, &band.cite, &band.quote);
                if band
                    .range
                    .bounds()
                    .any(|b| !b.value.is_finite() || b.value < 0.0)
                {
                    self.err(&bpath, "界限必须是非负有限数");
                }
            }
            self.tiling(&path, &axis.bands);
        }
        for (i, p) in self.plan.grading.provisional.iter().enumerate() {
            let path = format!("grading.provisional[{i}]");
            self.cond(&path, &p.when, Site::Provisional);
            self.rule(&path, &p.cite, &p.quote);
        }
        for (i, flag) in self.plan.grading.flags.iter().enumerate() {
            let path = format!("grading.flags[{i}]({})", flag.id);
            self.grade_known(&path, &flag.grade);
            reached.insert(flag.grade.clone());
            self.cond(&path, &flag.when, Site::GradingFlag);
            self.rule(&path, &flag.cite, &flag.quote);
        }
        for g in &self.plan.grades {
            if !reached.contains(&g.name) {
                self.err("grades", format!("没有任何标准能达到等级“{}”", g.name));
            }
        }
    }

    /// Bands must tile [lowest bound, ∞) with no gap or overlap; a gap below the lowest band is
    /// allowed (values there are below every threshold).
    fn tiling(&mut self, path: &str, bands: &[Band]) {
        let lower = |b: &Band| b.range.min.map_or(0.0, |m| m.value);
        let mut sorted: Vec<(usize, &Band)> = bands.iter().enumerate().collect();
        sorted.sort_by(|a, b| lower(a.1).total_cmp(&lower(b.1)));
        for pair in sorted.windows(2) {
            let ((i, a), (j, b)) = (pair[0], pair[1]);
            let at = format!("{path}.bands[{i}]/bands[{j}]");
            let (Some(a_max), Some(b_min)) = (a.range.max, b.range.min) else {
                self.err(
                    at,
                    format!("“{}”与“{}”重叠:较低一档没有上限", a.text, b.text),
                );
                continue;
            };
            let (a_max, a_incl, b_min, b_incl) =
                (a_max.value, a_max.inclusive, b_min.value, b_min.inclusive);
            if a_max < b_min || (a_max == b_min && !a_incl && !b_incl) {
                self.err(
                    at,
                    format!(
                        "“{}”与“{}”之间有空档:{a_max}至{b_min}不属于任何等级",
                        a.text, b.text
                    ),
                );
            } else if a_max > b_min || (a_incl && b_incl) {
                self.err(at, format!("“{}”与“{}”重叠于{b_min}", a.text, b.text));
            }
        }
        if let Some((i, top)) = sorted.last() {
            if top.range.max.is_some() {
                self.err(
                    format!("{path}.bands[{i}]"),
                    "最高一档有上限,更大的数值不属于任何等级",
                );
            }
        }
    }

    fn response(&mut self) {
        let r = &self.plan.response;
        match &r.intro {
            Some(intro) => self.rule("response.intro", &intro.cite, &intro.quote),
            None if !r.levels.is_empty() => self.err(
                "response.intro",
                "有响应级别时必须引用原文对级别的说明(intro)",
            ),
            None => {}
        }
        let mut ids = BTreeSet::new();
        let mut ranks = BTreeSet::new();
        for (i, l) in r.levels.iter().enumerate() {
            let path = format!("response.levels[{i}]({})", l.id);
            if !ids.insert(l.id.as_str()) {
                self.err(&path, "响应级别id重复");
            }
            if !ranks.insert(l.rank) {
                self.err(&path, format!("响应级别次序{}重复", l.rank));
            }
            self.rule(
                &format!("{path}.condition"),
                &l.condition.cite,
                &l.condition.quote,
            );
            self.rule(
                &format!("{path}.procedure"),
                &l.procedure.cite,
                &l.procedure.quote,
            );
            for (field, value) in [
                ("proposes", &l.proposes),
                ("starts", &l.starts),
                ("commands", &l.commands),
            ] {
                if value.trim().is_empty() {
                    self.err(&path, format!("缺少{field}(谁提出/谁启动/谁指挥)"));
                }
            }
            for (j, m) in l.measures.iter().enumerate() {
                self.cite(&format!("{path}.measures[{j}]"), &m.cite);
            }
        }
        for (i, rule) in r.rules.iter().enumerate() {
            let path = format!("response.rules[{i}]({})", rule.id);
            self.level_known(&path, &rule.level);
            self.cond(&path, &rule.when, Site::ResponseRule);
            self.rule(&path, &rule.cite, &rule.quote);
        }
        for l in &r.levels {
            if !r.rules.iter().any(|rule| rule.level == l.id) {
                self.err(
                    format!("response.levels({})", l.id),
                    format!("没有任何规则能启动“{}”", l.name),
                );
            }
        }
        // Every grade must map to a level through a grade rule (a judgement may raise it further).
        for g in &self.plan.grades {
            let mapped = r.rules.iter().any(|rule| {
                rule.kind == RuleKind::Grade && grade_only_matches(&rule.when, &g.name)
            });
            if !mapped {
                self.err(
                    "response.rules",
                    format!("等级“{}”没有对应的响应级别规则(kind = \"grade\")", g.name),
                );
            }
        }
    }

    fn reporting(&mut self) {
        let mut ids = BTreeSet::new();
        for (i, rep) in self.plan.reporting.iter().enumerate() {
            let path = format!("reporting[{i}]({})", rep.id);
            if !ids.insert(rep.id.as_str()) {
                self.err(&path, "报告规则id重复");
            }
            self.cond(&path, &rep.when, Site::Reporting);
            self.fact_of(&path, &rep.anchor, &[FactType::Datetime]);
            self.limit(&path, rep.limit);
            if rep.limit_text.trim().is_empty() {
                self.err(&path, "缺少原文时限用语(limit_text)");
            }
            self.rule(&path, &rep.cite, &rep.quote);
        }
    }

    /// A limit's number must make sense (one limit per rule is the file's key layout's check).
    fn limit(&mut self, path: &str, limit: Limit) {
        match limit {
            Limit::Minutes(0) => {
                self.err(path, "时限分钟数必须大于0;原文“立即”请不写 within_minutes")
            }
            Limit::Days(n) if !(1..=366).contains(&n) => {
                self.err(path, format!("within_days 必须在1到366之间,现为{n}"))
            }
            Limit::WorkingDays(n) if !(1..=260).contains(&n) => self.err(
                path,
                format!("within_working_days 必须在1到260之间,现为{n}"),
            ),
            _ => {}
        }
    }

    /// `activation`: only for a plan with neither grades nor response levels.
    fn activation(&mut self) {
        let Some(a) = &self.plan.activation else {
            return;
        };
        if !self.plan.grades.is_empty() || !self.plan.response.levels.is_empty() {
            self.err(
                "activation",
                "activation 只用于既无分级(grades)又无响应级别(response.levels)的支持性预案",
            );
        }
        for (field, value) in [
            ("name", &a.name),
            ("summary", &a.summary),
            ("waiting", &a.waiting),
            ("proposes", &a.proposes),
            ("starts", &a.starts),
            ("commands", &a.commands),
        ] {
            if value.trim().is_empty() {
                self.err(format!("activation.{field}"), "不能为空");
            }
        }
        self.cond("activation.when", &a.when, Site::Activation);
        self.rule("activation", &a.cite, &a.quote);
    }

    /// `[[checks]]`: known facts, exactly one of `passes`/`ratio`, the ratio's inclusivity stated,
    /// cited and quoted, ids unique.
    fn checks(&mut self) {
        let mut ids = BTreeSet::new();
        for (i, c) in self.plan.checks.iter().enumerate() {
            let path = format!("checks[{i}]({})", c.id);
            if !ids.insert(c.id.as_str()) {
                self.err(&path, "检查项id重复");
            }
            if c.text.trim().is_empty() || c.group.trim().is_empty() {
                self.err(&path, "检查项需要text和group");
            }
            for id in &c.needs {
                self.fact_of(&format!("{path}.needs"), id, &[]);
            }
            self.cond(&format!("{path}.when"), &c.when, Site::Check);
            match (&c.passes, &c.ratio) {
                (Some(p), None) => self.cond(&format!("{path}.passes"), p, Site::Check),
                (None, Some(r)) => {
                    let number = [FactType::Number, FactType::Count, FactType::Money];
                    for id in r.of.iter().chain(&r.to) {
                        self.fact_of(&format!("{path}.ratio"), id, &number);
                    }
                    if r.of.is_empty() || r.to.is_empty() {
                        self.err(format!("{path}.ratio"), "of和to都至少要有一个事实项");
                    }
                    if r.min_inclusive.is_none() {
                        self.err(format!("{path}.ratio"), "缺少min_inclusive(是否含本数)");
                    }
                    if !(r.min_percent.is_finite() && r.min_percent >= 0.0) {
                        self.err(format!("{path}.ratio"), "min_percent必须是非负数");
                    }
                }
                _ => self.err(&path, "passes和ratio必须且只能写一个"),
            }
            self.rule(&path, &c.cite, &c.quote);
        }
    }

    /// `applicability`: a choice fact whose first option (a blank answer) keeps the plan applying,
    /// and `outside` answers among its options.
    fn applicability(&mut self) {
        for (i, g) in self.plan.applicability.iter().enumerate() {
            let path = format!("applicability[{i}]({})", g.id);
            self.fact_of(&format!("{path}.fact"), &g.fact, &[FactType::Choice]);
            if let Some(f) = self.fact(&g.fact) {
                if f.options
                    .first()
                    .is_some_and(|o| g.outside.contains(&o.value))
                {
                    self.err(
                        format!("{path}.outside"),
                        "第一个选项是未填时的默认值,不能是“不适用”(未作认定时本预案照常适用)",
                    );
                }
                for o in &g.outside {
                    if !f.options.iter().any(|x| &x.value == o) {
                        self.err(
                            format!("{path}.outside"),
                            format!("“{o}”不是“{}”的选项", g.fact),
                        );
                    }
                }
            }
            if g.outside.is_empty() || g.text.is_empty() || g.instead.is_empty() {
                self.err(&path, "outside、text、instead 不能为空");
            }
            self.rule(&path, &g.cite, &g.quote);
        }
    }

    /// `start_unstated`: the limit is counted from the incident time, so the anchor must be it.
    fn clock_starts(&mut self) {
        for (i, r) in self.plan.reporting.iter().enumerate() {
            if r.start_unstated && r.anchor != "incident_time" {
                self.err(
                    format!("reporting[{i}]({}).start_unstated", r.id),
                    "原文未写起算点的时限按事发时间估算,anchor 须为 incident_time",
                );
            }
        }
    }

    /// `recovery`: cited, with who does it; a report names its addressee.
    fn recovery(&mut self) {
        for (i, r) in self.plan.recovery.iter().enumerate() {
            let path = format!("recovery[{i}]({})", r.id);
            if r.title.is_empty() || r.who.is_empty() || r.text.is_empty() {
                self.err(&path, "title、who、text 不能为空");
            }
            if r.reports.is_empty() != r.to.is_empty() {
                self.err(&path, "reports 和 to 须同时填写(谁报告、报告给谁)");
            }
            self.cond(&format!("{path}.when"), &r.when, Site::Recovery);
            self.rule(&path, &r.cite, &r.quote);
        }
    }

    fn rest(&mut self) {
        let org = &self.plan.organisation;
        self.rule(
            "organisation.command",
            &org.command.cite,
            &org.command.quote,
        );
        self.rule("organisation.office", &org.office.cite, &org.office.quote);
        self.rule(
            "organisation.groups_intro",
            &org.groups_intro.cite,
            &org.groups_intro.quote,
        );
        for (i, u) in org.member_units.iter().enumerate() {
            self.cite(&format!("organisation.member_units[{i}]"), &u.cite);
        }
        for (i, g) in org.groups.iter().enumerate() {
            let path = format!("organisation.groups[{i}]({})", g.name);
            if g.lead.trim().is_empty() {
                self.err(&path, "工作组缺少牵头单位");
            }
            self.cond(&path, &g.when, Site::Group);
            self.cite(&path, &g.cite);
        }
        for (i, m) in self.plan.measures.iter().enumerate() {
            let path = format!("measures[{i}]({})", m.title);
            self.cond(&path, &m.when, Site::Measure);
            for (j, t) in m.items.iter().enumerate() {
                self.cite(&format!("{path}.items[{j}]"), &t.cite);
            }
        }
        for (i, t) in self.plan.termination.iter().enumerate() {
            let path = format!("termination[{i}]");
            self.cond(&path, &t.when, Site::Termination);
            self.rule(&path, &t.cite, &t.quote);
        }
        if let Some(w) = &self.plan.warning {
            self.rule("warning.intro", &w.intro.cite, &w.intro.quote);
            match &w.fact {
                Some(fact) => self.fact_of("warning.fact", fact, &[FactType::Choice]),
                None if self.plan.hazards.is_empty() => self.err(
                    "warning.fact",
                    "预警级别既不由 hazards 计算,也没有记录已发布级别的事实项(fact)",
                ),
                None => {}
            }
            let options: Option<Vec<String>> = w
                .fact
                .as_deref()
                .and_then(|f| self.fact(f))
                .map(|f| f.options.iter().map(|o| o.value.clone()).collect());
            let mut ranks = BTreeSet::new();
            for (i, l) in w.levels.iter().enumerate() {
                let path = format!("warning.levels[{i}]({})", l.id);
                if let (Some(options), Some(fact)) = (&options, &w.fact) {
                    if !options.contains(&l.id) {
                        self.err(&path, format!("预警级别“{}”不是事实项“{fact}”的选项", l.id));
                    }
                }
                if !ranks.insert(l.rank) {
                    self.err(&path, format!("预警级别次序{}重复", l.rank));
                }
                self.cite(&path, &l.cite);
                self.cite(&path, &l.issued_cite);
            }
        }
        self.hazards();
        let mut ids = BTreeSet::new();
        for (i, n) in self.plan.notes.iter().enumerate() {
            let path = format!("notes[{i}]({})", n.id);
            if !ids.insert(n.id.as_str()) {
                self.err(&path, "说明id重复");
            }
            if n.reading.trim().is_empty() || n.reason.trim().is_empty() {
                self.err(&path, "说明必须写明采取的读法(reading)和理由(reason)");
            }
            self.cond(&path, &n.when, Site::Note);
            self.cite(&path, &n.cite);
        }
        for (i, t) in self.plan.tables.iter().enumerate() {
            let path = format!("tables[{i}]({})", t.title);
            match (&t.source_document, &t.source_file) {
                (None, None) => self.cite(&path, &t.cite),
                (Some(doc), Some(file)) if !doc.trim().is_empty() && !file.trim().is_empty() => {
                    if t.cite.clause.trim().is_empty() || t.cite.line == 0 {
                        self.err(format!("{path}.cite"), "引用缺少条款号或行号");
                    }
                }
                _ => self.err(
                    &path,
                    "取自其他文件的表格必须同时写明 source_document(文件名称)和 source_file(原文文件)",
                ),
            }
            for (j, row) in t.rows.iter().enumerate() {
                if row.len() != t.columns.len() {
                    self.err(
                        format!("{path}.rows[{j}]"),
                        format!("该行有{}列,表头有{}列", row.len(), t.columns.len()),
                    );
                }
            }
        }
        for (i, c) in self.plan.contacts.iter().enumerate() {
            let [first, last] = self.plan.plan.lines;
            if c.line < first || c.line > last {
                self.err(
                    format!("contacts[{i}]"),
                    format!("行号{}不在本预案原文范围内", c.line),
                );
            }
        }
    }
}

/// Whether a grade rule's condition holds for this grade with every other fact at its default.
fn grade_only_matches(cond: &Cond, grade: &str) -> bool {
    match cond {
        Cond::Always => true,
        Cond::GradeIn(gs) => gs.iter().any(|g| g == grade),
        Cond::Any(cs) => cs.iter().any(|c| grade_only_matches(c, grade)),
        Cond::All(cs) => cs.iter().all(|c| grade_only_matches(c, grade)),
        _ => false,
    }
}
