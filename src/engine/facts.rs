//! The user's facts: raw input (JSON or a JS object) checked against the plan's fact definitions.
//! Every rejection names the field and says why, in Chinese.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

pub use super::clock::{china, parse_time};
use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::plan::{FactDef, FactType, Plan};

/// Largest count accepted (persons); beyond it the input is taken for a typing error.
pub const MAX_COUNT: f64 = 1e7;
/// Largest amount accepted, in 万元.
pub const MAX_MONEY_WAN: f64 = 1e12;
/// Most items a series may hold when its plan sets no `max_items` (a year of daily values).
pub const MAX_SERIES_LEN: usize = 366;
/// Largest value a series item may hold; beyond it the input is taken for a typing error.
pub const MAX_SERIES_VALUE: f64 = 1e9;

/// A value as it arrives from JSON or JS, before it is checked against the plan.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum RawValue {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<RawValue>),
    /// Anything else (an object): always rejected, but named.
    Other(serde_json::Map<String, serde_json::Value>),
}

pub type RawFacts = BTreeMap<String, RawValue>;

#[derive(Debug, Clone, PartialEq)]
pub enum Value<'p> {
    Number(f64),
    Bool(bool),
    /// The option's value, as the plan spells it.
    Choice(&'p str),
    Time(DateTime<FixedOffset>),
    Series(Vec<f64>),
}

/// Checked facts, plus what was taken for the ones not given. One slot per fact of the plan, in the
/// plan's order (borrowed: nothing of the plan is copied, so checking facts costs one allocation).
#[derive(Debug, Clone)]
pub struct Facts<'p> {
    defs: &'p [FactDef],
    slots: Vec<Slot<'p>>,
    /// Facts not given and the value taken, in words ("0人"): (index in `plan.facts`, value).
    pub assumed: Vec<(usize, String)>,
}

#[derive(Debug, Clone)]
struct Slot<'p> {
    value: Option<Value<'p>>,
    /// Whether the user gave this fact (as opposed to a default being taken).
    given: bool,
}

