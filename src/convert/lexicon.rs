//! The word lists the rules consult, and look-ups in them.

use crate::model::EntityKind;
use std::collections::HashMap;
use std::sync::OnceLock;
use time::{Month, Weekday};
use EntityKind::{Organisation as Org, Place};

/// Function words a heading may keep in lower case: "Concern over Afghanistan".
#[rustfmt::skip]
pub(super) const MINOR_WORDS: &[&str] = &[
    "a", "about", "after", "against", "amid", "an", "and", "as", "at", "before", "between",
    "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the", "to", "under",
    "up", "via", "vs", "with", "without",
];

/// Words after which a full stop does not end a sentence.
#[rustfmt::skip]
pub(super) const ABBREVIATIONS: &[&str] = &[
    "Capt", "Co", "Col", "Corp", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Mr", "Mrs",
    "Ms", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "etc", "vs",
];

/// Words before a month named alone that make it a date: "in December", not "May".
#[rustfmt::skip]
pub(super) const MONTH_CUES: &[&str] = &[
    "after", "before", "by", "during", "early", "from", "in", "last", "late", "mid", "next",
    "of", "since", "this", "till", "until",
];

/// A place or body known by name, from the built-in gazetteer (`gazetteer.txt`).
#[derive(Debug)]
pub(super) struct Known {
    pub(super) name: &'static str,
    pub(super) kind: EntityKind,
    pub(super) description: &'static str,
    pub(super) others: Vec<&'static str>,
    /// Adjectives ("Afghan"), which name it only where they stand alone.
    pub(super) adjectives: Vec<&'static str>,
}

/// The gazetteer, one entry a line: `kind | name | description | other names | adjectives`,
/// lists separated by ";", "#" for comments. Data, not code: general places and bodies.
const GAZETTEER: &str = include_str!("gazetteer.txt");

fn parse_gazetteer(text: &'static str) -> Result<Vec<Known>, String> {
    let list = |field: &'static str| -> Vec<&'static str> {
        field
            .split(';')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect()
    };
    let mut known = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&'static str> = line.split('|').map(str::trim).collect();
        let [kind, name, description, others, adjectives] = fields[..] else {
            return Err(format!(
                "line {}: five fields separated by \"|\" expected",
                number + 1
            ));
        };
        let kind = match kind {
            "place" => Place,
            "organisation" => Org,
            "person" => EntityKind::Person,
            "topic" => EntityKind::Topic,
            _ => return Err(format!("line {}: unknown kind \"{kind}\"", number + 1)),
        };
        if name.is_empty() || description.is_empty() {
            return Err(format!(
                "line {}: a name and a description are needed",
                number + 1
            ));
        }
        known.push(Known {
            name,
            kind,
            description,
            others: list(others),
            adjectives: list(adjectives),
        });
    }
    Ok(known)
}

/// The built-in gazetteer, read once; its test checks every line.
pub(super) fn gazetteer() -> &'static [Known] {
    static KNOWN: OnceLock<Vec<Known>> = OnceLock::new();
    KNOWN.get_or_init(|| parse_gazetteer(GAZETTEER).unwrap_or_default())
}

/// Capitalised words that start sentences without naming anything.
#[rustfmt::skip]
pub(super) const STOPWORDS: &[&str] = &[
    "A", "Aboard", "According", "Across", "After", "Against", "Also", "Although", "Amid", "Among", "An",
    "And", "As", "At", "Before", "Both", "But", "By", "Despite", "During", "Each", "Earlier",
    "Even", "Every", "Following", "For", "From", "Furthermore", "He", "Her", "Here", "His",
    "How", "However", "I", "If", "In", "It", "Its", "Last", "Later", "Many", "Meanwhile",
    "Moreover", "Most", "My", "Next", "No", "Not", "Now", "On", "Only", "Or", "Other", "Our",
    "Over", "Several", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To", "Today", "Under",
    "Until", "We", "What", "When", "Where", "Which", "While", "Who", "Why", "With", "Without",
    "Yesterday", "Yet", "You", "Your",
];

/// Lower-case words that may join capitalised words into one name: "Embassy in Moscow".
pub(super) const CONNECTORS: &[&str] = &["and", "for", "in", "of", "on", "the", "de", "al", "bin"];

