//! Stage 6: the event's own date, from the time words attached to it, resolved against the
//! report date ("on Tuesday", "Nov. 13", "10 days ago", "yesterday", "last week").

use crate::date::{days_in_month, Date};
use crate::diag::Diagnostics;
use crate::doc::{Doc, Evidence, Modality, TimeExpr, TimeValue, TokenKind};
use crate::knowledge::inflect::is_past_form;
use crate::pipeline::Stage;
use crate::stages::tree;

/// Finds time expressions and resolves each event's date.
#[derive(Debug, Default)]
pub struct TimeResolver;

impl TimeResolver {
    /// Stable stage name.
    pub const NAME: &'static str = "time-resolver";
}

pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Month number of a month name or abbreviation ("nov.", "November", "sept").
pub fn month_number(norm: &str) -> Option<u8> {
    let n = norm.trim_end_matches('.');
    let m = match n {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn number_word(n: &str) -> Option<i64> {
    Some(match n {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" | "few" => return None,
        _ => n.parse().ok()?,
    })
}

fn day_number(n: &str) -> Option<u8> {
    let d: u8 = n.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(n: &str) -> Option<i32> {
    let y: i32 = n.parse().ok()?;
    (n.len() == 4 && (1800..=2200).contains(&y)).then_some(y)
}

/// Find the time expressions of one sentence.
pub fn find_times(doc: &Doc, range: std::ops::Range<usize>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let norm = |i: usize| {
        if i < range.end {
            doc.tokens[i].norm.as_str()
        } else {
            ""
        }
    };
    let mut i = range.start;
    while i < range.end {
        let n = norm(i);
        let mut found: Option<(usize, usize, TimeValue)> = None;
        if let Some(w) = WEEKDAYS.iter().position(|d| *d == n) {
            let mut start = i;
            if i > range.start
                && matches!(
                    norm(i - 1),
                    "on" | "early" | "late" | "last" | "next" | "this" | "by" | "since" | "until" | "from"
                )
            {
                start = i - 1;
                if start > range.start && matches!(norm(start - 1), "on" | "early" | "late") && norm(start) != "on" {
                    start -= 1;
                }
            }
            let mut end = i + 1;
            if matches!(norm(end), "morning" | "afternoon" | "evening" | "night") {
                end += 1;
            }
            found = Some((start, end, TimeValue::Weekday(w as u8)));
        } else if let Some(m) = month_number(n).filter(|_| doc.tokens[i].capitalized) {
            // "Nov. 13", "November 13, 2015", "Nov 23"
            if let Some(d) =
                day_number(norm(i + 1)).filter(|_| doc.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Number))
            {
                let mut end = i + 2;
                let mut year = None;
                if norm(end) == "," && year_number(norm(end + 1)).is_some() {
                    year = year_number(norm(end + 1));
                    end += 2;
                } else if let Some(y) = year_number(norm(end)) {
                    year = Some(y);
                    end += 1;
                }
                let start = if i > range.start && norm(i - 1) == "on" { i - 1 } else { i };
                found = Some((start, end, TimeValue::MonthDay { year, month: m, day: d }));
            } else if n.len() > 3 || n.ends_with('.') {
                // "in March", "last November": a month, not a day.
                if i > range.start && matches!(norm(i - 1), "in" | "last" | "since" | "early" | "late" | "mid") {
                    found = Some((
                        i - 1,
                        i + 1 + usize::from(year_number(norm(i + 1)).is_some()),
                        TimeValue::Vague,
                    ));
                }
            }
        } else if let Some(days) = number_word(n).filter(|_| norm(i + 2) == "ago") {
            // "10 days ago", "two weeks ago"
            let v = match norm(i + 1) {
                "day" | "days" => TimeValue::Relative(-days),
                "week" | "weeks" => TimeValue::Relative(-7 * days),
                _ => TimeValue::Vague,
            };
            found = Some((i, i + 3, v));
        } else if let Some(d) = day_number(n).filter(|_| doc.tokens[i].kind == TokenKind::Number) {
            // "13 November 2015"
            if let Some(m) = month_number(norm(i + 1)).filter(|_| doc.tokens.get(i + 1).is_some_and(|t| t.capitalized)) {
                let mut end = i + 2;
                let year = year_number(norm(end));
                if year.is_some() {
                    end += 1;
                }
                found = Some((i, end, TimeValue::MonthDay { year, month: m, day: d }));
            }
        } else if let Some(y) = year_number(n).filter(|_| doc.tokens[i].kind == TokenKind::Number) {
            // "2015-11-23"
            if norm(i + 1) == "-" && norm(i + 3) == "-" {
                if let (Ok(m), Some(d)) = (norm(i + 2).parse::<u8>(), day_number(norm(i + 4))) {
                    if Date::new(y, m, d).is_some() {
                        found = Some((
                            i,
                            i + 5,
                            TimeValue::MonthDay {
                                year: Some(y),
                                month: m,
                                day: d,
                            },
                        ));
                    }
                }
            } else if i > range.start && matches!(norm(i - 1), "in" | "since" | "during" | "until") {
                found = Some((i - 1, i + 1, TimeValue::Vague));
            }
        } else {
            match n {
                "yesterday" => found = Some((i, i + 1, TimeValue::Relative(-1))),
                "today" | "tonight" => found = Some((i, i + 1, TimeValue::Relative(0))),
                "tomorrow" => found = Some((i, i + 1, TimeValue::Relative(1))),
                "last" | "this" | "next" | "earlier" => {
                    let (delta, unit_at) = match (n, norm(i + 1)) {
                        ("earlier", "this") => (0, i + 2),
                        (_, _) => (
                            match n {
                                "last" => -1,
                                "next" => 1,
                                _ => 0,
                            },
                            i + 1,
                        ),
                    };
                    match norm(unit_at) {
                        "week" => found = Some((i, unit_at + 1, TimeValue::Relative(7 * delta))),
                        "night" if n == "last" => found = Some((i, unit_at + 1, TimeValue::Relative(-1))),
                        "month" | "year" | "fall" | "autumn" | "spring" | "summer" | "winter" | "weekend" | "decade" => {
                            found = Some((i, unit_at + 1, TimeValue::Vague));
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        if let Some((a, b, value)) = found {
            let b = b.min(range.end);
            out.push(TimeExpr {
                tokens: a..b,
                span: doc.token_span(a, b),
                value,
            });
            i = b;
        } else {
            i += 1;
        }
    }
    out
}

/// Resolve a time value against the report date; `future` says the verb looks forward.
pub fn resolve(value: TimeValue, report: Date, future: bool) -> Option<Date> {
    match value {
        TimeValue::Relative(d) => Some(report.add_days(d)),
        TimeValue::Weekday(w) => {
            let r = report.weekday() as i64;
            let w = w as i64;
            let delta = if future {
                (w - r).rem_euclid(7)
            } else {
                -((r - w).rem_euclid(7))
            };
            Some(report.add_days(delta))
        }
        TimeValue::MonthDay {
            year: Some(y),
            month,
            day,
        } => Date::new(y, month, day),
        TimeValue::MonthDay { year: None, month, day } => {
            // The year that puts the date nearest the report date, leaning to the past.
            let mut best: Option<(i64, Date)> = None;
            for y in [report.year - 1, report.year, report.year + 1] {
                if day > days_in_month(y, month) {
                    continue;
                }
                let Some(d) = Date::new(y, month, day) else {
                    continue;
                };
                let diff = d.to_days() - report.to_days();
                // A past-tense event cannot lie (much) after the report date; a future one not before it.
                let cost = if diff > 1 && !future || diff < -1 && future {
                    10_000 + diff.abs()
                } else {
                    diff.abs()
                };
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, d));
                }
            }
            best.map(|(_, d)| d)
        }
        TimeValue::Vague => None,
    }
}

impl Stage for TimeResolver {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn run(&self, doc: &mut Doc, diag: &mut Diagnostics) {
        let mut times = Vec::new();
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            times.extend(find_times(doc, range));
        }
        doc.times = times;
        let report = doc.article.report_date;
        let mut no_report_noted = false;
        let ranges: Vec<std::ops::Range<usize>> = doc.times.iter().map(|t| t.tokens.clone()).collect();
        for e in 0..doc.events.len() {
            let ev = &doc.events[e];
            let attached: Option<(usize, String)> = attach(doc, ev.sentence, &ranges, e)
                .map(|(i, how)| (i, how.describe().to_string()))
                .or_else(|| sentence_initial(doc, ev.sentence, &ranges).map(|i| (i, "opens the sentence".into())))
                .or_else(|| {
                    coordinated_time(doc, e, &ranges).map(|(i, _)| (i, "shared with the verb coordinated with it".into()))
                })
                .or_else(|| governor_time(doc, e, &ranges))
                .or_else(|| report_time(doc, e, &ranges).map(|i| (i, "the day it was said (`said on Monday ...`)".into())));
            let future = looks_future(doc, e);
            let Some(report) = report else {
                if !no_report_noted {
                    diag.warn(
                        Self::NAME,
                        None,
                        "no report date (give --date or a JSONL `date`): event dates stay null",
                    );
                    no_report_noted = true;
                }
                if let Some((t, _)) = attached {
                    let span = doc.times[t].span;
                    doc.events[e].date_span = Some(span);
                }
                continue;
            };
            let (date, span, rule) = match attached {
                Some((t, attached_how)) => {
                    let te = &doc.times[t];
                    // "said on Tuesday they will ...": the day of the saying, which is past.
                    // "voted on Saturday to disarm": the day of the past-tense promise.
                    let future = future
                        && !dates_the_report(doc, te.tokens.start)
                        && !dates_a_past_promise(doc, te.tokens.start, doc.events[e].trigger_tokens[0]);
                    let d = resolve(te.value, report, future);
                    let how = match te.value {
                        TimeValue::Weekday(_) => format!(
                            "weekday, {} the report date",
                            if future { "on or after" } else { "on or before" }
                        ),
                        TimeValue::MonthDay { year: Some(_), .. } => "explicit date".into(),
                        TimeValue::MonthDay { .. } => "month and day, year nearest the report date".into(),
                        TimeValue::Relative(d) => format!("{d:+} days from the report date"),
                        TimeValue::Vague => "too vague for a day".into(),
                    };
                    if d.is_none() {
                        diag.info(
                            Self::NAME,
                            Some(te.span),
                            format!("time words `{}` name no single day", doc.slice(te.span)),
                        );
                    }
                    (d, Some(te.span), format!("{how}; {attached_how}"))
                }
                None => match doc.events[e].antecedent.filter(|&a| a < e) {
                    Some(a) => (
                        doc.events[a].date,
                        doc.events[a].date_span,
                        "no time words: the date of the event it refers back to".into(),
                    ),
                    None => (Some(report), None, "no time words attached: the report date".into()),
                },
            };
            let evm = &mut doc.events[e];
            evm.date = date;
            evm.date_span = span;
            evm.evidence.push(Evidence {
                field: "date",
                span,
                rule,
            });
            // A date after the report date makes an asserted event an intention.
            if date.is_some_and(|d| d > report) && evm.modality == Modality::Asserted {
                evm.modality = Modality::Intended;
                evm.evidence.push(Evidence {
                    field: "modality",
                    span,
                    rule: "dated after the report date".into(),
                });
            }
        }
    }
}

/// How an expression was tied to its event (for the evidence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attachment {
    /// The parse puts the expression under the trigger (or under the verb whose object the
    /// trigger is).
    Tree,
    /// No parse link: the trigger nearest to it in the sentence.
    Nearest,
}

impl Attachment {
    /// A few words for the evidence rule.
    pub fn describe(self) -> &'static str {
        match self {
            Attachment::Tree => "attached to the trigger by the parse",
            Attachment::Nearest => "attached to the nearest trigger",
        }
    }
}

/// Index of the expression (from `candidates`, token ranges) attached to the event. Each
/// expression belongs to the trigger that governs it in the parse (see `tree_owner`); without such
/// a link, to the trigger nearest to it in its sentence (ties: the trigger before it), never
/// across a `;` or, after the trigger, across a reporting verb ("denied ..., saying ... in
/// Syria"). The event takes the nearest expression that belongs to it.
pub fn attach(doc: &Doc, sentence: u32, candidates: &[std::ops::Range<usize>], event: usize) -> Option<(usize, Attachment)> {
    // Events are in (sentence, trigger) order: find this sentence's events near the event's
    // trigger by binary search. Only the parser's window around the trigger counts (a sentence
    // shorter than it is taken whole), so a sentence of a million tokens stays linear.
    let w = crate::stages::pos::WINDOW;
    let at = doc.events[event].trigger_tokens[0];
    let key = |e: &crate::doc::Event| (e.sentence, e.trigger_tokens[0]);
    let lo = doc.events.partition_point(|e| key(e) < (sentence, at.saturating_sub(2 * w)));
    let hi = doc.events.partition_point(|e| key(e) <= (sentence, at + 2 * w));
    let triggers: Vec<(usize, usize, usize)> = doc.events[lo..hi]
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                i + lo,
                e.trigger_tokens[0],
                *e.trigger_tokens.last().expect("trigger has tokens"),
            )
        })
        .collect();
    let gap = |first: usize, last: usize, r: &std::ops::Range<usize>| -> (usize, usize, usize, bool) {
        if r.start > last {
            (r.start - last, last, r.start, true)
        } else if r.end <= first {
            ((first - r.end) + 8, r.end, first, false)
        } else {
            (0, first, first, true)
        }
    };
    let distance = |first: usize, last: usize, r: &std::ops::Range<usize>| -> Option<usize> {
        let (dist, lo, hi, after) = gap(first, last, r);
        let blocked = doc.tokens[lo..hi]
            .iter()
            .any(|t| t.norm == ";" || after && crate::stages::clause::REPORTING_VERBS.contains(&t.norm.as_str()));
        (!blocked).then_some(dist)
    };
    // Candidates are in text order: only this sentence's.
    let sent = &doc.sentences[sentence as usize].tokens;
    let from = candidates.partition_point(|r| r.start < sent.start.max(at.saturating_sub(w)));
    let to = candidates.partition_point(|r| r.start < sent.end.min(at + w + 1));
    let mut best: Option<(usize, usize, Attachment)> = None;
    for (idx, r) in candidates.iter().enumerate().take(to).skip(from) {
        let owner = match tree_owner(doc, &triggers, r) {
            Some(i) => {
                let &(_, f, l) = triggers.iter().find(|t| t.0 == i).expect("owner is a trigger");
                Some((gap(f, l, r).0, i, Attachment::Tree))
            }
            None => triggers
                .iter()
                .filter_map(|&(i, f, l)| distance(f, l, r).map(|d| (d, i)))
                .min()
                .map(|(d, i)| (d, i, Attachment::Nearest)),
        };
        let Some((dist, owner, how)) = owner else { continue };
        if owner != event {
            continue;
        }
        if best.is_none_or(|(d, _, _)| dist < d) {
            best = Some((dist, idx, how));
        }
    }
    best.map(|(_, i, how)| (i, how))
}

