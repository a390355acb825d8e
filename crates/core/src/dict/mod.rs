//! Peer dictionaries: readers for the PETRARCH2 and TABARI dictionary formats, a lint over
//! what they read, and a dictionary-driven coder that applies them to a sentence.
//!
//! Every reader is a pure function over the file's text. A malformed line becomes a
//! [`Problem`] (its 1-based line and what is wrong) and the rest of the file still loads;
//! the caller (the CLI) puts the file name in front. Nothing here panics on odd text.
//!
//! Both formats share one in-memory shape ([`Dictionaries`]): actors with dated codes,
//! agents, verbs grouped with their patterns, synsets, discards and issues. The patterns of
//! both formats are compiled into one element language ([`Elem`]): words (exact or stems),
//! synsets, alternatives, and the source/target/compound markers.

pub mod coder;
pub mod lint;
pub mod petrarch;
pub mod records;
pub mod suite;
pub mod tabari;

use std::collections::{BTreeMap, BTreeSet};

use crate::date::Date;

/// A malformed line: where and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line number in the file.
    pub line: usize,
    /// What is wrong, for a person.
    pub message: String,
}

impl Problem {
    fn new(line: usize, message: impl Into<String>) -> Problem {
        Problem {
            line,
            message: message.into(),
        }
    }
}

/// Which coder's conventions a dictionary follows (they differ in how words match).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// PETRARCH2: words match whole tokens (plurals generated).
    Petrarch,
    /// TABARI: a word matches any token it begins, unless it ends with `_`.
    Tabari,
}

/// One word of a phrase or pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Upper-case text.
    pub text: String,
    /// Matches any token that begins with `text` (TABARI stems).
    pub stem: bool,
    /// Must follow the previous element with no word in between (`_` in the file).
    pub joined: bool,
}

/// A phrase: consecutive or gapped words.
pub type Phrase = Vec<Word>;

/// A date restriction on an actor's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRange {
    /// No restriction (the default code).
    Always,
    /// On or before the date.
    Before(Date),
    /// On or after the date.
    After(Date),
    /// Between the dates, both included.
    Between(Date, Date),
}

impl DateRange {
    /// Does the range hold on `day`?
    pub fn contains(self, day: Date) -> bool {
        match self {
            DateRange::Always => true,
            DateRange::Before(d) => day <= d,
            DateRange::After(d) => day >= d,
            DateRange::Between(a, b) => a <= day && day <= b,
        }
    }
    /// First and last day covered (open ends as far as dates go).
    pub fn bounds(self) -> (Date, Date) {
        let lo = Date {
            year: 1,
            month: 1,
            day: 1,
        };
        let hi = Date {
            year: 9999,
            month: 12,
            day: 31,
        };
        match self {
            DateRange::Always => (lo, hi),
            DateRange::Before(d) => (lo, d),
            DateRange::After(d) => (d, hi),
            DateRange::Between(a, b) => (a, b),
        }
    }
}

/// A code that holds over a date range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code (`---` is the null code).
    pub code: String,
    /// When it holds.
    pub range: DateRange,
    /// Line it came from.
    pub line: usize,
}

/// An actor: its names and its (possibly dated) codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// Names, each with the line it came from.
    pub phrases: Vec<(Phrase, usize)>,
    /// Codes; an [`DateRange::Always`] entry is the default.
    pub codes: Vec<DatedCode>,
    /// Line of the primary phrase.
    pub line: usize,
}

impl Actor {
    /// The code on `day` (a dated code that holds, else the default); `None` for no code.
    pub fn code_on(&self, day: Option<Date>) -> Option<&str> {
        let dated = day.and_then(|d| {
            self.codes
                .iter()
                .find(|c| c.range != DateRange::Always && c.range.contains(d))
        });
        let chosen = dated.or_else(|| self.codes.iter().find(|c| c.range == DateRange::Always))?;
        Some(chosen.code.as_str())
    }
}

/// An agent: a sector noun ("troops" → `~MIL`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Names (with generated plurals), each with its line.
    pub phrases: Vec<(Phrase, usize)>,
    /// The code without its `~`.
    pub code: String,
    /// `CODE~`: the code goes before the actor's code (organisations); else after.
    pub prefix: bool,
    /// Line.
    pub line: usize,
}

