//! Suggested entities: people, places, organisations and other names in the text.

use super::ids::{slug, Ids};
use super::lexicon::{
    gazetteer, is_acronym, is_known_word, is_title, known, known_adjective, known_compound,
    COMMON_ENDINGS, NOT_NAMES, NOT_ORGANISATIONS, NOUN_ENDINGS, OFFICE_WORDS, ORGANISATION_WORDS,
    PLACE_WORDS, STOPWORDS, TITLES, TITLE_MODIFIERS, TOPIC_OPENERS, TOPIC_WORDS,
};
use super::names::{initials, is_initial, is_name_suffix, is_name_word, is_person_name, Passage};
use super::text::first_is;
use super::MAX_SUGGESTIONS;
use crate::mentions::MentionFinder;
use crate::model::{Article, Block, Entity, EntityKind};
use crate::text::thousands;
use crate::validate::{MAX_ALIAS_CHARS, MAX_MENTIONS};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use EntityKind::{Organisation as Org, Place};

/// Why a draft entity is thought to be what it is, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Why {
    Unclear,
    NameShape,
    /// The last word of more than one person's full name: "Trump".
    SharedSurname,
    Capitals,
    /// Title-case words in quotation marks: a work's or an event's title.
    Quoted,
    /// Followed by a comma and a known place: "Rockville, Maryland".
    BeforePlace(&'static str),
    Keyword(&'static str),
    /// Spelled out before its abbreviation in brackets: "… Diseases (NIAID)".
    Defined,
    Titled,
}

struct Draft {
    name: String,
    kind: EntityKind,
    why: Why,
    aliases: Vec<String>,
    titles: Vec<String>,
    merged: bool,
    /// How often the text names it, to keep the most named when there are too many.
    hits: usize,
}

/// Removes repeats, keeping the first of each.
fn dedup(list: &mut Vec<String>) {
    let mut seen = HashSet::new();
    list.retain(|item| seen.insert(item.clone()));
}

/// Words a text uses, to tell names from capitalised common words.
struct Vocabulary<'a> {
    /// Words that start with a lower-case letter.
    lower: HashSet<&'a str>,
    /// Capitalised words seen where no sentence starts.
    mid_sentence: HashSet<&'a str>,
}

impl Vocabulary<'_> {
    /// "Cooperation" at a sentence start, when "cooperation" is used elsewhere.
    fn is_common(&self, word: &str) -> bool {
        self.lower.contains(word.to_lowercase().as_str())
            || COMMON_ENDINGS.iter().any(|ending| word.ends_with(ending))
    }
}

/// What the passages name, gathered before it is sorted out.
#[derive(Default)]
struct Finds {
    drafts: Vec<Draft>,
    by_name: HashMap<String, usize>,
    /// Capitalised single words, and whether each started a sentence.
    singles: Vec<(String, bool)>,
    acronyms: Vec<String>,
    /// Indexes into the gazetteer with the adjectives seen standing alone.
    adjectives: HashMap<usize, BTreeSet<String>>,
    /// Words the text uses in lower case.
    lower: HashSet<String>,
}

