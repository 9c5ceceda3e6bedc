//! Time expressions: find them and normalise each to a TimeML TIMEX3 type and value.
//!
//! Rules are a table of patterns (`RULES`), each with a function that computes the value from the match, the
//! article's publication date (DCT) and the sentence's tense, following the TimeML/TIDES guidelines: weekdays and
//! months without a year are resolved by tense (past tense: the previous one), "late Thursday" keeps the day with
//! mod END, durations become `P..`, and expressions like "a day later" are anchored to the last absolute date.

use std::cell::OnceCell;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex::{Captures, Regex};

use crate::article::month_number;
use crate::text::{Document, Sentence, Span};

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// The TIMEX3 value: "2025-03-13", "2025-W11", "P30D", "PAST_REF", "XXXX-02-12" when unresolvable.
    pub value: String,
    /// The TIMEX3 mod (START, MID, END, APPROX, ...), if any.
    pub modifier: Option<&'static str>,
}

impl Timex {
    /// The calendar day this expression names, when it names exactly one.
    pub fn day(&self) -> Option<NaiveDate> {
        if self.kind != TimexType::Date && self.kind != TimexType::Time {
            return None;
        }
        parse_day(&self.value)
    }
}

/// The tense of a sentence, as far as dates without a year or week need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// What a rule sees besides its match.
#[derive(Clone, Copy)]
struct Context<'a> {
    dct: Option<NaiveDate>,
    /// The tense around the expression, found only when a rule asks (most rules do not).
    tense: &'a dyn Fn() -> Tense,
    /// The last absolute day mentioned before this expression (TimeML's anchor for "a day later").
    anchor: Option<NaiveDate>,
}

type Value = (TimexType, String, Option<&'static str>);
type Rule = (Regex, fn(&Captures, &Context<'_>) -> Option<Value>);

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER: &str = r"(?:\d+(?:\.\d+)?(?: 1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|hundred|a dozen|dozen|a few|few|several|many|some|a couple of|couple of|a|an)";
const UNIT: &str =
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|quarters?|nights?)";
/// Modifiers before a quantity: "more than four decades ago", "almost four years".
const QUANT_MOD: &str =
    r"(?:(more than|less than|almost|nearly|about|some|over|at least|roughly|around|under|up to) )?";

/// Bytes of lazy-DFA cache per rule pattern (per thread).
const DFA_CACHE: usize = 16 << 20;

fn re(pattern: &str) -> Regex {
    let p = pattern
        .replace("MONTH", MONTH)
        .replace("WEEKDAY", WEEKDAY)
        .replace("QUANT_MOD", QUANT_MOD)
        .replace("NUMBER", NUMBER)
        .replace("UNIT", UNIT)
        // ASCII word boundaries keep the fast DFA engines usable on text with curly quotes and dashes.
        .replace(r"\b", r"(?-u:\b)");
    // A larger lazy-DFA cache than the default: varied news text otherwise keeps clearing it.
    regex::RegexBuilder::new(&p)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .unwrap_or_else(|e| panic!("time pattern {pattern}: {e}"))
}

/// All rule patterns as one set: a single pass tells which rules can match a sentence at all.
static RULE_SET: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(RULES.iter().map(|(r, _)| r.as_str()))
        .dfa_size_limit(8 * DFA_CACHE)
        .build()
        .expect("the rule patterns compile as a set")
});

/// Words without which no rule can match (with digits): sentences with none of them are skipped.
static KEYWORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let words = [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "night",
        "morning",
        "afternoon",
        "evening",
        "week",
        "month",
        "year",
        "day",
        "hour",
        "minute",
        "second",
        "decade",
        "centur",
        "quarter",
        "half",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "now",
        "current",
        "recent",
        "lately",
        "future",
        "past",
        "noon",
        "midday",
        "midnight",
        "daily",
        "annually",
        "hourly",
        "present",
        "moment",
        "christmas",
        "thanksgiving",
        "easter",
        "eve",
        "nineteen",
        "ties",
    ];
    aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("keyword automaton")
});

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "hundred",
];

