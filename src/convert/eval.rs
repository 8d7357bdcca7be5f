//! Measuring the converter against hand-checked articles: the evaluation set in
//! `tests/fixtures/eval/` (`<name>.txt`, the text as a reader copies it, and
//! `<name>.expected.json`, what a careful reader extracts from it).
//!
//! Entities are compared by their forms (name and aliases): a suggested entity is right
//! when one of its forms is a form of an expected one. Dates are compared by value and
//! precision. A year is *invented* when an output date has a year the text does not write
//! (as four digits) and that is not the year of a stated publication date or the year
//! before it (which "last December" may reach).
//!
//! Used by `briefing-eval` and by `tests/eval.rs`.

use super::{convert_text, ConvertOptions};
use crate::model::{Article, EntityKind, Precision, ProvenanceKind};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

/// One hand-checked text: where it comes from, and what it names and dates.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// Who published it, and where this copy was read.
    pub outlet: String,
    pub source_url: String,
    /// Why its text may be kept in this repository.
    pub why_kept: String,
    /// Added after the converter was tuned on the others, to measure it on text it was
    /// not tuned on.
    #[serde(default)]
    pub held_out: bool,
    /// The publication date, when the copy states one.
    pub published: Option<ExpectedDate>,
    pub entities: Vec<ExpectedEntity>,
    /// Dated events, other than the publication itself.
    pub dates: Vec<ExpectedDate>,
    #[serde(default)]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedEntity {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl ExpectedEntity {
    fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Defaults to what the date's form says.
    #[serde(default)]
    pub precision: Option<Precision>,
    pub provenance: ProvenanceKind,
    /// The words of the text that give it.
    pub words: String,
}

impl ExpectedDate {
    pub fn precision(&self) -> Precision {
        self.precision.unwrap_or(match self.date.len() {
            4 => Precision::Year,
            7 => Precision::Month,
            _ => Precision::Day,
        })
    }
}

/// Counts for one text, or summed over many.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub texts: usize,
    /// Suggested entities, and how many of them are expected ones.
    pub suggested: usize,
    pub right: usize,
    /// Of those, how many have the expected kind.
    pub right_kind: usize,
    /// Expected entities, and how many were suggested.
    pub expected: usize,
    pub found: usize,
    /// Expected dates (with the publication date), how many the output has, and how many
    /// of those with the expected provenance.
    pub dates: usize,
    pub dates_found: usize,
    pub dates_same_basis: usize,
    /// "text: 2019 in event-2019" for each year the text does not give.
    pub invented: Vec<String>,
    /// What went wrong, for reading: suggestions not expected, expected entities not
    /// suggested, kinds that differ and dates not found.
    pub mistakes: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.suggested)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.expected)
    }
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.right_kind, self.right)
    }
    pub fn date_recall(&self) -> f64 {
        ratio(self.dates_found, self.dates)
    }

    fn add(&mut self, other: &Score) {
        self.texts += other.texts;
        self.suggested += other.suggested;
        self.right += other.right;
        self.right_kind += other.right_kind;
        self.expected += other.expected;
        self.found += other.found;
        self.dates += other.dates;
        self.dates_found += other.dates_found;
        self.dates_same_basis += other.dates_same_basis;
        self.invented.extend(other.invented.iter().cloned());
        self.mistakes.extend(other.mistakes.iter().cloned());
    }
}

/// 1 when there is nothing to count, so an empty set does not drag a mean down.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "entity precision {:.2} ({}/{}), recall {:.2} ({}/{}), kind accuracy {:.2} ({}/{}), \
             date recall {:.2} ({}/{}, same provenance {}), invented years {}",
            self.precision(),
            self.right,
            self.suggested,
            self.recall(),
            self.found,
            self.expected,
            self.kind_accuracy(),
            self.right_kind,
            self.right,
            self.date_recall(),
            self.dates_found,
            self.dates,
            self.dates_same_basis,
            self.invented.len()
        )
    }
}

/// Scores one converted article against what was expected of its text.
pub fn score(name: &str, text: &str, article: &Article, expected: &Expected) -> Score {
    let mut score = Score {
        texts: 1,
        suggested: article.entities.len(),
        expected: expected.entities.len(),
        ..Score::default()
    };
    let mut found = vec![false; expected.entities.len()];
    for entity in &article.entities {
        let forms: BTreeSet<&str> = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .collect();
        let matches = expected
            .entities
            .iter()
            .position(|e| e.forms().any(|form| forms.contains(form)));
        if let Some(index) = matches {
            score.right += 1;
            let kind = expected.entities[index].kind;
            if kind == entity.kind {
                score.right_kind += 1;
            } else {
                score.mistakes.push(format!(
                    "kind: {} is {}, not {}",
                    entity.name,
                    kind.slug(),
                    entity.kind.slug()
                ));
            }
            found[index] = true;
        } else {
            score.mistakes.push(format!(
                "not expected: {} ({})",
                entity.name,
                entity.kind.slug()
            ));
        }
    }
    for (entity, _) in (expected.entities.iter().zip(&found)).filter(|(_, &f)| !f) {
        score.mistakes.push(format!("missed: {}", entity.name));
    }
    score.found = found.iter().filter(|&&f| f).count();

    if let Some(published) = &expected.published {
        score.dates += 1;
        if let Some(out) = article
            .published
            .as_ref()
            .filter(|p| p.from == published.date)
        {
            score.dates_found += 1;
            score.dates_same_basis += usize::from(out.basis.kind == published.provenance);
        } else {
            score
                .mistakes
                .push(format!("missed publication date: {}", published.date));
        }
    }
    for date in &expected.dates {
        score.dates += 1;
        let events = article
            .events
            .iter()
            .filter(|e| e.date == date.date && e.precision == date.precision());
        let mut kinds = events.map(|e| e.basis.kind).peekable();
        if kinds.peek().is_some() {
            score.dates_found += 1;
            score.dates_same_basis += usize::from(kinds.any(|k| k == date.provenance));
        } else {
            score
                .mistakes
                .push(format!("missed date: {} (\"{}\")", date.date, date.words));
        }
    }
    score.invented = invented_years(name, text, article);
    score
}

