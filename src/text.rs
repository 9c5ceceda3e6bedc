//! Paragraphs, sentences and tokens, each carrying byte offsets into the article's original text.
//!
//! Every later stage works on these spans, so that a fact can always point back to the exact characters it came
//! from (the contract's offsets are code points; [`CharIndex`] converts at the edge). Repeated paragraphs, which
//! scraped pages often have, are marked here once so that no stage sees a second copy of them.

use std::borrow::Cow;
use std::collections::HashSet;

/// A half-open byte range `[start, end)` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token: a word (with internal hyphens, apostrophes and abbreviation dots), a number, or a punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A sentence: its span and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Token>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// A paragraph (a non-empty line of the text).
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    /// True when the paragraph repeats an earlier one (whitespace aside); its facts are not extracted again.
    pub duplicate: bool,
    /// True for a headline-like line: short, Title Case, no final full stop.
    pub heading: bool,
}

/// An article's text segmented into paragraphs, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of the non-duplicate paragraphs, in text order.
    pub sentences: Vec<Sentence>,
    /// The text lower-cased once, when every character keeps its byte length (so that token spans index it too);
    /// rules compare lower-cased words on every token, and this spares them an allocation each.
    lower: Option<String>,
}

impl<'a> Document<'a> {
    /// Segment `text`.
    pub fn parse(text: &'a str) -> Self {
        let mut paragraphs = Vec::new();
        let mut seen = HashSet::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            if trimmed.is_empty() {
                continue;
            }
            let span = Span::new(start + lead, start + lead + trimmed.len());
            let key: String = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
            let duplicate = !seen.insert(key);
            paragraphs.push(Paragraph { span, duplicate, heading: is_heading(trimmed) });
        }
        let mut sentences = Vec::new();
        for (index, paragraph) in paragraphs.iter().enumerate() {
            if paragraph.duplicate {
                continue;
            }
            let tokens = tokenize(text, paragraph.span);
            split_sentences(text, tokens, index, &mut sentences);
        }
        Document { text, paragraphs, sentences, lower: lower_in_place(text) }
    }

    /// The text of a token, lower-cased (what `str::to_lowercase` gives).
    pub fn lower(&self, token: &Token) -> Cow<'_, str> {
        match &self.lower {
            Some(lower) => Cow::Borrowed(token.span.of(lower)),
            None => Cow::Owned(self.tok(token).to_lowercase()),
        }
    }

    /// The tokens' texts joined by single spaces (a lexicon key), borrowed from the text when they are written so.
    pub fn key<'b>(&'b self, tokens: &[Token], buf: &'b mut String) -> &'b str {
        join_tokens(self.text, tokens, buf)
    }

    /// [`Document::key`] lower-cased.
    pub fn lower_key<'b>(&'b self, tokens: &[Token], buf: &'b mut String) -> &'b str {
        match &self.lower {
            Some(lower) => join_tokens(lower, tokens, buf),
            None => {
                buf.clear();
                for (k, t) in tokens.iter().enumerate() {
                    if k > 0 {
                        buf.push(' ');
                    }
                    buf.push_str(&self.tok(t).to_lowercase());
                }
                buf
            }
        }
    }

    /// The text of a token.
    pub fn tok(&self, token: &Token) -> &'a str {
        token.span.of(self.text)
    }

    /// Whether the sentence lies in a headline-like paragraph.
    pub fn in_heading(&self, sentence: &Sentence) -> bool {
        self.paragraphs[sentence.paragraph].heading
    }
}

