//! Build-time pre-rendering: renders the default view of the built-in article with
//! Yew's server renderer into a built `index.html`, with the head tags that search
//! engines and link previews read, so the article shows before (and without) the
//! WebAssembly. The browser then hydrates it. Run by the release build's hook:
//!
//! `prerender <index.html> [page URL]`

use briefing::meta::head_tags;
use std::process::ExitCode;

const EMPTY_ROOT: &str = r#"<div id="briefing"></div>"#;

fn splice(page: &str, body: &str, head: &str) -> Result<String, String> {
    let title_start = page.find("<title>").ok_or("index.html has no <title>")?;
    let description = page[title_start..]
        .find(r#"<meta name="description""#)
        .map(|at| title_start + at)
        .ok_or("index.html has no description meta tag after <title>")?;
    let head_end = page[description..]
        .find('>')
        .map(|at| description + at + 1)
        .ok_or("unterminated description meta tag")?;
    if !page.contains(EMPTY_ROOT) {
        return Err(format!("index.html has no empty {EMPTY_ROOT} to fill"));
    }
    let page = format!("{}{head}{}", &page[..title_start], &page[head_end..]);
    Ok(page.replacen(
        EMPTY_ROOT,
        &format!(r#"<div id="briefing" data-prerendered>{body}</div>"#),
        1,
    ))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: prerender <index.html> [page URL]");
        return ExitCode::FAILURE;
    };
    let page_url = args.next().unwrap_or_else(|| "/".to_owned());
    let runtime = match tokio::runtime::Builder::new_current_thread().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("prerender: cannot start a runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let body = runtime
        .block_on(tokio::task::LocalSet::new().run_until(briefing::viewer::render_default_view()));
    let head = head_tags(&briefing::builtin_article(), &page_url);
    let result = std::fs::read_to_string(&path)
        .map_err(|error| format!("cannot read {path}: {error}"))
        .and_then(|page| splice(&page, &body, &head))
        .and_then(|page| {
            std::fs::write(&path, page).map_err(|error| format!("cannot write {path}: {error}"))
        });
    match result {
        Ok(()) => {
            println!(
                "prerender: wrote the default view into {path} ({} bytes of HTML)",
                body.len()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}