/// Words after a hyphen that leave the name before it standing alone: "Taliban-led".
#[rustfmt::skip]
pub(super) const NAME_SUFFIXES: &[&str] = &[
    "led", "backed", "based", "born", "owned", "run", "funded", "sponsored", "allied",
    "aligned", "controlled", "held", "linked", "made", "style", "era", "bound", "wide",
];

/// Lower-case particles that start names joined by a hyphen: "al-Qaeda".
pub(super) const PARTICLES: &[&str] = &["al", "el", "ad", "as", "bin", "ibn", "abu", "ul"];

/// Endings of common nouns, so "Extremism in Afghanistan" at a sentence start is not a name.
#[rustfmt::skip]
pub(super) const COMMON_ENDINGS: &[&str] = &[
    "ism", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "acy", "ly",
];

/// Capitalised words that name nothing on their own: "Western", "Islamist".
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &[
    "Central", "Eastern", "Federal", "Islamic", "Islamist", "Jihadist", "Northern",
    "Southern", "Western",
];

/// Endings of common nouns that no person's name has: "Civilian Security" is no one.
#[rustfmt::skip]
pub(super) const NOUN_ENDINGS: &[&str] = &[
    "ism", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "acy",
];

/// Titles before or beside a name: "PM Khan", "National Security Advisor, Moeed Yusuf".
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "Adviser", "Advisor", "Administrator", "Ambassador", "Chairman", "Chairperson",
    "Chairwoman", "Chancellor", "Chief", "Commander", "Commissioner", "Congressman",
    "Congresswoman", "Counterpart", "Director", "Dr", "Emir", "Envoy", "General", "Governor",
    "Head", "Judge", "Justice", "King", "Leader", "Mayor", "Minister", "Mr", "Mrs", "Ms",
    "Negotiator", "PM", "Premier", "President", "Prince", "Professor", "Queen", "Rep",
    "Representative", "Secretary", "Sen", "Senator", "Sheikh", "Speaker", "Spokesman",
    "Spokesperson", "Spokeswoman", "Colonel", "Lieutenant", "Captain", "Major", "Admiral",
    "Sergeant",
];

/// Words that may come before a title as part of it: "Deputy Under Secretary",
/// "Prime Minister", "Foreign Minister", "Press Secretary".
#[rustfmt::skip]
pub(super) const TITLE_MODIFIERS: &[&str] = &[
    "Acting", "Assistant", "Associate", "Attorney", "Chief", "Defence", "Defense", "Deputy",
    "Executive", "Finance", "First", "Foreign", "Former", "Home", "Interior", "Lady",
    "Lord", "National", "Press", "Prime", "Security", "Special", "State", "Under", "Vice",
];

/// Words that name an office after "of" or "for" in a title: "Secretary of Foreign Affairs",
/// "Secretary of the Army".
#[rustfmt::skip]
pub(super) const OFFICE_WORDS: &[&str] = &[
    "Affairs", "Agriculture", "Air", "Army", "Commerce", "Defence", "Defense", "Development",
    "Economy", "Education", "Energy", "Finance", "Force", "Foreign", "Health", "Homeland",
    "Human", "Information", "Interior", "Justice", "Labor", "Labour", "Navy", "Planning",
    "Policy", "Rights", "Security", "State", "Strategy", "Trade", "Transportation",
    "Treasury", "Veterans",
];

/// Last words that make a capitalised name a topic: "Pandemic Accord", "Cold War".
#[rustfmt::skip]
pub(super) const TOPIC_WORDS: &[&str] = &[
    "Accord", "Accords", "Act", "Agreement", "Award", "Campaign", "Charter", "Conference",
    "Convention", "Crisis", "Cup", "Declaration", "Doctrine", "Festival", "Forum", "Games",
    "Initiative", "Olympics", "Partnership", "Plan", "Prize", "Program", "Programme",
    "Protocol", "Summit", "Treaty", "War",
];

/// First words that make a capitalised name a topic: "Hurricane Helene".
#[rustfmt::skip]
pub(super) const TOPIC_OPENERS: &[&str] = &[
    "Cyclone", "Hurricane", "Operation", "Storm", "Tropical", "Typhoon",
];