/// The event (index into `doc.events`, among `triggers`) whose trigger governs the expression
/// `r` in the parse, if any: the expression's governor, or the verb it hangs from when that
/// verb's object or subject is a trigger ("carried out strikes on Monday", "talks begin next
/// week"), or one noun further ("strikes on targets in Raqqa"). Anything else ("said on Monday
/// that", "his return early Monday") is no tree answer.
fn tree_owner(doc: &Doc, triggers: &[(usize, usize, usize)], r: &std::ops::Range<usize>) -> Option<usize> {
    let is_trigger = |t: usize| triggers.iter().find(|&&(_, f, l)| (f..=l).contains(&t)).map(|x| x.0);
    let mut node = tree::range_head(doc, r.clone())?;
    for step in 0..2 {
        let (gov, _) = tree::head_of(doc, node)?;
        if let Some(i) = is_trigger(gov) {
            return Some(i);
        }
        if let Some(i) = tree::children(doc, gov)
            .filter(|&d| matches!(doc.tokens[d].deprel, "obj" | "nsubj" | "nsubj:pass"))
            .find_map(is_trigger)
        {
            return Some(i);
        }
        let nominal = matches!(doc.tokens[gov].upos, "NOUN" | "PROPN" | "PRON" | "NUM");
        if !nominal || step == 1 {
            return None;
        }
        node = gov;
    }
    None
}

