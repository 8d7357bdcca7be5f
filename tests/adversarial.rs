//! Articles made to cost the most work, valid ones within every limit and invalid ones up
//! to the size limit: each must load (or be refused) and be analysed in bounded time.
//!
//! The files are generated, not committed (they are megabytes). The benchmark opens them
//! in Chromium; it writes them with
//! `BRIEFING_ADVERSARIAL_DIR=dir cargo test --test adversarial -- --ignored write_articles`.
#![cfg(not(target_arch = "wasm32"))]

use briefing::document::Document;
use briefing::validate::{
    load_article, LoadError, MAX_ALIASES_PER_ENTITY, MAX_ALIAS_CHARS, MAX_ARTICLE_BYTES,
    MAX_BLOCKS, MAX_BLOCKS_PER_SECTION, MAX_ENTITIES, MAX_EVENTS, MAX_EVENT_ENTITIES, MAX_LANES,
    MAX_MENTIONS, MAX_PARAGRAPH_CHARS, MAX_SECTIONS,
};
use serde_json::{json, Value};
use std::time::Instant;

/// One generated article: its name, whether it is valid, and its JSON.
struct Adversary {
    name: &'static str,
    valid: bool,
    json: String,
}

fn article(name: &str, sections: Vec<Value>, entities: Vec<Value>, events: Vec<Value>) -> Value {
    json!({
        "id": format!("adversarial-{name}"),
        "site": "Adversary",
        "title": format!("Adversarial article: {name}"),
        "sections": sections,
        "lanes": lanes(),
        "entities": entities,
        "events": events,
    })
}

/// As many lanes as allowed; events go in the first unless spread with [`in_every_lane`].
fn lanes() -> Vec<Value> {
    (0..MAX_LANES)
        .map(|l| json!({"id": format!("lane-{l}"), "label": format!("Lane {l}")}))
        .collect()
}

/// The events spread over every lane in turn.
fn in_every_lane(mut events: Vec<Value>) -> Vec<Value> {
    for (v, event) in events.iter_mut().enumerate() {
        event["lane"] = json!(format!("lane-{}", v % MAX_LANES));
    }
    events
}

fn paragraph(id: String, text: String) -> Value {
    json!({"type": "paragraph", "id": id, "text": text})
}

/// Sections of `per_section` paragraphs each, numbered from `p0`.
fn sections_of(paragraphs: Vec<String>, per_section: usize) -> Vec<Value> {
    let mut sections = Vec::new();
    for (s, chunk) in paragraphs.chunks(per_section).enumerate() {
        let blocks: Vec<Value> = chunk
            .iter()
            .enumerate()
            .map(|(b, text)| paragraph(format!("p{}", s * per_section + b), text.clone()))
            .collect();
        sections
            .push(json!({"id": format!("s{s}"), "heading": format!("Part {s}"), "blocks": blocks}));
    }
    if let Some(first) = sections.first_mut() {
        first.as_object_mut().expect("a section").remove("heading");
    }
    sections
}

fn entity(id: String, aliases: Vec<String>) -> Value {
    json!({"id": id, "name": aliases[0], "kind": "topic", "aliases": aliases, "description": "d"})
}

fn event(id: String, date: &str, entities: &[String], sentence: Option<(String, String)>) -> Value {
    let mut event = json!({
        "id": id, "date": date, "precision": "day", "lane": "lane-0", "label": "An event",
        "entities": entities, "basis": {"kind": "stated", "quote": "q"},
    });
    if let Some((paragraph, text)) = sentence {
        event["sentence"] = json!({"paragraph": paragraph, "text": text});
    }
    event
}

/// Words `a a a …`, `count` of them.
fn words(word: &str, count: usize) -> String {
    vec![word; count].join(" ")
}

/// Paragraph texts of about `chars` characters each, adding up to about `bytes`.
fn texts(unit: &str, chars: usize, bytes: usize) -> Vec<String> {
    let text = unit.repeat(chars / unit.chars().count());
    vec![text; bytes / (chars + 40)]
}