/// Words that make a run of capitalised words an organisation.
#[rustfmt::skip]
pub(super) const ORGANISATION_WORDS: &[&str] = &[
    "Academy", "Administration", "Agency", "Alliance", "Army", "Assembly", "Association",
    "Authority", "Bank", "Board", "Body", "Brigade", "Bureau", "Cabinet", "Center", "Centre",
    "Coalition", "College", "Command", "Commission", "Committee", "Company", "Congress",
    "Consulate", "Corporation", "Corps", "Council", "Court", "Department", "Directorate",
    "Division", "Embassy", "Federation", "Force", "Forces", "Foundation", "Front", "Fund",
    "Government", "Group", "Guard", "Hospital", "Institute", "Institutes", "League",
    "Ministry", "Mission", "Movement", "Navy", "Network", "News", "Office", "Organisation",
    "Organization", "Parliament", "Party", "Police", "Post", "School", "Secretariat",
    "Senate", "Service", "Society", "Times", "Tribunal", "Union", "University",
];

/// Words that make a run of capitalised words a place.
#[rustfmt::skip]
pub(super) const PLACE_WORDS: &[&str] = &[
    "Airport", "Base", "Bay", "Border", "Bridge", "Camp", "City", "Corridor", "County",
    "Desert", "District", "Gulf", "Hall", "Hotel", "Island", "Islands", "Lake", "Monument",
    "Mosque", "Mountains", "Ocean", "Palace", "Park", "Peninsula", "Port", "Province",
    "Region", "River", "Road", "Room", "Sea", "Square", "Stadium", "State", "Strait",
    "Street", "Territory", "Valley",
];

/// All-capital words that are not organisations: titles, numerals, times, zones,
/// currencies, and function words of all-capital lines.
#[rustfmt::skip]
pub(super) const NOT_ORGANISATIONS: &[&str] = &[
    "AD", "AM", "AND", "AT", "BC", "BST", "BY", "CDT", "CEO", "CEST", "CET", "CJP", "COAS",
    "CST", "DG", "DR", "EDT", "EST", "FM", "FOR", "GMT", "ID", "II", "III", "IN", "INR", "IST",
    "IV", "IX", "MDT", "MNA", "MP", "MPA", "MR", "MRS", "MS", "MSK", "OF", "OK", "ON", "PDT",
    "PKR", "PKT", "PM", "PST", "THE", "TO", "TV", "USD", "UTC", "VI", "VII", "VIII", "XI",
    "XII",
];

/// Words introducing a title after a name: "Moeed Yusuf, the National Security Advisor".
pub(super) const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

pub(super) fn is_title(word: &str) -> bool {
    TITLES.iter().any(|title| title.eq_ignore_ascii_case(word))
}

pub(super) fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// A month or weekday, or a month's abbreviation ("Jan" of "Jan. 1").
pub(super) fn is_calendar_word(word: &str) -> bool {
    word.parse::<Month>().is_ok()
        || word.parse::<Weekday>().is_ok()
        || super::dates::month_abbreviated(word).is_some()
}

/// Every name, other name and adjective in the gazetteer, to its index and whether it is an
/// adjective; built once, since every capitalised word is looked up.
fn known_names() -> &'static HashMap<&'static str, (usize, bool)> {
    static NAMES: OnceLock<HashMap<&'static str, (usize, bool)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for (index, known) in gazetteer().iter().enumerate() {
            for name in std::iter::once(&known.name).chain(&known.others) {
                names.insert(*name, (index, false));
            }
            for adjective in &known.adjectives {
                names.insert(*adjective, (index, true));
            }
        }
        names
    })
}

/// Index into the gazetteer of a name or other name.
pub(super) fn known(name: &str) -> Option<usize> {
    match known_names().get(name) {
        Some(&(index, false)) => Some(index),
        _ => None,
    }
}

/// Index into the gazetteer of an adjective, or of its plural: "Afghan", "Afghans".
pub(super) fn known_adjective(word: &str) -> Option<usize> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    [word, singular]
        .iter()
        .find_map(|form| match known_names().get(form) {
            Some(&(index, true)) => Some(index),
            _ => None,
        })
}

/// "Russia-Pakistan": known names joined by hyphens, each found on its own.
pub(super) fn known_compound(word: &str) -> bool {
    word.contains('-')
        && word
            .split('-')
            .all(|part| known(part).is_some() || known_adjective(part).is_some())
}

pub(super) fn is_known_word(word: &str) -> bool {
    known(word).is_some() || known_adjective(word).is_some() || known_compound(word)
}

/// Words that open a line giving the page's publication or update date: "Published on
/// October 7, 2024", "Last updated: 8 May 2023 10:30 PKT". Longest first.
#[rustfmt::skip]
pub(super) const PUBLICATION_OPENERS: &[(&str, bool)] = &[
    ("first published on", false), ("first published", false), ("last updated on", true),
    ("last updated", true), ("published on", false), ("published", false),
    ("posted on", false), ("posted", false), ("updated on", true), ("updated", true),
    ("date:", false), ("dated", false),
];

