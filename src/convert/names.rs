//! Where a passage may name something: runs of capitalised words, and the titles
//! written before or after a name.

use super::lexicon::{
    is_calendar_word, is_known_word, is_title, CONNECTORS, DETERMINERS, ORGANISATION_WORDS,
    PLACE_WORDS, STOPWORDS,
};
use super::text::{first_is, is_comma, is_space, sentences, words};
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

/// First letters of the capitalised words: "National Security Advisor" → "NSA".
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

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
            match words.last_mut() {
                Some(last) if &text[last.1..start] == "-" => last.1 = end,
                _ => words.push((start, end)),
            }
        }
        let mut initial = vec![false; words.len()];
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
                if self.spaced(last) && self.in_run(last + 1) {
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
            runs.push(i..last + 1);
            i = last + 1;
        }
        runs
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