/// A word lower-cased, borrowed when it has no capital (ASCII words without capitals are most of them).
pub fn lower(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// `text` lower-cased character by character, if no character changes its byte length and none is a capital sigma
/// (whose lower case depends on its neighbours): then a token's span in it is the token lower-cased.
fn lower_in_place(text: &str) -> Option<String> {
    if text.is_ascii() {
        return Some(text.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c == 'Σ' {
            return None;
        }
        let before = out.len();
        out.extend(c.to_lowercase());
        if out.len() - before != c.len_utf8() {
            return None;
        }
    }
    Some(out)
}

/// The tokens' texts in `text` (the text or its lower-cased copy) joined by single spaces.
fn join_tokens<'b>(text: &'b str, tokens: &[Token], buf: &'b mut String) -> &'b str {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return "" };
    if tokens.windows(2).all(|w| w[1].span.start == w[0].span.end + 1 && text.as_bytes()[w[0].span.end] == b' ') {
        return &text[first.span.start..last.span.end];
    }
    buf.clear();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            buf.push(' ');
        }
        buf.push_str(t.span.of(text));
    }
    buf
}

/// Words that stay lower case in Title Case headlines.
const TITLE_CASE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per",
    "to", "up", "via", "with", "from", "into", "over", "vs", "vs.", "amid", "after", "than", "is", "are", "be",
];

/// A headline-like line: no sentence-final full stop, not too long, and (nearly) every longer word capitalised.
fn is_heading(line: &str) -> bool {
    if line.len() > 200 || line.ends_with('.') || line.ends_with(':') || line.ends_with(',') {
        return false;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()))
        .collect();
    if words.len() < 3 {
        return false;
    }
    let content: Vec<&&str> = words.iter().filter(|w| !TITLE_CASE_SMALL.contains(&w.to_lowercase().as_str())).collect();
    if content.len() < 2 {
        return false;
    }
    let capitalised = content.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    capitalised * 10 >= content.len() * 9
}

/// Abbreviations that keep their full stop as part of the token and do not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Lt", "Col", "Capt", "Cmdr", "Sgt", "Adm", "Maj",
    "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "Amb", "Sec", "Supt", "Insp", "Inc", "Corp", "Co", "Ltd", "Bros", "Jan",
    "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
    "Thurs", "Fri", "Sat", "Sun", "No", "vs", "etc", "approx", "est", "Calif", "Fla", "Mass", "Penn", "Va", "Wash",
    "Ariz", "Mich", "Minn", "Ill", "Conn", "Ore", "Tenn", "Ky", "La", "Md", "Mo", "Nev", "Okla", "Wis",
];

/// Sentence-initial words that show a new sentence after an abbreviation such as "U.S.".
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "On",
    "At",
    "After",
    "Before",
    "When",
    "While",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "According",
    "Meanwhile",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenise the text inside `span`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let slice = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let end = chars.get(i + 1).map_or(slice.len(), |&(o, _)| o);
            tokens.push(Token { span: Span::new(span.start + b, span.start + end), kind: TokenKind::Punct });
            i += 1;
            continue;
        }
        // A run of word characters with internal joiners.
        let mut j = i;
        let mut numeric = c.is_ascii_digit();
        loop {
            while at(j).is_some_and(is_word_char) {
                if !at(j).unwrap().is_ascii_digit() {
                    numeric = false;
                }
                j += 1;
            }
            match at(j) {
                // Internal hyphen, slash or en dash between word characters: "cease-fire", "30-day", "3/14/2025".
                Some('-') | Some('‑') if at(j + 1).is_some_and(is_word_char) => j += 1,
                Some('/') | Some(':') if numeric && at(j + 1).is_some_and(|c| c.is_ascii_digit()) => j += 1,
                Some(',') | Some('.') if numeric && at(j + 1).is_some_and(|c| c.is_ascii_digit()) => {
                    // 1,000 or 3.5 or 14.03.2025
                    j += 1
                }
                // Apostrophes inside a word ("O'Brien", "wouldn't"), but not the possessive 's.
                Some('\'') | Some('’') if at(j + 1).is_some_and(char::is_alphabetic) => {
                    let possessive =
                        matches!(at(j + 1), Some('s') | Some('S')) && !at(j + 2).is_some_and(char::is_alphanumeric);
                    if possessive {
                        break;
                    }
                    j += 1
                }
                // Abbreviation dots: "U.S.", "U.S.-backed", "a.m."
                Some('.') if j - i <= 2 && at(j + 1).is_some_and(char::is_alphabetic) && at(j + 2) == Some('.') => {
                    j += 1
                }
                Some('.') if is_dotted_chain(&chars, i, j) => j += 1,
                _ => break,
            }
        }
        let mut end_char = j;
        let word = &slice[b..chars.get(j).map_or(slice.len(), |&(o, _)| o)];
        if at(j) == Some('.') {
            let dotted = word.split('.').all(|p| p.chars().count() <= 2) && word.contains('.');
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let base = word.rsplit(['-']).next().unwrap_or(word);
            if dotted || initial || ABBREVIATIONS.contains(&base) {
                end_char = j + 1;
            }
        }
        // "U.S.-backed": an abbreviation glued to the next word by a hyphen stays one token.
        if end_char > j && at(end_char) == Some('-') && at(end_char + 1).is_some_and(is_word_char) {
            end_char += 1;
            while at(end_char).is_some_and(|c| is_word_char(c) || c == '-') {
                end_char += 1;
            }
        }
        let end = chars.get(end_char).map_or(slice.len(), |&(o, _)| o);
        let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
        tokens.push(Token { span: Span::new(span.start + b, span.start + end), kind });
        i = end_char;
        // The possessive 's is its own token.
        if matches!(at(i), Some('\'') | Some('’'))
            && matches!(at(i + 1), Some('s') | Some('S'))
            && !at(i + 2).is_some_and(char::is_alphanumeric)
        {
            let s = chars[i].0;
            let e = chars.get(i + 2).map_or(slice.len(), |&(o, _)| o);
            tokens.push(Token { span: Span::new(span.start + s, span.start + e), kind: TokenKind::Word });
            i += 2;
        }
    }
    tokens
}

