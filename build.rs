//! Embeds every plan file under plans/ (so a new plan needs no Rust change): writes
//! `$OUT_DIR/embedded_plans.rs` with `(path, text)` pairs, sorted by path.
use std::{env, fs, path::Path};

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
    let plans = Path::new(&root).join("plans");
    println!("cargo:rerun-if-changed=plans");
    let mut files = Vec::new();
    collect(&plans, &mut files);
    files.sort();
    let prefix = format!("{}/", plans.to_string_lossy().replace('\\', "/"));
    let mut code = String::from("pub static EMBEDDED: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={file}");
        let name = file.strip_prefix(&prefix).unwrap_or(file);
        code.push_str(&format!("    ({name:?}, include_str!({file:?})),\n"));
    }
    code.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_plans.rs"),
        code,
    )
    .unwrap();
}
