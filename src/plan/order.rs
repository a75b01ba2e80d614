//! The order people look for the embedded plans in: by city, then year, then document number (53号
//! before 102号). Within a city, a support procedure (no grades, no levels: 医药储备调拨) comes after
//! the incident plans, so a fresh page never opens on one. build.rs embeds the plans in this order, so
//! the engine lists them without reading any.

use super::model::Plan;

/// The sort key of a plan: city, support procedure or not, year, document serial.
pub fn key(p: &Plan) -> (String, bool, Option<String>, u32) {
    (
        p.plan.city.clone(),
        p.activation.is_some(),
        p.plan.date.get(..4).map(str::to_string),
        doc_serial(&p.plan.doc_number),
    )
}

/// The serial number of a 文号 such as `晋市政办〔2020〕53号` (53); 0 if there is none.
fn doc_serial(doc_number: &str) -> u32 {
    let digits: String = doc_number
        .trim_end_matches('号')
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or(0)
}
