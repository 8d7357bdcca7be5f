//! Exports: an analysed article as documents other tools open.
//!
//! - [`timelinejs`]: a [TimelineJS 3](https://timeline.knightlab.com/docs/json-format.html)
//!   JSON document, one slide per event, each saying how its date is known;
//! - [`entities_csv`] and [`events_csv`]: RFC 4180 tables for spreadsheets;
//! - [`json_ld`]: a schema.org `NewsArticle` for search engines and linked-data tools.
//!
//! Pure (serde and serde_json only, no `web-sys`): tested natively, built for wasm too.
//! Dates are exactly as precise as known: a month is never given an invented day.

use crate::dates::{date_range_text, PartialDate};
use crate::document::Document;
use crate::model::{
    Article, Entity, EntityKind, Event, Precision, Provenance, ProvenanceKind, Source,
};
use crate::validate::is_web_link;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

// ---- TimelineJS -----------------------------------------------------------------------

/// The article's events as a TimelineJS 3 document: a title slide and one event slide
/// per article event, grouped by lane (a slide's `group` is its lane's label).
///
/// TimelineJS renders `headline`, `text`, `group` and `display_date` as HTML, so every
/// piece of article text is escaped, and only http(s) links become `<a>` elements.
pub fn timelinejs(document: &Document) -> Value {
    let article = &document.article;
    let events: Vec<Value> = document
        .chronology
        .iter()
        .map(|&index| {
            timeline_event(
                &article.events[index],
                &document.event_dates[index],
                document.lane_label(index),
            )
        })
        .collect();
    json!({
        "title": { "text": { "headline": escape_html(&article.title), "text": title_text(article) } },
        "events": events,
    })
}

fn title_text(article: &Article) -> String {
    let site = escape_html(&article.site);
    let mut html = match article.url.as_deref().filter(|url| is_web_link(url)) {
        Some(url) => format!("<p>{}</p>", link(url, &site)),
        None => format!("<p>{site}</p>"),
    };
    if let Some(published) = &article.published {
        html.push_str(&format!(
            "<p>Published {} ({}).</p>",
            escape_html(&date_range_text(&published.from, published.to.as_deref())),
            published.basis.kind.label().to_lowercase(),
        ));
    }
    html.push_str(
        "<p>Each date is marked as stated in the article, inferred from it, \
         or from an outside source.</p>",
    );
    html
}

fn timeline_event(event: &Event, date: &PartialDate, lane_label: &str) -> Value {
    // Only the parts that are known: TimelineJS fills nothing in for a missing day.
    let mut start = Map::new();
    start.insert("year".into(), Value::String(date.year.to_string()));
    if let Some(month) = date.month {
        start.insert("month".into(), Value::String((month as u8).to_string()));
    }
    if let Some(day) = date.day {
        start.insert("day".into(), Value::String(day.to_string()));
    }
    json!({
        "unique_id": event.id,
        "start_date": start,
        "display_date": escape_html(&date.to_string()),
        "group": escape_html(lane_label),
        "text": { "headline": escape_html(&event.label), "text": event_text(event) },
    })
}

/// The slide text: how the date is known, in plain words, then the article's sentence.
fn event_text(event: &Event) -> String {
    let basis = &event.basis;
    let mut html = String::new();
    let reasoning = basis.reasoning.as_deref().map(escape_html);
    match basis.kind {
        ProvenanceKind::Stated => {
            match basis.quote.as_deref() {
                Some(quote) => html.push_str(&format!(
                    "<p>{}: “{}”</p>",
                    basis.kind.label(),
                    escape_html(quote)
                )),
                None => html.push_str(&format!("<p>{}.</p>", basis.kind.label())),
            }
            // What a stated date leaves open (the year, say) is reasoned.
            if let Some(reasoning) = &reasoning {
                html.push_str(&format!("<p>{reasoning}</p>"));
            }
            push_sources(&mut html, "Sources", &basis.sources);
        }
        ProvenanceKind::Inferred => {
            match &reasoning {
                Some(reasoning) => {
                    html.push_str(&format!("<p>{}: {reasoning}</p>", basis.kind.label()))
                }
                None => html.push_str(&format!("<p>{}.</p>", basis.kind.label())),
            }
            push_sources(&mut html, "Sources", &basis.sources);
        }
        ProvenanceKind::External => {
            if basis.sources.is_empty() {
                html.push_str(&format!("<p>{}.</p>", basis.kind.label()));
            } else {
                push_sources(&mut html, basis.kind.label(), &basis.sources);
            }
            if let Some(reasoning) = &reasoning {
                html.push_str(&format!("<p>{reasoning}</p>"));
            }
        }
    }
    if let Some(sentence) = &event.sentence {
        html.push_str(&format!(
            "<p>In the article:</p><blockquote>{}</blockquote>",
            escape_html(&sentence.text)
        ));
    }
    if event.suggested {
        html.push_str("<p>Suggested automatically by the text converter, not checked.</p>");
    }
    html
}

