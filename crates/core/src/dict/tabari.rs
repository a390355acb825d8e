//! Readers for TABARI's files: `.verbs` (sections `<SYNSETS>`, `<TIME>`, `<NOUN>`, ...;
//! verb lines with stems, irregular-form lines `{ ... }`, patterns with `$ + % ^`,
//! alternatives `{ A | B }`), `.actors` (codes with date restrictions on the same line,
//! `+` synonyms), `.options` (`COMMAND: arguments`) and `.project` (`<key> value`).

use std::collections::{BTreeMap, BTreeSet};

use super::petrarch::parse_verb_line;
use super::{
    add_pattern_line, parse_dated_code, phrase, split_code, strip_comment, Actor, Agent, Discard, Flavor, Phrase, Problem,
    VerbDict, VerbGroup,
};

/// Read a TABARI `.verbs` file.
pub fn parse_verbs(text: &str) -> (VerbDict, Vec<Problem>) {
    let mut d = VerbDict::default();
    let mut problems = Vec::new();
    let mut section: Option<String> = None;
    let mut synset: Option<String> = None;
    let mut group: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let t = strip_comment(raw, Flavor::Tabari).trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(tag) = t.strip_prefix("</") {
            let tag = tag.trim_end_matches('>').trim().to_uppercase();
            if section.as_deref() != Some(tag.as_str()) {
                problems.push(Problem::new(n, format!("`</{tag}>` closes a section that is not open")));
            }
            section = None;
            synset = None;
            continue;
        }
        if t.starts_with('<') && t.ends_with('>') {
            if let Some(open) = &section {
                problems.push(Problem::new(n, format!("`{t}` inside the open section <{open}>")));
            }
            section = Some(t[1..t.len() - 1].trim().to_uppercase());
            continue;
        }
        match section.as_deref() {
            Some("SYNSETS") => {
                if let Some(name) = t.strip_prefix('&') {
                    let key = name.trim().trim_end_matches('_').to_uppercase();
                    if key.is_empty() || key.contains(char::is_whitespace) {
                        problems.push(Problem::new(n, format!("bad synset label `{t}`")));
                        synset = None;
                        continue;
                    }
                    if d.synsets.contains_key(&key) {
                        problems.push(Problem::new(n, format!("synset `&{key}` defined twice")));
                    }
                    d.synsets.insert(key.clone(), Vec::new());
                    synset = Some(key);
                } else if let Some(m) = t.strip_prefix('+') {
                    let Some(key) = &synset else {
                        problems.push(Problem::new(n, "synset member before any `&LABEL`"));
                        continue;
                    };
                    let p = phrase(m.trim_end_matches('$').trim(), Flavor::Tabari);
                    if p.is_empty() {
                        problems.push(Problem::new(n, "empty synset member"));
                        continue;
                    }
                    d.synsets.entry(key.clone()).or_default().push(p);
                } else {
                    problems.push(Problem::new(
                        n,
                        format!("`{t}` in <SYNSETS> is neither `&LABEL` nor `+member`"),
                    ));
                }
            }
            // A time phrase coded `###` or `+++` keeps its sentence from being coded.
            Some("TIME") if !t.starts_with('-') => {
                let (head, code, _) = split_code(t);
                if matches!(code.map(str::trim), Some("###" | "+++")) {
                    let head = head.trim().replace('-', "_");
                    let words: Vec<String> = head.split('_').filter(|w| !w.is_empty()).map(str::to_uppercase).collect();
                    if !words.is_empty() {
                        d.discards.push(Discard {
                            words,
                            story: false,
                            whole_last: head.ends_with('_'),
                            line: n,
                        });
                    }
                }
            }
            // Time shifts, parts of speech and other sections: not used for coding here.
            Some(_) => {}
            None => {
                if t.starts_with('{') {
                    // Irregular forms of the last verb.
                    let Some(v) = d.verbs.last_mut() else {
                        problems.push(Problem::new(n, "irregular forms before any verb"));
                        continue;
                    };
                    let Some(close) = t.find('}') else {
                        problems.push(Problem::new(n, "`{` without `}`"));
                        continue;
                    };
                    for f in t[1..close].split_whitespace() {
                        let words: Vec<String> = f.split('_').filter(|w| !w.is_empty()).map(str::to_uppercase).collect();
                        if !words.is_empty() {
                            v.forms.push(words);
                        }
                    }
                    continue;
                }
                if let Some(rest) = t.strip_prefix('-') {
                    let Some(g) = group else {
                        problems.push(Problem::new(n, "pattern before any verb"));
                        continue;
                    };
                    add_pattern_line(&mut d, g, rest, n, Flavor::Tabari, &mut problems, "is not defined");
                    continue;
                }
                // A verb line starts a group of its own.
                let (head, code, _) = split_code(t);
                let code = code.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
                if code.is_none() {
                    problems.push(Problem::new(n, format!("verb `{}` without a `[code]`", head.trim())));
                }
                d.groups.push(VerbGroup {
                    name: head.trim().trim_end_matches(['_', '=']).to_uppercase(),
                    code: code.clone(),
                    line: n,
                });
                let g = d.groups.len() - 1;
                group = Some(g);
                match parse_verb_line(t, g, n, Flavor::Tabari) {
                    Ok(mut v) => {
                        v.code = code;
                        d.verbs.push(v);
                    }
                    Err(e) => problems.push(Problem::new(n, e)),
                }
            }
        }
    }
    if let Some(open) = section {
        problems.push(Problem::new(
            text.lines().count().max(1),
            format!("section <{open}> is never closed"),
        ));
    }
    (d, problems)
}