/// A discard phrase: a sentence (or story) containing it is not coded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discard {
    /// Upper-case words.
    pub words: Vec<String>,
    /// `+`: the whole story is skipped.
    pub story: bool,
    /// Ends with `_`: the last word must be whole; else it is a stem.
    pub whole_last: bool,
    /// Line.
    pub line: usize,
}

/// An issue phrase (a context) or an ignore phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// Upper-case word sequences (expanded forms).
    pub phrases: Vec<Vec<String>>,
    /// The issue code (empty for ignore phrases).
    pub code: String,
    /// `~` phrase: cancels issue coding of the sentence.
    pub ignore: bool,
    /// Line.
    pub line: usize,
}

/// A pattern element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elem {
    /// A literal word.
    Word(Word),
    /// A synset by name (without `&`).
    Synset(String, bool),
    /// Alternatives `{ A | B_C }` (each a phrase); the flag is `joined`.
    Alt(Vec<Phrase>, bool),
    /// `$`: the source actor is here.
    Source(bool),
    /// `+`: the target actor is here.
    Target(bool),
    /// `%`: a compound (both parties) actor is here.
    Compound(bool),
    /// `^`: skip a noun phrase.
    Skip(bool),
}

impl Elem {
    /// Must this element follow the previous one directly?
    pub fn joined(&self) -> bool {
        match self {
            Elem::Word(w) => w.joined,
            Elem::Synset(_, j) | Elem::Alt(_, j) | Elem::Source(j) | Elem::Target(j) | Elem::Compound(j) | Elem::Skip(j) => *j,
        }
    }
}

/// A verb group (a PETRARCH `--- NAME [CODE] ---` block, or one TABARI verb line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbGroup {
    /// The block's name.
    pub name: String,
    /// The block's code, if any.
    pub code: Option<String>,
    /// Line.
    pub line: usize,
}

/// A verb: its forms (each a phrase whose word `verb_at` is the verb) and its own code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The group (index into [`VerbDict::groups`]).
    pub group: usize,
    /// The verb as written.
    pub text: String,
    /// Every form, upper case, words separated by spaces (`CORDONED OFF`).
    pub forms: Vec<Vec<String>>,
    /// Index of the verb word inside each form.
    pub verb_at: usize,
    /// Its own code, else the group's.
    pub code: Option<String>,
    /// Match the forms as stems (TABARI).
    pub stem: bool,
    /// Line.
    pub line: usize,
}

/// A verb pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// The group it belongs to.
    pub group: usize,
    /// Elements before the verb, in text order.
    pub before: Vec<Elem>,
    /// Elements after the verb, in text order.
    pub after: Vec<Elem>,
    /// Whether the first element after the verb must follow it directly (`*_OUT`).
    pub after_joined: bool,
    /// Whether the verb must follow the last element before it directly (`IN_*`).
    pub verb_joined: bool,
    /// The code (`---` null).
    pub code: String,
    /// The pattern as written (trimmed).
    pub text: String,
    /// Line.
    pub line: usize,
}

impl Pattern {
    /// TABARI's length of a pattern: its letters and digits, an alternative counting as its
    /// longest choice and a synset as its name (the markers `$ + % ^ *` count nothing).
    pub fn letters(&self) -> usize {
        let word = |w: &Word| w.text.chars().filter(|c| c.is_alphanumeric()).count();
        self.before
            .iter()
            .chain(&self.after)
            .map(|e| match e {
                Elem::Word(w) => word(w),
                Elem::Synset(name, _) => name.chars().filter(|c| c.is_alphanumeric()).count(),
                Elem::Alt(alts, _) => alts.iter().map(|a| a.iter().map(word).sum::<usize>()).max().unwrap_or(0),
                _ => 0,
            })
            .sum()
    }

    /// Literal words and synsets in the pattern (more is more specific).
    pub fn weight(&self) -> usize {
        self.before
            .iter()
            .chain(&self.after)
            .map(|e| match e {
                Elem::Word(_) | Elem::Synset(..) => 2,
                Elem::Alt(..) => 2,
                _ => 1,
            })
            .sum()
    }
}