/// Every alias of 1,000 entities starts with the same words and all of them overlap in
/// the text: the case that once built hundreds of millions of candidates.
fn overlapping_aliases() -> Value {
    let mut entities = vec![entity(
        "a".into(),
        (1..=MAX_ALIASES_PER_ENTITY)
            .map(|n| words("a", n))
            .collect(),
    )];
    for e in 1..1_000 {
        let aliases = (1..=MAX_ALIASES_PER_ENTITY)
            .map(|n| format!("{} x{e}", words("a", n)))
            .collect();
        entities.push(entity(format!("e{e}"), aliases));
    }
    let paragraphs = (0..180)
        .map(|p| {
            (0..MAX_PARAGRAPH_CHARS / 120)
                .map(|k| format!("{} x{}", words("a", 55), (p * 7 + k) % 1_000))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    article(
        "overlapping-aliases",
        sections_of(paragraphs, 100),
        entities,
        vec![],
    )
}

/// As many mentions as allowed, spread over as much text as fits.
fn many_hits() -> Value {
    let mut paragraphs = texts("b ", MAX_PARAGRAPH_CHARS, MAX_ARTICLE_BYTES - 10_000);
    let per_paragraph = MAX_MENTIONS.div_ceil(paragraphs.len());
    let mut left = MAX_MENTIONS;
    for text in &mut paragraphs {
        let here = per_paragraph.min(left);
        // "b b … b" with every other word made "a", from the start.
        text.replace_range(..4 * here, &"a b ".repeat(here));
        left -= here;
    }
    article(
        "many-hits",
        sections_of(paragraphs, 100),
        vec![entity("a".into(), vec!["a".into()])],
        vec![],
    )
}

/// One short alias and text made of nothing else: a mention at every word, far over the
/// limit on mentions.
fn a_mention_at_every_word() -> Value {
    let paragraphs = texts("a ", MAX_PARAGRAPH_CHARS, MAX_ARTICLE_BYTES - 10_000);
    article(
        "mention-at-every-word",
        sections_of(paragraphs, 100),
        vec![entity("a".into(), vec!["a".into()])],
        vec![],
    )
}

/// As many entities and events as allowed, every event naming the most entities it may,
/// spread over as many lanes as allowed.
fn many_entities_and_events() -> Value {
    let ids: Vec<String> = (0..MAX_ENTITIES).map(|e| format!("e{e}")).collect();
    let entities = ids
        .iter()
        .map(|id| entity(id.clone(), vec![format!("Name {id}"), format!("{id}")]))
        .collect();
    let paragraphs = (0..MAX_ENTITIES / 100)
        .map(|p| {
            (p * 100..p * 100 + 100)
                .map(|e| format!("Name e{e} met e{e}."))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let events = (0..MAX_EVENTS)
        .map(|v| {
            let named: Vec<String> = (0..MAX_EVENT_ENTITIES)
                .map(|k| ids[(v * 7 + k) % ids.len()].clone())
                .collect();
            event(format!("v{v}"), "2021-12-01", &named, None)
        })
        .collect();
    article(
        "many-entities-and-events",
        sections_of(paragraphs, 10),
        entities,
        in_every_lane(events),
    )
}

/// The most sections and paragraphs, each a few words long.
fn short_paragraphs() -> Value {
    let per_section = MAX_BLOCKS / MAX_SECTIONS;
    let paragraphs = (0..MAX_BLOCKS)
        .map(|p| format!("Short paragraph {p} about Moscow."))
        .collect();
    let entities = vec![entity("moscow".into(), vec!["Moscow".into()])];
    article(
        "short-paragraphs",
        sections_of(paragraphs, per_section),
        entities,
        vec![],
    )
}

/// Every event on one day, each quoting the end of a long paragraph, in every lane: the
/// most timeline rows and the longest sentence searches.
fn same_day_events_long_sentences() -> Value {
    let paragraphs: Vec<String> = (0..300)
        .map(|p| {
            format!(
                "{} The end of paragraph {p}.",
                words("word", MAX_PARAGRAPH_CHARS / 5 - 10)
            )
        })
        .collect();
    let events = (0..MAX_EVENTS)
        .map(|v| {
            let p = v % paragraphs.len();
            event(
                format!("v{v}"),
                "2021-12-01",
                &[],
                Some((format!("p{p}"), format!("The end of paragraph {p}."))),
            )
        })
        .collect();
    article(
        "same-day-events",
        sections_of(paragraphs, 30),
        vec![],
        in_every_lane(events),
    )
}

/// Paragraphs as long as allowed, with long aliases that almost match everywhere.
fn near_misses() -> Value {
    // Long runs of "a" ending, or starting, in a word the text never has: the automaton
    // reads the text backwards, so the second kind is the near miss for it.
    let run = words("a", MAX_ALIAS_CHARS / 2 - 3);
    let entities = (0..MAX_ENTITIES / 10)
        .map(|e| {
            entity(
                format!("e{e}"),
                vec![format!("{run} b{e}"), format!("b{e} {run}")],
            )
        })
        .collect();
    let paragraphs = texts("a ", MAX_PARAGRAPH_CHARS, 4_000_000);
    article(
        "near-misses",
        sections_of(paragraphs, MAX_BLOCKS_PER_SECTION),
        entities,
        vec![],
    )
}

// ---- invalid ----

/// Arrays inside arrays, as deep as the size limit allows.
fn deep_nesting() -> String {
    let depth = MAX_ARTICLE_BYTES / 2 - 100;
    format!(
        "{{\"id\": \"deep\", \"site\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// Every kind of problem, as many times as fit: bad ids, empty and invisible names,
/// unsafe links, unknown and repeated references, impossible and out-of-range dates.
fn many_problems() -> Value {
    let entities: Vec<Value> = (0..20_000)
        .map(|e| {
            json!({"id": format!("Bad Id {e}"), "name": "\u{200B}", "kind": "person",
                   "aliases": ["\u{202E}x"], "description": " ", "same_as": "javascript:alert(1)"})
        })
        .collect();
    let events: Vec<Value> = (0..8_000)
        .map(|v| {
            event(
                format!("V{v}"),
                "0000-02-30",
                &["nobody".into(), "nobody".into()],
                Some(("p9".into(), "x".into())),
            )
        })
        .collect();
    let sections =
        vec![json!({"id": "Lead", "blocks": [paragraph("P 1".into(), "\u{2800}".into())]})];
    article("many-problems", sections, entities, events)
}

/// Well over every count limit, within the size limit.
fn over_the_limits() -> Value {
    let entities: Vec<Value> = (0..40_000)
        .map(|e| entity(format!("e{e}"), vec![format!("E{e}")]))
        .collect();
    let sections: Vec<Value> = (0..3_000)
        .map(|s| json!({"id": format!("s{s}"), "heading": "H", "blocks": [paragraph(format!("p{s}"), "x".into())]}))
        .collect();
    let mut value = article("over-the-limits", sections, entities, vec![]);
    value["lanes"] = json!((0..1_000)
        .map(|l| json!({"id": format!("l{l}"), "label": "L"}))
        .collect::<Vec<_>>());
    value
}

/// A valid-looking article whose last byte is wrong, so the whole file is parsed first.
fn late_syntax_error() -> String {
    let mut text = serde_json::to_string(&a_mention_at_every_word()).expect("serialises");
    text.pop();
    text.push(']');
    text
}

/// An enum value as long as the size limit allows, which messages must not repeat.
fn huge_unknown_value() -> Value {
    let mut value = article(
        "huge-value",
        sections_of(vec!["Text.".into()], 1),
        vec![],
        vec![event("v".into(), "2021-12-01", &[], None)],
    );
    value["events"][0]["precision"] = json!("w".repeat(MAX_ARTICLE_BYTES - 1_000));
    value
}

fn adversaries() -> Vec<Adversary> {
    let valid = |name, value: Value| Adversary {
        name,
        valid: true,
        json: serde_json::to_string(&value).expect("serialises"),
    };
    let invalid = |name, json: String| Adversary {
        name,
        valid: false,
        json,
    };
    let to_text = |value: Value| serde_json::to_string(&value).expect("serialises");
    vec![
        valid("overlapping-aliases", overlapping_aliases()),
        valid("many-hits", many_hits()),
        valid("many-entities-and-events", many_entities_and_events()),
        valid("short-paragraphs", short_paragraphs()),
        valid("same-day-events", same_day_events_long_sentences()),
        valid("near-misses", near_misses()),
        invalid("deep-nesting", deep_nesting()),
        invalid("mention-at-every-word", to_text(a_mention_at_every_word())),
        invalid("many-problems", to_text(many_problems())),
        invalid("over-the-limits", to_text(over_the_limits())),
        invalid("late-syntax-error", late_syntax_error()),
        invalid("huge-unknown-value", to_text(huge_unknown_value())),
    ]
}

#[test]
fn every_adversarial_article_loads_or_is_refused_with_a_short_message() {
    for adversary in adversaries() {
        let Adversary { name, valid, json } = adversary;
        assert!(
            json.len() <= MAX_ARTICLE_BYTES,
            "{name} is {} bytes",
            json.len()
        );
        let started = Instant::now();
        let loaded = load_article(&json);
        let loading = started.elapsed();
        match loaded {
            Ok(article) => {
                assert!(valid, "{name} should be refused");
                let document = Document::new(article);
                let mentions: usize = document.passages.iter().map(|p| p.mentions.len()).sum();
                for passage in &document.passages {
                    for pair in passage.mentions.windows(2) {
                        assert!(pair[0].end <= pair[1].start, "{name}: mentions overlap");
                    }
                }
                eprintln!(
                    "{name}: {} bytes, loaded in {loading:.2?}, analysed in {:.2?} ({mentions} mentions)",
                    json.len(),
                    started.elapsed() - loading
                );
            }
            Err(error) => {
                let message = error.to_string();
                assert!(
                    !valid,
                    "{name} should load: {}",
                    &message[..message.len().min(2_000)]
                );
                assert!(
                    message.chars().count() < 5_000,
                    "{name}: a message of {} characters",
                    message.len()
                );
                if let LoadError::Invalid(problems) = &error {
                    if problems.len() > 20 {
                        assert!(message.ends_with(" more"), "{name}: {message}");
                    }
                }
                eprintln!(
                    "{name}: {} bytes, refused in {loading:.2?}: {}",
                    json.len(),
                    &message[..message.floor_char_boundary(160)]
                );
            }
        }
    }
}

#[test]
#[ignore = "writes the articles for the benchmark"]
fn write_articles() {
    let dir = std::env::var("BRIEFING_ADVERSARIAL_DIR")
        .expect("BRIEFING_ADVERSARIAL_DIR names a directory");
    for Adversary { name, valid, json } in adversaries() {
        let kind = if valid { "valid" } else { "invalid" };
        std::fs::write(format!("{dir}/{kind}-{name}.json"), json).expect("written");
    }
}