/// The words of an `.actors` file's `<NOUN>` and `<ADJECTIVE>` lists (upper case): what
/// TABARI uses to find compound noun and adjective phrases ("sheep and goats", "awful and
/// evil"), whose `and` does not divide clauses.
pub fn parse_word_lists(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut nouns = BTreeSet::new();
    let mut adjectives = BTreeSet::new();
    let mut section: Option<String> = None;
    for raw in text.lines() {
        let t = strip_comment(raw, Flavor::Tabari).trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('<') && t.ends_with('>') {
            section = (!t.starts_with("</")).then(|| t[1..t.len() - 1].trim().to_uppercase());
            continue;
        }
        let list = match section.as_deref() {
            Some("NOUN") => &mut nouns,
            Some("ADJECTIVE") => &mut adjectives,
            _ => continue,
        };
        list.extend(t.split(['_', ' ']).filter(|w| !w.is_empty()).map(str::to_uppercase));
    }
    (nouns, adjectives)
}

/// Read a TABARI `.actors` file: `PHRASE [CODE] [CODE date-date] ...`, `+SYNONYM` lines, and
/// agent lines (`PHRASE [~CODE]`) when the file mixes them in.
pub fn parse_actors(text: &str) -> (Vec<Actor>, Vec<Agent>, Vec<Problem>) {
    let mut actors: Vec<Actor> = Vec::new();
    let mut agents: Vec<Agent> = Vec::new();
    let mut problems = Vec::new();
    let mut section = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let t = strip_comment(raw, Flavor::Tabari).trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if t.starts_with('<') && t.ends_with('>') {
            // `<NOUN>`, `<ADJECTIVE>` ... `</...>`: word lists for parsing, not actors.
            section = !t.starts_with("</");
            continue;
        }
        if section {
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            let Some(a) = actors.last_mut() else {
                problems.push(Problem::new(n, "synonym `+` before any actor"));
                continue;
            };
            let (p, _, _) = split_code(syn);
            let p = phrase(p, Flavor::Tabari);
            if p.is_empty() {
                problems.push(Problem::new(n, "empty synonym"));
                continue;
            }
            a.phrases.push((p, n));
            continue;
        }
        let (p, first, _) = split_code(t);
        if t.starts_with('[') {
            // Codes continuing the previous actor.
            let Some(a) = actors.last_mut() else {
                problems.push(Problem::new(n, "code before any actor"));
                continue;
            };
            read_codes(t, n, a, &mut problems);
            continue;
        }
        let ph: Phrase = phrase(p, Flavor::Tabari);
        if ph.is_empty() {
            problems.push(Problem::new(n, "actor line without a phrase"));
            continue;
        }
        if let Some(c) = first.map(str::trim) {
            if let Some(code) = c.strip_prefix('~').or_else(|| c.strip_suffix('~')) {
                agents.push(Agent {
                    phrases: vec![(ph, n)],
                    code: code.trim().to_string(),
                    prefix: c.ends_with('~'),
                    line: n,
                });
                continue;
            }
        }
        let mut a = Actor {
            phrases: vec![(ph, n)],
            codes: Vec::new(),
            line: n,
        };
        read_codes(&t[p.len()..], n, &mut a, &mut problems);
        if a.codes.is_empty() && first.is_none() {
            problems.push(Problem::new(n, "actor without a `[code]`"));
        }
        actors.push(a);
    }
    (actors, agents, problems)
}

