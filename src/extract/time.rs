//! Time expressions: find them and normalise each to a TimeML TIMEX3 type and value.
//!
//! Rules are a table of patterns (`RULES`), each with a function that computes the value from the match, the
//! article's publication date (DCT) and the sentence's tense, following the TimeML/TIDES guidelines: weekdays and
//! months without a year are resolved by tense (past tense: the previous one), "late Thursday" keeps the day with
//! mod END, durations become `P..`, and expressions like "a day later" are anchored to the last absolute date.

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
        NaiveDate::parse_from_str(self.value.get(..10)?, "%Y-%m-%d").ok()
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
struct Context {
    dct: Option<NaiveDate>,
    tense: Tense,
    /// The last absolute day mentioned before this expression (TimeML's anchor for "a day later").
    anchor: Option<NaiveDate>,
}

type Value = (TimexType, String, Option<&'static str>);
type Rule = (Regex, fn(&Captures, &Context) -> Option<Value>);

const MONTH: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER: &str = r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen|dozen|a few|few|several|many|some|a couple of|couple of)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?";
const UNIT: &str =
    r"(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|quarters?|nights?)";

fn re(pattern: &str) -> Regex {
    let p = pattern.replace("MONTH", MONTH).replace("WEEKDAY", WEEKDAY).replace("NUMBER", NUMBER).replace("UNIT", UNIT);
    Regex::new(&p).unwrap_or_else(|e| panic!("time pattern {pattern}: {e}"))
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
        (re(r"\b(?:(early|mid|late)[- ])?(MONTH)\.? (\d{1,2})(?:st|nd|rd|th)?(?:, ?| )(\d{4})\b"), |c, _| {
            with_mod(ymd(num(c, 4)?, month(c, 2)?, num(c, 3)?), c.get(1).map(|m| part_mod(m.as_str())))
        }),
        (re(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(MONTH)\.?,? (\d{4})\b"), |c, _| {
            ymd(num(c, 3)?, month(c, 2)?, num(c, 1)?)
        }),
        (re(r"\b(?:(early|mid|late)[- ])?(MONTH)\.? (\d{1,2})(?:st|nd|rd|th)?\b"), |c, x| {
            with_mod(month_day(month(c, 2)?, num(c, 3)?, x), c.get(1).map(|m| part_mod(m.as_str())))
        }),
        (re(r"\b(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (MONTH)\b"), |c, x| month_day(month(c, 2)?, num(c, 1)?, x)),
        (re(r"\b(?:(early|mid|late)[- ])?(MONTH),? (\d{4})\b"), |c, _| {
            let v = format!("{:04}-{:02}", num(c, 3)?, month(c, 2)?);
            Some((TimexType::Date, v, c.get(1).map(|m| part_mod(m.as_str()))))
        }),
        (
            re(
                r"\b(?:(early|mid|late)[- ]|(?:in|since|until|by|during|through|last|next|this|before|after) )(MONTH)\b",
            ),
            |c, x| {
                let m = month(c, 2)?;
                let text = c.get(0)?.as_str().to_lowercase();
                let dir = if text.starts_with("last") {
                    Tense::Past
                } else if text.starts_with("next") {
                    Tense::Future
                } else if text.starts_with("this") {
                    Tense::Present
                } else {
                    x.tense
                };
                let v = match x.dct {
                    Some(d) => {
                        let y = match dir {
                            Tense::Past if m > d.month() || (text.starts_with("last") && m == d.month()) => {
                                d.year() - 1
                            }
                            Tense::Future if m < d.month() || (text.starts_with("next") && m == d.month()) => {
                                d.year() + 1
                            }
                            _ => d.year(),
                        };
                        format!("{y:04}-{m:02}")
                    }
                    None => format!("XXXX-{m:02}"),
                };
                Some((TimexType::Date, v, c.get(1).map(|m| part_mod(m.as_str()))))
            },
        ),
        (
            re(
                r"(?i)\b(?:(early|late) )?(?:(last|next|this|coming|past|on) )?(WEEKDAY)(?:,? (morning|afternoon|evening|night))?\b",
            ),
            |c, x| {
                let wd = weekday(c.get(3)?.as_str())?;
                let dir = match c.get(2).map(|m| m.as_str().to_lowercase()).as_deref() {
                    Some("last") | Some("past") => Tense::Past,
                    Some("next") | Some("coming") => Tense::Future,
                    _ => x.tense,
                };
                let day = match x.dct {
                    Some(d) => resolve_weekday(d, wd, dir).format("%Y-%m-%d").to_string(),
                    None => format!("XXXX-WXX-{}", wd.number_from_monday()),
                };
                let modifier = c.get(1).map(|m| part_mod(m.as_str()));
                match c.get(4) {
                    Some(part) => Some((TimexType::Time, format!("{day}T{}", part_of_day(part.as_str())), modifier)),
                    None => Some((TimexType::Date, day, modifier)),
                }
            },
        ),
        (re(r"(?i)\b(yesterday|today|tomorrow)\b"), |c, x| {
            let offset = match c.get(1)?.as_str().to_lowercase().as_str() {
                "yesterday" => -1,
                "today" => 0,
                _ => 1,
            };
            Some((TimexType::Date, day_offset(x.dct, offset), None))
        }),
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
                r"(?i)\b(?:the )?(last|next|this|coming|past|previous|current) (week|month|year|quarter|weekend|decade|century)\b",
            ),
            |c, x| relative_period(c.get(1)?.as_str(), c.get(2)?.as_str(), x),
        ),
        (re(r"(?i)\b(NUMBER) (UNIT) (ago|earlier|later|before|after|from now|hence)\b"), |c, x| {
            let n = number(c.get(1)?.as_str())?;
            let unit = unit_code(c.get(2)?.as_str())?;
            let word = c.get(3)?.as_str().to_lowercase();
            let sign = if matches!(word.as_str(), "ago" | "earlier" | "before") { -1 } else { 1 };
            let base = if word == "ago" || word == "from now" || word == "hence" { x.dct } else { x.anchor.or(x.dct) };
            Some((TimexType::Date, shift(base, n, unit, sign)?, None))
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
                Some((TimexType::Date, shift(x.anchor.or(x.dct), 1.0, unit_code(unit)?, sign)?, None))
            },
        ),
        (
            re(r"(?i)\b(NUMBER)[- ](year|month|week|day|hour|minute|second|decade|century)s?(?:[- ](?:long|old))?\b"),
            |c, _| duration(c.get(1)?.as_str(), c.get(2)?.as_str()),
        ),
        (re(r"(?i)\b(?:for|over|in) (years|months|weeks|days|decades|hours)\b"), |c, _| {
            Some((TimexType::Duration, format!("PX{}", unit_letter(unit_code(c.get(1)?.as_str())?)), None))
        }),
        (re(r"\b(?:(early|mid|late)[- ])?(?:the )?((?:1[0-9]|20)\d)0s\b"), |c, _| {
            Some((TimexType::Date, c.get(2)?.as_str().to_string(), c.get(1).map(|m| part_mod(m.as_str()))))
        }),
        (
            re(
                r"(?i)\b(?:(in|since|until|by|during|through|before|after|from|of|year|early|late|mid|between|and|to|the)[- ])((?:1[89]|20)\d\d)\b",
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
        (re(r"(?i)\b(?:(last|next|this|early|late) )?(spring|summer|autumn|winter)(?: (?:of )?(\d{4}))?\b"), |c, x| {
            let season = match c.get(2)?.as_str().to_lowercase().as_str() {
                "spring" => "SP",
                "summer" => "SU",
                "autumn" => "FA",
                _ => "WI",
            };
            let year = match (c.get(3), c.get(1).map(|m| m.as_str().to_lowercase()), x.dct) {
                (Some(y), _, _) => y.as_str().to_string(),
                (None, Some(w), Some(d)) if w == "last" => (d.year() - 1).to_string(),
                (None, Some(w), Some(d)) if w == "next" => (d.year() + 1).to_string(),
                (None, _, Some(d)) => d.year().to_string(),
                _ => "XXXX".into(),
            };
            Some((TimexType::Date, format!("{year}-{season}"), None))
        }),
        (re(r"(?i)\b(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th) (quarter|half)(?: of (\d{4}))?\b"), |c, x| {
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
            let year = c.get(3).map(|y| y.as_str().to_string()).or(x.dct.map(|d| d.year().to_string()));
            Some((TimexType::Date, format!("{}-{letter}{n}", year.unwrap_or_else(|| "XXXX".into())), None))
        }),
        (re(r"\bQ([1-4]),? (\d{4})\b"), |c, _| {
            Some((TimexType::Date, format!("{}-Q{}", c.get(2)?.as_str(), c.get(1)?.as_str()), None))
        }),
        (re(r"(?i)\b(?:at )?(\d{1,2})(?::(\d{2}))? ?(a\.m\.|p\.m\.|am\b|pm\b)"), |c, x| {
            let mut h = num(c, 1)?;
            let m = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
            let pm = c.get(3)?.as_str().to_lowercase().starts_with('p');
            if h > 12 || m > 59 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            Some((TimexType::Time, format!("{}T{h:02}:{m:02}", day_offset(x.dct, 0)), None))
        }),
        (re(r"(?i)\b(noon|midday|midnight)\b"), |c, x| {
            let t = if c.get(1)?.as_str().eq_ignore_ascii_case("midnight") { "24:00" } else { "12:00" };
            Some((TimexType::Time, format!("{}T{t}", day_offset(x.dct, 0)), None))
        }),
        (
            re(
                r"(?i)\b(?:every|each) (day|week|month|year|morning|evening|night|WEEKDAY)\b|\b(daily|weekly|monthly|annually|yearly|quarterly|hourly)\b",
            ),
            |c, _| {
                let v = match c.get(1).or(c.get(2))?.as_str().to_lowercase().as_str() {
                    "day" | "daily" => "P1D".to_string(),
                    "week" | "weekly" => "P1W".to_string(),
                    "month" | "monthly" => "P1M".to_string(),
                    "year" | "yearly" | "annually" => "P1Y".to_string(),
                    "quarterly" => "P3M".to_string(),
                    "hourly" => "PT1H".to_string(),
                    "morning" => "XXXX-XX-XXTMO".to_string(),
                    "evening" => "XXXX-XX-XXTEV".to_string(),
                    "night" => "XXXX-XX-XXTNI".to_string(),
                    w => format!("XXXX-WXX-{}", weekday(w)?.number_from_monday()),
                };
                Some((TimexType::Set, v, None))
            },
        ),
        (re(r"(?i)\b(now|currently|at present|nowadays|at the moment)\b"), |_, _| {
            Some((TimexType::Date, "PRESENT_REF".into(), None))
        }),
        (re(r"(?i)\b(recently|lately|in the past|formerly|previously|earlier this (?:week|month|year))\b"), |c, x| {
            let text = c.get(1)?.as_str().to_lowercase();
            if let Some(unit) = text.strip_prefix("earlier this ") {
                return relative_period("this", unit, x).map(|(t, v, _)| (t, v, Some("START")));
            }
            Some((TimexType::Date, "PAST_REF".into(), None))
        }),
        (re(r"(?i)\b(in the future|in the coming (?:days|weeks|months|years)|soon)\b"), |_, _| {
            Some((TimexType::Date, "FUTURE_REF".into(), None))
        }),
    ]
});

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn month(c: &Captures, i: usize) -> Option<u32> {
    month_number(c.get(i)?.as_str())
}