/// A verb dictionary: synsets, groups, verbs and patterns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbDict {
    /// Synsets by name (without `&`): their phrases.
    pub synsets: BTreeMap<String, Vec<Phrase>>,
    /// Verb groups.
    pub groups: Vec<VerbGroup>,
    /// Verbs.
    pub verbs: Vec<Verb>,
    /// Patterns.
    pub patterns: Vec<Pattern>,
    /// Transformation lines (`~ a (a b Q) SAY = a b Q`) as written, with their lines.
    pub transformations: Vec<(String, usize)>,
    /// TABARI `<TIME>` phrases coded `###` (discard) or `+++` (complex): a sentence with one
    /// is not coded.
    pub discards: Vec<Discard>,
}

/// Everything a set of dictionary files gave.
#[derive(Clone, Debug, Default)]
pub struct Dictionaries {
    /// Actors.
    pub actors: Vec<Actor>,
    /// Agents.
    pub agents: Vec<Agent>,
    /// Verbs and patterns.
    pub verbs: VerbDict,
    /// Discards.
    pub discards: Vec<Discard>,
    /// Issues.
    pub issues: Vec<Issue>,
    /// TABARI's `<NOUN>` list words (compound noun phrases do not divide clauses).
    pub nouns: BTreeSet<String>,
    /// TABARI's `<ADJECTIVE>` list words.
    pub adjectives: BTreeSet<String>,
}

impl Dictionaries {
    /// Add another file's content (verbs are appended with their group indices shifted).
    pub fn merge(&mut self, other: Dictionaries) {
        self.actors.extend(other.actors);
        self.agents.extend(other.agents);
        self.discards.extend(other.discards);
        self.issues.extend(other.issues);
        self.nouns.extend(other.nouns);
        self.adjectives.extend(other.adjectives);
        let base = self.verbs.groups.len();
        let v = other.verbs;
        self.verbs.synsets.extend(v.synsets);
        self.verbs.groups.extend(v.groups);
        self.verbs.verbs.extend(v.verbs.into_iter().map(|mut x| {
            x.group += base;
            x
        }));
        self.verbs.patterns.extend(v.patterns.into_iter().map(|mut x| {
            x.group += base;
            x
        }));
        self.verbs.transformations.extend(v.transformations);
        self.discards.extend(v.discards);
    }
}

/// What kind of dictionary a file is (from its name, or given).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Verbs and patterns.
    Verbs,
    /// Actors.
    Actors,
    /// Agents.
    Agents,
    /// Discards.
    Discards,
    /// Issues.
    Issues,
}

impl Kind {
    /// Guess the kind and flavor from a file name (`PETR.Validate.actors.txt`,
    /// `TABARI.Demo.verbs`, `Phoenix.IssueCoding.txt`, `CAMEO.2.0.txt`).
    pub fn from_name(name: &str) -> Option<(Kind, Flavor)> {
        let lower = name.to_ascii_lowercase();
        let base = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
        let flavor = if base.ends_with(".txt") {
            Flavor::Petrarch
        } else {
            Flavor::Tabari
        };
        let kind = if base.contains("verb") || base.starts_with("cameo.") || base.contains("newdict") {
            Kind::Verbs
        } else if base.contains("agent") {
            Kind::Agents
        } else if base.contains("actor") {
            Kind::Actors
        } else if base.contains("discard") {
            Kind::Discards
        } else if base.contains("issue") {
            Kind::Issues
        } else {
            return None;
        };
        Some((kind, flavor))
    }
}