fn quant_mod(word: Option<regex::Match>) -> Option<&'static str> {
    Some(match word?.as_str().to_lowercase().as_str() {
        "more than" | "over" => "MORE_THAN",
        "less than" | "under" => "LESS_THAN",
        "almost" | "nearly" => "LESS_THAN",
        "at least" => "EQUAL_OR_MORE",
        "up to" => "EQUAL_OR_LESS",
        _ => "APPROX",
    })
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        (re(r"\b(\d{4})-(\d{2})-(\d{2})\b"), |c, _| ymd(num(c, 1)?, num(c, 2)?, num(c, 3)?)),
        (re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), |c, _| {
            let (a, b, y) = (num(c, 1)?, num(c, 2)?, num(c, 3)?);
            // US order unless the first number cannot be a month.
            if a > 12 {
                ymd(y, b, a)
            } else {
                ymd(y, a, b)
            }
        }),
        (re(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), |c, _| ymd(num(c, 3)?, num(c, 2)?, num(c, 1)?)),
        (
            re(r"\b(?:WEEKDAY, )?(?:(early|mid|late)[- ])?(MONTH)\.? (\d{1,2})(?:st|nd|rd|th)?(?:, ?| )(\d{4})\b"),
            |c, _| with_mod(ymd(num(c, 4)?, month(c, 2)?, num(c, 3)?), c.get(1).map(|m| part_mod(m.as_str()))),
        ),
        (re(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(MONTH)\.?,? (\d{4})\b"), |c, _| {
            ymd(num(c, 3)?, month(c, 2)?, num(c, 1)?)
        }),
        (re(r"\b(?:WEEKDAY, )?(?:(early|mid|late)[- ])?(MONTH)\.? (\d{1,2})(?:st|nd|rd|th)?\b"), |c, x| {
            with_mod(month_day(month(c, 2)?, num(c, 3)?, x), c.get(1).map(|m| part_mod(m.as_str())))
        }),
        (re(r"\b(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (MONTH)\b"), |c, x| month_day(month(c, 2)?, num(c, 1)?, x)),
        // "11 December": day before month, as British and Wikinews write it.
        (re(r"\b(\d{1,2})(?:st|nd|rd|th)? (MONTH)\b"), |c, x| month_day(month(c, 2)?, num(c, 1)?, x)),
        (
            re(
                r"\bthe (\d{1,2})(?:st|nd|rd|th)\b(?: (century|anniversary|time|floor|place|round|amendment|day|year|week|minute|hour|month|season|edition|birthday|congress|division))?",
            ),
            |c, x| {
                if c.get(2).is_some() {
                    return None; // "the 12th century", "the 3rd floor": not a day of the month
                }
                let dct = x.dct?;
                let day = num(c, 1)?;
                // The day in this month, the previous or the next, nearest the DCT in the direction of the tense.
                let candidates: Vec<NaiveDate> = [-1i32, 0, 1]
                    .iter()
                    .filter_map(|k| {
                        let first = NaiveDate::from_ymd_opt(dct.year(), dct.month(), 1)?;
                        let month = if *k < 0 {
                            first.checked_sub_months(Months::new(1))?
                        } else {
                            first.checked_add_months(Months::new(*k as u32))?
                        };
                        NaiveDate::from_ymd_opt(month.year(), month.month(), day)
                    })
                    .collect();
                let fits = |d: &NaiveDate| match (x.tense)() {
                    Tense::Future => *d >= dct,
                    _ => *d <= dct,
                };
                let date = candidates.iter().filter(|d| fits(d)).min_by_key(|d| (**d - dct).num_days().abs())?;
                Some((TimexType::Date, iso(*date), None))
            },
        ),
        (re(r"\b(?:(early|mid|late)[- ])?(MONTH),? (?:of )?(\d{4})\b"), |c, _| {
            let v = format!("{:04}-{:02}", num(c, 3)?, month(c, 2)?);
            Some((TimexType::Date, v, c.get(1).map(|m| part_mod(m.as_str()))))
        }),
        (
            re(
                r"\b(?:(early|mid|late)[- ]|(?:in|since|until|by|during|through|last|next|this|before|after|from|of) )?(January|February|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)|\b(?:(early|mid|late)[- ]|(?:in|since|until|by|during|through|last|next|this|before|after|from) )(March|May)\b",
            ),
            |c, x| {
                let m = month_number(c.get(2).or(c.get(4))?.as_str())?;
                let text = c.get(0)?.as_str().to_lowercase();
                let v = match x.dct {
                    Some(d) => {
                        let y = if text.starts_with("last") {
                            if m >= d.month() {
                                d.year() - 1
                            } else {
                                d.year()
                            }
                        } else if text.starts_with("next") {
                            if m <= d.month() {
                                d.year() + 1
                            } else {
                                d.year()
                            }
                        } else if text.starts_with("this") {
                            d.year()
                        } else {
                            closest_year(d, m, 0, (x.tense)())
                        };
                        format!("{y:04}-{m:02}")
                    }
                    None => format!("XXXX-{m:02}"),
                };
                Some((TimexType::Date, v, c.get(1).or(c.get(3)).map(|m| part_mod(m.as_str()))))
            },
        ),
        (
            re(
                r"(?i)\b(?:(\d{1,2})(?::(\d{2}))? ?(a\.m\.|p\.m\.|am|pm)|([01]?\d|2[0-3]):([0-5]\d))(?: ([A-Z]{3}))? (WEEKDAY|today|tomorrow|yesterday)\b",
            ),
            |c, x| {
                let day_word = c.get(7)?.as_str();
                let day = match weekday(day_word) {
                    Some(wd) => match x.dct {
                        Some(d) => iso(resolve_weekday(d, wd, (x.tense)())),
                        None => "XXXX-XX-XX".into(),
                    },
                    None => day_offset(x.dct, day_word_offset(day_word)),
                };
                let t = match c.get(1) {
                    Some(h) => clock(
                        h.as_str().parse().ok()?,
                        c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?,
                        c.get(3)?.as_str(),
                    )?,
                    None => format!("{:02}:{:02}", num(c, 4)?, num(c, 5)?),
                };
                let zone = if c.get(6).is_some_and(|z| is_utc(z.as_str())) { "Z" } else { "" };
                Some((TimexType::Time, format!("{day}T{t}{zone}"), None))
            },
        ),
        // "on Mondays", "Tuesday nights": every such day (SET).
        (re(r"(?i)\b(WEEKDAY)(?:s\b|(?: (morning|afternoon|evening|night)s\b))"), |c, _| {
            let wd = weekday(c.get(1)?.as_str())?;
            let part = c.get(2).map_or(String::new(), |p| format!("T{}", part_of_day(p.as_str())));
            Some((TimexType::Set, format!("XXXX-WXX-{}{part}", wd.number_from_monday()), None))
        }),
        // "the first half of 1990", "the last half of 1989".
        (re(r"(?i)\bthe (first|second|last|latter) half of (\d{4})\b"), |c, _| {
            let h = if c.get(1)?.as_str().eq_ignore_ascii_case("first") { 1 } else { 2 };
            Some((TimexType::Date, format!("{}-H{h}", num(c, 2)?), None))
        }),
        // "noon Thursday", "midnight Friday": one TIME on that day.
        (re(r"(?i)\b(noon|midday|midnight) (WEEKDAY|today|tomorrow|yesterday)\b"), |c, x| {
            let day_word = c.get(2)?.as_str();
            let day = match (weekday(day_word), x.dct) {
                (Some(wd), Some(d)) => iso(resolve_weekday(d, wd, (x.tense)())),
                (Some(_), None) => "XXXX-XX-XX".into(),
                (None, _) => day_offset(x.dct, day_word_offset(day_word)),
            };
            let t = if c.get(1)?.as_str().eq_ignore_ascii_case("midnight") { "24:00" } else { "12:00" };
            Some((TimexType::Time, format!("{day}T{t}"), None))
        }),
        (
            re(
                r"(?i)\b(?:(early|late) )?(?:(last|next|this|coming|past|on) )?(WEEKDAY)(?:,? (morning|afternoon|evening|night))?\b",
            ),
            |c, x| {
                let wd = weekday(c.get(3)?.as_str())?;
                let dir = match c.get(2).map(|m| m.as_str().to_lowercase()).as_deref() {
                    Some("last") | Some("past") => Tense::Past,
                    Some("next") | Some("coming") => Tense::Future,
                    _ => (x.tense)(),
                };
                let this = c.get(2).is_some_and(|m| m.as_str().eq_ignore_ascii_case("this"));
                let day = match x.dct {
                    // "this Sunday": the day of the DCT's own week.
                    Some(d) if this => iso(d + Duration::days(
                        wd.num_days_from_monday() as i64 - d.weekday().num_days_from_monday() as i64,
                    )),
                    // "last Wednesday" written on a Wednesday is a week back, "next Wednesday" a week ahead.
                    Some(d)
                        if d.weekday() == wd && c.get(2).is_some_and(|m| !m.as_str().eq_ignore_ascii_case("on")) =>
                    {
                        let step = if dir == Tense::Future { 7 } else { -7 };
                        iso(d + Duration::days(step))
                    }
                    Some(d) => iso(resolve_weekday(d, wd, dir)),
                    None => format!("XXXX-WXX-{}", wd.number_from_monday()),
                };
                let modifier = c.get(1).map(|m| part_mod(m.as_str()));
                match c.get(4) {
                    Some(part) => Some((TimexType::Time, format!("{day}T{}", part_of_day(part.as_str())), modifier)),
                    None => Some((TimexType::Date, day, modifier)),
                }
            },
        ),
        (
            re(
                r"(?i)\b(?:(early|late|earlier|later) )?(yesterday|today|tomorrow)(?: (morning|afternoon|evening|night))?\b",
            ),
            |c, x| {
                let offset = day_word_offset(c.get(2)?.as_str());
                let modifier = c.get(1).and_then(|m| early_late_mod(m.as_str()));
                match c.get(3) {
                    Some(part) => Some((
                        TimexType::Time,
                        format!("{}T{}", day_offset(x.dct, offset), part_of_day(part.as_str())),
                        modifier,
                    )),
                    None => Some((TimexType::Date, day_offset(x.dct, offset), modifier)),
                }
            },
        ),
        (re(r"(?i)\b(tonight|last night|this (morning|afternoon|evening))\b"), |c, x| {
            let text = c.get(1)?.as_str().to_lowercase();
            let (offset, part) = if text == "tonight" {
                (0, "NI")
            } else if text == "last night" {
                (-1, "NI")
            } else {
                (0, part_of_day(c.get(2)?.as_str()))
            };
            Some((TimexType::Time, format!("{}T{part}", day_offset(x.dct, offset)), None))
        }),
        (
            re(
                r"(?i)\b(?:(early|late|earlier|later) )?(?:the )?(last|next|this|coming|past|previous|current) (week|month|year|quarter|weekend|decade|century)\b",
            ),
            |c, x| {
                relative_period(c.get(2)?.as_str(), c.get(3)?.as_str(), x)
                    .map(|(t, v, _)| (t, v, c.get(1).and_then(|m| early_late_mod(m.as_str()))))
            },
        ),
        (
            re(r"(?i)\bthe (?:(latest|current|past|previous|same|comparable|fiscal) )?(quarter|year|weekend)\b(-)?"),
            |c, x| {
                if c.get(3).is_some() {
                    return None; // "the year-earlier period": the rule below
                }
                let which = c.get(1).map(|m| m.as_str().to_lowercase()).unwrap_or_default();
                let unit = c.get(2)?.as_str().to_lowercase();
                let d = x.dct?;
                let v = match (unit.as_str(), which.as_str()) {
                    ("year", "past") => return Some((TimexType::Duration, "P1Y".into(), None)),
                    ("year", "year-earlier" | "year-ago" | "previous") => format!("{}", d.year() - 1),
                    ("year", _) => format!("{}", d.year()),
                    ("weekend", _) => {
                        let w = resolve_weekday(d, Weekday::Sat, (x.tense)()).iso_week();
                        format!("{}-W{:02}-WE", w.year(), w.week())
                    }
                    (_, "current") => quarter_of(d, 0),
                    (_, "year-earlier" | "year-ago" | "comparable") => quarter_of(d - Duration::days(365), -1),
                    _ => quarter_of(d, -1),
                };
                Some((TimexType::Date, v, None))
            },
        ),
        // "year-earlier", "the year-ago quarter", "the same period a year earlier": one year before the period
        // under discussion; `extract` gives them the granularity of the last quarter or month mentioned.
        (
            re(
                r"(?i)\bthe (?:(?:same|corresponding|comparable) )?year-(?:earlier|ago) (?:(?:first|second|third|fourth) )?(?:period|quarter|half|month|(NUMBER) months)\b|\byear-(?:earlier|ago)(?: (?:(?:first|second|third|fourth) )?(?:period|quarter|half|month|(NUMBER) months))?\b|\bthe (?:(?:same|corresponding|comparable) (?:period|quarter|month|week)|quarter) (?:a year (?:ago|earlier|before)|(?:of )?last year)\b",
            ),
            |c, x| {
                if let Some(n) = c.get(1).or(c.get(2)) {
                    return duration(n.as_str(), "months");
                }
                let base = x.dct.or(x.anchor)?;
                Some((TimexType::Date, format!("{}", base.year() - 1), None))
            },
        ),
        // "the latest period": the quarter under discussion (see `extract`), else the last one.
        (re(r"(?i)\bthe latest period\b"), |_, x| Some((TimexType::Date, quarter_of(x.dct?, -1), None))),
        // "June last year", "January this year".
        (re(r"\b(MONTH)\.? (this|last|next) year\b"), |c, x| {
            let shift = match c.get(2)?.as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            Some((TimexType::Date, format!("{}-{:02}", x.dct?.year() + shift, month(c, 1)?), None))
        }),
        // "the week of March 6": the ISO week of that day.
        (re(r"(?i)\bthe week of ((?-i:MONTH))\.? (\d{1,2})\b"), |c, x| {
            let (_, v, _) = month_day(month(c, 1)?, num(c, 2)?, x)?;
            let w = parse_day(&v)?.iso_week();
            Some((TimexType::Date, format!("{}-W{:02}", w.year(), w.week()), None))
        }),
        // "the 1988 third quarter", "the 1989 period" (the quarter under discussion, see `extract`).
        (re(r"(?i)\bthe ((?:19|20)\d\d) (?:(first|second|third|fourth) )?(quarter|period)\b"), |c, _| {
            let year = c.get(1)?.as_str();
            let v = match c.get(2).map(|m| m.as_str().to_lowercase()) {
                Some(n) => {
                    format!("{year}-Q{}", ["first", "second", "third", "fourth"].iter().position(|w| *w == n)? + 1)
                }
                None => year.to_string(),
            };
            Some((TimexType::Date, v, None))
        }),
        (re(r"(?i)\b(first|second|third|fourth)-(quarter|half)\b"), |c, x| {
            let n = match c.get(1)?.as_str().to_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            let half = c.get(2)?.as_str().eq_ignore_ascii_case("half");
            let d = x.dct?;
            // A quarter not yet begun at publication is last year's ("fourth-quarter results" in January).
            let current = if half { d.month0() / 6 + 1 } else { d.month0() / 3 + 1 };
            let year = if n > current { d.year() - 1 } else { d.year() };
            Some((TimexType::Date, format!("{year}-{}{n}", if half { "H" } else { "Q" }), None))
        }),
        (re(r"(?i)\bQUANT_MOD(NUMBER) (UNIT) (ago|earlier|later|from now|hence)\b"), |c, x| {
            let word = c.get(4)?.as_str().to_lowercase();
            let sign = if matches!(word.as_str(), "ago" | "earlier") { -1 } else { 1 };
            let unit = unit_code(c.get(3)?.as_str())?;
            let Some(n) = number(c.get(2)?.as_str()) else {
                // "several years ago", "a few days later": a vague point in the past or future (TIDES 2005).
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some((TimexType::Date, v.into(), None));
            };
            let base = if word == "ago" || word == "from now" || word == "hence" { x.dct } else { x.anchor.or(x.dct) };
            Some((TimexType::Date, shift(base, n, unit, sign)?, quant_mod(c.get(1))))
        }),
        (
            re(
                r"(?i)\bthe (next|following|previous) (day|week|month|year)\b|\bthe (day|week|month|year) (before|after)\b",
            ),
            |c, x| {
                let (word, unit) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                    (Some(w), Some(u), _, _) => (w.as_str(), u.as_str()),
                    (_, _, Some(u), Some(w)) => (w.as_str(), u.as_str()),
                    _ => return None,
                };
                let sign = if matches!(word, "previous" | "before") { -1 } else { 1 };
                let base = x.anchor.or(x.dct);
                if unit.eq_ignore_ascii_case("week") {
                    // "the following week" names a week, not a day.
                    let w = (base? + Duration::weeks(sign)).iso_week();
                    return Some((TimexType::Date, format!("{}-W{:02}", w.year(), w.week()), None));
                }
                Some((TimexType::Date, shift(base, 1.0, unit_code(unit)?, sign)?, None))
            },
        ),
        (
            re(
                r"(?i)\b(?:the (?:last|past|next|coming|first|final)|past|next|coming) (NUMBER) (years|months|weeks|days|hours|decades|quarters)\b",
            ),
            |c, _| duration(c.get(1)?.as_str(), c.get(2)?.as_str()),
        ),
        (
            re(
                r"(?i)\bQUANT_MOD(NUMBER)[- ](year|month|week|day|hour|minute|second|decade|century|centurie)s?(?:[- ](long|old))?\b",
            ),
            |c, _| {
                if c.get(4).is_some_and(|m| m.as_str().eq_ignore_ascii_case("old")) {
                    return None; // an age, not a time
                }
                let (t, v, _) = duration(c.get(2)?.as_str(), c.get(3)?.as_str())?;
                Some((t, v, quant_mod(c.get(1))))
            },
        ),
        (
            re(
                r"(?i)\b(NUMBER) and a half (years|months|weeks|days|hours|minutes)\b|\bhalf an? (year|month|week|day|hour|minute)\b",
            ),
            |c, _| {
                let (n, unit) = match (c.get(1), c.get(2), c.get(3)) {
                    (Some(n), Some(u), _) => (number(n.as_str())? + 0.5, u.as_str()),
                    (_, _, Some(u)) => (0.5, u.as_str()),
                    _ => return None,
                };
                let (big, small, factor, time) = match unit_code(unit)? {
                    "Y" => ("Y", "M", 12.0, false),
                    "M" => ("M", "D", 30.0, false),
                    "W" => ("W", "D", 7.0, false),
                    "D" => ("D", "H", 24.0, true),
                    "H" => ("H", "M", 60.0, true),
                    _ => ("M", "S", 60.0, true),
                };
                let whole = n.trunc() as i64;
                let part = ((n.fract()) * factor).round() as i64;
                let t = if time && big != "D" { "T" } else { "" };
                let v = match (whole, big) {
                    (0, "D") => format!("PT{part}{small}"),
                    (0, _) => format!("P{t}{part}{small}"),
                    (_, "D") => format!("P{whole}DT{part}{small}"),
                    _ => format!("P{t}{whole}{big}{part}{small}"),
                };
                Some((TimexType::Duration, v, None))
            },
        ),
        (re(r"(?i)\bevery (NUMBER) (years|months|weeks|days|hours)\b"), |c, _| {
            let (_, v, _) = duration(c.get(1)?.as_str(), c.get(2)?.as_str())?;
            Some((TimexType::Set, v, None))
        }),
        (re(r"(?i)\b(?:for|over|in) (years|months|weeks|days|decades|hours)\b"), |c, _| {
            Some((TimexType::Duration, format!("PX{}", unit_letter(unit_code(c.get(1)?.as_str())?)), None))
        }),
        (re(r"(?i)\b(?:the )?(?:recent|coming|past) (years|months|weeks|days|decades)\b"), |c, _| {
            Some((TimexType::Duration, format!("PX{}", unit_letter(unit_code(c.get(1)?.as_str())?)), None))
        }),
        (re(r"\b(?:(early|mid|late)[- ])?(?:the )?((?:1[0-9]|20)\d)0s\b"), |c, _| {
            Some((TimexType::Date, c.get(2)?.as_str().to_string(), c.get(1).map(|m| part_mod(m.as_str()))))
        }),
        (re(r"(?i)\b(?:the )?(\d{1,2})(?:st|nd|rd|th) century\b"), |c, _| {
            Some((TimexType::Date, format!("{:02}", num(c, 1)?.checked_sub(1)?), None))
        }),
        // A year on its own ("a 1996 law", "for 1988"), unless it is an amount or part of a longer number.
        (re(r"(\$|\d[,.])?\b((?:1[89]|20)\d\d)\b([,.]\d|%| percent| per cent)?"), |c, _| {
            if c.get(1).is_some() || c.get(3).is_some() {
                return None;
            }
            Some((TimexType::Date, c.get(2)?.as_str().to_string(), None))
        }),
        // Years and decades in words, as transcripts write them: "nineteen ninety-six", "the nineties".
        (
            re(
                r"(?i)\bnineteen (ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b",
            ),
            |c, _| {
                let tens = number(c.get(1)?.as_str())? as u32;
                let ones = c.get(2).map_or(Some(0.0), |m| number(m.as_str()))? as u32;
                Some((TimexType::Date, format!("19{}", tens + ones), None))
            },
        ),
        (re(r"(?i)\bthe (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"), |c, _| {
            let word = c.get(1)?.as_str().to_lowercase();
            let tens = number(&word.replace("ies", "y"))? as u32;
            Some((TimexType::Date, format!("19{}", tens / 10), None))
        }),
        // Holidays with a fixed or computable date (HeidelTime's holiday rules do the same).
        (
            re(
                r"(?i)\b(?:(last|next|this) )?(Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Thanksgiving(?: Day)?|Independence Day|Election Day|Labor Day|Memorial Day|Valentine's Day|Easter(?: Sunday)?)\b",
            ),
            |c, x| {
                let name = c.get(2)?.as_str().to_lowercase();
                let dct = x.dct?;
                let tense = match c.get(1).map(|m| m.as_str().to_lowercase()).as_deref() {
                    Some("last") => Tense::Past,
                    Some("next") => Tense::Future,
                    _ => (x.tense)(),
                };
                let year =
                    closest_year(dct, holiday(&name, dct.year())?.month(), holiday(&name, dct.year())?.day(), tense);
                let date = holiday(&name, year)?;
                Some((TimexType::Date, iso(date), None))
            },
        ),
        (
            re(
                r"(?i)\b(?:(in|since|until|by|during|through|before|after|from|of|year|early|late|mid|between|and|to|the|fiscal)[- ])((?:1[89]|20)\d\d)\b",
            ),
            |c, _| {
                let modifier = c.get(1).and_then(|m| match m.as_str().to_lowercase().as_str() {
                    "early" => Some("START"),
                    "mid" => Some("MID"),
                    "late" => Some("END"),
                    _ => None,
                });
                Some((TimexType::Date, c.get(2)?.as_str().to_string(), modifier))
            },
        ),
        (
            re(
                r"(?i)\b(?:(last|next|this|early|late|the) )?(spring|summer|autumn|winter)(?: (?:of )?(\d{4}))?\b|\b(last|next|this|early|late) (fall)\b|\b(fall) (?:of )?(\d{4})\b",
            ),
            |c, x| {
                let which = c.get(1).or(c.get(4)).map(|m| m.as_str().to_lowercase());
                let season = match c.get(2).or(c.get(5)).or(c.get(6))?.as_str().to_lowercase().as_str() {
                    "spring" => "SP",
                    "summer" => "SU",
                    "autumn" | "fall" => "FA",
                    _ => "WI",
                };
                let year = match (c.get(3).or(c.get(7)), which.as_deref(), x.dct) {
                    (Some(y), _, _) => y.as_str().to_string(),
                    (None, Some("last"), Some(d)) => (d.year() - 1).to_string(),
                    (None, Some("next"), Some(d)) => (d.year() + 1).to_string(),
                    (None, _, Some(d)) => d.year().to_string(),
                    _ => "XXXX".into(),
                };
                Some((TimexType::Date, format!("{year}-{season}"), None))
            },
        ),
        (
            re(
                r"(?i)\b(?:the )?(?:fiscal )?(first|second|third|fourth|1st|2nd|3rd|4th) (quarter|half)(?: of (\d{4}|this year|last year|next year))?\b",
            ),
            |c, x| {
                let n = match c.get(1)?.as_str().to_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                };
                let letter = if c.get(2)?.as_str().eq_ignore_ascii_case("half") { "H" } else { "Q" };
                if letter == "H" && n > 2 {
                    return None;
                }
                let year = match (c.get(3).map(|y| y.as_str().to_lowercase()), x.dct) {
                    (Some(y), _) if y.starts_with(|ch: char| ch.is_ascii_digit()) => y,
                    (Some(y), Some(d)) => (d.year()
                        + if y.starts_with("last") {
                            -1
                        } else if y.starts_with("next") {
                            1
                        } else {
                            0
                        })
                    .to_string(),
                    // A quarter not yet begun at publication, told in the past, is last year's.
                    (None, Some(d)) => {
                        let current = if letter == "H" { d.month0() / 6 + 1 } else { d.month0() / 3 + 1 };
                        let back = n > current && (x.tense)() == Tense::Past;
                        (d.year() - i32::from(back)).to_string()
                    }
                    _ => "XXXX".into(),
                };
                Some((TimexType::Date, format!("{year}-{letter}{n}"), None))
            },
        ),
        (re(r"\bQ([1-4]),? (\d{4})\b"), |c, _| {
            Some((TimexType::Date, format!("{}-Q{}", c.get(2)?.as_str(), c.get(1)?.as_str()), None))
        }),
        (re(r"(?i)\b(\d{1,2})(?::(\d{2}))? ?(a\.m\.|p\.m\.|am\b|pm\b)(?: (UTC|GMT)\b)?"), |c, x| {
            let t = clock(num(c, 1)?, c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?, c.get(3)?.as_str())?;
            let zone = if c.get(4).is_some() { "Z" } else { "" };
            Some((TimexType::Time, format!("{}T{t}{zone}", day_offset(x.dct, 0)), None))
        }),
        (re(r"\b([01]?\d|2[0-3]):([0-5]\d)(?: ?(UTC|GMT))?\b"), |c, x| {
            let zone = if c.get(3).is_some() { "Z" } else { "" };
            Some((TimexType::Time, format!("{}T{:02}:{:02}{zone}", day_offset(x.dct, 0), num(c, 1)?, num(c, 2)?), None))
        }),
        // "0800 UTC": a four-digit clock time needs its zone to be told from a number.
        (re(r"\b([01]\d|2[0-3])([0-5]\d) (UTC|GMT)\b"), |c, x| {
            Some((TimexType::Time, format!("{}T{:02}:{:02}Z", day_offset(x.dct, 0), num(c, 1)?, num(c, 2)?), None))
        }),
        (re(r"(?i)\b(noon|midday|midnight)\b"), |c, x| {
            let t = if c.get(1)?.as_str().eq_ignore_ascii_case("midnight") { "24:00" } else { "12:00" };
            Some((TimexType::Time, format!("{}T{t}", day_offset(x.dct, 0)), None))
        }),
        (
            re(
                r"(?i)\b(?:every|each) (day|week|month|year|morning|evening|night|WEEKDAY|January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(daily|weekly|monthly|annually|yearly|hourly)\b",
            ),
            |c, _| {
                let v = match c.get(1).or(c.get(2))?.as_str().to_lowercase().as_str() {
                    "day" | "daily" => "P1D".to_string(),
                    "week" | "weekly" => "P1W".to_string(),
                    "month" | "monthly" => "P1M".to_string(),
                    "year" | "yearly" | "annually" => "P1Y".to_string(),
                    "hourly" => "PT1H".to_string(),
                    "morning" => "XXXX-XX-XXTMO".to_string(),
                    "evening" => "XXXX-XX-XXTEV".to_string(),
                    "night" => "XXXX-XX-XXTNI".to_string(),
                    w => match month_number(w) {
                        Some(m) => format!("XXXX-{m:02}"),
                        None => format!("XXXX-WXX-{}", weekday(w)?.number_from_monday()),
                    },
                };
                Some((TimexType::Set, v, None))
            },
        ),
        (re(r"(?i)\b(now|currently|at present|nowadays|at the moment)\b|\b(current)\b"), |c, _| {
            Some((TimexType::Date, "PRESENT_REF".into(), None)).filter(|_| c.get(0).is_some())
        }),
        (re(r"(?i)\b(recently|lately)\b"), |_, _| Some((TimexType::Date, "PAST_REF".into(), None))),
        (re(r"(?i)\bthe future\b"), |_, _| Some((TimexType::Date, "FUTURE_REF".into(), None))),
        (re(r"(?i)\bin (?P<t>the past)[.,;]"), |_, _| Some((TimexType::Date, "PAST_REF".into(), None))),
    ]
});