fn ymd(y: u32, m: u32, d: u32) -> Option<Value> {
    NaiveDate::from_ymd_opt(y as i32, m, d).map(|date| (TimexType::Date, date.format("%Y-%m-%d").to_string(), None))
}

fn with_mod(value: Option<Value>, modifier: Option<&'static str>) -> Option<Value> {
    value.map(|(t, v, m)| (t, v, modifier.or(m)))
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
    let offset = match tense {
        Tense::Past => back,
        Tense::Future => forward,
        // Without tense, the nearer one (news mostly report the past: ties go back).
        Tense::Present => {
            if -back <= forward {
                back
            } else {
                forward
            }
        }
    };
    dct + Duration::days(offset)
}

/// A month and day without a year, resolved by tense against the DCT.
fn month_day(m: u32, d: u32, x: &Context) -> Option<Value> {
    let Some(dct) = x.dct else {
        NaiveDate::from_ymd_opt(2000, m, d)?; // validate day of month (2000 is a leap year)
        return Some((TimexType::Date, format!("XXXX-{m:02}-{d:02}"), None));
    };
    let this_year = NaiveDate::from_ymd_opt(dct.year(), m, d);
    let date = match (x.tense, this_year) {
        (Tense::Past, Some(t)) if t > dct => NaiveDate::from_ymd_opt(dct.year() - 1, m, d)?,
        (Tense::Future, Some(t)) if t < dct => NaiveDate::from_ymd_opt(dct.year() + 1, m, d)?,
        (_, Some(t)) => t,
        (_, None) => return None,
    };
    Some((TimexType::Date, date.format("%Y-%m-%d").to_string(), None))
}