fn read_codes(mut rest: &str, n: usize, a: &mut Actor, problems: &mut Vec<Problem>) {
    while let Some(s) = rest.find('[') {
        let Some(e) = rest[s..].find(']') else {
            problems.push(Problem::new(n, "`[` without `]`"));
            return;
        };
        match parse_dated_code(&rest[s + 1..s + e], n) {
            Ok(c) => a.codes.push(c),
            Err(m) => problems.push(Problem::new(n, m)),
        }
        rest = &rest[s + e + 1..];
    }
}

/// One `.options` command: `COMMAND: arguments`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionLine {
    /// Upper-case command (`SET`, `COMPLEX`, `LABEL`, `DEFAULT`, ...).
    pub command: String,
    /// The rest of the line, trimmed.
    pub args: String,
    /// Line.
    pub line: usize,
}

/// TABARI's `COMMA:` command: how long a comma-delimited phrase may be to be left out before
/// coding (TABARI manual, 7.8 and 8.6). Lengths are in words; a phrase at the beginning of
/// the sentence uses `BMIN`/`BMAX`, one at the end `EMIN`/`EMAX`, the others `MIN`/`MAX`; a
/// phrase is left out when its length is above the minimum and at most the maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comma {
    /// `COMMA: OFF` keeps every phrase.
    pub on: bool,
    /// Inner phrases: (minimum, maximum).
    pub inner: (usize, usize),
    /// The phrase before the first comma.
    pub begin: (usize, usize),
    /// The phrase after the last comma.
    pub end: (usize, usize),
}

impl Default for Comma {
    /// TABARI's defaults: `MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 128 BMAX = 0` (the
    /// first phrase is never left out).
    fn default() -> Comma {
        Comma {
            on: true,
            inner: (2, 10),
            begin: (128, 0),
            end: (2, 10),
        }
    }
}

impl Comma {
    /// Reads the arguments of a `COMMA:` command (`MIN = 4 MAX = 6 EMIN = 3 ...`, `OFF`):
    /// `OFF` turns the elimination off, the limits set what they name and turn it on.
    pub fn apply(&mut self, args: &str) -> Result<(), String> {
        let args = args.trim();
        if args.eq_ignore_ascii_case("OFF") {
            self.on = false;
            return Ok(());
        }
        // `MIN = 4`, `MIN=4` and `MIN= 4` all read the same.
        let spaced = args.replace('=', " = ");
        let mut words = spaced.split_whitespace().filter(|w| *w != "=");
        let mut any = false;
        while let Some(key) = words.next() {
            let key = key.to_uppercase();
            let value: usize = words
                .next()
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| format!("`COMMA: {args}`: {key} needs a number"))?;
            match key.as_str() {
                "MIN" => self.inner.0 = value,
                "MAX" => self.inner.1 = value,
                "BMIN" => self.begin.0 = value,
                "BMAX" => self.begin.1 = value,
                "EMIN" => self.end.0 = value,
                "EMAX" => self.end.1 = value,
                other => return Err(format!("`COMMA: {args}`: unknown limit `{other}`")),
            }
            any = true;
        }
        if !any {
            return Err(format!("`COMMA: {args}`: sets no limit"));
        }
        self.on = true;
        Ok(())
    }
}

