//! The saved queries of `queries/`, embedded at build time, and what their header comments say.

include!(concat!(env!("OUT_DIR"), "/queries.rs"));

/// The text of the saved query `name`.
pub fn find_saved(name: &str) -> Option<&'static str> {
    SAVED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// A query's summary (its leading `#` comment lines) and its parameters (lines `# param: NAME ...`).
pub fn describe(text: &str) -> (String, Vec<String>) {
    let mut summary = Vec::new();
    let mut params = Vec::new();
    for line in text.lines().take_while(|l| l.starts_with('#')) {
        let line = line.trim_start_matches('#').trim();
        if let Some(p) = line.strip_prefix("param:") {
            params.push(p.trim().to_string());
        } else if !line.is_empty() {
            summary.push(line.to_string());
        }
    }
    (summary.join(" "), params)
}