/// Four-digit numbers from 1000 to 2999 written in the text, wherever they stand
/// ("2021", "8/26/2016").
fn written_years(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4 && matches!(run.as_bytes()[0], b'1' | b'2'))
        .collect()
}

/// Each output date whose year the text neither writes nor implies by a stated
/// publication date.
pub fn invented_years(name: &str, text: &str, article: &Article) -> Vec<String> {
    let written = written_years(text);
    let mut allowed: BTreeSet<String> = written.iter().map(|y| y.to_string()).collect();
    if let Some(published) = &article.published {
        let year = published.from.get(..4).unwrap_or("");
        if written.contains(year) && published.basis.kind == ProvenanceKind::Stated {
            if let Ok(year) = year.parse::<i32>() {
                allowed.insert((year - 1).to_string());
            }
        }
    }
    let mut dates: Vec<(String, &str)> = article
        .events
        .iter()
        .map(|e| (e.id.clone(), e.date.as_str()))
        .collect();
    if let Some(published) = &article.published {
        dates.push(("published".to_owned(), published.from.as_str()));
        if let Some(to) = &published.to {
            dates.push(("published (to)".to_owned(), to.as_str()));
        }
    }
    dates
        .into_iter()
        .filter(|(_, date)| !allowed.contains(date.get(..4).unwrap_or(date)))
        .map(|(id, date)| format!("{name}: {date} in {id}"))
        .collect()
}

/// One text's name and score, or why it could not be scored.
pub struct TextResult {
    pub name: String,
    pub held_out: bool,
    pub outcome: Result<Score, String>,
}

/// The sum over the held-out texts.
pub fn held_out_total(results: &[TextResult]) -> Score {
    let mut total = Score::default();
    for result in results.iter().filter(|r| r.held_out) {
        if let Ok(score) = &result.outcome {
            total.add(score);
        }
    }
    total
}

/// Converts and scores every `<name>.txt` with a `<name>.expected.json` in `dir`, in
/// name order, and the sum over all of them.
pub fn evaluate_dir(dir: &Path) -> Result<(Vec<TextResult>, Score), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".expected.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    let mut results = Vec::new();
    let mut total = Score::default();
    for name in names {
        let outcome = evaluate_one(dir, &name);
        let held_out = outcome.as_ref().is_ok_and(|(_, held_out)| *held_out);
        let outcome = outcome.map(|(score, _)| score);
        if let Ok(score) = &outcome {
            total.add(score);
        }
        results.push(TextResult {
            name,
            held_out,
            outcome,
        });
    }
    Ok((results, total))
}

fn evaluate_one(dir: &Path, name: &str) -> Result<(Score, bool), String> {
    let read =
        |file: String| std::fs::read_to_string(dir.join(&file)).map_err(|e| format!("{file}: {e}"));
    let text = read(format!("{name}.txt"))?;
    let expected: Expected = serde_json::from_str(&read(format!("{name}.expected.json"))?)
        .map_err(|e| format!("{name}.expected.json: {e}"))?;
    let conversion = convert_text(&text, &ConvertOptions::default())
        .map_err(|e| format!("{name}.txt does not convert: {e}"))?;
    Ok((
        score(name, &text, &conversion.article, &expected),
        expected.held_out,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert;

    fn expected(json: &str) -> Expected {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn scores_entities_by_their_forms_and_dates_by_value() {
        let text = "Title\n\nPresident Vladimir Putin met in Moscow on 1 December 2021. \
                    The Kremlin spoke.";
        let article = convert(text).article;
        let expected = expected(
            r#"{"outlet": "x", "source_url": "x", "why_kept": "x", "published": null,
               "entities": [
                 {"name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"]},
                 {"name": "Moscow", "kind": "organisation"},
                 {"name": "Russia", "kind": "place"}],
               "dates": [
                 {"date": "2021-12-01", "provenance": "stated", "words": "1 December 2021"},
                 {"date": "2021-12", "provenance": "stated", "words": "December 2021"}]}"#,
        );
        let score = score("t", text, &article, &expected);
        assert_eq!((score.expected, score.found), (3, 2));
        assert_eq!(score.right_kind + 1, score.right);
        assert_eq!(
            (score.dates, score.dates_found, score.dates_same_basis),
            (2, 1, 1)
        );
        assert!(score.invented.is_empty());
    }

    #[test]
    fn a_year_the_text_does_not_write_is_invented() {
        let mut article = convert("Title\n\nThey met in 2021.").article;
        assert!(invented_years("t", "They met in 2021.", &article).is_empty());
        article.events[0].date = "2020".into();
        assert_eq!(
            invented_years("t", "They met in 2021.", &article),
            ["t: 2020 in event-2021"]
        );
        assert_eq!(
            written_years("on 8/26/2016, $20000 and 3021"),
            BTreeSet::from(["2016"])
        );
    }
}