fn push_sources(html: &mut String, lead: &str, sources: &[Source]) {
    if sources.is_empty() {
        return;
    }
    let list: Vec<String> = sources
        .iter()
        .map(|source| {
            let name = escape_html(&source.name);
            if is_web_link(&source.url) {
                link(&source.url, &name)
            } else {
                name
            }
        })
        .collect();
    html.push_str(&format!("<p>{lead}: {}</p>", list.join(", ")));
}

/// An `<a>` opening in a new tab, giving the target no handle on this page.
/// `text_html` is already escaped; the caller has checked `url` with [`is_web_link`].
fn link(url: &str, text_html: &str) -> String {
    format!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{text_html}</a>",
        escape_html(url)
    )
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

// ---- CSV ------------------------------------------------------------------------------

/// One row per entity, in article order: `id,name,kind,aliases,description,mentions,same_as,suggested`.
pub fn entities_csv(document: &Document) -> String {
    let mut csv = CsvTable::new();
    csv.record(&[
        "id",
        "name",
        "kind",
        "aliases",
        "description",
        "mentions",
        "same_as",
        "suggested",
    ]);
    for (index, entity) in document.article.entities.iter().enumerate() {
        let mentions = document.entity_mentions.get(index).map_or(0, Vec::len);
        csv.record(&[
            &entity.id,
            &entity.name,
            entity.kind.slug(),
            &entity.aliases.join("; "),
            &entity.description,
            &mentions.to_string(),
            entity.same_as.as_deref().unwrap_or(""),
            bool_text(entity.suggested),
        ]);
    }
    csv.finish()
}

/// One row per event, in date order:
/// `id,date,precision,lane,label,basis,quote,reasoning,sources,entities,sentence,suggested`,
/// where `lane` is the lane's id, as `entities` lists entity ids.
pub fn events_csv(document: &Document) -> String {
    let mut csv = CsvTable::new();
    csv.record(&[
        "id",
        "date",
        "precision",
        "lane",
        "label",
        "basis",
        "quote",
        "reasoning",
        "sources",
        "entities",
        "sentence",
        "suggested",
    ]);
    for &index in &document.chronology {
        let event = &document.article.events[index];
        let Provenance {
            kind,
            quote,
            reasoning,
            sources,
        } = &event.basis;
        let urls: Vec<&str> = sources.iter().map(|source| source.url.as_str()).collect();
        csv.record(&[
            &event.id,
            &event.date,
            precision_slug(event),
            &event.lane,
            &event.label,
            kind.slug(),
            quote.as_deref().unwrap_or(""),
            reasoning.as_deref().unwrap_or(""),
            &urls.join(" "),
            &event.entities.join(" "),
            event.sentence.as_ref().map_or("", |s| s.text.as_str()),
            bool_text(event.suggested),
        ]);
    }
    csv.finish()
}

fn precision_slug(event: &Event) -> &'static str {
    match event.precision {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

fn bool_text(value: bool) -> &'static str {
    if value {
        "true"
    } else {
        "false"
    }
}

/// A table being written as RFC 4180 CSV, records ended by CRLF: every field in double
/// quotes, a double quote in it doubled, as the `csv` crate writes with
/// `QuoteStyle::Always` (a test compares the two; the crate, with the number parsing its
/// other quote styles need, cost the tools module about 20 kB gzipped).
///
/// Every field is quoted, so a spreadsheet that splits on semicolons or tabs still reads
/// `x;=1+1;y` as one quoted text, and each field is guarded (see [`guard_formula`]).
struct CsvTable(String);

