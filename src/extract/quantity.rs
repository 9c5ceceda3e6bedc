//! Amounts that economic events carry (issue 15): "fell 20%", "rose $2 billion to $40 billion", "cut 5,000 jobs".
//!
//! An amount is a number (digits or a number word) with an optional multiplier ("million", "bn") and a currency
//! before it ("$", "US$", "€") or a unit after it ("percent", "percentage points", "points", "euros", or the counted
//! noun: "jobs", "tankers"). Its value is written as an exact `xsd:decimal`, computed on the digits (no floating
//! point), so "3.2 billion" is 3200000000.

use crate::syntax::{Parsed, Tag};
use crate::text::{Document, Span, Token, TokenKind};

/// What an amount counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    Percent,
    PercentagePoints,
    /// Index points ("the Dow fell 300 points").
    Points,
    /// An ISO 4217 currency code.
    Currency(&'static str),
    /// Things counted, as the text names them ("jobs").
    Count(String),
    /// A bare number.
    None,
}

/// How an amount relates to its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuantityRole {
    /// The amount involved, or the size of a change ("fell 20%", "by 20%", "cut 5,000 jobs").
    Amount,
    /// The level reached ("to $40 billion").
    To,
    /// The level left ("from $30 billion").
    From,
}

/// An amount in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    pub span: Span,
    /// An `xsd:decimal` lexical form: "20", "3200000000", "0.5".
    pub value: String,
    pub unit: Unit,
    pub role: QuantityRole,
}

const MULTIPLIERS: &[(&str, u32)] = &[
    ("hundred", 2),
    ("thousand", 3),
    ("million", 6),
    ("millions", 6),
    ("mn", 6),
    ("m", 6),
    ("billion", 9),
    ("billions", 9),
    ("bn", 9),
    ("b", 9),
    ("trillion", 12),
    ("k", 3),
];
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("#", "GBP"), ("¥", "JPY")];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("francs", "CHF"),
    ("rupees", "INR"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
];
/// Prefixes of "$": "US$40", "C$3", "A$5", "HK$1".
const DOLLAR_PREFIXES: &[(&str, &str)] =
    &[("US", "USD"), ("C", "CAD"), ("A", "AUD"), ("HK", "HKD"), ("NZ", "NZD"), ("S", "SGD")];

/// An amount starting at token `i`: its end (exclusive), value and unit.
pub fn amount_at(doc: &Document, tokens: &[Token], parsed: &Parsed, i: usize) -> Option<(usize, String, Unit)> {
    let word = |k: usize| tokens.get(k).map(|t| doc.tok(t)).unwrap_or("");
    let lower = |k: usize| tokens.get(k).map(|t| doc.lower(t).into_owned()).unwrap_or_default();
    let mut k = i;
    let mut currency: Option<&'static str> = None;
    if let Some(&(_, code)) = DOLLAR_PREFIXES.iter().find(|(p, _)| word(k) == *p) {
        if word(k + 1) == "$" {
            currency = Some(code);
            k += 2;
        }
    }
    if currency.is_none() {
        if let Some(&(_, code)) = CURRENCY_SYMBOLS.iter().find(|(s, _)| word(k) == *s) {
            currency = Some(code);
            k += 1;
        } else if let Some(&(_, code)) = CURRENCY_WORDS.iter().find(|(s, _)| lower(k) == *s && s.len() == 3) {
            currency = Some(code);
            k += 1;
        }
    }
    let (digits, mut exponent) = number(doc, tokens, k)?;
    k += 1;
    // "3.5 million", "2bn" (one token "2bn" is not split by the tokenizer: handled by `number`).
    if let Some(&(_, e)) = MULTIPLIERS.iter().find(|(m, _)| lower(k) == *m) {
        // A lone "m" or "b" is a multiplier only after a currency ("$3m").
        if !(matches!(&*lower(k), "m" | "b" | "k") && currency.is_none()) {
            exponent += e;
            k += 1;
        }
    }
    let value = scale(&digits, exponent);
    let unit = if let Some(code) = currency {
        Unit::Currency(code)
    } else if word(k) == "%" || lower(k) == "percent" {
        k += 1;
        Unit::Percent
    } else if lower(k) == "per" && lower(k + 1) == "cent" {
        k += 2;
        Unit::Percent
    } else if lower(k) == "percentage" && matches!(&*lower(k + 1), "point" | "points") {
        k += 2;
        Unit::PercentagePoints
    } else if matches!(&*lower(k), "point" | "points") {
        k += 1;
        Unit::Points
    } else if let Some(&(_, code)) = CURRENCY_WORDS.iter().find(|(s, _)| lower(k) == *s) {
        k += 1;
        Unit::Currency(code)
    } else {
        // The counted noun: the head of the phrase the number opens ("5,000 jobs", "179 new tankers").
        match parsed.chunk_at(k.saturating_sub(1)).filter(|c| c.head >= k && parsed.tag(c.head) == Some(Tag::Noun)) {
            Some(c) => {
                let noun = doc.lower(&tokens[c.head]).into_owned();
                k = c.head + 1;
                Unit::Count(noun)
            }
            None => Unit::None,
        }
    };
    Some((k, value, unit))
}