/// A clock time "HH:MM" from hour, minute and a.m./p.m.
fn clock(mut h: u32, m: u32, ampm: &str) -> Option<String> {
    if h > 12 || m > 59 {
        return None;
    }
    let pm = ampm.to_lowercase().starts_with('p');
    if pm && h < 12 {
        h += 12;
    } else if !pm && h == 12 {
        h = 0;
    }
    Some(format!("{h:02}:{m:02}"))
}

/// The date of a holiday in a year: fixed days, the US ones counted by weekday, and Easter (Gauss's computus).
fn holiday(name: &str, year: i32) -> Option<NaiveDate> {
    let nth = |month: u32, wd: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(year, month, wd, n);
    match name {
        "christmas" | "christmas day" => NaiveDate::from_ymd_opt(year, 12, 25),
        "christmas eve" => NaiveDate::from_ymd_opt(year, 12, 24),
        "new year's day" => NaiveDate::from_ymd_opt(year, 1, 1),
        "new year's eve" => NaiveDate::from_ymd_opt(year, 12, 31),
        "independence day" => NaiveDate::from_ymd_opt(year, 7, 4),
        "valentine's day" => NaiveDate::from_ymd_opt(year, 2, 14),
        "thanksgiving" | "thanksgiving day" => nth(11, Weekday::Thu, 4),
        "labor day" => nth(9, Weekday::Mon, 1),
        // The last Monday of May.
        "memorial day" => nth(5, Weekday::Mon, 5).or_else(|| nth(5, Weekday::Mon, 4)),
        // The Tuesday after the first Monday of November.
        "election day" => nth(11, Weekday::Mon, 1).map(|d| d + Duration::days(1)),
        "easter" | "easter sunday" => {
            let (a, b, c) = (year % 19, year / 100, year % 100);
            let (d, e) = (b / 4, b % 4);
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = (h + l - 7 * m + 114) / 31;
            let day = (h + l - 7 * m + 114) % 31 + 1;
            NaiveDate::from_ymd_opt(year, month as u32, day as u32)
        }
        _ => None,
    }
}