impl CsvTable {
    fn new() -> Self {
        CsvTable(String::new())
    }

    fn record(&mut self, fields: &[&str]) {
        for (index, field) in fields.iter().enumerate() {
            if index > 0 {
                self.0.push(',');
            }
            self.0.push('"');
            self.0.push_str(&guard_formula(field).replace('"', "\"\""));
            self.0.push('"');
        }
        self.0.push_str("\r\n");
    }

    fn finish(self) -> String {
        self.0
    }
}

/// A field, made safe from being run as a formula.
///
/// Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with `=`, `+`,
/// `-` or `@` as a formula, some after skipping leading spaces, tabs or line breaks, and
/// some read the full-width `＝＋－＠` as the same. Article text comes from web pages, so a
/// field such as `=HYPERLINK("https://evil", "click")` could run in the reader's
/// spreadsheet. A leading `'` makes the cell plain text (the OWASP "CSV injection"
/// advice); it shows as an apostrophe in other tools, which is the price of safety.
fn guard_formula(field: &str) -> std::borrow::Cow<'_, str> {
    const STARTS: [char; 12] = [
        '=', '+', '-', '@', '\t', '\r', '\n', ' ', '＝', '＋', '－', '＠',
    ];
    if field.starts_with(STARTS) {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

// ---- JSON-LD --------------------------------------------------------------------------

/// The article as a schema.org `NewsArticle`.
///
/// `datePublished` comes only from `published` (its earliest date). The copy date is the
/// date a page showed when it was read, neither a publication nor a modification date,
/// so it is left out.
pub fn json_ld(article: &Article) -> Value {
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("NewsArticle"));
    ld.insert("headline".into(), json!(article.title));
    ld.insert("inLanguage".into(), json!(article.language));
    ld.insert(
        "publisher".into(),
        json!({ "@type": "Organization", "name": article.site }),
    );
    if let Some(published) = &article.published {
        ld.insert("datePublished".into(), json!(published.from));
    }
    if let Some(url) = article.url.as_deref().filter(|url| is_web_link(url)) {
        ld.insert("url".into(), json!(url));
    }

    // Central: the people and organisations in the story's own events, which by the
    // format's convention are the first lane's.
    let own_lane = article.lanes.first().map(|lane| lane.id.as_str());
    let central: HashSet<&str> = article
        .events
        .iter()
        .filter(|event| Some(event.lane.as_str()) == own_lane)
        .flat_map(|event| event.entities.iter().map(String::as_str))
        .collect();
    let about: Vec<Value> = article
        .entities
        .iter()
        .filter(|entity| {
            matches!(entity.kind, EntityKind::Person | EntityKind::Organisation)
                && central.contains(entity.id.as_str())
        })
        .map(entity_ld)
        .collect();
    if !about.is_empty() {
        ld.insert("about".into(), Value::Array(about));
    }
    let mentions: Vec<Value> = article.entities.iter().map(entity_ld).collect();
    if !mentions.is_empty() {
        ld.insert("mentions".into(), Value::Array(mentions));
    }
    Value::Object(ld)
}