/// The digits of a number token (or number word) and a power of ten: "5,000" → ("5000", 0), "3.2" → ("3.2", 0),
/// "2bn" → ("2", 9), "two" → ("2", 0).
fn number(doc: &Document, tokens: &[Token], k: usize) -> Option<(String, u32)> {
    let t = tokens.get(k)?;
    let w = doc.tok(t);
    if t.kind == TokenKind::Number {
        let clean: String = w.chars().filter(|&c| c != ',').collect();
        if clean.chars().filter(|&c| c == '.').count() > 1 || clean.contains('/') || clean.contains(':') {
            return None;
        }
        return Some((clean, 0));
    }
    let lower = w.to_lowercase();
    // A number in words ("five", "twenty-five", "a dozen"), read as time expressions read them; "a" alone is none.
    if lower.chars().all(|c| c.is_alphabetic() || c == '-') && !matches!(lower.as_str(), "a" | "an") {
        if let Some(n) = crate::extract::time::number(&lower).filter(|n| n.fract() == 0.0 && *n < 1e15) {
            return Some(((n as u64).to_string(), 0));
        }
    }
    // "2bn", "3.5m", "40m"
    let split = lower.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (digits, suffix) = lower.split_at(split);
    if digits.is_empty() || digits.ends_with('.') {
        return None;
    }
    let &(_, e) = MULTIPLIERS.iter().find(|(m, _)| *m == suffix)?;
    Some((digits.to_string(), e))
}