/// The quarter `offset` quarters from the one containing `d` ("2025-Q1").
fn quarter_of(d: NaiveDate, offset: i32) -> String {
    let q = (d.month0() / 3) as i32 + offset;
    format!("{}-Q{}", d.year() + q.div_euclid(4), q.rem_euclid(4) + 1)
}

/// The year that puts month `m` (day `day`) closest to the DCT, unless the tense points clearly the other way
/// ("will vote in February" in March is next February; "was signed in November" in January is last November).
fn closest_year(dct: NaiveDate, m: u32, day: u32, tense: Tense) -> i32 {
    let candidates: Vec<NaiveDate> =
        (dct.year() - 1..=dct.year() + 1).filter_map(|y| NaiveDate::from_ymd_opt(y, m, day.max(1))).collect();
    let months = |d: &NaiveDate| d.year() * 12 + d.month0() as i32;
    // `day` 0 stands for the whole month: "in February" is past in March, whatever the day.
    let fits = |d: &NaiveDate| match (tense, day) {
        (Tense::Future, 0) => months(d) >= months(&dct),
        (Tense::Past, 0) => months(d) <= months(&dct),
        (Tense::Future, _) => (*d - dct).num_days() >= -31,
        (Tense::Past, _) => (*d - dct).num_days() <= 31,
        (Tense::Present, _) => true,
    };
    let pick = |only_fitting: bool| {
        candidates.iter().filter(|d| !only_fitting || fits(d)).min_by_key(|d| (**d - dct).num_days().abs()).copied()
    };
    pick(true).or(pick(false)).map_or(dct.year(), |d| d.year())
}

