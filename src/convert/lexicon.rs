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

/// Places and international bodies known by name: (name, kind, description, other names,
/// adjectives). An adjective ("Afghan") names its country only where it stands alone.
pub(super) type Known = (
    &'static str,
    EntityKind,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

#[rustfmt::skip]
pub(super) const KNOWN: &[Known] = &[
    ("Pakistan", Place, "Country in South Asia.", &[], &["Pakistani"]),
    ("Russia", Place, "Country in Eastern Europe and North Asia.", &["Russian Federation"], &["Russian"]),
    ("Afghanistan", Place, "Country in Central and South Asia.", &[], &["Afghan"]),
    ("India", Place, "Country in South Asia.", &[], &["Indian"]),
    ("China", Place, "Country in East Asia.", &[], &["Chinese"]),
    ("Iran", Place, "Country in West Asia.", &[], &["Iranian"]),
    ("United States", Place, "Country in North America.", &["US", "USA", "America", "United States of America"], &["American"]),
    ("United Kingdom", Place, "Country in Europe.", &["UK", "Britain", "Great Britain"], &["British"]),
    ("Tajikistan", Place, "Country in Central Asia.", &[], &["Tajik"]),
    ("Uzbekistan", Place, "Country in Central Asia.", &[], &["Uzbek"]),
    ("Turkmenistan", Place, "Country in Central Asia.", &[], &["Turkmen"]),
    ("Kazakhstan", Place, "Country in Central Asia.", &[], &["Kazakh"]),
    ("Kyrgyzstan", Place, "Country in Central Asia.", &[], &["Kyrgyz"]),
    ("Bangladesh", Place, "Country in South Asia.", &[], &["Bangladeshi"]),
    ("Sri Lanka", Place, "Country in South Asia.", &[], &["Sri Lankan"]),
    ("Saudi Arabia", Place, "Country in West Asia.", &[], &["Saudi"]),
    ("Qatar", Place, "Country in West Asia.", &[], &["Qatari"]),
    ("United Arab Emirates", Place, "Country in West Asia.", &["UAE"], &["Emirati"]),
    ("Turkey", Place, "Country in West Asia and Europe.", &["Türkiye"], &["Turkish"]),
    ("Israel", Place, "Country in West Asia.", &[], &["Israeli"]),
    ("Ukraine", Place, "Country in Eastern Europe.", &[], &["Ukrainian"]),
    ("Germany", Place, "Country in Europe.", &[], &["German"]),
    ("France", Place, "Country in Europe.", &[], &["French"]),
    ("Japan", Place, "Country in East Asia.", &[], &["Japanese"]),
    ("Egypt", Place, "Country in North Africa.", &[], &["Egyptian"]),
    ("Syria", Place, "Country in West Asia.", &[], &["Syrian"]),
    ("Iraq", Place, "Country in West Asia.", &[], &["Iraqi"]),
    ("Moscow", Place, "Capital of Russia.", &[], &[]),
    ("Islamabad", Place, "Capital of Pakistan.", &[], &[]),
    ("Kabul", Place, "Capital of Afghanistan.", &[], &[]),
    ("Dushanbe", Place, "Capital of Tajikistan.", &[], &[]),
    ("Beijing", Place, "Capital of China.", &[], &[]),
    ("Washington", Place, "Capital of the United States.", &[], &[]),
    ("New Delhi", Place, "Capital of India.", &[], &[]),
    ("Tehran", Place, "Capital of Iran.", &[], &[]),
    ("London", Place, "Capital of the United Kingdom.", &[], &[]),
    ("Tashkent", Place, "Capital of Uzbekistan.", &[], &[]),
    ("Doha", Place, "Capital of Qatar.", &[], &[]),
    ("Riyadh", Place, "Capital of Saudi Arabia.", &[], &[]),
    ("Ankara", Place, "Capital of Turkey.", &[], &[]),
    ("Kyiv", Place, "Capital of Ukraine.", &["Kiev"], &[]),
    ("Paris", Place, "Capital of France.", &[], &[]),
    ("Berlin", Place, "Capital of Germany.", &[], &[]),
    ("Brussels", Place, "Capital of Belgium, seat of European Union bodies.", &[], &[]),
    ("Geneva", Place, "City in Switzerland, seat of United Nations bodies.", &[], &[]),
    ("New York", Place, "City in the United States, seat of the United Nations.", &[], &[]),
    ("Karachi", Place, "Largest city of Pakistan.", &[], &[]),
    ("Lahore", Place, "City in Pakistan.", &[], &[]),
    ("Kandahar", Place, "City in Afghanistan.", &[], &[]),
    ("Central Asia", Place, "Region.", &[], &[]),
    ("South Asia", Place, "Region.", &[], &[]),
    ("Middle East", Place, "Region.", &[], &[]),
    ("Europe", Place, "Continent.", &[], &["European"]),
    ("Asia", Place, "Continent.", &[], &["Asian"]),
    ("United Nations", Org, "International organisation of sovereign states.", &["UN"], &[]),
    ("UN Security Council", Org, "United Nations body for international peace and security.", &["UNSC", "United Nations Security Council"], &[]),
    ("Shanghai Cooperation Organisation", Org, "Eurasian political, economic and security organisation.", &["SCO", "Shanghai Cooperation Organization"], &[]),
    ("Organisation of Islamic Cooperation", Org, "Organisation of states with Muslim majorities or large Muslim populations.", &["OIC", "Organization of Islamic Cooperation"], &[]),
    ("International Monetary Fund", Org, "International financial institution.", &["IMF"], &[]),
    ("World Bank", Org, "International development bank.", &[], &[]),
    ("Asian Development Bank", Org, "Regional development bank.", &["ADB"], &[]),
    ("NATO", Org, "North Atlantic military alliance.", &["North Atlantic Treaty Organization"], &[]),
    ("European Union", Org, "Political and economic union of European states.", &["EU"], &[]),
    ("World Health Organization", Org, "United Nations agency for public health.", &["WHO", "World Health Organisation"], &[]),
    ("Financial Action Task Force", Org, "Intergovernmental body against money laundering and terrorist financing.", &["FATF"], &[]),
    ("BRICS", Org, "Grouping of large emerging economies.", &[], &[]),
    ("ASEAN", Org, "Association of Southeast Asian Nations.", &[], &[]),
    ("SAARC", Org, "South Asian Association for Regional Cooperation.", &[], &[]),
];

/// Capitalised words that start sentences without naming anything.
#[rustfmt::skip]
pub(super) const STOPWORDS: &[&str] = &[
    "A", "According", "Across", "After", "Against", "Also", "Although", "Amid", "Among", "An",
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

/// Endings of common nouns, so "Extremism in Afghanistan" at a sentence start is not a name.
#[rustfmt::skip]
pub(super) const COMMON_ENDINGS: &[&str] = &[
    "ism", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ly",
];

/// Titles before or beside a name: "PM Khan", "National Security Advisor, Moeed Yusuf".
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "Adviser", "Advisor", "Ambassador", "Chairman", "Chairperson", "Chairwoman", "Chancellor",
    "Chief", "Commander", "Commissioner", "Counterpart", "Director", "Dr", "Emir", "Envoy",
    "General", "Governor", "Head", "Judge", "Justice", "King", "Leader", "Mayor", "Minister",
    "Mr", "Mrs", "Ms", "PM", "Premier", "President", "Prince", "Professor", "Queen",
    "Secretary", "Senator", "Sheikh", "Speaker", "Spokesman", "Spokesperson", "Spokeswoman",
];

/// Words that make a run of capitalised words an organisation.
#[rustfmt::skip]
pub(super) const ORGANISATION_WORDS: &[&str] = &[
    "Agency", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank", "Board",
    "Bureau", "Cabinet", "Coalition", "Commission", "Committee", "Company", "Congress",
    "Consulate", "Corporation", "Council", "Court", "Department", "Directorate", "Embassy",
    "Federation", "Forces", "Foundation", "Front", "Fund", "Government", "Group", "Institute",
    "League", "Ministry", "Mission", "Movement", "Navy", "News", "Office", "Organisation",
    "Organization", "Parliament", "Party", "Police", "Post", "Senate", "Service", "Times",
    "Union", "University",
];

/// Words that make a run of capitalised words a place.
#[rustfmt::skip]
pub(super) const PLACE_WORDS: &[&str] = &[
    "Airport", "Bay", "Border", "City", "Corridor", "Desert", "District", "Gulf", "Island",
    "Islands", "Lake", "Mountains", "Ocean", "Peninsula", "Port", "Province", "Region", "River",
    "Road", "Sea", "Square", "Strait", "Street", "Territory", "Valley",
];

/// All-capital words that are not organisations: titles, numerals, times, currencies.
#[rustfmt::skip]
pub(super) const NOT_ORGANISATIONS: &[&str] = &[
    "AD", "AM", "BC", "CEO", "CET", "CJP", "COAS", "DG", "EST", "FM", "GMT", "ID", "II", "III",
    "INR", "IST", "IV", "IX", "MNA", "MP", "MPA", "MSK", "OK", "PKR", "PKT", "PM", "PST", "TV",
    "USD", "UTC", "VI", "VII", "VIII", "XI", "XII",
];

/// Words introducing a title after a name: "Moeed Yusuf, the National Security Advisor".
pub(super) const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

pub(super) fn is_title(word: &str) -> bool {
    TITLES.iter().any(|title| title.eq_ignore_ascii_case(word))
}

pub(super) fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

pub(super) fn is_calendar_word(word: &str) -> bool {
    word.parse::<Month>().is_ok() || word.parse::<Weekday>().is_ok()
}

/// Every name, other name and adjective in [`KNOWN`], to its index and whether it is an
/// adjective; built once, since every capitalised word is looked up.
fn known_names() -> &'static HashMap<&'static str, (usize, bool)> {
    static NAMES: OnceLock<HashMap<&'static str, (usize, bool)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for (index, &(name, _, _, others, adjectives)) in KNOWN.iter().enumerate() {
            for name in std::iter::once(&name).chain(others) {
                names.insert(*name, (index, false));
            }
            for adjective in adjectives {
                names.insert(*adjective, (index, true));
            }
        }
        names
    })
}