fn day_offset(dct: Option<NaiveDate>, days: i64) -> String {
    match dct {
        Some(d) => (d + Duration::days(days)).format("%Y-%m-%d").to_string(),
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
        return Some((TimexType::Duration, format!("P1{}", unit_letter(unit_code(&unit)?)), None));
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

fn number(word: &str) -> Option<f64> {
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
        "D" => (d + Duration::days(n)).format("%Y-%m-%d").to_string(),
        "W" => {
            let w = (d + Duration::weeks(n)).iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
        "M" => {
            let m = if n < 0 {
                d.checked_sub_months(Months::new((-n) as u32))?
            } else {
                d.checked_add_months(Months::new(n as u32))?
            };
            format!("{}-{:02}", m.year(), m.month())
        }
        "Y" => format!("{}", d.year() as i64 + n),
        "DE" => format!("{}", (d.year() as i64 + 10 * n) / 10),
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
];
const FUTURE_MARKERS: &[&str] =
    &["will", "'ll", "shall", "next", "upcoming", "scheduled", "plans", "planned", "expected", "tomorrow", "coming"];

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

/// Find and normalise every time expression of the document.
pub fn extract(doc: &Document, dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut anchor = dct;
    for sentence in &doc.sentences {
        let tense = if doc.in_heading(sentence) { Tense::Past } else { sentence_tense(doc, sentence) };
        let text = sentence.span.of(doc.text);
        let mut found = find_in(text, &Context { dct, tense, anchor });
        found.sort_by_key(|t| t.span.start);
        for mut t in found {
            t.span = Span::new(t.span.start + sentence.span.start, t.span.end + sentence.span.start);
            // A full date in the text becomes the anchor for later "a day later" (TimeML).
            if t.kind == TimexType::Date && t.value.len() == 10 && t.day().is_some() {
                anchor = t.day();
            }
            out.push(t);
        }
    }
    out
}

/// Find expressions in one sentence: every rule's matches, then the leftmost-longest non-overlapping ones.
fn find_in(text: &str, context: &Context) -> Vec<Timex> {
    let mut candidates: Vec<Timex> = Vec::new();
    for (regex, rule) in RULES.iter() {
        for c in regex.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            if let Some((kind, value, modifier)) = rule(&c, context) {
                let t = Timex { span: Span::new(m.start(), m.end()), kind, value, modifier };
                candidates.push(trim_leading_preposition(text, t));
            }
        }
    }
    candidates.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut chosen: Vec<Timex> = Vec::new();
    for c in candidates {
        if chosen.last().is_some_and(|last| last.span.end > c.span.start) {
            continue;
        }
        chosen.push(c);
    }
    chosen
}

/// Prepositions and articles that a pattern needs as context but TimeML leaves outside the span.
fn trim_leading_preposition(text: &str, mut t: Timex) -> Timex {
    const LEADING: &[&str] = &[
        "in ", "since ", "until ", "by ", "during ", "through ", "before ", "after ", "from ", "of ", "on ", "at ",
        "between ", "and ", "to ", "year ",
    ];
    let s = &text[t.span.start..t.span.end];
    let lower = s.to_lowercase();
    for p in LEADING {
        if lower.starts_with(p) && lower.len() > p.len() {
            // "the 1990s" keeps "the"; "in March" drops "in".
            t.span.start += p.len();
            break;
        }
    }
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
        let cases = include_str!("../../tests/data/timex_cases.tsv");
        let mut failures = Vec::new();
        let mut count = 0;
        for line in cases.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (sentence, dct, span, kind, value) = (cols[0], cols[1], cols[2], cols[3], cols[4]);
            count += 1;
            let got = tag(sentence, dct);
            if !got.iter().any(|(s, k, v)| s == span && *k == kind && v == value) {
                failures.push(format!("{sentence:?} (DCT {dct}): want {span:?} {kind} {value}, got {got:?}"));
            }
        }
        assert!(count > 0);
        assert!(failures.is_empty(), "{} of {count} cases failed:\n{}", failures.len(), failures.join("\n"));
    }
}