/// A day as TIMEX3 writes it, "2025-03-14" (without chrono's format-string parser, which is slow).
fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The day a TIMEX3 value starts with ("2025-03-14", "2025-03-14TNI"), if it starts with one.
fn parse_day(v: &str) -> Option<NaiveDate> {
    let b = v.as_bytes();
    if b.len() < 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !b[..4].iter().chain(&b[5..7]).chain(&b[8..10]).all(u8::is_ascii_digit)
    {
        return None;
    }
    NaiveDate::from_ymd_opt(v[..4].parse().ok()?, v[5..7].parse().ok()?, v[8..10].parse().ok()?)
}

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn month(c: &Captures, i: usize) -> Option<u32> {
    month_number(c.get(i)?.as_str())
}

fn ymd(y: u32, m: u32, d: u32) -> Option<Value> {
    NaiveDate::from_ymd_opt(y as i32, m, d).map(|date| (TimexType::Date, iso(date), None))
}

fn with_mod(value: Option<Value>, modifier: Option<&'static str>) -> Option<Value> {
    value.map(|(t, v, m)| (t, v, modifier.or(m)))
}

/// "early"/"late" mark a part of the period; "earlier"/"later" ("earlier this year") do not.
fn early_late_mod(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    (w == "early" || w == "late").then(|| part_mod(&w))
}

/// Days from the DCT that "yesterday", "today" and "tomorrow" name.
fn day_word_offset(word: &str) -> i64 {
    match word.to_lowercase().as_str() {
        "yesterday" => -1,
        "tomorrow" => 1,
        _ => 0,
    }
}

/// Time zones that TIMEX3 writes as "Z" (TIDES 2005: times in UTC carry the suffix Z).
fn is_utc(zone: &str) -> bool {
    matches!(zone, "UTC" | "GMT" | "utc" | "gmt")
}

fn part_mod(word: &str) -> &'static str {
    match word.to_lowercase().as_str() {
        "early" => "START",
        "mid" => "MID",
        _ => "END",
    }
}

fn part_of_day(word: &str) -> &'static str {
    match word.to_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        _ => "NI",
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    name.to_lowercase().get(..3)?.parse().ok()
}

/// The weekday nearest the DCT in the direction of the tense; the DCT itself when it is that weekday.
fn resolve_weekday(dct: NaiveDate, wd: Weekday, tense: Tense) -> NaiveDate {
    let diff = wd.num_days_from_monday() as i64 - dct.weekday().num_days_from_monday() as i64;
    if diff == 0 {
        return dct;
    }
    let back = if diff < 0 { diff } else { diff - 7 };
    let forward = if diff > 0 { diff } else { diff + 7 };
    // News report the past: without a future marker, the previous one.
    let offset = if tense == Tense::Future { forward } else { back };
    dct + Duration::days(offset)
}

/// A month and day without a year: the occurrence closest to the DCT unless the tense clearly says otherwise.
/// (Measured on TempEval-3 data, tense alone misleads: "the meeting was set for Jan. 14" in an article of Jan. 5.)
fn month_day(m: u32, d: u32, x: &Context) -> Option<Value> {
    let Some(dct) = x.dct else {
        NaiveDate::from_ymd_opt(2000, m, d)?; // validate day of month (2000 is a leap year)
        return Some((TimexType::Date, format!("XXXX-{m:02}-{d:02}"), None));
    };
    NaiveDate::from_ymd_opt(2000, m, d)?;
    let date = NaiveDate::from_ymd_opt(closest_year(dct, m, d, (x.tense)()), m, d)?;
    Some((TimexType::Date, iso(date), None))
}

fn day_offset(dct: Option<NaiveDate>, days: i64) -> String {
    match dct {
        Some(d) => iso(d + Duration::days(days)),
        None if days == 0 => "PRESENT_REF".into(),
        None => "XXXX-XX-XX".into(),
    }
}

fn relative_period(which: &str, unit: &str, x: &Context) -> Option<Value> {
    let which = which.to_lowercase();
    let unit = unit.to_lowercase();
    let sign: i64 = match which.as_str() {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    if which == "past" && unit != "weekend" {
        // "the past week" is a duration (TimeML).
        let code = unit_code(&unit)?;
        let v = if matches!(code, "DE" | "CE") { years_of(code, "1") } else { format!("P1{}", unit_letter(code)) };
        return Some((TimexType::Duration, v, None));
    }
    let Some(d) = x.dct else {
        return Some((TimexType::Date, if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(), None));
    };
    let v = match unit.as_str() {
        "week" => {
            let w = (d + Duration::weeks(sign)).iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
        "weekend" => {
            let w = (d + Duration::weeks(sign)).iso_week();
            format!("{}-W{:02}-WE", w.year(), w.week())
        }
        "month" => {
            let m = if sign < 0 {
                d.checked_sub_months(Months::new(1))?
            } else {
                d.checked_add_months(Months::new(sign as u32))?
            };
            format!("{}-{:02}", m.year(), m.month())
        }
        "year" => format!("{}", d.year() as i64 + sign),
        "quarter" => {
            let q = (d.month0() / 3) as i64 + sign;
            let (y, q) = (d.year() as i64 + q.div_euclid(4), q.rem_euclid(4) + 1);
            format!("{y}-Q{q}")
        }
        "decade" => format!("{}", (d.year() as i64 / 10) + sign),
        "century" => format!("{}", (d.year() as i64 / 100) + sign),
        _ => return None,
    };
    Some((TimexType::Date, v, None))
}

/// The value of a number written in digits or words ("twenty-five", "a dozen", "3.5").
pub fn number(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    if let Ok(n) = w.parse::<f64>() {
        return Some(n);
    }
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let mut total = 0.0;
    for part in w.split(['-', ' ']) {
        total += match part {
            "a" | "an" => 1.0,
            "dozen" => {
                total = if total == 0.0 { 12.0 } else { total * 12.0 };
                continue;
            }
            "hundred" => {
                total = if total == 0.0 { 100.0 } else { total * 100.0 };
                continue;
            }
            _ => {
                if let Some(i) = UNITS.iter().position(|u| *u == part) {
                    i as f64
                } else if let Some(i) = TENS.iter().position(|t| *t == part) {
                    (i as f64 + 2.0) * 10.0
                } else {
                    return None;
                }
            }
        };
    }
    Some(total)
}

/// Unit codes: Y, M (month), W, D, H, MIN, S, DE (decade), CE (century), Q.
fn unit_code(unit: &str) -> Option<&'static str> {
    let u = unit.to_lowercase();
    Some(match u.trim_end_matches('s') {
        "year" => "Y",
        "month" => "M",
        "week" => "W",
        "day" | "night" => "D",
        "hour" => "H",
        "minute" => "MIN",
        "second" => "S",
        "decade" => "DE",
        "centurie" | "century" => "CE",
        "quarter" => "Q",
        _ => return None,
    })
}

fn unit_letter(code: &str) -> &str {
    if code == "MIN" {
        "M"
    } else {
        code
    }
}

/// `n` decades or centuries as a duration in years ("P20Y"); `n` is a number as `duration` writes it.
fn years_of(code: &str, n: &str) -> String {
    let per = if code == "DE" { 10.0 } else { 100.0 };
    match n.parse::<f64>() {
        Ok(x) if (x * per).fract() == 0.0 => format!("P{}Y", (x * per) as i64),
        _ => format!("P{n}{code}"),
    }
}

fn duration(count: &str, unit: &str) -> Option<Value> {
    let code = unit_code(unit)?;
    let vague = matches!(count.to_lowercase().as_str(), "few" | "a few" | "several" | "many" | "some");
    let n = if vague {
        "X".to_string()
    } else {
        let n = number(count)?;
        if n.fract() == 0.0 {
            format!("{}", n as i64)
        } else {
            format!("{n}")
        }
    };
    let v = match code {
        "H" | "MIN" | "S" => format!("PT{n}{}", unit_letter(code)),
        "Q" => format!("P{n}Q"),
        // Counted decades and centuries in years, as ISO 8601 and TempEval write them ("two decades" P20Y).
        "DE" | "CE" if !vague => years_of(code, &n),
        _ => format!("P{n}{code}"),
    };
    Some((TimexType::Duration, v, None))
}

/// Shift a base date by `n` units; the value keeps the unit's granularity (days for D and W, months for M, ...).
fn shift(base: Option<NaiveDate>, n: f64, unit: &str, sign: i64) -> Option<String> {
    let Some(d) = base else {
        return Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
    };
    if n.fract() != 0.0 {
        return Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
    }
    let n = n as i64 * sign;
    Some(match unit {
        "D" => iso(d + Duration::days(n)),
        "W" => iso(d + Duration::weeks(n)),
        "M" => {
            let m = if n < 0 {
                d.checked_sub_months(Months::new((-n) as u32))?
            } else {
                d.checked_add_months(Months::new(n as u32))?
            };
            format!("{}-{:02}", m.year(), m.month())
        }
        "Y" => format!("{}", d.year() as i64 + n),
        "DE" => format!("{}", d.year() as i64 + 10 * n),
        _ => return Some(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
    })
}

const PAST_MARKERS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "met",
    "said",
    "told",
    "held",
    "took",
    "made",
    "gave",
    "went",
    "came",
    "spoke",
    "left",
    "saw",
    "began",
    "won",
    "lost",
    "got",
    "found",
    "sent",
    "paid",
    "wrote",
    "became",
    "led",
    "sold",
    "bought",
    "fell",
    "rose",
    "struck",
    "fought",
    "knew",
    "thought",
    "brought",
    "kept",
    "ran",
    "flew",
    "grew",
    "last",
    "earlier",
    "previously",
    "recorded",
    "been",
];
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "upcoming",
    "scheduled",
    "plans",
    "plan",
    "planned",
    "planning",
    "expected",
    "tomorrow",
    "coming",
    "going",
    "soon",
    "due",
    "forecast",
    "payable",
    "supposed",
    "set",
];
/// Words of the present tense: when one is the nearest tense word, a month without a year is the nearest one
/// ("the company said it expects to report in mid-November", in October, is this November). Time expressions only.
const PRESENT_MARKERS: &[&str] = &["is", "are", "am", "expects", "expect", "says", "say", "aims", "hopes", "seeks"];
/// Words before an expression that put it ahead ("as early as Tuesday", "postponed until Tuesday").
const AHEAD_PHRASES: &[&str] = &["as early as", "as soon as", "until", "till", "no later than"];
const CLAUSE_WORDS: &[&str] = &[" and ", " but ", " while ", " whereas ", " when ", " after ", " because "];

