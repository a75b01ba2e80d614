//! The plans embedded in the build (every `plans/**/*.toml`, converted to postcard bytes by build.rs),
//! read once and listed in the order people look for them.

use std::sync::OnceLock;

use super::version::{header, MAGIC};
use super::{Plan, PlanError};

// `BYTES_VERSION`: the model's version, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/plan_bytes_version.rs"));

#[cfg(feature = "embedded")]
include!(concat!(env!("OUT_DIR"), "/embedded_plans.rs"));
/// A build without the embedded plans (the import checker) has none.
#[cfg(not(feature = "embedded"))]
static EMBEDDED_FILES: &[&str] = &[];
#[cfg(not(feature = "embedded"))]
static EMBEDDED_LENGTHS: &[[u32; 0]] = &[];
#[cfg(not(feature = "embedded"))]
static EMBEDDED_DATA: &[u8] = &[];

/// Each embedded plan's postcard bytes, put back together from the field-by-field layout build.rs
/// writes (its fields' bytes, in order, are the plan's bytes). None if the lengths overrun the data.
fn embedded() -> Option<Vec<(&'static str, Vec<u8>)>> {
    let mut plans: Vec<Vec<u8>> = vec![Vec::new(); EMBEDDED_FILES.len()];
    let fields = EMBEDDED_LENGTHS.first().map_or(0, |l| l.len());
    let mut at = 0;
    for f in 0..fields {
        for (plan, lengths) in plans.iter_mut().zip(EMBEDDED_LENGTHS) {
            let end = at + lengths[f] as usize;
            plan.extend_from_slice(EMBEDDED_DATA.get(at..end)?);
            at = end;
        }
    }
    (at == EMBEDDED_DATA.len()).then(|| EMBEDDED_FILES.iter().copied().zip(plans).collect())
}

/// Reads a plan already validated (an embedded plan, checked by the tests, or one the import checker
/// validated) from its bytes (`to_bytes`). Bytes of another build's model (a cached checker module
/// beside a newer engine) are refused by their header, never misread.
pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Plan, PlanError> {
    let problem = |problem: String| PlanError {
        file: file.to_string(),
        path: "(预案数据)".to_string(),
        problem,
    };
    let (head, body) = bytes.split_at(bytes.len().min(8));
    if head.get(..4) != Some(&MAGIC[..]) || head.len() < 8 {
        return Err(problem(
            "预案数据格式版本不符:这不是本程序写出的预案数据(缺少版本标记),请重新导入预案文件"
                .to_string(),
        ));
    }
    let version = u32::from_le_bytes([head[4], head[5], head[6], head[7]]);
    if version != BYTES_VERSION {
        return Err(problem(format!(
            "预案数据格式版本不符:数据为{version:08x}版,本引擎为{BYTES_VERSION:08x}版(来自另一次构建);请刷新页面后重新导入预案文件"
        )));
    }
    postcard::from_bytes(body).map_err(|e| problem(format!("无法读取预案数据(已损坏): {e}")))
}

/// A plan as bytes: the header (`MAGIC`, `BYTES_VERSION`) and the plan in postcard. How plans are
/// embedded (build.rs writes the same) and how the import checker hands a validated plan to the
/// engine module.
pub fn to_bytes(plan: &Plan) -> Vec<u8> {
    let mut out = header(BYTES_VERSION).to_vec();
    // Plain data with no maps or `deserialize_any` types: serializing cannot fail.
    out.extend(postcard::to_allocvec(plan).unwrap_or_default());
    out
}

/// Every embedded plan, in file order, or every problem found in them. A test loads them all, so an
/// invalid plan file never ships; the error path exists so a bad build reports instead of panicking.
pub fn registry() -> Result<&'static [Plan], &'static [PlanError]> {
    static PLANS: OnceLock<Result<Vec<Plan>, Vec<PlanError>>> = OnceLock::new();
    let loaded = PLANS.get_or_init(|| {
        let mut plans: Vec<Plan> = Vec::new();
        let mut errors = Vec::new();
        let Some(embedded) = embedded() else {
            return Err(vec![PlanError {
                file: "plans.bin".to_string(),
                path: "(预案数据)".to_string(),
                problem: "内嵌的预案数据长度与索引不符(构建已损坏)".to_string(),
            }]);
        };
        for (file, bytes) in &embedded {
            match from_bytes(file, bytes) {
                Ok(plan) => plans.push(plan),
                Err(e) => errors.push(e),
            }
        }
        // The order people look for them in: by city, then year, then document number (53号 before 102号).
        // Within a city, a support procedure (no grades, no levels: 医药储备调拨) after the incident
        // plans, so a fresh page never opens on one.
        plans.sort_by_key(|p| {
            (
                p.plan.city.clone(),
                p.activation.is_some(),
                p.plan.date.get(..4).map(str::to_string),
                doc_serial(&p.plan.doc_number),
            )
        });
        if errors.is_empty() {
            Ok(plans)
        } else {
            Err(errors)
        }
    });
    match loaded {
        Ok(plans) => Ok(plans),
        Err(errors) => Err(errors),
    }
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

/// The embedded plan with this id.
pub fn find(id: &str) -> Option<&'static Plan> {
    registry().ok()?.iter().find(|p| p.plan.id == id)
}