impl<'p> Facts<'p> {
    fn value(&self, id: &str) -> Option<&Value<'p>> {
        let i = self.defs.iter().position(|d| d.id == id)?;
        self.slots.get(i)?.value.as_ref()
    }

    pub fn number(&self, id: &str) -> f64 {
        match self.value(id) {
            Some(Value::Number(n)) => *n,
            _ => 0.0,
        }
    }

    /// Whether a number (count, amount or measured quantity) is known for this fact.
    pub fn has_number(&self, id: &str) -> bool {
        matches!(self.value(id), Some(Value::Number(_)))
    }

    pub fn yes(&self, id: &str) -> bool {
        matches!(self.value(id), Some(Value::Bool(true)))
    }

    pub fn choice(&self, id: &str) -> Option<&'p str> {
        match self.value(id) {
            Some(Value::Choice(c)) => Some(c),
            _ => None,
        }
    }

    pub fn time(&self, id: &str) -> Option<DateTime<FixedOffset>> {
        match self.value(id) {
            Some(Value::Time(t)) => Some(*t),
            _ => None,
        }
    }

    /// A series fact's items (empty when not given).
    pub fn series(&self, id: &str) -> &[f64] {
        match self.value(id) {
            Some(Value::Series(s)) => s,
            _ => &[],
        }
    }

    /// Whether the user gave this fact (as opposed to a default being taken).
    pub fn given(&self, id: &str) -> bool {
        self.defs
            .iter()
            .position(|d| d.id == id)
            .and_then(|i| self.slots.get(i))
            .is_some_and(|s| s.given)
    }

    /// Checks `raw` against the plan. Absent counts and amounts are 0, absent yes/no is 否, an absent
    /// choice is its first option; each such default is listed in `assumed`.
    pub fn parse(
        plan: &'p Plan,
        raw: &RawFacts,
        now: DateTime<FixedOffset>,
    ) -> Result<Facts<'p>, InputError> {
        for id in raw.keys() {
            if id != "now" && !plan.facts.iter().any(|f| &f.id == id) {
                return Err(InputError::new(
                    id.as_str(),
                    format!("未知的事实项“{id}”:《{}》没有这一项", plan.plan.title),
                ));
            }
        }
        let mut facts = Facts {
            defs: &plan.facts,
            slots: Vec::with_capacity(plan.facts.len()),
            assumed: Vec::new(),
        };
        for (index, def) in plan.facts.iter().enumerate() {
            // An empty forecast is no forecast (and JS hands an empty array over as null).
            let raw_value = match raw.get(&def.id) {
                Some(RawValue::List(items)) if items.is_empty() && def.kind == FactType::Series => {
                    None
                }
                other => other,
            };
            match raw_value {
                None | Some(RawValue::Null) => {
                    if def.required {
                        return Err(InputError::new(
                            &def.id,
                            format!("请填写“{}”:此项为必填", def.label),
                        ));
                    }
                    let value = default_for(def).map(|(value, shown)| {
                        facts.assumed.push((index, shown));
                        value
                    });
                    facts.slots.push(Slot {
                        value,
                        given: false,
                    });
                }
                Some(raw_value) => {
                    let value = check(def, raw_value, now)?;
                    facts.slots.push(Slot {
                        value: Some(value),
                        given: true,
                    });
                }
            }
        }
        facts.check_order(plan)?;
        Ok(facts)
    }

    /// Times that follow the incident must not precede it; a time with `not_before` must not precede
    /// that other time.
    fn check_order(&self, plan: &Plan) -> Result<(), InputError> {
        for def in plan.facts.iter() {
            let Some(other) = &def.not_before else {
                continue;
            };
            if let (Some(t), Some(o)) = (self.time(&def.id), self.time(other)) {
                if t < o {
                    let other_label = plan
                        .facts
                        .iter()
                        .find(|f| &f.id == other)
                        .map_or(other.as_str(), |f| f.label.as_str());
                    return Err(InputError::new(
                        &def.id,
                        format!("“{}”早于“{other_label}”,请核对", def.label),
                    ));
                }
            }
        }
        let Some(incident) = self.time("incident_time") else {
            return Ok(());
        };
        for def in plan
            .facts
            .iter()
            .filter(|f| f.kind == FactType::Datetime && f.id != "incident_time")
        {
            if let Some(t) = self.time(&def.id) {
                if t < incident {
                    return Err(InputError::new(
                        &def.id,
                        format!("“{}”早于事故发生时间,请核对", def.label),
                    ));
                }
            }
        }
        Ok(())
    }
}

fn default_for(def: &FactDef) -> Option<(Value<'_>, String)> {
    match def.kind {
        FactType::Count | FactType::Money => Some((Value::Number(0.0), format!("0{}", def.unit))),
        FactType::YesNo => Some((Value::Bool(false), "否".to_string())),
        FactType::Choice => def
            .options
            .first()
            .map(|o| (Value::Choice(&o.value), o.label.clone())),
        FactType::Datetime | FactType::Series | FactType::Number => None,
    }
}

fn describe(raw: &RawValue) -> &'static str {
    match raw {
        RawValue::Null => "空值",
        RawValue::Bool(_) => "是/否",
        RawValue::Number(_) => "数字",
        RawValue::Text(_) => "文字",
        RawValue::List(_) => "列表",
        RawValue::Other(_) => "对象",
    }
}