/// The tense of a sentence: future when it has a future marker, else past when it has a past marker, else present.
pub fn sentence_tense(doc: &Document, sentence: &Sentence) -> Tense {
    let mut past = false;
    for token in &sentence.tokens {
        let w = doc.tok(token);
        let lower = w.to_lowercase();
        if FUTURE_MARKERS.contains(&lower.as_str()) {
            return Tense::Future;
        }
        if PAST_MARKERS.contains(&lower.as_str())
            || (lower.len() > 4 && lower.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase))
        {
            past = true;
        }
    }
    if past {
        Tense::Past
    } else {
        Tense::Present
    }
}

/// A word of up to 10 ASCII letters or apostrophes, lower-cased and packed into an integer (longer and other
/// words have none): tense words are looked up by integer comparison, without allocation.
fn word_key(word: &str) -> Option<u128> {
    if word.len() > 10 || !word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'') {
        return None;
    }
    Some(word.bytes().fold(0u128, |k, b| (k << 8) | u128::from(b.to_ascii_lowercase())))
}

static CLAUSE_KEYS: LazyLock<Vec<u128>> =
    LazyLock::new(|| CLAUSE_WORDS.iter().filter_map(|w| word_key(w.trim())).collect());

/// "be", "been", "being", "is", "are", "to", "get": before a participle ("will be announced").
static AUXILIARY_KEYS: LazyLock<Vec<u128>> =
    LazyLock::new(|| ["be", "been", "being", "is", "are", "to", "get"].iter().filter_map(|w| word_key(w)).collect());

static HAD_KEY: LazyLock<u128> = LazyLock::new(|| word_key("had").expect("short"));
static BEEN_KEY: LazyLock<u128> = LazyLock::new(|| word_key("been").expect("short"));

/// A quick test before the lookups: whether some tense, clause or auxiliary word has this word's length and first
/// letter (most words have none).
fn may_be_marker(word: &str) -> bool {
    static MASKS: LazyLock<[u32; 11]> = LazyLock::new(|| {
        let mut masks = [0u32; 11];
        let clause = CLAUSE_WORDS.iter().map(|w| w.trim());
        let auxiliary = ["be", "been", "being", "is", "are", "to", "get"].into_iter();
        for w in
            FUTURE_MARKERS.iter().chain(PAST_MARKERS).chain(PRESENT_MARKERS).copied().chain(clause).chain(auxiliary)
        {
            masks[w.len()] |= letter_bit(w.as_bytes()[0]);
        }
        masks
    });
    let b = word.as_bytes();
    b.len() <= 10 && MASKS[b.len()] & letter_bit(b[0]) != 0
}

/// One bit per ASCII letter (case folded), one for everything else.
fn letter_bit(b: u8) -> u32 {
    let l = b.to_ascii_lowercase();
    if l.is_ascii_lowercase() {
        1 << (l - b'a')
    } else {
        1 << 31
    }
}

/// The tense a word marks: future ("will", "expected"), past ("was", "met", an "-ed" verb), or none.
fn marker_tense(key: Option<u128>, word: &str) -> Option<Tense> {
    static SORTED: LazyLock<(Vec<u128>, Vec<u128>, Vec<u128>)> = LazyLock::new(|| {
        let sorted = |words: &[&str]| {
            let mut keys: Vec<u128> = words.iter().map(|w| word_key(w).expect("marker words are short")).collect();
            keys.sort_unstable();
            keys
        };
        (sorted(FUTURE_MARKERS), sorted(PAST_MARKERS), sorted(PRESENT_MARKERS))
    });
    let (future, past, present) = &*SORTED;
    if let Some(key) = key {
        if future.binary_search(&key).is_ok() {
            return Some(Tense::Future);
        }
        if past.binary_search(&key).is_ok() {
            return Some(Tense::Past);
        }
        if present.binary_search(&key).is_ok() {
            return Some(Tense::Present);
        }
    }
    let b = word.as_bytes();
    let ed = b.len() > 4 && b[b.len() - 2].eq_ignore_ascii_case(&b'e') && b[b.len() - 1].eq_ignore_ascii_case(&b'd');
    (ed && word.chars().next().is_some_and(char::is_lowercase)).then_some(Tense::Past)
}

/// The tense words of a sentence and its clause boundaries, found once for all of its expressions.
struct TenseMarks {
    /// Start, end and tense of each tense word: a future marker such as "will", a past one such as "was", "met"
    /// or an "-ed" verb.
    words: Vec<(usize, usize, Tense)>,
    /// Offsets of "," and ";", which start a clause, and of ";", which also ends one.
    commas: Vec<usize>,
    semicolons: Vec<usize>,
    /// Offset and length of each clause word (" and ", " but ", " while ", ...).
    clause_words: Vec<(usize, usize)>,
}

impl TenseMarks {
    fn new(text: &str) -> TenseMarks {
        let mut marks =
            TenseMarks { words: Vec::new(), commas: Vec::new(), semicolons: Vec::new(), clause_words: Vec::new() };
        let bytes = text.as_bytes();
        // The previous word's key when it is short enough to be "be", "been", "is", ... (else 0).
        let mut previous: u128 = 0;
        let mut earlier: u128 = 0;
        // The current word: its start, its key built as it is read, and whether it can have one.
        let mut word_start: Option<usize> = None;
        let mut key: u128 = 0;
        let mut keyed = true;
        let mut i = 0;
        while i <= bytes.len() {
            // Word characters: letters, digits and apostrophes; a non-ASCII character is decoded to be told.
            let (in_word, width) = match bytes.get(i) {
                None => (false, 1),
                Some(&b) if b < 0x80 => {
                    if b.is_ascii_alphabetic() || b == b'\'' {
                        key = (key << 8) | u128::from(b.to_ascii_lowercase());
                        (true, 1)
                    } else if b.is_ascii_digit() {
                        keyed = false;
                        (true, 1)
                    } else {
                        if b == b',' {
                            marks.commas.push(i);
                        } else if b == b';' {
                            marks.commas.push(i);
                            marks.semicolons.push(i);
                        }
                        (false, 1)
                    }
                }
                Some(_) => {
                    let ch = text[i..].chars().next().expect("a character at a boundary");
                    keyed = false;
                    (ch.is_alphanumeric() || ch == '’', ch.len_utf8())
                }
            };
            match (word_start, in_word) {
                (None, true) => word_start = Some(i),
                (Some(ws), false) => {
                    word_start = None;
                    let word = &text[ws..i];
                    let word_key = (keyed && word.len() <= 10 && may_be_marker(word)).then_some(key);
                    (key, keyed) = (0, true);
                    if let Some(k) = word_key {
                        // " and ", " but ", ...: a clause word between spaces.
                        if ws > 0 && bytes[ws - 1] == b' ' && bytes.get(i) == Some(&b' ') && CLAUSE_KEYS.contains(&k) {
                            marks.clause_words.push((ws - 1, word.len() + 2));
                        }
                    }
                    let mut tense = marker_tense(word_key, word);
                    // A participle after "be", "is", "to" ("will be announced", "will be paid") does not make the
                    // clause past.
                    let participle = tense == Some(Tense::Past) && previous != 0 && AUXILIARY_KEYS.contains(&previous);
                    // "had been scheduled to expire Friday", "had planned": a plan of the past.
                    if tense == Some(Tense::Future)
                        && (previous == *HAD_KEY || previous == *BEEN_KEY && earlier == *HAD_KEY)
                    {
                        tense = Some(Tense::Past);
                    }
                    earlier = previous;
                    previous = word_key.filter(|_| word.len() <= 5).unwrap_or(0);
                    match tense {
                        Some(Tense::Past) if participle => {}
                        Some(t) => marks.words.push((ws, i, t)),
                        None => {}
                    }
                }
                _ => {}
            }
            i += width;
        }
        marks
    }