/// TABARI's `DEFAULT:` command: codes for a source or target the regular search did not
/// find. With `PRIOR` the default source applies whenever no actor comes before the verb, with
/// `AFTER` the default target whenever none comes after it (TABARI manual, 8.5). It also
/// carries the other `.options` settings that change coding: the `COMMA:` limits and
/// `SET: MINIMUM WORDS`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Defaults {
    /// Default source code.
    pub source: Option<String>,
    /// The default source replaces any source when no actor precedes the verb.
    pub prior: bool,
    /// Default target code.
    pub target: Option<String>,
    /// The default target replaces any target when no actor follows the verb.
    pub after: bool,
    /// The `COMMA:` limits (`DEFAULT: OFF` leaves them as they are).
    pub comma: Comma,
    /// `SET: MINIMUM WORDS = n`: a sentence of fewer words (a comma counts as one) is not
    /// coded (TABARI manual, 8.2.3; 8 unless set).
    pub min_words: usize,
}

impl Default for Defaults {
    fn default() -> Defaults {
        Defaults {
            source: None,
            prior: false,
            target: None,
            after: false,
            comma: Comma::default(),
            min_words: 8,
        }
    }
}

impl Defaults {
    /// Reads the arguments of a `DEFAULT:` command (`SOURCE [SRC] PRIOR TARGET [TGT] AFTER`,
    /// `OFF`) into `self`: `OFF` clears it, the rest sets what it names.
    pub fn apply(&mut self, args: &str) -> Result<(), String> {
        let args = args.trim();
        if args.eq_ignore_ascii_case("OFF") {
            *self = Defaults {
                comma: self.comma,
                min_words: self.min_words,
                ..Defaults::default()
            };
            return Ok(());
        }
        let mut words = args.split_whitespace().map(|w| w.trim_end_matches(':').to_uppercase());
        let mut any = false;
        while let Some(w) = words.next() {
            match w.as_str() {
                "SOURCE" | "TARGET" => {
                    let word = words.next().unwrap_or_default();
                    let code = word.strip_prefix('[').and_then(|c| c.strip_suffix(']')).unwrap_or("");
                    if code.is_empty() || code.len() > 15 {
                        return Err(format!("`DEFAULT: {args}`: {w} needs a code in brackets"));
                    }
                    let code = Some(code.to_string());
                    if w == "SOURCE" {
                        self.source = code;
                    } else {
                        self.target = code;
                    }
                    any = true;
                }
                "PRIOR" => self.prior = true,
                "AFTER" => self.after = true,
                other => return Err(format!("`DEFAULT: {args}`: unknown word `{other}`")),
            }
        }
        if !any {
            return Err(format!("`DEFAULT: {args}`: names no SOURCE or TARGET"));
        }
        Ok(())
    }

    /// Reads the arguments of a `SET:` command; only `MINIMUM WORDS = n` changes coding, the
    /// other settings are left alone.
    pub fn apply_set(&mut self, args: &str) -> Result<(), String> {
        let Some((name, value)) = args.split_once('=') else {
            return Ok(());
        };
        if name.split_whitespace().map(str::to_uppercase).collect::<Vec<_>>() != ["MINIMUM", "WORDS"] {
            return Ok(());
        }
        self.min_words = value
            .trim()
            .parse()
            .map_err(|_| format!("`SET: {}`: MINIMUM WORDS needs a number", args.trim()))?;
        Ok(())
    }

    /// Whether any default is set.
    pub fn is_active(&self) -> bool {
        self.source.is_some() || self.target.is_some()
    }
}

/// The default source and target the `DEFAULT:` commands of an options file set, and the
/// limits of its `COMMA:` commands, with a problem for each command that does not read.
pub fn defaults_from_options(lines: &[OptionLine]) -> (Defaults, Vec<Problem>) {
    let mut d = Defaults::default();
    let mut problems = Vec::new();
    for l in lines {
        let read = match l.command.as_str() {
            "DEFAULT" => d.apply(&l.args),
            "COMMA" => d.comma.apply(&l.args),
            "SET" => d.apply_set(&l.args),
            _ => Ok(()),
        };
        if let Err(e) = read {
            problems.push(Problem::new(l.line, e));
        }
    }
    (d, problems)
}