/// Whether the word from `i` to `j` so far is a chain of single letters with dots ("U.S", "a.m").
fn is_dotted_chain(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let word: String = chars[i..j].iter().map(|&(_, c)| c).collect();
    word.contains('.')
        && word.split('.').all(|p| p.chars().count() == 1)
        && chars.get(j + 1).is_some_and(|&(_, c)| c.is_alphabetic())
}

fn split_sentences(text: &str, tokens: Vec<Token>, paragraph: usize, out: &mut Vec<Sentence>) {
    let mut current: Vec<Token> = Vec::new();
    let n = tokens.len();
    for k in 0..n {
        let token = tokens[k];
        current.push(token);
        let t = token.span.of(text);
        let next = tokens.get(k + 1).map(|t| t.span.of(text));
        let ends = match t {
            "." | "!" | "?" => {
                // Closing quotes and brackets stay with the sentence they close.
                next.is_none_or(|n| starts_sentence(n) || is_closing(n))
            }
            _ if token.kind == TokenKind::Word && t.ends_with('.') && t.len() > 2 => {
                // "... in the U.S. The talks ..." ends a sentence; "U.S. envoy" does not.
                next.is_some_and(|n| SENTENCE_STARTERS.contains(&n))
            }
            _ => false,
        };
        let closing_after = ends && next.is_some_and(is_closing);
        // A closing quote or bracket right after the final mark ends the sentence it closes.
        let closes = is_closing(t)
            && k > 0
            && matches!(tokens[k - 1].span.of(text), "." | "!" | "?")
            && next.is_none_or(starts_sentence);
        if (ends && !closing_after) || closes {
            flush(&mut current, paragraph, out);
        } else if current.len() >= MAX_SENTENCE_TOKENS {
            // A run of text with no sentence end (a table, a list, a scraped page without full stops) is cut at its
            // last comma, semicolon or colon, else where it stands: every stage works within a sentence, so a bound
            // on the sentence keeps each of them linear in the article (issue 20).
            let cut = current.iter().rposition(|t| matches!(t.span.of(text), "," | ";" | ":")).filter(|&c| c > 0);
            let rest = cut.map(|c| current.split_off(c + 1)).unwrap_or_default();
            flush(&mut current, paragraph, out);
            current = rest;
        }
    }
    flush(&mut current, paragraph, out);
}

