//! Embeds the saved queries of `queries/` into the binary, so `newskg query NAME` works from any directory.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=queries");
    let mut entries: Vec<_> =
        fs::read_dir("queries").map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    entries.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "rq"));
    entries.sort();
    let mut code =
        String::from("/// The saved queries of `queries/`: (name, text).\npub static SAVED: &[(&str, &str)] = &[\n");
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // Relative to the package being compiled, not an absolute path: a build directory shared by two checkouts
        // otherwise keeps pointing at the first one.
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        code.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/queries/\", {file:?}))),\n"
        ));
        println!("cargo:rerun-if-changed={}", path.display());
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("queries.rs");
    fs::write(out, code).unwrap();
}