/// "will travel to Abuja on Wednesday to meet officials": an event in a purpose clause, an
/// open complement, a coordinated verb or a participle after a comma ("exploded on Sunday,
/// killing 44"), without time words of its own, takes those the parse gives the verb that
/// governs it.
fn governor_time(doc: &Doc, e: usize, ranges: &[std::ops::Range<usize>]) -> Option<(usize, String)> {
    let ev = &doc.events[e];
    let head = tree::trigger_head(doc, &ev.trigger_tokens)?;
    let sent = &doc.sentences[ev.sentence as usize].tokens;
    let from = ranges.partition_point(|r| r.start < sent.start);
    let to = ranges.partition_point(|r| r.start < sent.end);
    let mut below = head;
    for (gov, rel) in tree::governors(doc, head, 3) {
        // Purpose clauses only: "after the EU imposed sanctions" happened before its verb.
        let purpose =
            rel == "advcl" && tree::children(doc, below).any(|d| doc.tokens[d].deprel == "mark" && doc.tokens[d].norm == "to");
        // ... and a participle after a comma: "a car bomb exploded on Sunday, killing 44".
        let participle = rel == "advcl" && doc.tokens[below].xpos == "VBG" && below > 0 && doc.tokens[below - 1].norm == ",";
        if !(matches!(rel, "xcomp" | "conj") || purpose || participle) {
            return None;
        }
        below = gov;
        let own =
            (from..to).find(|&i| tree::range_head(doc, ranges[i].clone()).and_then(|h| doc.tokens[h].head) == Some(gov as u32));
        if let Some(i) = own {
            return Some((
                i,
                format!("time words of the verb that governs it (`{}`)", doc.tokens[gov].norm),
            ));
        }
    }
    None
}