/// Index into [`KNOWN`] of a name or other name.
pub(super) fn known(name: &str) -> Option<usize> {
    match known_names().get(name) {
        Some(&(index, false)) => Some(index),
        _ => None,
    }
}

pub(super) fn known_adjective(word: &str) -> Option<usize> {
    match known_names().get(word) {
        Some(&(index, true)) => Some(index),
        _ => None,
    }
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

/// Openers of share, subscribe, comment and navigation lines, and of copyright footers.
#[rustfmt::skip]
pub(super) const CHROME_OPENERS: &[&str] = &[
    "share", "tweet", "email", "print", "whatsapp", "facebook", "twitter", "linkedin",
    "telegram", "subscribe", "sign up", "sign in", "log in", "follow us", "follow", "comments",
    "comment", "leave a comment", "no comment", "advertisement", "sponsored", "search form",
    "search", "skip to main content", "skip to content", "menu", "listen to this article",
    "listen", "topics:", "tags:", "filed under", "copyright", "all rights reserved",
    "you are in:", "home", "click here", "download the app", "join our",
];

/// Credit lines that name who wrote or sent the story: bylines without "By".
#[rustfmt::skip]
pub(super) const CREDIT_LINES: &[&str] = &[
    "web desk", "news desk", "monitoring desk", "staff reporter", "staff report",
    "our correspondent", "reuters", "ap", "afp", "associated press", "agence france-presse",
    "dpa", "xinhua", "anadolu agency", "app", "pti", "ians", "ani",
];

/// Marks of a photo caption or credit.
#[rustfmt::skip]
pub(super) const CAPTION_MARKS: &[&str] = &[
    "©", "(AP Photo", "(Photo", "Photo:", "Photo credit", "Photograph:", "Image:", "Credit:",
    "Getty Images", "/Reuters)", "/AFP)", "| Photo", "FILE -", "FILE PHOTO", "File photo",
];

/// Words that open a speaker's label in a transcript ("MR. EARNEST:"), not a dateline.
#[rustfmt::skip]
pub(super) const SPEAKER_WORDS: &[&str] = &[
    "MR", "MS", "MRS", "DR", "THE", "Q", "SECRETARY", "PRESIDENT", "SENATOR", "GENERAL",
    "AMBASSADOR", "MINISTER", "MODERATOR", "QUESTION", "ANSWER",
];
