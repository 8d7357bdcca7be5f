//! Where a passage may name something: runs of capitalised words, and the titles
//! written before or after a name.

use super::lexicon::{
    gazetteer, is_calendar_word, is_known_word, is_title, known, CONNECTORS, DETERMINERS,
    NAME_SUFFIXES, NOUN_ENDINGS, ORGANISATION_WORDS, PARTICLES, PLACE_WORDS, STOPWORDS,
};
use super::text::{first_is, is_comma, is_space, sentences, words};
use crate::model::EntityKind;
use std::ops::Range;

/// A word that may be part of a person's name: "Moeed", "Al-Hakim", "O’Brien".
pub(super) fn is_name_word(word: &str) -> bool {
    first_is(word, char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !STOPWORDS.contains(&word)
        && !is_title(word)
        && !ORGANISATION_WORDS.contains(&word)
        && !PLACE_WORDS.contains(&word)
        && !is_calendar_word(word)
        && !is_known_word(word)
}

/// Capital letters joined by full stops: "J", "U.S", "D.C.".
fn is_initials(word: &str) -> bool {
    let letters = word.split('.').filter(|part| !part.is_empty());
    let mut count = 0;
    for part in letters {
        let mut chars = part.chars();
        if !(chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()) {
            return false;
        }
        count += 1;
    }
    count > 0
}

/// An initial inside a name: "J." in "Lloyd J. Austin".
pub(super) fn is_initial(word: &str) -> bool {
    word.len() <= 3 && word.ends_with('.') && is_initials(word)
}

/// Words after a person's name that are part of it: "Lloyd J. Austin III".
pub(super) fn is_name_suffix(word: &str) -> bool {
    matches!(word, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV")
}

/// A person's name: one to three name words, with initials inside and a suffix at the
/// end: "Vladimir Putin", "Antony J. Blinken", "Lloyd J. Austin III".
pub(super) fn is_person_name(words: &[&str]) -> bool {
    let words = match words {
        [rest @ .., last] if rest.len() > 1 && is_name_suffix(last) => rest,
        _ => words,
    };
    let names = words.iter().filter(|w| is_name_word(w)).count();
    let noun = |word: &&str| NOUN_ENDINGS.iter().any(|ending| word.ends_with(ending));
    (1..=3).contains(&names)
        && !words.iter().any(noun)
        && words.first().is_some_and(|w| is_name_word(w))
        && words.last().is_some_and(|w| is_name_word(w))
        && words.iter().all(|w| is_name_word(w) || is_initial(w))
}

/// First letters of the capitalised words: "National Security Advisor" → "NSA".
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// The most words one run of capitalised words holds; a longer run is cut.
const MAX_RUN_WORDS: usize = 16;

/// A paragraph or a related link's title, cut into words; hyphenated words are one word.
pub(super) struct Passage<'a> {
    pub(super) text: &'a str,
    pub(super) words: Vec<(usize, usize)>,
    /// For each word, whether it starts a sentence.
    pub(super) initial: Vec<bool>,
    /// A related link's title in headline case ("Pakistan Calls For Peace"), where
    /// capitals say nothing about names.
    pub(super) headline: bool,
}

impl<'a> Passage<'a> {
    pub(super) fn new(text: &'a str, related: bool) -> Self {
        let mut words: Vec<(usize, usize)> = Vec::new();
        for (start, end) in self::words(text) {
            let word = &text[start..end];
            match words.last_mut() {
                // "Al-Hakim", "Russia-Pakistan" are one word; "Taliban-led" and
                // "counter-ISIS" are two, so that the name stands alone.
                Some(last)
                    if &text[last.1..start] == "-"
                        && !NAME_SUFFIXES.contains(&word.to_lowercase().as_str())
                        && (first_is(&text[last.0..last.1], char::is_uppercase)
                            || PARTICLES.contains(&&text[last.0..last.1])
                            || first_is(word, char::is_lowercase)) =>
                {
                    last.1 = end
                }
                // "U.S.": initials joined by full stops are one word.
                Some(last)
                    if text[last.0..last.1].ends_with('.')
                        && last.1 == start
                        && is_initials(&text[last.0..last.1])
                        && is_initials(word) =>
                {
                    last.1 = end
                }
                // "NIH-Led": the word after the hyphen is not part of any name.
                Some(last)
                    if &text[last.1..start] == "-"
                        && NAME_SUFFIXES.contains(&word.to_lowercase().as_str()) => {}
                _ => words.push((start, end)),
            }
            // An initial keeps its full stop: "Lloyd J. Austin", "U.S.".
            if let Some(last) = words.last_mut() {
                if is_initials(&text[last.0..last.1]) && text[last.1..].starts_with('.') {
                    last.1 += 1;
                }
            }
        }
        let mut initial = vec![false; words.len()];
        // A transcript's speech starts after its label: "Q    Thanks, Josh.",
        // "MS. WALTERS:  So I know".
        let label = words
            .iter()
            .position(|&(_, e)| text[e..].starts_with(':'))
            .filter(|&last| {
                let (start, end) = (words[0].0, words[last].1);
                start == 0 && end <= 40 && !text[..end].chars().any(char::is_lowercase)
            });
        let speech = match label {
            Some(last) => Some(last + 1),
            None => text.starts_with("Q ").then_some(1),
        };
        if let Some(first) = speech.filter(|&first| first < words.len()) {
            initial[first] = true;
        }
        for (start, end) in sentences(text) {
            let first = words.partition_point(|&(s, _)| s < start);
            if words.get(first).is_some_and(|&(s, _)| s < end) {
                initial[first] = true;
            }
        }
        let long: Vec<&str> = words
            .iter()
            .map(|&(s, e)| &text[s..e])
            .filter(|w| w.chars().count() > 3 && first_is(w, char::is_alphabetic))
            .collect();
        let capitalised = long
            .iter()
            .filter(|w| first_is(w, char::is_uppercase))
            .count();
        let headline = related && long.len() >= 3 && capitalised * 10 >= long.len() * 7;
        Passage {
            text,
            words,
            initial,
            headline,
        }
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        let (start, end) = self.words[i];
        &self.text[start..end]
    }

    pub(super) fn span(&self, range: &Range<usize>) -> &'a str {
        &self.text[self.words[range.start].0..self.words[range.end - 1].1]
    }

    fn gap_after(&self, i: usize) -> &'a str {
        match self.words.get(i + 1) {
            Some(&(next, _)) => &self.text[self.words[i].1..next],
            None => "",
        }
    }

    /// Only white space between word `i` and the next.
    fn spaced(&self, i: usize) -> bool {
        is_space(self.gap_after(i))
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        first_is(self.word(i), char::is_uppercase)
    }

    /// A word that may be part of a name: capitalised, and not a month or weekday.
    fn in_run(&self, i: usize) -> bool {
        i < self.words.len() && self.capitalised(i) && !is_calendar_word(self.word(i))
    }

    /// Runs of capitalised words, with connectors inside: "Pakistan Embassy in Moscow".
    pub(super) fn runs(&self) -> Vec<Range<usize>> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            if !self.in_run(i) {
                i += 1;
                continue;
            }
            let mut last = i;
            loop {
                // A wide gap ("Q    Thanks") is a label's, not a name's.
                let narrow = self.gap_after(last).chars().count() <= 2;
                if self.spaced(last) && narrow && self.in_run(last + 1) {
                    last += 1;
                    continue;
                }
                let mut k = last;
                while k - last < 2
                    && self.spaced(k)
                    && k + 1 < self.words.len()
                    && CONNECTORS.contains(&self.word(k + 1))
                {
                    k += 1;
                }
                if k > last && self.spaced(k) && self.in_run(k + 1) {
                    last = k + 1;
                    continue;
                }
                break;
            }
            // No name is longer; a bound keeps the work on each run constant.
            let last = last.min(i + MAX_RUN_WORDS - 1);
            runs.push(i..last + 1);
            i = last + 1;
        }
        runs
    }

    /// Title-case words in quotation marks: “Pathway to a Universal Influenza Vaccine.”,
    /// as word ranges.
    pub(super) fn quoted_titles(&self) -> Vec<Range<usize>> {
        let mut titles = Vec::new();
        let mut rest = self.text;
        while let Some(open) = rest.find('“') {
            let after = &rest[open + '“'.len_utf8()..];
            let Some(close) = after.find('”') else {
                break;
            };
            let inner = after[..close].trim_end_matches(['.', ',', '!', '?', ':', ';']);
            let start = self.text.len() - after.len();
            let end = start + inner.len();
            rest = &after[close..];
            let first = self.words.partition_point(|&(s, _)| s < start);
            let last = self.words.partition_point(|&(_, e)| e <= end);
            if first >= last || last - first > 12 || last - first < 2 {
                continue;
            }
            let title_case = (first..last).all(|i| {
                self.capitalised(i) || super::lexicon::MINOR_WORDS.contains(&self.word(i))
            });
            let capitals = (first..last).filter(|&i| self.capitalised(i)).count();
            if title_case && capitals >= 2 && self.capitalised(first) {
                titles.push(first..last);
            }
        }
        titles
    }

    /// A transcript's speaker label: capitals before a colon, "SECRETARY POWELL:".
    pub(super) fn speaker(&self, run: &Range<usize>) -> bool {
        let last = run.end - 1;
        self.gap_after(last).starts_with(':')
            && run
                .clone()
                .all(|i| !self.word(i).chars().any(char::is_lowercase))
    }

    /// Where the words begin whose initials the brackets after the run give:
    /// "… Infectious Diseases (NIAID)".
    pub(super) fn defined(&self, run: &Range<usize>) -> Option<usize> {
        let last = run.end - 1;
        if self.gap_after(last).trim() != "(" || self.words.get(run.end).is_none() {
            return None;
        }
        let acronym = self.word(run.end);
        let closed = self.text[self.words[run.end].1..].starts_with(')');
        if !closed || !acronym.chars().all(|c| c.is_ascii_uppercase()) || acronym.len() < 2 {
            return None;
        }
        (run.start..last).find(|&from| initials(self.span(&(from..run.end))) == acronym)
    }

    /// The known place after a comma that says where word `i` is: "Rockville, Maryland".
    pub(super) fn before_place(&self, i: usize) -> Option<&'static str> {
        if !is_comma(self.gap_after(i)) {
            return None;
        }
        // "West Virginia" is two words.
        let found = (i + 1..(i + 4).min(self.words.len()))
            .rev()
            .find_map(|last| known(self.span(&(i + 1..last + 1))))?;
        let known = gazetteer().get(found)?;
        (known.kind == EntityKind::Place).then_some(known.name)
    }

    /// "National Security Advisor, Moeed Yusuf": the title before a name and a comma.
    pub(super) fn title_before(&self, first: usize) -> Option<&'a str> {
        let title = first.checked_sub(1)?;
        if !is_comma(self.gap_after(title)) || !is_title(self.word(title)) {
            return None;
        }
        let mut start = title;
        while start > 0
            && title - start < 5
            && self.spaced(start - 1)
            && self.capitalised(start - 1)
            && !STOPWORDS.contains(&self.word(start - 1))
        {
            start -= 1;
        }
        Some(self.span(&(start..title + 1)))
    }

    /// "Moeed Yusuf, the National Security Advisor,": the title after a name.
    pub(super) fn title_after(&self, last: usize) -> Option<&'a str> {
        if last + 1 >= self.words.len() || !is_comma(self.gap_after(last)) {
            return None;
        }
        let mut start = last + 1;
        if DETERMINERS.contains(&self.word(start)) && self.spaced(start) {
            start += 1;
        }
        for end in start..(start + 5).min(self.words.len()) {
            let word = self.word(end);
            if !self.capitalised(end) && !is_title(word) {
                return None;
            }
            if !self.spaced(end) {
                return is_title(word).then(|| self.span(&(start..end + 1)));
            }
        }
        None
    }
}