/// Read one file's text as the given kind and flavor.
pub fn read(kind: Kind, flavor: Flavor, text: &str) -> (Dictionaries, Vec<Problem>) {
    let mut d = Dictionaries::default();
    let problems = match (kind, flavor) {
        (Kind::Verbs, Flavor::Petrarch) => {
            let (v, p) = petrarch::parse_verbs(text);
            d.verbs = v;
            p
        }
        (Kind::Verbs, Flavor::Tabari) => {
            let (mut v, p) = tabari::parse_verbs(text);
            d.discards = std::mem::take(&mut v.discards);
            d.verbs = v;
            p
        }
        (Kind::Actors, Flavor::Petrarch) => {
            let (a, ag, p) = petrarch::parse_actors(text);
            d.actors = a;
            d.agents = ag;
            p
        }
        (Kind::Actors, Flavor::Tabari) => {
            let (a, ag, p) = tabari::parse_actors(text);
            d.actors = a;
            d.agents = ag;
            (d.nouns, d.adjectives) = tabari::parse_word_lists(text);
            p
        }
        (Kind::Agents, f) => {
            let (a, p) = petrarch::parse_agents(text, f);
            d.agents = a;
            p
        }
        (Kind::Discards, _) => {
            let (a, p) = petrarch::parse_discards(text);
            d.discards = a;
            p
        }
        (Kind::Issues, _) => {
            let (a, p) = petrarch::parse_issues(text);
            d.issues = a;
            p
        }
    };
    (d, problems)
}

// ---------------------------------------------------------------------------------------
// Shared pieces of both formats.

/// Parse `YYYYMMDD` or `YYMMDD` (two-digit years: 30–99 → 19xx, 00–29 → 20xx).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// Parse a code restriction body: `CODE`, `CODE <date`, `CODE >date`, `CODE date-date`.
pub fn parse_dated_code(body: &str, line: usize) -> Result<DatedCode, String> {
    // `> 140608` is read as `>140608`.
    let mut joined: Vec<String> = Vec::new();
    for w in body.split_whitespace() {
        match joined.last_mut() {
            // `> 140608`, `19950601 - 19990815`.
            Some(last)
                if last == "<"
                    || last == ">"
                    || (last.ends_with('-') && last.len() > 1 && last[..last.len() - 1].bytes().all(|b| b.is_ascii_digit()))
                    || (w.starts_with('-') && !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())) =>
            {
                last.push_str(w)
            }
            _ => joined.push(w.to_string()),
        }
    }
    let mut parts = joined.iter().map(String::as_str);
    let code = parts.next().ok_or("empty code `[]`")?.to_string();
    let range = match parts.next() {
        None => DateRange::Always,
        Some(r) => {
            if let Some(d) = r.strip_prefix('<') {
                DateRange::Before(parse_date(d).ok_or_else(|| format!("bad date `{d}` in `[{body}]`"))?)
            } else if let Some(d) = r.strip_prefix('>') {
                DateRange::After(parse_date(d).ok_or_else(|| format!("bad date `{d}` in `[{body}]`"))?)
            } else if let Some((a, b)) = r.split_once('-') {
                let a = parse_date(a).ok_or_else(|| format!("bad date `{a}` in `[{body}]`"))?;
                let b = parse_date(b).ok_or_else(|| format!("bad date `{b}` in `[{body}]`"))?;
                if b < a {
                    return Err(format!("date range `{r}` ends before it starts"));
                }
                DateRange::Between(a, b)
            } else {
                return Err(format!("`{r}` is not a date restriction (<date, >date or date-date)"));
            }
        }
    };
    if parts.next().is_some() {
        return Err(format!("too many fields in `[{body}]`"));
    }
    let date_like = code.starts_with(['<', '>'])
        || parse_date(&code).is_some()
        || code
            .split_once('-')
            .is_some_and(|(a, b)| parse_date(a).is_some() && parse_date(b).is_some());
    if date_like {
        return Err(format!("`[{body}]` has a date where the code should be"));
    }
    Ok(DatedCode { code, range, line })
}

/// A `- pattern [code]` line of verb block `group`, in either format: compiled and added, or
/// a problem (no code, a bad pattern, a synset that is `undefined`: not defined before it).
pub(crate) fn add_pattern_line(
    d: &mut VerbDict,
    group: usize,
    rest: &str,
    line: usize,
    flavor: Flavor,
    problems: &mut Vec<Problem>,
    undefined: &str,
) {
    let (body, code, _) = split_code(rest);
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        problems.push(Problem::new(line, "pattern without a `[code]`"));
        return;
    };
    match compile_pattern(body, flavor) {
        Ok((before, after, verb_joined, after_joined)) => {
            if let Some(bad) = petrarch::undefined_synset(&before, &after, &d.synsets) {
                problems.push(Problem::new(line, format!("synset `&{bad}` {undefined}; pattern ignored")));
                return;
            }
            d.patterns.push(Pattern {
                group,
                before,
                after,
                after_joined,
                verb_joined,
                code: code.to_string(),
                text: rest.trim().to_string(),
                line,
            });
        }
        Err(e) => problems.push(Problem::new(line, e)),
    }
}