/// Read a TABARI `.options` file (`//` comments).
pub fn parse_options(text: &str) -> (Vec<OptionLine>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let t = raw.split("//").next().unwrap_or("").trim();
        if t.is_empty() || t.chars().all(|c| c == '~') {
            continue;
        }
        match t.split_once(':') {
            Some((c, a)) if !c.trim().is_empty() && c.trim().chars().all(|c| c.is_ascii_alphabetic() || c == ' ') => {
                out.push(OptionLine {
                    command: c.trim().to_uppercase(),
                    args: a.trim().to_string(),
                    line: n,
                })
            }
            _ => problems.push(Problem::new(n, format!("`{t}` is not `COMMAND: arguments`"))),
        }
    }
    (out, problems)
}

/// A TABARI project file: the first line is a title; `<key> value` lines name the files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Project {
    /// The title line.
    pub title: String,
    /// `actorsfile`, `verbsfile`, `optionsfile`, `agentsfile`, `textfile`, ... → values
    /// (a key may repeat: several actors files).
    pub files: BTreeMap<String, Vec<String>>,
}

impl Project {
    /// The values of a key.
    pub fn get(&self, key: &str) -> &[String] {
        self.files.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Read a TABARI `.project` file (session history lines are skipped).
pub fn parse_project(text: &str) -> (Project, Vec<Problem>) {
    let mut p = Project::default();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let t = raw.trim();
        if i == 0 && !t.starts_with('<') {
            p.title = t.to_string();
            continue;
        }
        if t.is_empty() || t.starts_with("<session") {
            continue;
        }
        let Some(rest) = t.strip_prefix('<') else {
            problems.push(Problem::new(n, format!("`{t}` is not a `<key> value` line")));
            continue;
        };
        let Some((key, value)) = rest.split_once('>') else {
            problems.push(Problem::new(n, "`<` without `>`"));
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        if key.ends_with("file") && value.is_empty() {
            problems.push(Problem::new(n, format!("<{key}> names no file")));
            continue;
        }
        p.files.entry(key).or_default().push(value.to_string());
    }
    (p, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn verbs_file() {
        let text = "<SYNSETS>\n&TIETYPES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n<TIME>\nLAST_WEEK [-7]\n</TIME>\nABANDON  [345] ;pas\n- * &TIETYPES TIES [902]\n- * EFFORT  [987]\nACT_ [100]\n{ ACTING_ ACTXD_ ACTUALITY  }\n- * (FOR [1]\n- * &NOPE [2]\nLOST\n";
        let (d, p) = parse_verbs(text);
        let msgs: Vec<String> = p.iter().map(|p| format!("{}: {}", p.line, p.message)).collect();
        assert_eq!(
            msgs,
            vec![
                "14: unbalanced parentheses",
                "15: synset `&NOPE` is not defined; pattern ignored",
                "16: verb `LOST` without a `[code]`"
            ]
        );
        assert_eq!(d.verbs.len(), 3);
        assert!(d.verbs[0].stem && !d.verbs[1].stem);
        let forms: Vec<String> = d.verbs[1].forms.iter().map(|f| f.join(" ")).collect();
        for f in ["ACT", "ACTING", "ACTXD", "ACTUALITY", "ACTS", "ACTED"] {
            assert!(forms.contains(&f.to_string()), "{f} in {forms:?}");
        }
        assert_eq!(d.patterns.len(), 2);
        assert_eq!(d.synsets["TIETYPES"].len(), 2);
        // `BAN=`: the word itself, no regular endings and no stem.
        let (d, _) = parse_verbs("BAN= [191]\n");
        assert!(!d.verbs[0].stem && d.verbs[0].forms == [vec!["BAN".to_string()]]);
    }

    #[test]
    fn actors_file() {
        let text = "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems\n#ALBRIGHZ  [991201-010114] [---]\nAXNOR  [AR1 <911226] [AR2]\n+AXNORIAN\nPARLIAMENT_ [~LEG]\nBROKEN [X 9912-01]\n";
        let (a, ag, p) = parse_actors(text);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].code_on(Date::new(2000, 1, 1)), Some("USAGOV"));
        assert_eq!(a[0].code_on(Date::new(2005, 1, 1)), Some("---"));
        assert_eq!(a[1].code_on(Date::new(1990, 1, 1)), Some("AR1"));
        assert_eq!(a[1].phrases.len(), 2);
        assert_eq!(ag.len(), 1);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 6);
    }

