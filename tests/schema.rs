//! The JSON Schema in `static/articles/` is generated from the Rust types; this test
//! fails when the committed copy is out of date. Regenerate with
//! `BRIEFING_BLESS=1 cargo test --test schema`.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn committed_schema_matches_the_rust_types() {
    let schema = schemars::schema_for!(briefing::model::Article);
    let generated = serde_json::to_string_pretty(&schema).expect("schema serialises") + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/static/articles/article.schema.json"
    );
    if std::env::var_os("BRIEFING_BLESS").is_some() {
        std::fs::write(path, &generated).expect("schema written");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "static/articles/article.schema.json is out of date; regenerate it with \
         `BRIEFING_BLESS=1 cargo test --test schema`"
    );
}