fn entity_ld(entity: &Entity) -> Value {
    let kind = match entity.kind {
        EntityKind::Person => "Person",
        EntityKind::Organisation => "Organization",
        EntityKind::Place => "Place",
        EntityKind::Topic => "Thing",
    };
    let mut ld = Map::new();
    ld.insert("@type".into(), json!(kind));
    ld.insert("name".into(), json!(entity.name));
    ld.insert("description".into(), json!(entity.description));
    if let Some(url) = entity.same_as.as_deref().filter(|url| is_web_link(url)) {
        ld.insert("sameAs".into(), json!(url));
    }
    Value::Object(ld)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Document {
        Document::new(crate::builtin_article())
    }

    fn with_article(change: impl FnOnce(&mut Article)) -> Document {
        let mut article = crate::builtin_article();
        change(&mut article);
        Document::new(article)
    }

    fn slide<'a>(export: &'a Value, id: &str) -> &'a Value {
        export["events"]
            .as_array()
            .expect("events")
            .iter()
            .find(|slide| slide["unique_id"] == id)
            .unwrap_or_else(|| panic!("no slide {id}"))
    }

    #[test]
    fn day_dates_keep_their_day() {
        let export = timelinejs(&builtin());
        let meeting = slide(&export, "moscow-meeting");
        assert_eq!(
            meeting["start_date"],
            json!({ "year": "2021", "month": "12", "day": "1" })
        );
        assert_eq!(meeting["display_date"], "1 December 2021");
        assert_eq!(meeting["group"], "The meeting");
        assert_eq!(
            slide(&export, "taliban-take-kabul")["group"],
            "Afghanistan backdrop"
        );
    }

    #[test]
    fn partial_dates_gain_no_day() {
        let document = with_article(|article| {
            let event = &mut article.events[0];
            event.date = "2021-05".into();
            event.precision = Precision::Month;
            let event = &mut article.events[1];
            event.date = "2021".into();
            event.precision = Precision::Year;
        });
        let export = timelinejs(&document);
        let month = slide(&export, "yusuf-appointed");
        assert_eq!(month["start_date"], json!({ "year": "2021", "month": "5" }));
        assert!(month["start_date"].get("day").is_none());
        assert_eq!(month["display_date"], "May 2021");
        let year = slide(&export, "dushanbe-sco-meeting");
        assert_eq!(year["start_date"], json!({ "year": "2021" }));
        assert_eq!(year["display_date"], "2021");

        let csv = events_csv(&document);
        assert!(
            csv.contains("\r\n\"yusuf-appointed\",\"2021-05\",\"month\",\"meeting\","),
            "{csv}"
        );
        assert!(
            csv.contains("\r\n\"dushanbe-sco-meeting\",\"2021\",\"year\",\"meeting\","),
            "{csv}"
        );
    }

    #[test]
    fn article_text_is_escaped_for_html() {
        let document = with_article(|article| {
            article.title = "Tom & Jerry's \"show\"".into();
            let event = &mut article.events[2];
            event.label = "<script>alert(1)</script>".into();
            event.basis.quote = Some("on <b>December 1</b>".into());
            event.basis.sources[0].name = "Geo <News>".into();
            event.basis.sources[1].url = "javascript:alert(1)".into();
        });
        let export = timelinejs(&document);
        assert_eq!(
            export["title"]["text"]["headline"],
            "Tom &amp; Jerry&#39;s &quot;show&quot;"
        );
        let meeting = slide(&export, "moscow-meeting");
        assert_eq!(
            meeting["text"]["headline"],
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        let text = meeting["text"]["text"].as_str().unwrap();
        assert!(!text.contains("<script") && !text.contains("<b>"), "{text}");
        assert!(text.contains("Stated in the article: “on &lt;b&gt;December 1&lt;/b&gt;”"));
        assert!(text.contains(
            "<a href=\"https://www.geo.tv/latest/385432-pakistan-russia-alarmed-at-looming-humanitarian-crisis-in-afghanistan\" \
             target=\"_blank\" rel=\"noopener noreferrer\">Geo &lt;News&gt;</a>"
        ));
        // A source that is not a web link is named, not linked.
        assert!(!text.contains("javascript:"), "{text}");
        assert!(text.contains(", Dawn</p>"), "{text}");
        assert!(text.contains("<blockquote>The National Security Advisor, Moeed Yusuf,"));
    }

    #[test]
    fn provenance_is_said_plainly() {
        let export = timelinejs(&builtin());
        let text = |id| {
            slide(&export, id)["text"]["text"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert!(text("moscow-meeting")
            .starts_with("<p>Stated in the article: “on December 1 in Moscow”</p>"));
        assert!(text("nsa-tweet").starts_with("<p>Inferred: The exact date of the tweet"));
        assert!(text("yusuf-appointed").starts_with(
            "<p>From an outside source: <a href=\"https://onthedot.world/pak-pms-close-aide-moeed-yusuf-appointed-as-nsa\" \
             target=\"_blank\" rel=\"noopener noreferrer\">OnTheDot</a></p>"
        ));
        let title = export["title"]["text"]["text"].as_str().unwrap();
        assert!(title.starts_with("<p>Global Village Space</p>"), "{title}");
        assert!(
            title.contains("stated in the article, inferred from it, or from an outside source")
        );
        assert!(!title.contains("2024-02-15") && !title.contains("February 15"));
    }

    fn csv_of(records: &[&[&str]]) -> String {
        let mut csv = CsvTable::new();
        for record in records {
            csv.record(record);
        }
        csv.finish()
    }

    /// The table as the `csv` crate writes it, every field quoted, records ended by CRLF.
    fn csv_crate_of(records: &[Vec<String>]) -> String {
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .terminator(csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(Vec::new());
        for record in records {
            writer
                .write_record(record.iter().map(|field| guard_formula(field).into_owned()))
                .unwrap();
        }
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn csv_tables_are_written_as_the_csv_crate_writes_them() {
        let pieces = [
            "", "a", "\"", "\"\"", ",", "\r", "\n", "\r\n", " ", "\t", "=", "-", "'", ";", "x y",
            "Łódź", "＝", "\u{feff}", "\\", "\0",
        ];
        // Fields of up to three pieces, records of up to four fields, from a fixed seed.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % bound as u64).unwrap()
        };
        let mut records = Vec::new();
        for _ in 0..2000 {
            let fields = (0..=next(4))
                .map(|_| {
                    (0..next(4))
                        .map(|_| pieces[next(pieces.len())])
                        .collect::<String>()
                })
                .collect::<Vec<String>>();
            records.push(fields);
        }
        let mut ours = CsvTable::new();
        for record in &records {
            ours.record(&record.iter().map(String::as_str).collect::<Vec<_>>());
        }
        assert_eq!(ours.finish(), csv_crate_of(&records));
    }

    #[test]
    fn every_csv_field_is_quoted_as_rfc_4180_says() {
        assert_eq!(
            csv_of(&[&["a", "b,c", ""], &["say \"hi\"", "two\nlines", "cr\rhere"]]),
            "\"a\",\"b,c\",\"\"\r\n\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n"
        );
        // Quoted whole, a semicolon-separated formula stays inside one text field.
        assert_eq!(csv_of(&[&["x;=1+1;y"]]), "\"x;=1+1;y\"\r\n");
    }

    #[test]
    fn csv_fields_cannot_start_a_formula() {
        for (field, written) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("\n=1", "'\n=1"),
            (" =1+1", "' =1+1"),
            ("＝1+1", "'＝1+1"),
            ("＋1", "'＋1"),
            ("－1", "'－1"),
            ("＠SUM(A1)", "'＠SUM(A1)"),
            // Only at the start: a hyphen inside a field is text.
            ("counter-terrorism", "counter-terrorism"),
            ("x;=1+1;y", "x;=1+1;y"),
        ] {
            assert_eq!(guard_formula(field), written, "{field:?}");
            assert_eq!(
                csv_of(&[&[field]]),
                format!("\"{}\"\r\n", written.replace('"', "\"\""))
            );
        }
        assert_eq!(
            csv_of(&[&["=HYPERLINK(\"https://example.com\",\"x\")"]]),
            "\"'=HYPERLINK(\"\"https://example.com\"\",\"\"x\"\")\"\r\n"
        );

        let document =
            with_article(|article| article.entities[0].name = "=cmd|' /C calc'!A0".into());
        let csv = entities_csv(&document);
        assert!(
            csv.contains("\r\n\"moeed-yusuf\",\"'=cmd|' /C calc'!A0\",\"person\","),
            "{csv}"
        );
    }

    #[test]
    fn csv_tables_have_a_row_per_entity_and_event() {
        let document = builtin();
        let entities = entities_csv(&document);
        let events = events_csv(&document);
        assert!(
            entities.starts_with("\"id\",\"name\",\"kind\",\"aliases\",\"description\",\"mentions\",\"same_as\",\"suggested\"\r\n")
        );
        assert!(events.starts_with(
            "\"id\",\"date\",\"precision\",\"lane\",\"label\",\"basis\",\"quote\",\"reasoning\",\"sources\",\"entities\",\"sentence\",\"suggested\"\r\n"
        ));
        assert!(entities.ends_with("\r\n") && events.ends_with("\r\n"));
        let patrushev = document.entity_index("nikolay-patrushev").unwrap();
        let count = document.entity_mentions[patrushev].len();
        assert!(count > 0);
        assert!(entities.contains(&format!(
            "\r\n\"nikolay-patrushev\",\"Nikolay Patrushev\",\"person\",\"Nikolay Patrushev; Patrushev; \
             Russian Security Council Chief; Russian counterpart\",\"Secretary of the Security \
             Council of Russia, 12 May 2008 – 12 May 2024; Yusuf’s counterpart and host in \
             Moscow.\",\"{count}\",\"https://en.wikipedia.org/wiki/Nikolai_Patrushev\",\"false\"\r\n"
        )));
        assert!(events.contains(
            "\r\n\"moscow-meeting\",\"2021-12-01\",\"day\",\"meeting\",\"Yusuf and Patrushev hold talks in Moscow\",\
             \"stated\",\"on December 1 in Moscow\","
        ));
        assert!(events.contains(
            "https://www.geo.tv/latest/385432-pakistan-russia-alarmed-at-looming-humanitarian-crisis-in-afghanistan \
             https://www.dawn.com/news/1661403/pakistan-russia-discuss-defence-cybersecurity-cooperation\",\
             \"moeed-yusuf nikolay-patrushev security-council-of-russia "
        ));
        // No field in the article needs quoting across lines, so records are lines.
        assert_eq!(
            entities.matches("\r\n").count(),
            document.article.entities.len() + 1
        );
        assert_eq!(
            events.matches("\r\n").count(),
            document.article.events.len() + 1
        );
    }

    #[test]
    fn json_ld_names_the_publisher_and_never_the_copy_date() {
        let article = crate::builtin_article();
        let ld = json_ld(&article);
        let text = ld.to_string();
        assert!(!text.contains("2024-02-15"), "{text}");
        assert!(!text.contains("February 15"), "{text}");
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(
            ld["headline"],
            "Strong future: NSA meets Russian counterpart in Moscow"
        );
        assert_eq!(ld["inLanguage"], "en");
        assert_eq!(
            ld["publisher"],
            json!({ "@type": "Organization", "name": "Global Village Space" })
        );
        assert_eq!(ld["datePublished"], "2021-12-01");
        assert!(ld.get("dateModified").is_none());
        assert!(ld.get("url").is_none());

        let mentions = ld["mentions"].as_array().unwrap();
        assert_eq!(mentions.len(), article.entities.len());
        assert!(mentions.contains(&json!({
            "@type": "Person",
            "name": "Nikolay Patrushev",
            "description": article.entity("nikolay-patrushev").unwrap().description,
            "sameAs": "https://en.wikipedia.org/wiki/Nikolai_Patrushev",
        })));
        let pakistan_embassy = mentions
            .iter()
            .find(|m| m["name"] == "Pakistan Embassy in Moscow")
            .unwrap();
        assert_eq!(pakistan_embassy["@type"], "Organization");
        assert!(pakistan_embassy.get("sameAs").is_none());
        assert!(mentions
            .iter()
            .any(|m| m["@type"] == "Place" && m["name"] == "Moscow"));
        assert!(mentions
            .iter()
            .any(|m| m["@type"] == "Thing" && m["name"] == "Energy"));

        let about: Vec<&str> = ld["about"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entity| entity["name"].as_str().unwrap())
            .collect();
        assert!(about.contains(&"Moeed Yusuf") && about.contains(&"Nikolay Patrushev"));
        assert!(about.contains(&"Security Council of Russia"));
        // Backdrop-only entities and places are not what the story is about.
        assert!(!about.contains(&"Taliban") && !about.contains(&"Moscow"));
    }

    #[test]
    fn json_ld_links_the_article_only_to_web_addresses() {
        let mut article = crate::builtin_article();
        article.url = Some("https://www.globalvillagespace.com/strong-future/".into());
        assert_eq!(
            json_ld(&article)["url"],
            "https://www.globalvillagespace.com/strong-future/"
        );
        article.url = Some("javascript:alert(1)".into());
        assert!(json_ld(&article).get("url").is_none());
        article.published = None;
        assert!(json_ld(&article).get("datePublished").is_none());
    }
}