    /// The tense around the expression at `start..end`: the nearest tense word outside it in its own clause
    /// (markers across ";", "and", "but", "while" belong to another verb); present when there is none.
    fn around(&self, text_len: usize, start: usize, end: usize) -> Tense {
        let clause_start = self
            .commas
            .iter()
            .filter(|&&i| i < start)
            .copied()
            .chain(self.clause_words.iter().filter(|(i, len)| i + len <= start).map(|(i, _)| *i))
            .max()
            .unwrap_or(0);
        let clause_end = self
            .clause_words
            .iter()
            .map(|(i, _)| *i)
            .chain(self.semicolons.iter().copied())
            .filter(|&i| i >= end)
            .min()
            .unwrap_or(text_len);
        let mut best: Option<(usize, Tense)> = None;
        for &(ws, we, tense) in &self.words {
            if (ws >= start && we <= end) || ws < clause_start || we > clause_end {
                continue;
            }
            let distance = if we <= start { start - we } else { ws.saturating_sub(end) };
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, tense));
            }
        }
        best.map_or(Tense::Present, |(_, t)| t)
    }
}

/// Find and normalise every time expression of the document.
pub fn extract(doc: &Document, dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut anchor = dct;
    // The period under discussion: the last quarter, and the last quarter or month, mentioned so far.
    let mut focus_quarter: Option<String> = None;
    let mut focus: Option<String> = None;
    for sentence in &doc.sentences {
        let heading = doc.in_heading(sentence);
        let text = sentence.span.of(doc.text);
        let matches = match_rules(text);
        let marks = OnceCell::new();
        let matched = SentenceMatches { text, matches: &matches, marks: &marks, heading };
        let mut found = find_in(&matched, &Context { dct, tense: &|| Tense::Past, anchor });
        found.sort_by_key(|t| t.span.start);
        // "signed on June 3, 2024, and resumed the next day": a date earlier in the sentence is the anchor.
        if let Some(first) = found.iter().position(|t| anchor_date(t).is_some()) {
            if found.len() > first + 1 {
                let inner = Context { dct, tense: &|| Tense::Past, anchor: anchor_date(&found[first]) };
                let again = find_in(&matched, &inner);
                let start = found[first].span.end;
                found.retain(|t| t.span.start < start);
                found.extend(again.into_iter().filter(|t| t.span.start >= start));
                found.sort_by_key(|t| t.span.start);
            }
        }
        // A clock time belongs to the day its sentence names ("Friday at 10:35 a.m."), else the DCT.
        if let Some(day) = found.iter().find(|t| t.kind == TimexType::Date && t.value.len() == 10).and_then(Timex::day)
        {
            let dct_day = dct.map(iso);
            for t in found.iter_mut().filter(|t| t.kind == TimexType::Time) {
                if dct_day.as_deref().is_some_and(|d| t.value.starts_with(d)) {
                    t.value = format!("{}{}", iso(day), &t.value[10..]);
                }
            }
        }
        for mut t in found {
            if t.kind == TimexType::Date {
                let span_text = t.span.of(text);
                let back = year_back(span_text);
                let mut compared = false;
                match back {
                    YearBack::No => {}
                    // "a year ago" in a story about a quarter is that quarter a year before (TimeBank).
                    YearBack::Quarter => {
                        if let Some(v) = focus_quarter.as_deref().and_then(year_before) {
                            t.value = v;
                        }
                    }
                    YearBack::Period => {
                        if let Some(v) = focus.as_deref().and_then(year_before) {
                            t.value = v;
                        }
                    }
                }
                // "the quarter" is the quarter under discussion; "the 1988 period" is that quarter in 1988.
                if span_text.eq_ignore_ascii_case("the quarter") || span_text.eq_ignore_ascii_case("the latest period")
                {
                    if let Some(q) = &focus_quarter {
                        t.value = q.clone();
                    }
                } else if t.value.len() == 4 && span_text.len() > 4 && span_text[4..].ends_with(" period") {
                    if let Some(q) = &focus_quarter {
                        t.value = format!("{}{}", t.value, &q[4..]);
                        compared = true;
                    }
                }
                // A year back ("a year ago", "the 1988 period") is a comparison, not a new period under
                // discussion; nor is a quarter still ahead ("the third quarter of 1990"): results compare past ones.
                let still_ahead = is_quarter(&t.value) && dct.is_some_and(|d| t.value > quarter_of(d, 0));
                let new_focus = matches!(back, YearBack::No) && !compared && !still_ahead;
                if new_focus && is_quarter(&t.value) {
                    focus_quarter = Some(t.value.clone());
                    focus = Some(t.value.clone());
                } else if new_focus
                    && t.value.len() == 7
                    && t.value.as_bytes()[4] == b'-'
                    && t.value[5..].bytes().all(|b| b.is_ascii_digit())
                {
                    focus = Some(t.value.clone());
                }
            }
            t.span = Span::new(t.span.start + sentence.span.start, t.span.end + sentence.span.start);
            // The last date of the text anchors later "a day later", "the following year" (TimeML).
            if let Some(a) = anchor_date(&t) {
                anchor = Some(a);
            }
            out.push(t);
        }
    }
    out
}

/// How an expression counts a year back from the period under discussion.
enum YearBack {
    No,
    /// "a year ago", "year-earlier": the last quarter mentioned, a year before.
    Quarter,
    /// "the same period last year": the last quarter or month mentioned, a year before.
    Period,
}

fn year_back(span: &str) -> YearBack {
    let lower = span.to_lowercase();
    if lower.starts_with("the same ") || lower.starts_with("the corresponding ") || lower.starts_with("the comparable ")
    {
        YearBack::Period
    } else if lower.contains("year-earlier")
        || lower.contains("year-ago")
        || matches!(lower.as_str(), "a year ago" | "a year earlier" | "one year ago" | "one year earlier")
        || lower.starts_with("the quarter a year")
        || lower.starts_with("the quarter last year")
    {
        YearBack::Quarter
    } else {
        YearBack::No
    }
}

/// "1989-Q3" → "1988-Q3", "2010-02" → "2009-02".
fn year_before(value: &str) -> Option<String> {
    let year: i32 = value.get(..4)?.parse().ok()?;
    Some(format!("{}{}", year - 1, &value[4..]))
}

fn is_quarter(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 7 && b[..4].iter().all(u8::is_ascii_digit) && &b[4..6] == b"-Q" && (b'1'..=b'4').contains(&b[6])
}

/// The date an expression can anchor others to: its day, or the first day of its month or year.
fn anchor_date(t: &Timex) -> Option<NaiveDate> {
    if t.kind != TimexType::Date {
        return None;
    }
    let v = t.value.as_str();
    match v.len() {
        10 => parse_day(v),
        7 if v.as_bytes()[4] == b'-' => NaiveDate::from_ymd_opt(v[..4].parse().ok()?, v[5..7].parse().ok()?, 1),
        4 if v.bytes().all(|b| b.is_ascii_digit()) => NaiveDate::from_ymd_opt(v.parse().ok()?, 1, 1),
        _ => None,
    }
}

/// A sentence's rule matches; they do not depend on the anchor, so a sentence is matched once.
struct SentenceMatches<'t> {
    text: &'t str,
    /// Each rule's index and match.
    matches: &'t [(usize, Captures<'t>)],
    /// The sentence's tense words, found when a rule first asks for a tense.
    marks: &'t OnceCell<TenseMarks>,
    heading: bool,
}

/// Every rule's matches in one sentence.
fn match_rules(text: &str) -> Vec<(usize, Captures<'_>)> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) && !KEYWORDS.is_match(text) {
        return out;
    }
    for rule in RULE_SET.matches(text).iter() {
        out.extend(RULES[rule].0.captures_iter(text).map(|c| (rule, c)));
    }
    out
}

/// Whether the words just before an expression put it ahead: "as early as", "until", ...
/// "Until" in a sentence in the past perfect looks back ("Until Thursday, they had not called him a suspect").
fn ahead(before: &str, sentence: &str) -> bool {
    let before = before.trim_end();
    AHEAD_PHRASES
        .iter()
        .any(|p| ends_with_phrase(before, p) && !(matches!(*p, "until" | "till") && has_word(sentence, "had")))
}