/// Split `text [code] rest` into (text, Some(code body), rest after `]`).
pub fn split_code(s: &str) -> (&str, Option<&str>, &str) {
    match s.find('[') {
        None => (s, None, ""),
        Some(i) => match s[i..].find(']') {
            None => (s, None, ""),
            Some(j) => (&s[..i], Some(&s[i + 1..i + j]), &s[i + j + 1..]),
        },
    }
}

/// Regular plural of an upper-case noun (PETRARCH rules: -IES after Y, -ES after SS, else -S).
pub fn plural(w: &str) -> String {
    if let Some(stem) = w.strip_suffix('Y') {
        if !stem.ends_with(['A', 'E', 'O', 'U']) {
            return format!("{stem}IES");
        }
    }
    if w.ends_with("SS") || w.ends_with("CH") || w.ends_with("SH") || w.ends_with('X') {
        return format!("{w}ES");
    }
    format!("{w}S")
}

/// Split a phrase string (`WORD_WORD WORD`) into words. In TABARI a word is a stem unless
/// it ends in `_` (a joining `_` counts), and a hyphen reads as `_` (`ANTI-`, `BARAD-DUR`).
pub fn phrase(s: &str, flavor: Flavor) -> Phrase {
    let dehyphened;
    let s = if flavor == Flavor::Tabari && s.contains('-') {
        dehyphened = s.replace('-', "_");
        dehyphened.as_str()
    } else {
        s
    };
    let mut out: Phrase = Vec::new();
    let mut joined = false;
    for chunk in s.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').collect();
        let n = parts.len();
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            let followed_by_underscore = i + 1 < n;
            // TABARI `MOUSE=`: the whole word, without regular endings.
            let (p, whole) = match p.strip_suffix('=') {
                Some(w) if flavor == Flavor::Tabari && !w.is_empty() => (w, true),
                _ => (*p, false),
            };
            out.push(Word {
                text: p.to_uppercase(),
                stem: flavor == Flavor::Tabari && !followed_by_underscore && !whole,
                joined: joined && !out.is_empty(),
            });
            joined = followed_by_underscore;
        }
        joined = false;
    }
    out
}

/// Strip a comment: `#` (PETRARCH) or `;` (TABARI) and anything after it.
pub fn strip_comment(line: &str, flavor: Flavor) -> &str {
    let cut = match flavor {
        Flavor::Petrarch => line.find('#'),
        Flavor::Tabari => line.find(';').or_else(|| line.strip_prefix("//").map(|_| 0)),
    };
    match cut {
        Some(i) => &line[..i],
        None => line,
    }
}