/// Words that may follow a date on a publication line: times, zones and separators.
#[rustfmt::skip]
pub(super) const TIME_WORDS: &[&str] = &[
    "a", "am", "at", "hrs", "m", "p", "pm", "AM", "PM", "A", "M", "P",
];

/// Openers of "Read More" lines: a link to another story, not text.
#[rustfmt::skip]
pub(super) const RELATED_OPENERS: &[&str] = &[
    "read more", "also read", "read also", "related", "see also", "more on this", "recommended",
];

/// Whole lines that say what kind of page it is, not what happened: kicker lines.
#[rustfmt::skip]
pub(super) const KIND_LINES: &[&str] = &[
    "readout", "media note", "media advisory", "press release", "news release",
    "press statement", "statement", "fact sheet", "for immediate release", "news", "opinion",
    "analysis", "editorial", "breaking news", "exclusive", "explainer", "live", "video",
    "photos", "world", "latest", "top stories", "remarks", "transcript",
];

/// Whole lines of share, subscribe, comment and navigation chrome.
#[rustfmt::skip]
pub(super) const CHROME_LINES: &[&str] = &[
    "share", "share this", "share this article", "share this story", "tweet", "email",
    "print", "whatsapp", "facebook", "twitter", "linkedin", "telegram", "reddit", "subscribe",
    "comments", "comment", "advertisement", "sponsored", "search", "search form", "menu",
    "listen", "listen to this article", "home", "skip to main content", "skip to content",
    "leave a comment", "no comments", "print this page", "copy link",
];

/// Openers that mark a line as chrome whatever follows: "Subscribe to our newsletter",
/// "Follow us on …", copyright footers.
#[rustfmt::skip]
pub(super) const CHROME_OPENERS: &[&str] = &[
    "share this", "share on", "subscribe to", "subscribe for", "sign up", "sign in", "log in",
    "follow us", "leave a comment", "no comment", "topics:", "tags:", "filed under",
    "copyright", "all rights reserved", "you are in:", "click here", "download the app",
    "download our app", "join our", "related topics", "©",
];

/// Credit lines that name who wrote or sent the story: bylines without "By".
#[rustfmt::skip]
pub(super) const CREDIT_LINES: &[&str] = &[
    "web desk", "news desk", "monitoring desk", "staff reporter", "staff report",
    "our correspondent", "reuters", "ap", "afp", "associated press", "agence france-presse",
    "dpa", "xinhua", "anadolu agency", "app", "pti", "ians", "ani",
];

/// Marks of a photo caption or credit at the start of a line.
#[rustfmt::skip]
pub(super) const CAPTION_OPENERS: &[&str] = &[
    "©", "Photo:", "Photo credit", "Photograph:", "Image:", "Credit:", "FILE -", "FILE PHOTO",
    "File photo",
];

/// Marks of a photo credit near the end of a line, where credits stand.
#[rustfmt::skip]
pub(super) const CREDIT_MARKS: &[&str] = &[
    "©", "(AP Photo", "(Photo", "Photo:", "Credit:", "/Reuters)", "/AFP)", "| Photo",
    "/Getty Images", "via Getty Images", "Getty Images)",
];
/// Words that open a speaker's label in a transcript ("MR. EARNEST:"), not a dateline.
#[rustfmt::skip]
pub(super) const SPEAKER_WORDS: &[&str] = &[
    "MR", "MS", "MRS", "DR", "THE", "Q", "SECRETARY", "PRESIDENT", "SENATOR", "GENERAL",
    "AMBASSADOR", "MINISTER", "MODERATOR", "QUESTION", "ANSWER",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_reads_whole_and_names_each_thing_once() {
        let known = parse_gazetteer(GAZETTEER).expect("every line reads");
        assert!(known.len() > 300);
        let mut seen = std::collections::HashSet::new();
        for entry in &known {
            for name in std::iter::once(&entry.name)
                .chain(&entry.others)
                .chain(&entry.adjectives)
            {
                assert!(seen.insert(*name), "{name} twice");
            }
        }
        assert!(parse_gazetteer("place | X | Y.").is_err());
        assert!(parse_gazetteer("thing | X | Y. | |").is_err());
    }
}
