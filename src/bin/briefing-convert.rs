//! `briefing-convert`: plain text of a news page to Briefing's article JSON.
//!
//! Reads a file or standard input, writes pretty JSON to standard output or a file, and
//! reports the publication date, dates without a year and other warnings on standard
//! error.

use briefing::convert::{convert_text, ConvertOptions};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: briefing-convert [INPUT.txt|-] [--id ID] [--site NAME] [--english] [-o OUTPUT.json]

Converts the plain text of a news page (page chrome, publication and byline lines,
captions, title, paragraphs, headings, \"Read More:\" lines) into a Briefing article.
Entities and events are suggested automatically and marked \"suggested\"; dates the
text does not anchor are reported, never given a year. Without INPUT, or with -, reads
standard input; without -o, writes to standard output.

  --id ID        article id (default: a slug of the title)
  --site NAME    site name when no \"Welcome to ...\" line gives one (default: Unknown site)
  --english      suggest names and dates even if the text does not read as English
                 (the converter's rules are English; by default it suggests nothing then)
  -o, --output   where to write the JSON";

struct Args {
    input: Option<String>,
    output: Option<String>,
    options: ConvertOptions,
}

/// `None` when help was asked for.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        input: None,
        output: None,
        options: ConvertOptions::default(),
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n\n{USAGE}"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--id" => parsed.options.id = Some(value("--id")?),
            "--site" => parsed.options.default_site = value("--site")?,
            "--english" => parsed.options.assume_english = true,
            "-o" | "--output" => parsed.output = Some(value("-o")?),
            "-" if parsed.input.is_none() => parsed.input = Some(arg),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n\n{USAGE}")),
            _ if parsed.input.is_none() => parsed.input = Some(arg),
            _ => return Err(format!("more than one input file\n\n{USAGE}")),
        }
    }
    Ok(Some(parsed))
}

fn run() -> Result<(), String> {
    let args = std::env::args_os()
        .skip(1)
        .map(|arg| {
            arg.into_string()
                .map_err(|arg| format!("the argument {arg:?} is not UTF-8"))
        })
        .collect::<Result<Vec<String>, String>>()?;
    let Some(args) = parse_args(args.into_iter())? else {
        return writeln!(std::io::stdout(), "{USAGE}")
            .map_err(|error| format!("cannot write to standard output: {error}"));
    };
    let (name, bytes) = match args.input.as_deref() {
        None | Some("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| format!("cannot read standard input: {error}"))?;
            ("standard input".to_owned(), bytes)
        }
        Some(path) => {
            let bytes =
                std::fs::read(path).map_err(|error| format!("cannot read {path}: {error}"))?;
            (path.to_owned(), bytes)
        }
    };
    let text = std::str::from_utf8(&bytes).map_err(|error| {
        format!(
            "{name}: input is not UTF-8 text (first bad byte at offset {})",
            error.valid_up_to()
        )
    })?;
    let conversion =
        convert_text(text, &args.options).map_err(|error| format!("{name}: {error}"))?;
    let json = serde_json::to_string_pretty(&conversion.article)
        .map_err(|error| format!("cannot write JSON: {error}"))?
        + "\n";
    match &args.output {
        Some(path) => {
            std::fs::write(path, json).map_err(|error| format!("cannot write {path}: {error}"))?
        }
        None => std::io::stdout()
            .write_all(json.as_bytes())
            .map_err(|error| format!("cannot write to standard output: {error}"))?,
    }

    let article = &conversion.article;
    match &article.published {
        Some(published) => note(format_args!(
            "published: {} (\"{}\")",
            published.from,
            published.basis.quote.as_deref().unwrap_or("")
        )),
        None => note(format_args!(
            "no publication date stated: relative dates and dates without a year get no event"
        )),
    }
    for date in &conversion.partial_dates {
        note(format_args!(
            "partial date: {date}; no event was made for it"
        ));
    }
    for warning in &conversion.warnings {
        note(format_args!("warning: {warning}"));
    }
    note(format_args!(
        "converted \"{}\": {} sections, {} paragraphs, {} suggested entities, {} suggested events",
        article.title,
        article.sections.len(),
        article.paragraphs().count(),
        article.entities.len(),
        article.events.len()
    ));
    Ok(())
}

/// A line on standard error; a closed stderr is no reason to fail (or panic, as
/// `eprintln!` would) after the JSON is written.
fn note(line: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            note(format_args!("briefing-convert: {message}"));
            ExitCode::FAILURE
        }
    }
}