/// A time expression opening the sentence ("On Thursday, he flies ..."): it dates every event
/// of the sentence that has no time words of its own.
fn sentence_initial(doc: &Doc, sentence: u32, ranges: &[std::ops::Range<usize>]) -> Option<usize> {
    let sent = &doc.sentences[sentence as usize].tokens;
    let i = ranges.partition_point(|r| r.start < sent.start);
    let r = ranges.get(i)?;
    (r.start == sent.start && doc.tokens.get(r.end).is_some_and(|t| t.norm == ",")).then_some(i)
}

/// "spoke with Rao on Monday evening and urged both governments ...": a verb coordinated with
/// an earlier one in the sentence shares its time words.
fn coordinated_time(doc: &Doc, e: usize, ranges: &[std::ops::Range<usize>]) -> Option<(usize, Attachment)> {
    let ev = &doc.events[e];
    let first = ev.trigger_tokens[0];
    let prev = doc.events[..e]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, p)| p.sentence == ev.sentence)
        .find(|(_, p)| !p.nominal)?;
    let (pi, p) = prev;
    let between = doc.tokens.get(*p.trigger_tokens.last()? + 1..first)?;
    let and_link = between.iter().any(|t| t.norm == "and")
        && !between
            .iter()
            .any(|t| crate::stages::clause::REPORTING_VERBS.contains(&t.norm.as_str()) || t.norm == ";");
    if !and_link || ev.nominal {
        return None;
    }
    attach(doc, ev.sentence, ranges, pi)
}