/// A decimal written with digits and one optional point, times 10^`exponent`, as an `xsd:decimal` lexical form
/// without needless zeros.
pub fn scale(digits: &str, exponent: u32) -> String {
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut all = format!("{int}{frac}");
    let point = int.len() + exponent as usize;
    while all.len() < point {
        all.push('0');
    }
    let (int, frac) = all.split_at(point);
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// The amounts that a change (or any event with a number in its object) carries, read after the trigger's verb
/// group up to the end of its clause, and inside its own phrase before a noun trigger ("a 20% fall").
pub fn around(
    doc: &Document,
    tokens: &[Token],
    parsed: &Parsed,
    times: &[Span],
    start: usize,
    end: usize,
) -> Vec<Quantity> {
    let mut out = Vec::new();
    // A number in a date ("August 10") or in a name ("Chapter 11", "Flight 447") is no amount.
    let amount_at = |doc: &Document, tokens: &[Token], parsed: &Parsed, k: usize| {
        let found = amount_at(doc, tokens, parsed, k)?;
        let first = tokens.get(k)?;
        let in_time = times.iter().any(|t| t.overlaps(first.span));
        let after_name = k > 0
            && tokens[k - 1].kind == TokenKind::Word
            && doc.tok(&tokens[k - 1]).starts_with(char::is_uppercase)
            && first.kind == TokenKind::Number;
        (!in_time && !after_name).then_some(found)
    };
    let lower = |k: usize| tokens.get(k).map(|t| doc.lower(t).into_owned()).unwrap_or_default();
    let span = |a: usize, b: usize| Span::new(tokens[a].span.start, tokens[b - 1].span.end);
    // Before a noun trigger, in its phrase.
    if let Some(c) = parsed.chunk_at(start) {
        let mut k = c.start;
        while k < start {
            if let Some((e, value, unit)) = amount_at(doc, tokens, parsed, k).filter(|(e, _, _)| *e <= start) {
                out.push(Quantity { span: span(k, e), value, unit, role: QuantityRole::Amount });
                k = e;
            } else {
                k += 1;
            }
        }
    }
    let mut k = end;
    let mut steps = 0;
    while k < tokens.len() && steps < 10 {
        let w = lower(k);
        if matches!(w.as_str(), ";" | ":" | "that" | "which" | "who" | "while" | "but" | "because" | "when") {
            break;
        }
        // Another verb's amounts are its own: "Sales fell 20%" gives the fall the 20%, not the sales.
        if k >= end && matches!(parsed.tag(k), Some(Tag::Verb(_) | Tag::Aux | Tag::Modal)) {
            break;
        }
        let role = match w.as_str() {
            "to" => Some(QuantityRole::To),
            "from" => Some(QuantityRole::From),
            "by" => Some(QuantityRole::Amount),
            _ => None,
        };
        let at = if role.is_some() { k + 1 } else { k };
        if let Some((e, value, unit)) = amount_at(doc, tokens, parsed, at) {
            out.push(Quantity { span: span(at, e), value, unit, role: role.unwrap_or(QuantityRole::Amount) });
            k = e;
            steps += 1;
            continue;
        }
        // A clause boundary after the first amount: ", up from", ", the biggest".
        if w == "," && out.iter().any(|q| q.span.start >= tokens[end.min(tokens.len() - 1)].span.start) {
            let next = lower(k + 1);
            if !matches!(next.as_str(), "to" | "from" | "up" | "down" | "or") {
                break;
            }
        }
        k += 1;
        steps += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    #[test]
    fn decimals_are_scaled_exactly() {
        assert_eq!(scale("3.2", 9), "3200000000");
        assert_eq!(scale("5000", 0), "5000");
        assert_eq!(scale("0.50", 0), "0.5");
        assert_eq!(scale("1.25", 1), "12.5");
        assert_eq!(scale("007", 0), "7");
    }

    fn amounts(text: &str, trigger: &str) -> Vec<(String, String, Unit, QuantityRole)> {
        let doc = Document::parse(text);
        let s = &doc.sentences[0];
        let p = parse(&doc, s, &[]);
        let i = s.tokens.iter().position(|t| doc.tok(t) == trigger).expect("trigger");
        around(&doc, &s.tokens, &p, &[], i, i + 1)
            .into_iter()
            .map(|q| (q.span.of(text).to_string(), q.value, q.unit, q.role))
            .collect()
    }

    #[test]
    fn changes_carry_their_size_and_levels() {
        assert_eq!(
            amounts("Sales fell 20% to $3.2 billion in March.", "fell"),
            vec![
                ("20%".into(), "20".into(), Unit::Percent, QuantityRole::Amount),
                ("$3.2 billion".into(), "3200000000".into(), Unit::Currency("USD"), QuantityRole::To),
            ]
        );
        assert_eq!(
            amounts("The company cut 5,000 jobs.", "cut"),
            vec![("5,000 jobs".into(), "5000".into(), Unit::Count("jobs".into()), QuantityRole::Amount)]
        );
        assert_eq!(
            amounts("Profit rose by 3 percentage points, the firm said.", "rose"),
            vec![("3 percentage points".into(), "3".into(), Unit::PercentagePoints, QuantityRole::Amount)]
        );
        assert_eq!(
            amounts("Shares rose 5 per cent from US$40.", "rose"),
            vec![
                ("5 per cent".into(), "5".into(), Unit::Percent, QuantityRole::Amount),
                ("US$40".into(), "40".into(), Unit::Currency("USD"), QuantityRole::From),
            ]
        );
    }
}