fn check<'p>(
    def: &'p FactDef,
    raw: &RawValue,
    now: DateTime<FixedOffset>,
) -> Result<Value<'p>, InputError> {
    let field = def.id.as_str();
    let label = def.label.as_str();
    let wrong = |expected: &str| {
        InputError::new(
            field,
            format!("“{label}”应为{expected},收到的是{}", describe(raw)),
        )
    };
    match def.kind {
        FactType::Count | FactType::Money => {
            let RawValue::Number(n) = raw else {
                return Err(wrong("数字"));
            };
            number(def, *n).map(Value::Number)
        }
        FactType::YesNo => match raw {
            RawValue::Bool(b) => Ok(Value::Bool(*b)),
            _ => Err(wrong("“是”或“否”")),
        },
        FactType::Choice => {
            let RawValue::Text(s) = raw else {
                return Err(wrong("选项之一"));
            };
            if let Some(o) = def.options.iter().find(|o| &o.value == s) {
                Ok(Value::Choice(&o.value))
            } else {
                let allowed: Vec<&str> = def.options.iter().map(|o| o.value.as_str()).collect();
                Err(InputError::new(
                    field,
                    format!("“{label}”没有选项“{s}”;可选:{}", allowed.join("、")),
                ))
            }
        }
        FactType::Datetime => {
            let RawValue::Text(s) = raw else {
                return Err(wrong("日期时间文字"));
            };
            let t = parse_time(s).ok_or_else(|| {
                InputError::new(
                    field,
                    format!("“{label}”无法识别的时间“{s}”,请按“2026-12-07 08:30”的格式填写"),
                )
            })?;
            // A minute of slack absorbs a form that rounds "现在" up.
            if t > now + chrono::Duration::minutes(1) {
                return Err(InputError::new(
                    field,
                    format!("“{label}”晚于当前时间,请核对"),
                ));
            }
            Ok(Value::Time(t))
        }
        FactType::Number => {
            let RawValue::Number(n) = raw else {
                return Err(wrong("数字"));
            };
            measured(def, *n).map(Value::Number)
        }
        FactType::Series => {
            let RawValue::List(items) = raw else {
                return Err(wrong("数字列表"));
            };
            let item = def.item.as_deref().unwrap_or("项");
            let max = def
                .max_items
                .map_or(MAX_SERIES_LEN, |m| m as usize)
                .min(MAX_SERIES_LEN);
            if items.len() > max {
                return Err(InputError::new(
                    field,
                    format!("“{label}”最多{max}{item},收到{}{item}", items.len()),
                ));
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, it) in items.iter().enumerate() {
                let RawValue::Number(n) = it else {
                    return Err(InputError::new(
                        field,
                        format!("“{label}”第{}{item}应为数字", i + 1),
                    ));
                };
                if !n.is_finite() || *n < 0.0 {
                    return Err(InputError::new(
                        field,
                        format!("“{label}”第{}{item}必须是非负数", i + 1),
                    ));
                }
                if *n > MAX_SERIES_VALUE {
                    return Err(InputError::new(
                        field,
                        format!("“{label}”第{}{item}数值过大,请核对", i + 1),
                    ));
                }
                out.push(*n);
            }
            Ok(Value::Series(out))
        }
    }
}

fn number(def: &FactDef, n: f64) -> Result<f64, InputError> {
    let field = def.id.as_str();
    let label = def.label.as_str();
    if !n.is_finite() {
        return Err(InputError::new(field, format!("“{label}”不是有效数字")));
    }
    if n < 0.0 {
        return Err(InputError::new(field, format!("“{label}”不能为负数")));
    }
    let (max, max_text) = match def.kind {
        FactType::Count => (MAX_COUNT, "1000万人"),
        _ => (MAX_MONEY_WAN, "1万亿万元"),
    };
    if n > max {
        return Err(InputError::new(
            field,
            format!("“{label}”数值过大(超过{max_text}),请核对"),
        ));
    }
    if def.kind == FactType::Count && n.fract() != 0.0 {
        return Err(InputError::new(field, format!("“{label}”必须是整数(人数)")));
    }
    Ok(n)
}

/// A `number` fact: finite and within the fact's own bounds (inclusive), which may be negative.
fn measured(def: &FactDef, n: f64) -> Result<f64, InputError> {
    let field = def.id.as_str();
    let label = def.label.as_str();
    if !n.is_finite() {
        return Err(InputError::new(field, format!("“{label}”不是有效数字")));
    }
    let unit = def.unit.as_str();
    let (min, max) = (
        def.min.unwrap_or(f64::NEG_INFINITY),
        def.max.unwrap_or(f64::INFINITY),
    );
    if n < min || n > max {
        return Err(InputError::new(
            field,
            format!(
                "“{label}”应在{}{unit}至{}{unit}之间,收到{n}{unit},请核对",
                def.min.unwrap_or(f64::NEG_INFINITY),
                def.max.unwrap_or(f64::INFINITY)
            ),
        ));
    }
    Ok(n)
}