impl Finds {
    fn add(&mut self, name: &str, kind: EntityKind, why: Why) -> usize {
        if let Some(&index) = self.by_name.get(name) {
            let draft = &mut self.drafts[index];
            draft.hits += 1;
            if why > draft.why {
                draft.why = why;
                draft.kind = kind;
            }
            return index;
        }
        self.drafts.push(Draft {
            name: name.to_owned(),
            kind,
            why,
            aliases: vec![name.to_owned()],
            titles: Vec::new(),
            merged: false,
            hits: 1,
        });
        self.by_name.insert(name.to_owned(), self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn person(&mut self, name: &str, title: Option<&str>, written: Option<&str>) {
        let why = if title.is_some() {
            Why::Titled
        } else {
            Why::NameShape
        };
        let index = self.add(name, EntityKind::Person, why);
        let draft = &mut self.drafts[index];
        draft.titles.extend(title.map(str::to_owned));
        draft.aliases.extend(written.map(str::to_owned));
    }

    fn scan(&mut self, passage: &Passage, vocabulary: &Vocabulary) {
        let quoted = if passage.headline {
            Vec::new()
        } else {
            passage.quoted_titles()
        };
        for title in &quoted {
            self.add(passage.span(title), EntityKind::Topic, Why::Quoted);
        }
        for run in passage.runs() {
            if quoted
                .iter()
                .any(|q| q.start <= run.start && run.end <= q.end)
            {
                continue;
            }
            if passage.headline {
                // Only all-capital words keep their meaning in headline case.
                for i in run.filter(|&i| is_acronym(passage.word(i))) {
                    self.place(passage, i..i + 1, false);
                }
                continue;
            }
            let mut run = run;
            // Sentence-initial common words are not names: "The National Security
            // Advisor", "In the NSA", "Extremism in Afghanistan".
            if passage.initial[run.start] {
                let first = run.start;
                while !run.is_empty() && STOPWORDS.contains(&passage.word(run.start)) {
                    run.start += 1;
                }
                if run.start == first && run.len() > 1 && vocabulary.is_common(passage.word(first))
                {
                    run.start += 1;
                }
            }
            while !run.is_empty() && !passage.capitalised(run.start) {
                run.start += 1;
            }
            if run.is_empty() || passage.speaker(&run) {
                continue;
            }
            // "National Institute of Allergy and Infectious Diseases (NIAID)": the words
            // whose initials the brackets give are one name.
            if let Some(from) = passage.defined(&run) {
                if from > run.start {
                    self.place(passage, run.start..from, passage.initial[run.start]);
                }
                let span = passage.span(&(from..run.end));
                let words: Vec<&str> = (from..run.end).map(|i| passage.word(i)).collect();
                let kind = keyword(&words).map_or(Org, |(kind, _)| kind);
                self.add(span, kind, Why::Defined);
                continue;
            }
            let initial = passage.initial[run.start];
            self.place(passage, run, initial);
        }
    }

    /// Sorts one run of capitalised words into a name of some kind, or splits it.
    fn place(&mut self, passage: &Passage, run: Range<usize>, initial: bool) {
        if run.is_empty() {
            return;
        }
        let span = passage.span(&run);
        let words: Vec<&str> = run.clone().map(|i| passage.word(i)).collect();
        if known(span).is_some() {
            return;
        }
        if let [word] = words[..] {
            return self.place_word(passage, run.start, word, initial);
        }
        let alone = |w: &str| is_known_word(w) || is_acronym(w);
        // "and" joins only inside an organisation's name, "Food and Agriculture
        // Organization", not in "Russian President Vladimir Putin and the UN".
        if let Some(and) = words.iter().position(|w| *w == "and") {
            let organisation = words.last().is_some_and(|w| ORGANISATION_WORDS.contains(w))
                && words[..and].iter().all(|w| !is_title(w) && !alone(w));
            if !organisation {
                // Cut at every "and"; the lower-case words after one start no name.
                let mut piece_start = run.start;
                let ands = run.clone().filter(|&i| passage.word(i) == "and");
                for end in ands.chain([run.end]) {
                    let start = (piece_start..end)
                        .find(|&i| passage.capitalised(i))
                        .unwrap_or(end);
                    self.place(passage, start..end, initial && start == run.start);
                    piece_start = end + 1;
                }
                return;
            }
        }
        // "World Health Organization Intergovernmental Negotiating Body": a known name
        // at the start is a name of its own.
        if let Some(k) = (2..words.len())
            .rev()
            .find(|&k| known(passage.span(&(run.start..run.start + k))).is_some())
        {
            return self.place(passage, run.start + k..run.end, false);
        }
        // A title before a name: "Secretary of State Antony J. Blinken", "PM Khan".
        if let Some(t) = title_phrase(&words) {
            if t == words.len() {
                // A title alone ("National Security Advisor") may name someone nearby.
                return;
            }
            if is_person_name(&words[t..]) {
                let name = passage.span(&(run.start + t..run.end));
                let title = passage.span(&(run.start..run.start + t));
                return self.person(name, Some(title), Some(span));
            }
            // "Chief Negotiator for the Pandemic Accord": what follows the title is
            // a name of its own.
            if let Some(from) = (run.start + t..run.end).find(|&i| passage.capitalised(i)) {
                return self.place(passage, from..run.end, false);
            }
            return;
        }
        // A title later in the run: "NSA Moeed Yusuf", "Pakistani PM Khan".
        if let Some(t) = words.iter().rposition(|w| TITLES.contains(w)) {
            if t + 1 == words.len() {
                return;
            }
            if is_person_name(&words[t + 1..]) {
                let name = passage.span(&(run.start + t + 1..run.end));
                let title = passage.span(&(run.start..run.start + t + 1));
                return self.person(name, Some(title), Some(span));
            }
        }
        let keyword = keyword(&words);
        // Without a keyword, connectors, known names and acronyms split a run:
        // "Afghanistan in December", "Afghan Taliban", "NSA Moeed Yusuf".
        if keyword.is_none()
            && words
                .iter()
                .any(|w| first_is(w, char::is_lowercase) || alone(w))
        {
            let mut piece_start = run.start;
            for (i, word) in run.clone().zip(&words) {
                if first_is(word, char::is_lowercase) || alone(word) {
                    if piece_start < i {
                        self.place(passage, piece_start..i, initial && piece_start == run.start);
                    }
                    if alone(word) {
                        self.place(passage, i..i + 1, initial && i == run.start);
                    }
                    piece_start = i + 1;
                }
            }
            if piece_start < run.end {
                self.place(
                    passage,
                    piece_start..run.end,
                    initial && piece_start == run.start,
                );
            }
            return;
        }
        match keyword {
            Some((kind, word)) => {
                self.add(span, kind, Why::Keyword(word));
            }
            None if passage.before_place(run.end - 1).is_some() => {
                let place = passage.before_place(run.end - 1).unwrap_or_default();
                self.add(span, Place, Why::BeforePlace(place));
            }
            None if words.len() <= 5 && is_person_name(&words) => {
                let title = passage
                    .title_before(run.start)
                    .or_else(|| passage.title_after(run.end - 1));
                self.person(span, title, None);
            }
            // "Civilian Security" where the text also says "civilian security": a
            // common phrase in capitals, not a name.
            None if words
                .iter()
                .all(|w| self.lower.contains(w.to_lowercase().as_str())) => {}
            None => {
                self.add(span, EntityKind::Topic, Why::Unclear);
            }
        }
    }

    fn place_word(&mut self, passage: &Passage, i: usize, word: &str, initial: bool) {
        if known_compound(word) {
            // Hyphenated adjectives stand alone too: "Afghan-Pakistan".
            for part in word.split('-') {
                if let Some(k) = known_adjective(part) {
                    self.adjectives
                        .entry(k)
                        .or_default()
                        .insert(part.to_owned());
                }
            }
        } else if let Some(k) = known_adjective(word) {
            self.adjectives
                .entry(k)
                .or_default()
                .insert(word.to_owned());
        } else if is_acronym(word) {
            if !NOT_ORGANISATIONS.contains(&word) {
                self.acronyms.push(word.to_owned());
            }
        } else if let Some(keyword) = ORGANISATION_WORDS.iter().find(|k| **k == word) {
            self.add(word, Org, Why::Keyword(keyword));
        } else if let Some(place) = passage.before_place(i).filter(|_| is_name_word(word)) {
            self.add(word, Place, Why::BeforePlace(place));
        } else if is_name_word(word) {
            match passage.title_before(i).or_else(|| passage.title_after(i)) {
                Some(title) => self.person(word, Some(title), None),
                None => self.singles.push((word.to_owned(), initial)),
            }
        }
    }

    /// Joins surnames, titles and acronyms to the names they stand for.
    fn resolve(&mut self, vocabulary: &Vocabulary) {
        // The last word of each full name, to its person; `None` when two people share it.
        let mut surnames: HashMap<String, Option<usize>> = HashMap::new();
        // The first word too, for "Christine" in "Christine Wormuth"; a surname wins.
        let mut first_names: HashMap<String, Option<usize>> = HashMap::new();
        for (index, draft) in self.drafts.iter().enumerate() {
            let mut words = draft
                .name
                .split_whitespace()
                .filter(|w| !is_name_suffix(w) && !is_initial(w));
            let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
                continue;
            };
            if draft.kind == EntityKind::Person {
                for (names, word) in [(&mut surnames, last), (&mut first_names, first)] {
                    names
                        .entry(word.to_owned())
                        .and_modify(|owner| *owner = None)
                        .or_insert(Some(index));
                }
            }
        }
        let owner = |word: &str| match surnames.get(word) {
            Some(owner) => *owner,
            None => first_names.get(word).copied().flatten(),
        };
        let shared = |word: &str| surnames.get(word) == Some(&None);
        // "Patrushev" is "Nikolay Patrushev"; other single words need to look like names.
        for (word, initial) in std::mem::take(&mut self.singles) {
            let noun = NOUN_ENDINGS.iter().any(|ending| word.ends_with(ending));
            if noun
                || NOT_NAMES.contains(&word.as_str())
                || vocabulary.lower.contains(word.to_lowercase().as_str())
            {
                continue;
            }
            if let Some(owner) = owner(&word) {
                self.drafts[owner].hits += 1;
                self.drafts[owner].aliases.push(word);
            } else if shared(&word) {
                self.add(&word, EntityKind::Person, Why::SharedSurname);
            } else if !initial || vocabulary.mid_sentence.contains(word.as_str()) {
                self.add(&word, EntityKind::Topic, Why::Unclear);
            }
        }
        // "PM Khan" joins "Imran Khan" when the text names him in full.
        for index in 0..self.drafts.len() {
            let draft = &mut self.drafts[index];
            if draft.kind != EntityKind::Person || draft.name.contains(char::is_whitespace) {
                continue;
            }
            let Some(owner) = owner(&draft.name) else {
                continue;
            };
            draft.merged = true;
            let aliases = std::mem::take(&mut draft.aliases);
            let titles = std::mem::take(&mut draft.titles);
            let (hits, why) = (draft.hits, draft.why);
            let owner = &mut self.drafts[owner];
            owner.hits += hits;
            owner.why = owner.why.max(why);
            owner.aliases.extend(aliases);
            owner.titles.extend(titles);
        }
        self.drafts.retain(|draft| !draft.merged);
        self.by_name = (self.drafts.iter().enumerate())
            .map(|(index, draft)| (draft.name.clone(), index))
            .collect();

        // A title of several words names its person, when only one person has it.
        let mut holders: HashMap<String, usize> = HashMap::new();
        for draft in &mut self.drafts {
            dedup(&mut draft.titles);
            for title in &draft.titles {
                *holders.entry(title.clone()).or_default() += 1;
            }
        }
        for draft in &mut self.drafts {
            let names: Vec<String> = (draft.titles.iter())
                .filter(|t| holders.get(*t) == Some(&1) && t.contains(char::is_whitespace))
                .cloned()
                .collect();
            draft.aliases.extend(names);
        }

        // "NSA" names whoever is "National Security Advisor"; otherwise an organisation.
        let mut by_initials: HashMap<String, Option<usize>> = HashMap::new();
        for (index, draft) in self.drafts.iter().enumerate() {
            let mut own: HashSet<String> = (draft.aliases.iter())
                .filter(|alias| alias.contains(char::is_whitespace))
                .map(|alias| initials(alias))
                .collect();
            for initials in own.drain() {
                by_initials
                    .entry(initials)
                    .and_modify(|owner| *owner = None)
                    .or_insert(Some(index));
            }
        }
        let mut seen = HashSet::new();
        for acronym in std::mem::take(&mut self.acronyms) {
            if !seen.insert(acronym.clone()) {
                continue;
            }
            match by_initials.get(&acronym).copied().flatten() {
                Some(index) => self.drafts[index].aliases.push(acronym),
                None => {
                    self.add(&acronym, Org, Why::Capitals);
                }
            }
        }
    }
}

/// The kind a name's head word gives, looking from its end: "Scott Air Force Base" is a
/// place, "U.S. Transportation Command" an organisation, "Pandemic Accord" a topic; a
/// storm or an operation is a topic by its first word ("Hurricane Helene").
fn keyword(words: &[&str]) -> Option<(EntityKind, &'static str)> {
    let find =
        |list: &'static [&'static str], word: &str| list.iter().find(|k| **k == word).copied();
    if let Some(first) = words.first().and_then(|w| find(TOPIC_OPENERS, w)) {
        return Some((EntityKind::Topic, first));
    }
    words.iter().enumerate().rev().find_map(|(i, word)| {
        find(ORGANISATION_WORDS, word)
            .map(|k| (Org, k))
            .or_else(|| find(TOPIC_WORDS, word).map(|k| (EntityKind::Topic, k)))
            .or_else(|| {
                // "White Nile State", but not "Department of State".
                let of = i > 0 && words[i - 1] == "of";
                find(PLACE_WORDS, word)
                    .filter(|k| !(of && *k == "State"))
                    .map(|k| (Place, k))
            })
    })
}