/// "said on Monday they would ...": an event with no time words of its own, told by a
/// reporting verb before it in its sentence that has time words right after it, takes the day
/// of the saying (the nearest such time words before the trigger).
fn report_time(doc: &Doc, e: usize, ranges: &[std::ops::Range<usize>]) -> Option<usize> {
    let ev = &doc.events[e];
    let first = ev.trigger_tokens[0];
    let sent = &doc.sentences[ev.sentence as usize].tokens;
    let lo = ranges.partition_point(|r| r.start < sent.start.max(first.saturating_sub(crate::stages::pos::WINDOW)));
    let hi = ranges.partition_point(|r| r.start < first);
    (lo..hi)
        .rev()
        .find(|&i| ranges[i].end <= first && dates_the_report(doc, ranges[i].start))
}

/// Do the time words starting at token `start`, before the trigger at `first`, go with a
/// past-tense verb of intention or request ("voted on Saturday to disarm", "agreed Monday to
/// release", "On Monday, the council voted to", "called on Monday for an investigation"), so
/// that they date the promise or the call, which is the event, rather than the act promised or
/// asked for?
fn dates_a_past_promise(doc: &Doc, start: usize, first: usize) -> bool {
    let past_promise = |t: usize| {
        let w = doc.tokens[t].norm.as_str();
        is_past_form(w)
            && (crate::stages::modality::INTENT_VERBS.contains(&w) || crate::stages::modality::REQUEST_VERBS.contains(&w))
    };
    // Right after the verb ("voted on Saturday to"), or ahead of it ("On Monday, the council
    // voted to").
    start < first && (word_before_time(doc, start).is_some_and(past_promise) || (start..first).any(past_promise))
}