/// Compile a pattern body (between the leading `-` and the code) into elements around the
/// verb `*`. Returns (before, after, verb_joined, after_joined).
pub fn compile_pattern(body: &str, flavor: Flavor) -> Result<(Vec<Elem>, Vec<Elem>, bool, bool), String> {
    // TABARI reads a hyphen in a pattern as `_` (`ANTI- + *`).
    let dehyphened;
    let body = if flavor == Flavor::Tabari && body.contains('-') {
        dehyphened = body.replace('-', "_");
        dehyphened.as_str()
    } else {
        body
    };
    let mut before: Vec<Elem> = Vec::new();
    let mut after: Vec<Elem> = Vec::new();
    let mut seen_star = false;
    let mut verb_joined = false;
    let mut after_joined = false;
    let mut joined = false; // the separator before the next element was `_`
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    let mut depth_paren = 0i32;
    let mut in_np = false; // PETRARCH {A B}: the words of one noun phrase, in order
    while i < chars.len() {
        let c = chars[i];
        let cur = if seen_star { &mut after } else { &mut before };
        match c {
            ' ' | '\t' => {
                if !in_np {
                    joined = false;
                }
                i += 1;
            }
            '_' => {
                joined = true;
                i += 1;
            }
            '*' => {
                if seen_star {
                    return Err("more than one `*` in the pattern".into());
                }
                seen_star = true;
                verb_joined = joined && !before.is_empty();
                // `*_OUT`: next element joins the verb.
                joined = false;
                if chars.get(i + 1) == Some(&'_') {
                    after_joined = true;
                    i += 1;
                }
                i += 1;
            }
            '$' => {
                cur.push(Elem::Source(joined));
                joined = false;
                i += 1;
            }
            '+' => {
                cur.push(Elem::Target(joined));
                joined = false;
                i += 1;
            }
            '%' => {
                cur.push(Elem::Compound(joined));
                joined = false;
                i += 1;
            }
            '^' => {
                cur.push(Elem::Skip(joined));
                joined = false;
                i += 1;
            }
            '(' => {
                depth_paren += 1;
                i += 1;
            }
            ')' => {
                depth_paren -= 1;
                if depth_paren < 0 {
                    return Err("`)` without `(`".into());
                }
                i += 1;
            }
            '{' => {
                let close = chars[i..].iter().position(|&x| x == '}').ok_or("`{` without `}`")?;
                let inner: String = chars[i + 1..i + close].iter().collect();
                if inner.contains('|') {
                    let mut alts = Vec::new();
                    for a in inner.split('|') {
                        let mut alt = Vec::new();
                        for t in a.split_whitespace() {
                            // `&SYN` inside alternatives: keep as a word marked by `&`.
                            alt.extend(phrase(t, flavor));
                        }
                        if alt.is_empty() {
                            return Err("empty alternative in `{ | }`".into());
                        }
                        alts.push(alt);
                    }
                    let j = joined;
                    cur.push(Elem::Alt(alts, j));
                    joined = chars.get(i + close + 1) == Some(&'_');
                    i += close + 1 + usize::from(joined);
                } else {
                    // PETRARCH noun phrase: the words are consecutive.
                    in_np = true;
                    i += 1;
                }
            }
            '}' => {
                in_np = false;
                joined = false;
                i += 1;
            }
            '&' => {
                let start = i + 1;
                let mut j = start;
                while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '-') {
                    j += 1;
                }
                if j == start {
                    return Err("`&` without a synset name".into());
                }
                let name: String = chars[start..j].iter().collect::<String>().to_uppercase();
                cur.push(Elem::Synset(name, joined));
                joined = false;
                i = j;
            }
            '[' | ']' | '<' | '>' | '|' => return Err(format!("unexpected `{c}` in the pattern")),
            _ => {
                let start = i;
                let mut j = i;
                while j < chars.len()
                    && !matches!(
                        chars[j],
                        ' ' | '\t' | '_' | '*' | '(' | ')' | '{' | '}' | '[' | ']' | '|' | '&'
                    )
                {
                    // `$`/`+`/`%`/`^` end a word only when they stand alone.
                    j += 1;
                }
                let mut word: String = chars[start..j].iter().collect::<String>().to_uppercase();
                let mut stem = false;
                if word.ends_with('~') {
                    word.pop();
                    stem = true;
                }
                let followed_by_underscore = chars.get(j) == Some(&'_');
                if flavor == Flavor::Tabari && !followed_by_underscore {
                    stem = true;
                }
                if word.is_empty() {
                    return Err("empty word in the pattern".into());
                }
                let j_flag = joined;
                cur.push(Elem::Word(Word {
                    text: word,
                    stem,
                    joined: j_flag,
                }));
                joined = false;
                i = j;
            }
        }
    }
    if in_np {
        return Err("`{` without `}`".into());
    }
    if depth_paren != 0 {
        return Err("unbalanced parentheses".into());
    }
    if !seen_star {
        return Err("no `*` (verb position) in the pattern".into());
    }
    Ok((before, after, verb_joined, after_joined))
}