/// The most tokens a sentence holds: news sentences are far shorter (a long one has 60); a longer run is cut.
pub const MAX_SENTENCE_TOKENS: usize = 250;

fn starts_sentence(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c))
}

fn is_closing(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | ")")
}

fn flush(current: &mut Vec<Token>, paragraph: usize, out: &mut Vec<Sentence>) {
    if current.is_empty() {
        return;
    }
    let span = Span::new(current[0].span.start, current[current.len() - 1].span.end);
    out.push(Sentence { span, tokens: std::mem::take(current), paragraph });
}

/// Converts byte offsets to Unicode code point offsets, as the contract's offsets are.
pub struct CharIndex {
    /// Byte offsets of the start of each char, plus the text length.
    starts: Vec<usize>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharIndex { starts }
    }

    /// The code point offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        self.starts.binary_search(&byte).unwrap_or_else(|i| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_hyphens_and_split_possessives() {
        assert_eq!(
            words("Putin's U.S.-backed 30-day cease-fire, Dmitri S. Peskov wouldn’t."),
            vec!["Putin", "'s", "U.S.-backed", "30-day", "cease-fire", ",", "Dmitri", "S.", "Peskov", "wouldn’t", "."]
        );
        assert_eq!(
            words("On 3/14/2025 at 14:30, 1,000.5 dollars"),
            vec!["On", "3/14/2025", "at", "14:30", ",", "1,000.5", "dollars"]
        );
        assert_eq!(
            words("Mr. Smith met Gen. Jones in St. Louis."),
            vec!["Mr.", "Smith", "met", "Gen.", "Jones", "in", "St.", "Louis", "."]
        );
    }

    #[test]
    fn sentences_split_at_full_stops_but_not_after_abbreviations() {
        let text = "Mr. Smith met the U.S. envoy. He left. “We agree.” She said so in the U.S. The end.";
        let doc = Document::parse(text);
        let sents: Vec<&str> = doc.sentences.iter().map(|s| s.span.of(text)).collect();
        assert_eq!(
            sents,
            vec!["Mr. Smith met the U.S. envoy.", "He left.", "“We agree.”", "She said so in the U.S.", "The end."]
        );
    }

    #[test]
    fn a_run_without_a_sentence_end_is_cut_into_bounded_sentences() {
        let text = "word, ".repeat(1000);
        let doc = Document::parse(&text);
        assert!(doc.sentences.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS), "a sentence is too long");
        let tokens: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
        assert_eq!(tokens, 2000, "no token is lost");
        // Cut after a comma, so each piece ends with one.
        assert!(doc.sentences.iter().all(|s| s.span.of(&text).ends_with(',')));
    }

    #[test]
    fn repeated_paragraphs_are_marked_and_skipped() {
        let text = "Title Line Here Today\nA first paragraph.\n\nA  first paragraph.\nAnother one.";
        let doc = Document::parse(text);
        let dup: Vec<bool> = doc.paragraphs.iter().map(|p| p.duplicate).collect();
        assert_eq!(dup, vec![false, false, true, false]);
        assert!(doc.paragraphs[0].heading);
        assert!(!doc.paragraphs[1].heading);
        assert_eq!(doc.sentences.len(), 3);
    }

    #[test]
    fn headings_are_title_case_lines_without_a_full_stop() {
        assert!(is_heading("Diplomatic Talks Resurface as Putin Meets U.S. Envoy in Moscow"));
        assert!(!is_heading("President Putin expresses openness to cease-fire negotiations amid renewed efforts."));
        assert!(!is_heading("President Putin expresses openness to cease-fire negotiations"));
    }

    #[test]
    fn char_offsets_count_code_points() {
        let text = "“a” b";
        let index = CharIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(index.char_offset(b), 4);
        assert_eq!(index.char_offset(text.len()), 5);
    }
}
