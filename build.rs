//! Embeds every plan file under plans/ (so a new plan needs no Rust change): writes
//! `$OUT_DIR/embedded_plans.rs` with `(path, bytes)` pairs, sorted by path. Each TOML file is read
//! into the plan model here and embedded as postcard bytes, so the shipped engine has no TOML or JSON
//! parser for plans (issue 8: size). Validation is the tests' job (tests/plan_files.rs validates every
//! file and checks that the embedded bytes read back into the same plans).
use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/plan/model.rs"]
mod model;

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

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let out_dir = env::var("OUT_DIR").unwrap();
    let plans = Path::new(&root).join("plans");
    println!("cargo:rerun-if-changed=plans");
    let mut files = Vec::new();
    collect(&plans, &mut files);
    files.sort();
    let prefix = format!("{}/", plans.to_string_lossy().replace('\\', "/"));
    let mut code = String::from("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    let mut blob = Vec::new();
    for (i, file) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={file}");
        let name = file.strip_prefix(&prefix).unwrap_or(file);
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: {e}"));
        // A file that does not read stops the build here; `yingji check` says where and why.
        let plan: model::Plan = toml::from_str(&text).unwrap_or_else(|e| {
            panic!("plans/{name} 无法读取(运行 yingji check plans/{name} 查看位置): {e}")
        });
        let bytes = postcard::to_allocvec(&plan).unwrap();
        let part = format!("plan-{i}.bin");
        fs::write(Path::new(&out_dir).join(&part), &bytes).unwrap();
        code.push_str(&format!(
            "    ({name:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{part}\"))),\n"
        ));
        blob.extend_from_slice(&bytes);
    }
    code.push_str("];\n");
    fs::write(Path::new(&out_dir).join("embedded_plans.rs"), code).unwrap();
    // All plan data as shipped, for the size report (scripts/size.sh): the bytes the .wasm embeds.
    fs::write(Path::new(&out_dir).join("plan-data.bin"), blob).unwrap();
}