/// Is `code` a CAMEO event code (two or three digits, or four, from 01 to 20 at the root;
/// `---` null)? Paired codes `a:b` are checked part by part.
pub fn is_cameo_event_code(code: &str) -> bool {
    if code == "---" {
        return true;
    }
    code.split(':').all(|c| {
        let c = c.trim();
        (2..=4).contains(&c.len())
            && c.bytes().all(|b| b.is_ascii_digit())
            && c[..2].parse::<u32>().is_ok_and(|r| (1..=20).contains(&r))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_pattern(body: &str, flavor: Flavor, expect: &str) {
        let got = match compile_pattern(body, flavor) {
            Ok((b, a, vj, aj)) => {
                let show = |v: &[Elem]| {
                    v.iter()
                        .map(|e| {
                            let j = if e.joined() { "_" } else { "" };
                            match e {
                                Elem::Word(w) => format!("{j}{}{}", w.text, if w.stem { "~" } else { "" }),
                                Elem::Synset(s, _) => format!("{j}&{s}"),
                                Elem::Alt(a, _) => format!("{j}{{{}}}", a.len()),
                                Elem::Source(_) => format!("{j}$"),
                                Elem::Target(_) => format!("{j}+"),
                                Elem::Compound(_) => format!("{j}%"),
                                Elem::Skip(_) => format!("{j}^"),
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                format!(
                    "{} |{}*{}| {}",
                    show(&b),
                    if vj { "_" } else { "" },
                    if aj { "_" } else { "" },
                    show(&a)
                )
            }
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn patterns() {
        check_pattern(" * (FOR {FINANCIAL AID})", Flavor::Petrarch, " |*| FOR FINANCIAL AID");
        check_pattern(
            " SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS",
            Flavor::Petrarch,
            "SUGGESTED _+ |*| DEMAND _&GENINT _CONVENTIONS",
        );
        check_pattern(" IN_*", Flavor::Petrarch, "IN |_*| ");
        check_pattern(" *_OUT", Flavor::Petrarch, " |*_| OUT");
        check_pattern(" + * FROM $", Flavor::Tabari, "+ |*| FROM~ $");
        check_pattern(" * FOR { ECONOMIC_SANCTIONS | EMBARGO }", Flavor::Tabari, " |*| FOR~ {2}");
        check_pattern(" * THE_NEAT~_PLACE", Flavor::Tabari, " |*| THE _NEAT~ _PLACE~");
        check_pattern(" * (FOR", Flavor::Petrarch, "error: unbalanced parentheses");
        check_pattern(" FOR AID", Flavor::Petrarch, "error: no `*` (verb position) in the pattern");
        check_pattern(" * {A", Flavor::Petrarch, "error: `{` without `}`");
    }

    #[test]
    fn dates_and_codes() {
        assert_eq!(parse_date("450703"), Date::new(1945, 7, 3));
        assert_eq!(parse_date("070723"), Date::new(2007, 7, 23));
        assert_eq!(parse_date("19970101"), Date::new(1997, 1, 1));
        assert_eq!(parse_date("19971301"), None);
        assert_eq!(
            parse_dated_code("HOBGOV 19950601 - 19990815", 1).map(|c| c.range.contains(Date::new(1996, 1, 1).unwrap())),
            Ok(true)
        );
        assert_eq!(parse_dated_code("--- <950630", 1).map(|c| c.code), Ok("---".to_string()));
        let c = parse_dated_code("USAGOV 450703-470121", 3).unwrap();
        assert!(c.range.contains(Date::new(1946, 1, 1).unwrap()));
        assert!(!c.range.contains(Date::new(1948, 1, 1).unwrap()));
        assert!(parse_dated_code("USAGOV 470121-450703", 1).is_err());
        assert!(parse_dated_code("991201-010114", 1).is_err());
        assert!(is_cameo_event_code("064") && is_cameo_event_code("1724") && is_cameo_event_code("032:033"));
        assert!(!is_cameo_event_code("903") && !is_cameo_event_code("sdf") && !is_cameo_event_code("075A"));
    }

    #[test]
    fn phrases() {
        let p = phrase("AL_GORE", Flavor::Tabari);
        assert_eq!((p[0].stem, p[1].stem, p[1].joined), (false, true, true));
        let p = phrase("ESTONIA_", Flavor::Tabari);
        assert!(!p[0].stem && p.len() == 1);
        let p = phrase("MOUSE=", Flavor::Tabari);
        assert!(p[0].text == "MOUSE" && !p[0].stem);
        assert_eq!(plural("ARMY"), "ARMIES");
        assert_eq!(plural("CONGRESS"), "CONGRESSES");
    }
}