/// The number of leading words that are a title: "Secretary of State", "US Secretary of
/// Defense", "Egyptian President", "Under Secretary of State for Civilian Security".
fn title_phrase(words: &[&str]) -> Option<usize> {
    let mut end = None;
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        if is_title(word) {
            i += 1;
            end = Some(i);
        } else if end.is_some() && matches!(word, "of" | "for") {
            i += 1;
            if words.get(i) == Some(&"the") {
                i += 1;
            }
            let office = i;
            while words.get(i).is_some_and(|w| OFFICE_WORDS.contains(w)) {
                i += 1;
            }
            // "Secretary of State Antony Blinken": one word names the office, after "of".
            let of = words[..office].contains(&"of") && words[office - 1] != "for";
            let of = of && !words[..office].ends_with(&["for", "the"]);
            if i == office
                && of
                && words
                    .get(i)
                    .is_some_and(|w| first_is(w, char::is_uppercase))
            {
                i += 1;
            }
            if i == office {
                break;
            }
            end = Some(i);
        } else if TITLE_MODIFIERS.contains(&word)
            || known_adjective(word).is_some()
            || known(word).is_some()
        {
            i += 1;
        } else {
            break;
        }
    }
    end
}

/// Why the converter suggested it, to follow "Suggested because of".
fn because(draft: &Draft) -> String {
    match draft.why {
        Why::Titled => match draft.titles.first() {
            Some(title) => format!("a title next to the name: “{title}”"),
            None => "a title next to the name".to_owned(),
        },
        Why::NameShape => "capitalised words shaped like a person's name".to_owned(),
        Why::SharedSurname => "the surname of more than one person named in full".to_owned(),
        Why::Capitals => "an all-capital abbreviation".to_owned(),
        Why::BeforePlace(place) => format!("a comma and a known place after it: “{place}”"),
        Why::Keyword(word) => format!("the word “{word}” in the name"),
        Why::Defined => "its abbreviation in brackets after it".to_owned(),
        Why::Quoted => "title-case words in quotation marks".to_owned(),
        Why::Unclear => "capitalised words in mid-sentence".to_owned(),
    }
}