/// The word of the sentence right before the time words starting at token `start`, past an
/// "on" ("said on Tuesday": "said").
fn word_before_time(doc: &Doc, start: usize) -> Option<usize> {
    let sent_start = doc.sentences[doc.tokens[start].sentence as usize].tokens.start;
    let mut v = start;
    if v > sent_start && doc.tokens[v - 1].norm == "on" {
        v -= 1;
    }
    (v > sent_start).then(|| v - 1)
}

/// Do the time words starting at token `start` follow a reporting verb ("said on Tuesday",
/// "announced Friday"), so that they date the saying rather than what is said?
fn dates_the_report(doc: &Doc, start: usize) -> bool {
    word_before_time(doc, start).is_some_and(|v| {
        let w = doc.tokens[v].norm.as_str();
        crate::stages::clause::REPORTING_VERBS.contains(&w) || matches!(w, "announced" | "announces" | "warned" | "warns")
    })
}

/// Does the event's verb look forward (will, plans, present tense "flies")?
fn looks_future(doc: &Doc, e: usize) -> bool {
    let ev = &doc.events[e];
    if matches!(ev.modality, Modality::Intended | Modality::Requested) {
        return true;
    }
    let sent = &doc.sentences[ev.sentence as usize];
    let first = ev.trigger_tokens[0];
    if !ev.nominal && is_past_form(&doc.tokens[first].norm) {
        return false;
    }
    let from = sent.tokens.start.max(first.saturating_sub(8));
    let mut present = false;
    for t in from..=first.min(sent.tokens.end - 1) {
        let n = doc.tokens[t].norm.as_str();
        if matches!(n, "will" | "'ll" | "shall" | "plans" | "scheduled" | "upcoming") {
            return true;
        }
        if (t < first || !ev.nominal) && is_past_form(n) || matches!(n, "was" | "were" | "had" | "did") {
            return false;
        }
        // "he flies to Moscow": present tense right after a subject.
        if t > 0
            && doc.mention_at[t].is_none()
            && doc.mention_at[t - 1].is_some()
            && n.ends_with('s')
            && !n.ends_with("ss")
            && !matches!(n, "is" | "has" | "was" | "'s" | "its" | "his")
            && doc.tokens[t].kind == TokenKind::Word
            && !doc.tokens[t].capitalized
        {
            present = true;
        }
    }
    present
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(value: TimeValue, future: bool, expect: &str) {
        let r = Date::parse("2015-11-24").expect("valid");
        assert_eq!(resolve(value, r, future).map(|d| d.to_string()).unwrap_or_default(), expect);
    }

    #[test]
    fn resolution() {
        check(TimeValue::Weekday(0), false, "2015-11-23");
        check(TimeValue::Weekday(1), false, "2015-11-24");
        check(TimeValue::Weekday(3), true, "2015-11-26");
        check(TimeValue::Weekday(3), false, "2015-11-19");
        check(
            TimeValue::MonthDay {
                year: None,
                month: 11,
                day: 13,
            },
            false,
            "2015-11-13",
        );
        check(
            TimeValue::MonthDay {
                year: None,
                month: 12,
                day: 30,
            },
            false,
            "2014-12-30",
        );
        check(
            TimeValue::MonthDay {
                year: None,
                month: 1,
                day: 3,
            },
            true,
            "2016-01-03",
        );
        check(TimeValue::Relative(-10), false, "2015-11-14");
        check(TimeValue::Vague, false, "");
    }
}
