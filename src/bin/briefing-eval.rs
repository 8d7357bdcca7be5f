//! `briefing-eval`: converts each text of the evaluation set and prints, per text and
//! overall, entity precision and recall, kind accuracy, date recall and every invented
//! year; with `-v`, also each mistake. Exits with status 1 when a year was invented or a
//! text could not be scored.

const USAGE: &str = "usage: briefing-eval [-v] [DIR]   (DIR: tests/fixtures/eval by default)";

use briefing::convert::eval::{evaluate_dir, held_out_total};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eval"));
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("-v") => verbose = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => dir = PathBuf::from(arg),
        }
    }
    let (results, total) = match evaluate_dir(&dir) {
        Ok(evaluated) => evaluated,
        Err(error) => {
            eprintln!("briefing-eval: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut failed = false;
    for result in &results {
        match &result.outcome {
            Ok(score) => {
                let mark = if result.held_out { " (held out)" } else { "" };
                println!("{}{mark}: {score}", result.name);
                for mistake in score.mistakes.iter().filter(|_| verbose) {
                    println!("    {mistake}");
                }
            }
            Err(error) => {
                failed = true;
                println!("{}: NOT SCORED: {error}", result.name);
            }
        }
    }
    println!("overall, {} texts: {total}", total.texts);
    let held_out = held_out_total(&results);
    println!("held out, {} texts: {held_out}", held_out.texts);
    for invented in &total.invented {
        println!("invented year: {invented}");
    }
    if failed || !total.invented.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