/// Whether `text` ends with `phrase` (ASCII case folded) that does not start inside a word.
fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    let start = text.len().wrapping_sub(phrase.len());
    text.len() >= phrase.len()
        && text.is_char_boundary(start)
        && text[start..].eq_ignore_ascii_case(phrase)
        && (start == 0 || !text.as_bytes()[start - 1].is_ascii_alphabetic())
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let b = text.as_bytes();
        (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + word.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// Normalise a sentence's matches in a context: the leftmost-longest non-overlapping expressions.
fn find_in(sentence: &SentenceMatches, context: &Context) -> Vec<Timex> {
    let text = sentence.text;
    let mut candidates: Vec<Timex> = Vec::new();
    for (rule, captures) in sentence.matches {
        // A rule may mark its expression with the group `t` when it needs context around it.
        let m = captures.name("t").or_else(|| captures.get(0)).expect("group 0");
        let tense = || {
            if sentence.heading {
                Tense::Past // headlines speak of the past in the present tense
            } else if ahead(&text[..m.start()], text) {
                Tense::Future
            } else {
                sentence.marks.get_or_init(|| TenseMarks::new(text)).around(text.len(), m.start(), m.end())
            }
        };
        let context = Context { tense: &tense, ..*context };
        if let Some((kind, value, modifier)) = (RULES[*rule].1)(captures, &context) {
            let t = Timex { span: Span::new(m.start(), m.end()), kind, value, modifier };
            candidates.push(trim_leading_preposition(text, t));
        }
    }
    // Longest first, then leftmost; the order of the rules breaks ties.
    candidates.sort_by(|a, b| {
        (b.span.end - b.span.start).cmp(&(a.span.end - a.span.start)).then(a.span.start.cmp(&b.span.start))
    });
    let mut chosen: Vec<Timex> = Vec::new();
    for c in candidates {
        if chosen.iter().any(|t| t.span.overlaps(c.span)) {
            continue;
        }
        chosen.push(c);
    }
    chosen.retain_mut(|t| adjust_span(text, t));
    chosen.sort_by_key(|t| t.span.start);
    chosen
}

/// Words around a chosen expression that TimeML puts inside its span or that show it is no time at all:
/// "the end of 1990" (mod END), "the nine months", "a second time" (an ordinal), "Now, ..." (a discourse marker).
/// Returns false when the expression is to be dropped.
fn adjust_span(text: &str, t: &mut Timex) -> bool {
    let before = &text[..t.span.start];
    let own = &text[t.span.start..t.span.end];
    let next_word = text[t.span.end..].trim_start_matches(' ');
    let next_word = &next_word[..next_word.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(next_word.len())];
    if t.kind == TimexType::Duration && (own.eq_ignore_ascii_case("a second") || own.eq_ignore_ascii_case("one second"))
    {
        const AFTER_DURATION: &[&str] =
            &["", "ago", "later", "earlier", "before", "after", "and", "or", "of", "in", "to", "for", "than"];
        if !AFTER_DURATION.contains(&next_word.to_lowercase().as_str()) {
            return false; // "a second time", "a second plane"
        }
    }
    if t.span.start == 0 && own == "Now" && text[t.span.end..].starts_with(',') {
        return false;
    }
    let ends_with = |suffix: &str| ends_with_phrase(before, suffix);
    // "the year ended Sept. 30" is the twelve months up to that day: a duration (TimeBank).
    if t.kind == TimexType::Date
        && (own.eq_ignore_ascii_case("the year") || own.eq_ignore_ascii_case("the fiscal year"))
        && (text[t.span.end..].starts_with(" ended ") || text[t.span.end..].starts_with(" ending "))
    {
        t.kind = TimexType::Duration;
        t.value = "P1Y".into();
        return true;
    }
    // "$5 a year", "twice a week", "3% a month": a rate, each such period (TimeML SET).
    if t.kind == TimexType::Duration && t.value.starts_with("P1") && own.len() < 8 {
        let lower = own.to_ascii_lowercase();
        let rate_word = before.trim_end().rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
        if (lower.starts_with("a ") || lower.starts_with("an "))
            && (rate_word.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                || RATE_WORDS.contains(&rate_word.trim_end_matches(',')))
        {
            t.kind = TimexType::Set;
        }
    }
    match t.kind {
        TimexType::Date => {
            for (phrase, modifier) in [
                ("the end of ", "END"),
                ("the beginning of ", "START"),
                ("the start of ", "START"),
                ("the middle of ", "MID"),
            ] {
                if ends_with(phrase) {
                    t.span.start -= phrase.len();
                    t.modifier = Some(modifier);
                    break;
                }
            }
        }
        TimexType::Duration => {
            // "the nine months", but "the 15-minute delay" (an adjective) leaves "the" out.
            let counted = !own.contains('-') && own.starts_with(|c: char| c.is_ascii_digit())
                || NUMBER_WORDS.iter().any(|w| own.len() > w.len() && own[..w.len()].eq_ignore_ascii_case(w));
            if counted && ends_with("the ") {
                t.span.start -= 4;
            }
        }
        _ => {}
    }
    true
}

/// Words after which "a year", "a day" is a rate: "twice a year", "$3 million a year", "ten cents a day".
const RATE_WORDS: &[&str] =
    &["once", "twice", "thrice", "times", "million", "billion", "trillion", "percent", "cents", "dollars", "tons"];

/// Words that a pattern needs as context but TimeML leaves outside the span: prepositions, "a" before a
/// duration ("a five-hour" → "five-hour"), "the" before a year, and "early"/"late" before a decade.
fn trim_leading_preposition(text: &str, mut t: Timex) -> Timex {
    const LEADING: &[&str] = &[
        "in ", "since ", "until ", "by ", "during ", "through ", "before ", "after ", "from ", "of ", "on ", "at ",
        "between ", "and ", "to ", "year ", "for ", "over ",
    ];
    // ASCII lower case keeps byte offsets; the words looked for are ASCII.
    let lower = text[t.span.start..t.span.end].to_ascii_lowercase();
    let mut cut = LEADING.iter().find(|p| lower.starts_with(*p) && lower.len() > p.len()).map_or(0, |p| p.len());
    let rest = &lower[cut..];
    let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    if t.kind == TimexType::Duration && t.modifier.is_none() {
        for article in ["a ", "an "] {
            // "a five-hour meeting" → "five-hour"; but in "a week" the article is the quantity.
            let after = &rest[article.len().min(rest.len())..];
            let numeric = after.starts_with(|c: char| c.is_ascii_digit())
                || NUMBER_WORDS.iter().any(|w| after.starts_with(w) && after[w.len()..].starts_with([' ', '-']));
            if rest.starts_with(article) && numeric {
                cut += article.len();
                break;
            }
        }
    } else if let Some(r) = rest.strip_prefix("the ").filter(|r| is_year(r) || r.starts_with("coming ")) {
        cut += rest.len() - r.len();
    } else if t.value.len() == 3 && t.kind == TimexType::Date {
        if let Some(r) = ["early ", "late ", "mid-", "mid "].iter().find_map(|p| rest.strip_prefix(p)) {
            cut += rest.len() - r.len();
        }
    }
    t.span.start += cut;
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str, dct: &str) -> Vec<(String, &'static str, String)> {
        let doc = Document::parse(text);
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        extract(&doc, dct).into_iter().map(|t| (t.span.of(text).to_string(), t.kind.as_str(), t.value)).collect()
    }

    #[test]
    fn example_article_dates_resolve_against_the_publication_date() {
        let text = "Putin met Witkoff in Moscow late Thursday. On Friday, Peskov revealed it. The last call was \
                    recorded on February 12. He wouldn't rush into a 30-day truce.";
        let got = tag(text, "2025-03-14");
        let want = [
            ("late Thursday", "DATE", "2025-03-13"),
            ("Friday", "DATE", "2025-03-14"),
            ("February 12", "DATE", "2025-02-12"),
            ("30-day", "DURATION", "P30D"),
        ];
        let got: Vec<(&str, &str, &str)> = got.iter().map(|(a, b, c)| (a.as_str(), *b, c.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn the_table_of_cases_holds() {
        let cases =
            [include_str!("../../tests/data/timex_cases.tsv"), include_str!("../../tests/data/timex_cases_more.tsv")]
                .join("\n");
        let mut failures = Vec::new();
        let mut count = 0;
        for line in cases.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (sentence, dct, span, kind, value) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
            count += 1;
            let got = tag(sentence, dct);
            // Type "-": the span is not a time expression and must not be found.
            if kind == "-" {
                if got.iter().any(|(s, _, _)| s == span) {
                    failures.push(format!("{sentence:?} (DCT {dct}): want no {span:?}, got {got:?}"));
                }
                continue;
            }
            if !got.iter().any(|(s, k, v)| s == span && *k == kind && v == value) {
                failures.push(format!("{sentence:?} (DCT {dct}): want {span:?} {kind} {value}, got {got:?}"));
            }
        }
        assert!(count > 0);
        assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    }
}
