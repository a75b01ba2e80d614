//! Embeds every plan file under plans/ (so a new plan needs no Rust change). Each TOML file is read
//! into the plan model here and embedded as postcard bytes, so the shipped engine has no TOML or JSON
//! parser for plans (issue 8: size). Validation is the tests' job (tests/plan_files.rs validates every
//! file and checks that the embedded plans read back into the same plans).
//!
//! The bytes are laid out field by field, not plan by plan: every plan's `plan` section, then every
//! plan's `scope`, … then every plan's `notes`. Plans of one city share much text (organisation,
//! contacts, measures) that lies 40–80 KB apart plan by plan, beyond gzip's 32 KB window; side by
//! side it compresses (issue 8: 248,244 → 211,950 bytes of plan data after gzip). postcard writes a
//! struct as its fields one after another, so a plan's bytes are its fields' bytes concatenated:
//! `src/plan/registry.rs` puts them back together with the lengths written here.
//!
//! Each plan's bytes start with a header (`src/plan/version.rs`: magic and the model's version, a
//! hash of the model's source files below), laid out as a first field like the others, so the
//! engine refuses bytes of another build's model instead of misreading them.
//!
//! The plans are embedded in the order people look for them (`src/plan/order.rs`), each with what the
//! plan list shows of it (title, city, 文号, date, «待确认» count), so that the engine lists the plans
//! without reading any and reads a plan only when it is chosen (issue 14 §5: reading all 14 at the
//! start took ~60 ms at 4× CPU before the first result).
//!
//! Output in `$OUT_DIR`: `plans.bin` (the data), `embedded_plans.rs` (what the list shows, and the
//! lengths) and `plan_bytes_version.rs` (the model's version, for `plan::to_bytes`/`from_bytes`).
use std::{env, fs, path::Path};

// The plan model, as the crate has it (every file its serde shape depends on).
#[allow(dead_code)]
#[path = "src/plan/bound.rs"]
mod bound;
#[allow(dead_code)]
#[path = "src/plan/calendar.rs"]
mod calendar;
#[allow(dead_code)]
#[path = "src/plan/keys.rs"]
mod keys;
#[allow(dead_code, unused_imports)]
#[path = "src/plan/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/plan/order.rs"]
mod order;
#[allow(dead_code)]
#[path = "src/plan/review.rs"]
mod review;
#[allow(dead_code)]
#[path = "src/plan/version.rs"]
mod version;

/// The files that define the plan bytes' shape: their hash is the bytes' version.
const MODEL_FILES: &[&str] = &[
    "src/plan/bound.rs",
    "src/plan/calendar.rs",
    "src/plan/keys.rs",
    "src/plan/model.rs",
    "src/plan/version.rs",
];

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// Plan's top-level fields in declaration order, each as postcard bytes. `main` checks that they
/// add up to the whole plan's bytes, so a field added to the model and not here stops the build.
macro_rules! field_bytes {
    ($plan:expr; $($field:ident),+ $(,)?) => {
        vec![$(postcard::to_allocvec(&$plan.$field).unwrap()),+]
    };
}

fn fields(plan: &model::Plan, header: &[u8]) -> Vec<Vec<u8>> {
    let mut fields = vec![header.to_vec()];
    fields.extend(field_bytes!(plan;
        plan, bounds_clause, scope, exclusions, finder, facts, grades, grading, hazards, response,
        reporting, organisation, measures, termination, warning, notes, contacts, tables, activation,
        checks, applicability, recovery,
    ));
    fields
}

/// FNV-1a over the model's source files: any change to the model gives its bytes a new version.
fn fnv1a(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for part in parts {
        for b in *part {
            h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
        }
    }
    h
}

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let out_dir = env::var("OUT_DIR").unwrap();
    let plans = Path::new(&root).join("plans");
    println!("cargo:rerun-if-changed=plans");
    let sources: Vec<Vec<u8>> = MODEL_FILES
        .iter()
        .map(|f| {
            println!("cargo:rerun-if-changed={f}");
            fs::read(Path::new(&root).join(f)).unwrap_or_else(|e| panic!("{f}: {e}"))
        })
        .collect();
    let bytes_version = fnv1a(&sources.iter().map(Vec::as_slice).collect::<Vec<_>>());
    fs::write(
        Path::new(&out_dir).join("plan_bytes_version.rs"),
        format!(
            "/// The plan model's version (a hash of its source), the second half of plan bytes' header.\n\
             pub const BYTES_VERSION: u32 = 0x{bytes_version:08x};\n"
        ),
    )
    .unwrap();
    let header = version::header(bytes_version);
    let mut files = Vec::new();
    collect(&plans, &mut files);
    files.sort();
    let prefix = format!("{}/", plans.to_string_lossy().replace('\\', "/"));
    let mut read: Vec<(String, model::Plan, Vec<Vec<u8>>)> = Vec::new();
    for file in &files {
        println!("cargo:rerun-if-changed={file}");
        let name = file.strip_prefix(&prefix).unwrap_or(file);
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: {e}"));
        // A file that does not read stops the build here; `yingji check` says where and why.
        let plan: model::Plan = toml::from_str(&text).unwrap_or_else(|e| {
            panic!("plans/{name} 无法读取(运行 yingji check plans/{name} 查看位置): {e}")
        });
        let plan_fields = fields(&plan, &header);
        assert!(
            plan_fields.concat() == [&header[..], &postcard::to_allocvec(&plan).unwrap()].concat(),
            "build.rs: the field list in fields() no longer matches struct Plan in src/plan/model.rs"
        );
        read.push((name.to_string(), plan, plan_fields));
    }
    // Stable: plans with the same key stay in file order.
    read.sort_by_key(|(_, plan, _)| order::key(plan));
    let parts: Vec<&Vec<Vec<u8>>> = read.iter().map(|(_, _, f)| f).collect();
    let field_count = parts.first().map_or(0, |p| p.len());
    let mut data = Vec::new();
    for f in 0..field_count {
        for plan in &parts {
            data.extend_from_slice(&plan[f]);
        }
    }
    fs::write(Path::new(&out_dir).join("plans.bin"), &data).unwrap();
    let mut code = String::from(
        "/// Each embedded plan as the plan list shows it, in the order people look for them.\n\
         pub static EMBEDDED: &[EmbeddedPlan] = &[\n",
    );
    for (name, plan, _) in &read {
        let m = &plan.plan;
        code.push_str(&format!(
            "    EmbeddedPlan {{ file: {name:?}, id: {:?}, city: {:?}, title: {:?}, doc_number: {:?}, date: {:?}, unconfirmed: {} }},\n",
            m.id, m.city, m.title, m.doc_number, m.date, review::unconfirmed(plan)
        ));
    }
    code.push_str(&format!(
        "];\n/// For each plan of `EMBEDDED`, the byte length of each of its {field_count} fields in `EMBEDDED_DATA`.\n\
         pub static EMBEDDED_LENGTHS: &[[u32; {field_count}]] = &[\n"
    ));
    for plan in &parts {
        let lengths: Vec<String> = plan.iter().map(|b| b.len().to_string()).collect();
        code.push_str(&format!("    [{}],\n", lengths.join(", ")));
    }
    code.push_str(
        "];\n/// Field by field: every plan's first field, then every plan's second, ….\n\
         pub static EMBEDDED_DATA: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/plans.bin\"));\n",
    );
    fs::write(Path::new(&out_dir).join("embedded_plans.rs"), code).unwrap();
}
