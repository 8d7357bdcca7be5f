//! Stores the built-in article in the program without the whitespace that makes the
//! shipped file readable: the same JSON, a few kilobytes lighter in the WebAssembly.

use std::path::Path;

const BUILTIN_ARTICLE: &str = "static/articles/nsa-moscow-2021-12-01.json";

/// JSON without whitespace outside strings.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed={BUILTIN_ARTICLE}");
    let json = std::fs::read_to_string(BUILTIN_ARTICLE).expect("the built-in article is readable");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        Path::new(&out_dir).join("builtin-article.json"),
        minify(&json),
    )
    .expect("OUT_DIR is writable");
}