fn description(draft: &Draft) -> String {
    match draft.why {
        Why::Titled => {
            // A few are enough to say who this is.
            let titles: Vec<String> = (draft.titles.iter().take(3))
                .map(|t| format!("“{t}”"))
                .collect();
            format!("Person; titled {} in the text.", titles.join(" and "))
        }
        Why::NameShape => "Person, judging by the shape of the name.".to_owned(),
        Why::Keyword(word) => {
            let kind = draft.kind.label();
            format!("{kind}, judging by the word “{word}”.")
        }
        Why::Capitals => "Organisation, judging by its all-capitals name.".to_owned(),
        Why::Defined => {
            let kind = draft.kind.label();
            format!("{kind}, spelled out before its abbreviation.")
        }
        Why::BeforePlace(place) => format!("Place in or near {place}."),
        Why::Quoted => "Topic: a title quoted in the text.".to_owned(),
        Why::SharedSurname => {
            "Person; more than one person named in the text has this surname.".to_owned()
        }
        Why::Unclear => {
            "Named in the text; what kind of thing it is was not determined.".to_owned()
        }
    }
}

/// At most this many forms of one name.
const MAX_ALIASES: usize = 12;

/// Suggested entities, each named at least once, in order of first mention.
pub(super) fn suggest_entities(article: &Article, warnings: &mut Vec<String>) -> Vec<Entity> {
    let passages: Vec<Passage> = article
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .map(|block| match block {
            Block::Paragraph { text, .. } => Passage::new(text, false),
            Block::Related { title, .. } => Passage::new(title, true),
        })
        .collect();
    let mut vocabulary = Vocabulary {
        lower: HashSet::new(),
        mid_sentence: HashSet::new(),
    };
    for passage in &passages {
        for i in 0..passage.words.len() {
            let word = passage.word(i);
            if first_is(word, char::is_lowercase) {
                vocabulary.lower.insert(word);
            } else if !passage.initial[i] && !passage.headline {
                vocabulary.mid_sentence.insert(word);
            }
        }
    }
    let mut finds = Finds {
        lower: vocabulary.lower.iter().map(|w| w.to_string()).collect(),
        ..Finds::default()
    };
    for passage in &passages {
        finds.scan(passage, &vocabulary);
    }
    finds.resolve(&vocabulary);
    if finds.drafts.len() > MAX_SUGGESTIONS {
        warnings.push(format!(
            "{} names found; only the {MAX_SUGGESTIONS} named most often are suggested",
            finds.drafts.len()
        ));
        // Stable, so among equals the first found stays.
        finds
            .drafts
            .sort_by_key(|draft| std::cmp::Reverse(draft.hits));
        finds.drafts.truncate(MAX_SUGGESTIONS);
    }
    for draft in &mut finds.drafts {
        dedup(&mut draft.aliases);
        draft.aliases.truncate(MAX_ALIASES);
    }

    let known = gazetteer().iter().enumerate().map(|(k, known)| {
        let mut aliases = vec![known.name.to_owned()];
        aliases.extend(known.others.iter().map(|o| o.to_string()));
        aliases.extend(finds.adjectives.get(&k).into_iter().flatten().cloned());
        (
            known.name.to_owned(),
            known.kind,
            aliases,
            known.description.to_owned(),
            "its name in the built-in list of places and bodies".to_owned(),
        )
    });
    let drafted = finds.drafts.iter().map(|d| {
        let because = because(d);
        (
            d.name.clone(),
            d.kind,
            d.aliases.clone(),
            description(d),
            because,
        )
    });
    let mut taken = HashSet::new();
    let entities: Vec<Entity> = known
        .chain(drafted)
        .filter_map(|(name, kind, mut aliases, description, because)| {
            // Each form names one entity; the built-in list comes first. A form longer
            // than validation allows is no name.
            aliases.retain(|alias| {
                alias.chars().count() <= MAX_ALIAS_CHARS && taken.insert(alias.clone())
            });
            (!aliases.is_empty()).then(|| Entity {
                id: String::new(),
                name,
                kind,
                aliases,
                description,
                same_as: None,
                suggested: true,
                suggested_because: Some(because),
            })
        })
        .collect();

    // Keep what the viewer's mention finder will find, longest form first, and nothing else.
    let finder = MentionFinder::new(&entities);
    let mut first: Vec<Option<(usize, usize)>> = vec![None; entities.len()];
    let mut used: Vec<HashSet<&str>> = vec![HashSet::new(); entities.len()];
    let mut counts = vec![0usize; entities.len()];
    for (index, passage) in passages.iter().enumerate() {
        let text = passage.text;
        for mention in finder.find(text) {
            first[mention.entity].get_or_insert((index, mention.start));
            used[mention.entity].insert(&text[mention.start..mention.end]);
            counts[mention.entity] += 1;
        }
    }
    let mut kept: Vec<((usize, usize), usize, Entity)> = Vec::new();
    for (index, mut entity) in entities.into_iter().enumerate() {
        if let Some(at) = first[index] {
            entity
                .aliases
                .retain(|alias| used[index].contains(alias.as_str()));
            kept.push((at, counts[index], entity));
        }
    }
    kept.sort_by_key(|(at, _, _)| *at);
    // The page marks every mention, so an article has a limit on them: the entities named
    // first are kept while their mentions fit.
    let mut marked = 0;
    let before = kept.len();
    kept.retain(|(_, count, _)| {
        marked += count;
        marked <= MAX_MENTIONS
    });
    if kept.len() < before {
        warnings.push(format!(
            "{} more names were found but not suggested: an article marks at most {} mentions",
            before - kept.len(),
            thousands(MAX_MENTIONS)
        ));
    }
    let mut ids = Ids::default();
    kept.into_iter()
        .enumerate()
        .map(|(index, (_, _, mut entity))| {
            entity.id = ids.unique(&slug(&entity.name), &format!("entity-{}", index + 1));
            entity
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert;

    fn entity<'a>(article: &'a Article, name: &str) -> &'a Entity {
        article
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", article.entities))
    }

    fn names(article: &Article) -> Vec<&str> {
        article.entities.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn titles_make_people_and_name_them() {
        let text = "Title\n\nThe National Security Advisor, Moeed Yusuf, met his Russian \
                    counterpart, Nikolay Patrushev. The NSA spoke. Patrushev agreed. \
                    Sergey Lavrov, the Foreign Minister, listened. PM Khan and President \
                    Vladimir Putin wrote.";
        let article = convert(text).article;
        let yusuf = entity(&article, "Moeed Yusuf");
        assert_eq!(yusuf.kind, EntityKind::Person);
        assert_eq!(
            yusuf.aliases,
            ["Moeed Yusuf", "National Security Advisor", "NSA"]
        );
        assert!(yusuf.description.contains("National Security Advisor"));
        let patrushev = entity(&article, "Nikolay Patrushev");
        assert_eq!(
            patrushev.aliases,
            ["Nikolay Patrushev", "Patrushev", "Russian counterpart"]
        );
        assert!(entity(&article, "Sergey Lavrov")
            .description
            .contains("Foreign Minister"));
        assert_eq!(entity(&article, "Khan").aliases, ["PM Khan"]);
        assert_eq!(
            entity(&article, "Vladimir Putin").aliases,
            ["President Vladimir Putin"]
        );
        assert!(article.entities.iter().all(|e| e.suggested));
    }

    #[test]
    fn titles_and_roles_are_aliases_not_names() {
        let text = "Title\n\nUS Secretary of State Antony J. Blinken met Egyptian President \
                    Abdel Fattah El-Sisi. Secretary Blinken spoke. Secretary of Defense Lloyd \
                    J. Austin III agreed, and Austin left. The U.S. Chief Negotiator for the \
                    Pandemic Accord waited.";
        let article = convert(text).article;
        let blinken = entity(&article, "Antony J. Blinken");
        assert_eq!(blinken.kind, EntityKind::Person);
        assert_eq!(
            blinken.aliases,
            [
                "US Secretary of State Antony J. Blinken",
                "Secretary Blinken"
            ]
        );
        assert!(blinken.description.contains("US Secretary of State"));
        assert_eq!(
            blinken.suggested_because.as_deref(),
            Some("a title next to the name: “US Secretary of State”")
        );
        assert_eq!(
            entity(&article, "Abdel Fattah El-Sisi").aliases,
            ["Egyptian President Abdel Fattah El-Sisi"]
        );
        assert_eq!(
            entity(&article, "Lloyd J. Austin III").aliases,
            ["Secretary of Defense Lloyd J. Austin III", "Austin"]
        );
        assert_eq!(entity(&article, "Pandemic Accord").kind, EntityKind::Topic);
        // An adjective in a title does not name its country alone.
        assert!(!names(&article).contains(&"Egypt"));
        assert_eq!(entity(&article, "United States").aliases, ["U.S."]);
        assert!(!names(&article).iter().any(|n| n.contains("State Antony")));
    }

    #[test]
    fn led_possessives_demonyms_and_institutions_get_their_kind() {
        let text = "Title\n\nThe Taliban-led government met at Prime Minister House. \
                    Pakistani and Afghan officials, and Afghans, listened. The White House and \
                    the Kremlin spoke to Axios and Reuters. Sudan’s floods grew. The National \
                    Institute of Allergy and Infectious Diseases (NIAID) met in Rockville, \
                    Maryland, on the “Pathway to a Universal Influenza Vaccine.” Donald Trump \
                    and Ivanka Trump left; Trump spoke.";
        let article = convert(text).article;
        let kind = |name: &str| entity(&article, name).kind;
        for organisation in ["Taliban", "Prime Minister House", "White House", "Kremlin"] {
            assert_eq!(
                kind(organisation),
                EntityKind::Organisation,
                "{organisation}"
            );
        }
        for organisation in ["Axios", "Reuters"] {
            assert_eq!(
                kind(organisation),
                EntityKind::Organisation,
                "{organisation}"
            );
        }
        assert_eq!(entity(&article, "Pakistan").aliases, ["Pakistani"]);
        assert_eq!(
            entity(&article, "Afghanistan").aliases,
            ["Afghan", "Afghans"]
        );
        assert_eq!(kind("Sudan"), EntityKind::Place);
        let niaid = entity(
            &article,
            "National Institute of Allergy and Infectious Diseases",
        );
        assert_eq!(niaid.kind, EntityKind::Organisation);
        assert_eq!(niaid.aliases[1], "NIAID");
        assert_eq!(kind("Rockville"), EntityKind::Place);
        let because = |name: &str| entity(&article, name).suggested_because.clone().unwrap();
        assert_eq!(
            because("Rockville"),
            "a comma and a known place after it: “Maryland”"
        );
        assert_eq!(
            because("Kremlin"),
            "its name in the built-in list of places and bodies"
        );
        assert_eq!(kind("Maryland"), EntityKind::Place);
        assert_eq!(
            kind("Pathway to a Universal Influenza Vaccine"),
            EntityKind::Topic
        );
        assert_eq!(kind("Trump"), EntityKind::Person);
        assert!(!names(&article).contains(&"Led"));
    }

    #[test]
    fn a_short_title_joins_the_full_name() {
        let article = convert("Title\n\nImran Khan spoke. Later PM Khan left.").article;
        assert_eq!(names(&article), ["Imran Khan"]);
        assert_eq!(
            entity(&article, "Imran Khan").aliases,
            ["Imran Khan", "PM Khan"]
        );
    }

    #[test]
    fn known_places_bodies_and_acronyms() {
        let text = "Title\n\nRussia and Pakistan met in Moscow and Islamabad with the UN, SCO \
                    and TASS. Pakistan Embassy in Moscow spoke. Russia-Pakistan ties grew.";
        let article = convert(text).article;
        assert_eq!(
            names(&article),
            [
                "Russia",
                "Pakistan",
                "Moscow",
                "Islamabad",
                "United Nations",
                "Shanghai Cooperation Organisation",
                "TASS",
                "Pakistan Embassy in Moscow"
            ]
        );
        assert_eq!(entity(&article, "United Nations").aliases, ["UN"]);
        assert_eq!(entity(&article, "TASS").kind, EntityKind::Organisation);
        assert_eq!(
            entity(&article, "Pakistan Embassy in Moscow").kind,
            EntityKind::Organisation
        );
    }

    #[test]
    fn adjectives_name_countries_only_standing_alone() {
        let article = convert("Title\n\nAfghan funds. Russian President Vladimir Putin.").article;
        assert_eq!(entity(&article, "Afghanistan").aliases, ["Afghan"]);
        assert!(!names(&article).contains(&"Russia"));
    }

    #[test]
    fn capitalised_common_words_are_not_names() {
        let text = "Title\n\nCooperation was stressed. Furthermore, an Increased effort was \
                    increased. Resolve was shown. Extremism in Afghanistan grew. The Taliban \
                    posted on Twitter.";
        let article = convert(text).article;
        assert_eq!(names(&article), ["Afghanistan", "Taliban", "Twitter"]);
        assert_eq!(entity(&article, "Twitter").kind, EntityKind::Topic);
    }

    #[test]
    fn headline_case_passages_only_give_acronyms_and_known_names() {
        let article =
            convert("Title\n\nText.\n\nRead More: Pakistan Calls For Calm In NATO Talks").article;
        assert_eq!(names(&article), ["Pakistan", "NATO"]);
    }
}
