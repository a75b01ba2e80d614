//! The plans embedded in the build (every `plans/**/*.toml`, converted to postcard bytes by build.rs),
//! listed in the order people look for them without reading any, and each read once, when it is first
//! asked for (issue 14 §5: reading all 14 at the page's start took ~60 ms at 4× CPU).

use std::sync::OnceLock;

use super::version::{header, MAGIC};
use super::{Plan, PlanError};

// `BYTES_VERSION`: the model's version, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/plan_bytes_version.rs"));

/// An embedded plan as the plan list shows it, written by build.rs from the plan itself (a test checks
/// that it says what the plan read back says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbeddedPlan {
    /// The plan's file, by path under plans/.
    pub file: &'static str,
    pub id: &'static str,
    pub city: &'static str,
    pub title: &'static str,
    pub doc_number: &'static str,
    pub date: &'static str,
    /// Its «待确认» marks (`review::unconfirmed`).
    pub unconfirmed: u32,
}

#[cfg(feature = "embedded")]
include!(concat!(env!("OUT_DIR"), "/embedded_plans.rs"));
/// A build without the embedded plans (the import checker) has none.
#[cfg(not(feature = "embedded"))]
static EMBEDDED: &[EmbeddedPlan] = &[];
#[cfg(not(feature = "embedded"))]
static EMBEDDED_LENGTHS: &[[u32; 0]] = &[];
#[cfg(not(feature = "embedded"))]
static EMBEDDED_DATA: &[u8] = &[];

/// Plan `index`'s postcard bytes, put back together from the field-by-field layout build.rs writes
/// (its fields' bytes, in order, are the plan's bytes). None if the lengths do not add up to the data.
fn bytes_of(index: usize) -> Option<Vec<u8>> {
    let mut plan = Vec::new();
    let fields = EMBEDDED_LENGTHS.first().map_or(0, |l| l.len());
    let mut at = 0;
    for f in 0..fields {
        for (i, lengths) in EMBEDDED_LENGTHS.iter().enumerate() {
            let end = at + *lengths.get(f)? as usize;
            if i == index {
                plan.extend_from_slice(EMBEDDED_DATA.get(at..end)?);
            }
            at = end;
        }
    }
    (at == EMBEDDED_DATA.len() && index < EMBEDDED_LENGTHS.len()).then_some(plan)
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

/// Every embedded plan as the plan list shows it, in the order people look for them (`order`).
pub fn embedded_plans() -> &'static [EmbeddedPlan] {
    EMBEDDED
}

/// The embedded plan `index` (of `embedded_plans`), read on first use; None past the end.
fn read(index: usize) -> Option<Result<&'static Plan, &'static PlanError>> {
    static READ: OnceLock<Vec<OnceLock<Result<Plan, PlanError>>>> = OnceLock::new();
    let cells = READ.get_or_init(|| EMBEDDED.iter().map(|_| OnceLock::new()).collect());
    let (cell, listed) = (cells.get(index)?, EMBEDDED.get(index)?);
    let plan = cell.get_or_init(|| match bytes_of(index) {
        Some(bytes) => from_bytes(listed.file, &bytes),
        None => Err(PlanError {
            file: listed.file.to_string(),
            path: "(预案数据)".to_string(),
            problem: "内嵌的预案数据长度与索引不符(构建已损坏)".to_string(),
        }),
    });
    Some(plan.as_ref())
}

/// The embedded plan with this id, read on first use: None if there is none, the problem if its bytes
/// do not read (a damaged build; the tests read every plan, so none ships).
pub fn embedded(id: &str) -> Option<Result<&'static Plan, &'static PlanError>> {
    read(EMBEDDED.iter().position(|p| p.id == id)?)
}

/// Every embedded plan, read, in the order of `embedded_plans`, or every problem found in them (the
/// finder and the tests look at them all).
pub fn registry() -> Result<&'static [&'static Plan], &'static [&'static PlanError]> {
    static ALL: OnceLock<Result<Vec<&'static Plan>, Vec<&'static PlanError>>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let (mut plans, mut errors) = (Vec::new(), Vec::new());
        for read in (0..EMBEDDED.len()).filter_map(read) {
            match read {
                Ok(plan) => plans.push(plan),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(plans)
        } else {
            Err(errors)
        }
    });
    match all {
        Ok(plans) => Ok(plans),
        Err(errors) => Err(errors),
    }
}