    #[test]
    fn default_commands() {
        let mut d = Defaults::default();
        d.apply("SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER").unwrap();
        assert_eq!(
            (d.source.as_deref(), d.prior, d.target.as_deref(), d.after),
            (Some("DEFSRC"), true, Some("DEFTAR"), true)
        );
        d.apply("OFF").unwrap();
        assert!(!d.is_active());
        d.apply("SOURCE: [usa]").unwrap();
        assert_eq!(
            (d.source.as_deref(), d.prior, d.target.as_deref()),
            (Some("USA"), false, None)
        );
        assert_eq!(
            d.apply("SOURCE PRIOR").unwrap_err(),
            "`DEFAULT: SOURCE PRIOR`: SOURCE needs a code in brackets"
        );
        assert_eq!(d.apply("PRIOR").unwrap_err(), "`DEFAULT: PRIOR`: names no SOURCE or TARGET");
        assert_eq!(
            d.apply("SOURCE [X] SIDEWAYS").unwrap_err(),
            "`DEFAULT: SOURCE [X] SIDEWAYS`: unknown word `SIDEWAYS`"
        );
        let (lines, _) = parse_options("COMPLEX: VERBS[5]\nDEFAULT: TARGET [WORLD] AFTER\nDEFAULT: SOURCE\n");
        let (d, problems) = defaults_from_options(&lines);
        assert_eq!((d.target.as_deref(), d.after), (Some("WORLD"), true));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn comma_commands() {
        let mut c = Comma::default();
        assert!(c.on);
        c.apply("MIN = 4 MAX=6 EMIN= 3 EMAX =6 BMIN = 3 BMAX = 8").unwrap();
        assert_eq!((c.inner, c.end, c.begin), ((4, 6), (3, 6), (3, 8)));
        c.apply("OFF").unwrap();
        assert!(!c.on);
        c.apply("MAX = 9").unwrap();
        assert!(c.on && c.inner == (4, 9));
        assert_eq!(c.apply("MAX").unwrap_err(), "`COMMA: MAX`: MAX needs a number");
        assert_eq!(c.apply("LEN = 3").unwrap_err(), "`COMMA: LEN = 3`: unknown limit `LEN`");
        let (lines, _) = parse_options("COMMA: OFF\nDEFAULT: TARGET [WORLD]\nDEFAULT: OFF\nCOMMA: MIN 1 MAX\n");
        let (d, problems) = defaults_from_options(&lines);
        assert!(!d.comma.on && !d.is_active());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 4);
    }

    #[test]
    fn minimum_words() {
        let mut d = Defaults::default();
        assert_eq!(d.min_words, 8);
        d.apply_set("MINIMUM WORDS = 4").unwrap();
        d.apply_set("LABEL = TRUE").unwrap();
        assert_eq!(d.min_words, 4);
        d.apply("OFF").unwrap();
        assert_eq!(d.min_words, 4);
        assert!(d.apply_set("minimum words = many").is_err());
    }

    #[test]
    fn word_lists() {
        let (n, a) = parse_word_lists("<NOUN>\nSHEEP\nFORCES_ ;x\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\nARNOR [ARN]\n");
        assert_eq!(n.into_iter().collect::<Vec<_>>(), ["FORCES", "SHEEP"]);
        assert_eq!(a.into_iter().collect::<Vec<_>>(), ["EVIL"]);
    }

    #[test]
    fn options_and_project() {
        let (o, p) = parse_options("// comment\nCOMPLEX: VERBS[5] CONJ[4]\nSET: LABEL = TRUE\nnonsense\n");
        assert_eq!(o.len(), 2);
        assert_eq!(o[1].command, "SET");
        assert_eq!(p[0].line, 4);
        let (pr, p) =
            parse_project("Title\n<actorsfile> \tA.actors\n<verbsfile> V.verbs\n<session 1> <coder x>\n<textfile>\nbad\n");
        assert_eq!(pr.get("actorsfile"), ["A.actors".to_string()]);
        assert_eq!(p.len(), 2);
    }
}
