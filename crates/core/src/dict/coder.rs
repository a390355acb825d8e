//! The dictionary-driven coder: applies a set of peer dictionaries to one sentence, the way
//! TABARI and PETRARCH do, and returns (source, target, event code) codings.
//!
//! 1. Discards: a sentence containing a discard phrase is not coded.
//! 2. Actors: longest match of actor and agent phrases; an actor with an agent next to it
//!    ("Arnor's foreign minister", "Israeli troops", "ambassadors of Arnor") takes the agent's
//!    code; actors joined by commas and "and" form one compound unit. Dated codes are
//!    resolved against the sentence date.
//! 3. Verbs: every verb form in the sentence (a verb tag, when the tokens have tags); its
//!    group's patterns are tried, most specific first; the first that matches gives the
//!    code and may place the source (`$`), target (`+`) or a compound (`%`); else the verb's
//!    own code, else its group's. `---` codes nothing.
//! 4. Roles: without markers, the source is the closest actor before the verb that is not
//!    the object of a preposition (else the closest), the target the first actor after it.
//!    Paired codes `a:b` give the reverse event too; compounds give one event per member.
//!    TABARI's rules instead (its manual, chapters 5 and 7): comma-delimited phrases of the
//!    `COMMA:` lengths are left out first; the source is the clause's first actor, the
//!    target the first actor after the verb with another code, else the first such before it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::tabari::{Comma, Defaults};
use super::{plural, Dictionaries, Elem, Flavor, Phrase, Word};
use crate::date::Date;

/// A token of the sentence to code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Upper-case text.
    pub text: String,
    /// Part-of-speech tag (Penn or UPOS), if known.
    pub tag: Option<String>,
}

/// One coded event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coding {
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code.
    pub code: String,
}

/// Why a coding came out: the verb and the pattern line (for `--diff` and explanations).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coded {
    /// The coding.
    pub coding: Coding,
    /// The verb form as written.
    pub verb: String,
    /// The pattern's line in its file, or the verb's line.
    pub line: usize,
}

/// Split plain text into tokens: words (with inner hyphens, periods and apostrophes),
/// possessive `'S` and `N'T` apart, punctuation apart. Upper case. An underscore joins words
/// as in the dictionaries' patterns ("Dol_Amroth" is the two words of `DOL_AMROTH`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || c == '_').filter(|w| !w.is_empty()) {
        let mut w = raw;
        let mut tail: Vec<String> = Vec::new();
        // Leading punctuation.
        while let Some(c) = w.chars().next() {
            if c.is_alphanumeric() || c == '&' || c == '$' {
                break;
            }
            out.push(Token {
                text: c.to_string(),
                tag: None,
            });
            w = &w[c.len_utf8()..];
        }
        // Trailing punctuation.
        while let Some(c) = w.chars().last() {
            if c.is_alphanumeric() || c == '%' {
                break;
            }
            // Keep the period of an abbreviation such as "U.S." or "Mr.".
            if c == '.' && w.len() > 1 && w[..w.len() - 1].contains('.') {
                break;
            }
            tail.push(c.to_string());
            w = &w[..w.len() - c.len_utf8()];
        }
        if !w.is_empty() {
            let up = w.to_uppercase();
            if let Some(stem) = up.strip_suffix("'S").filter(|s| !s.is_empty()) {
                out.push(Token {
                    text: stem.to_string(),
                    tag: None,
                });
                out.push(Token {
                    text: "'S".into(),
                    tag: Some("POS".into()),
                });
            } else if let Some(stem) = up.strip_suffix("N'T").filter(|s| !s.is_empty()) {
                out.push(Token {
                    text: stem.to_string(),
                    tag: None,
                });
                out.push(Token {
                    text: "N'T".into(),
                    tag: None,
                });
            } else if let Some(stem) = up.strip_suffix('\'').filter(|s| s.ends_with('S') && !s.is_empty()) {
                out.push(Token {
                    text: stem.to_string(),
                    tag: None,
                });
                out.push(Token {
                    text: "'".into(),
                    tag: Some("POS".into()),
                });
            } else {
                out.push(Token { text: up, tag: None });
            }
        }
        for t in tail.into_iter().rev() {
            out.push(Token { text: t, tag: None });
        }
    }
    out
}

/// Tokens of plain text the way TABARI reads them: as [`tokenize`], and a word written with a
/// capital letter inside the sentence is a noun (tag `NNP`, so never a verb; TABARI manual,
/// 7.4), unless the whole text is in capitals.
pub fn tabari_tokens(text: &str) -> Vec<Token> {
    let all_caps = !text.chars().any(char::is_lowercase);
    let mut out = Vec::new();
    let mut first = true;
    for raw in text.split(|c: char| c.is_whitespace() || c == '_').filter(|w| !w.is_empty()) {
        let capital = raw.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
        for mut t in tokenize(raw) {
            if t.text.chars().next().is_some_and(char::is_alphabetic) && t.tag.is_none() {
                if !first && capital && !all_caps {
                    t.tag = Some("NNP".into());
                }
                first = false;
            }
            out.push(t);
        }
    }
    out
}

/// How good a verb match is: form length, written form, stem length.
type VerbRank = (usize, bool, usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    Actor(usize),
    Agent(usize),
}

/// An actor unit found in the sentence: token range and member codes.
#[derive(Clone, Debug)]
struct Unit {
    start: usize,
    end: usize,
    codes: Vec<String>,
    /// The actors' own codes, without their agents (what TABARI forwards to a pronoun).
    actors: Vec<String>,
    /// Agents of no actor (`~MIL`): a target only inside the verb's clause.
    bare_agents: bool,
}

/// The coder over one set of dictionaries.
pub struct DictCoder<'d> {
    d: &'d Dictionaries,
    flavor: Flavor,
    /// First word → phrases (exact first words).
    names: HashMap<String, Vec<(&'d Phrase, Entry)>>,
    /// Verb word (or stem) → (verb, form).
    verbs: HashMap<String, Vec<(usize, usize)>>,
    /// Patterns per group, most specific first.
    patterns: Vec<Vec<usize>>,
    /// Longest stem key, for stem lookups.
    max_key: usize,
    /// Code only the first verb of each clause that gives an event.
    one_per_clause: bool,
    /// Read `A/B/C` actor codes as the compound A, B and C (PETRARCH2, TABARI) rather than as
    /// one code (UniversalPETRARCH).
    split_slash: bool,
    /// TABARI default source and target (`DEFAULT:` in a `.options` file).
    defaults: Defaults,
    /// What a negated verb's code becomes (UniversalPETRARCH, from its PICO file).
    negations: BTreeMap<String, String>,
    /// A passive swaps source and target only with a "by" agent (PETRARCH2), not with the
    /// first actor after the verb.
    passive_needs_by: bool,
}

const PREPOSITIONS: &[&str] = &[
    "IN", "OF", "BY", "WITH", "TO", "FROM", "FOR", "ON", "AT", "AGAINST", "INTO", "ABOUT", "OVER", "NEAR", "BETWEEN", "AMONG",
    "DURING", "UNDER", "THROUGH", "WITHIN", "TOWARD", "TOWARDS", "ACROSS", "AROUND", "BEHIND", "BEYOND", "UPON", "ALONG",
    "WITHOUT", "VIA", "DESPITE", "AMID",
];

/// Forms of "be", "have" and "do", and the modal verbs.
const AUXILIARIES: &[&str] = &[
    "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "AM", "HAS", "HAVE", "HAD", "HAVING", "DO", "DOES", "DID", "WILL",
    "WOULD", "SHALL", "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST",
];

impl<'d> DictCoder<'d> {
    /// Index the dictionaries.
    pub fn new(d: &'d Dictionaries, flavor: Flavor) -> DictCoder<'d> {
        let mut names: HashMap<String, Vec<(&Phrase, Entry)>> = HashMap::new();
        let mut max_key = 0;
        for (i, a) in d.actors.iter().enumerate() {
            for (p, _) in &a.phrases {
                if let Some(w) = p.first() {
                    max_key = max_key.max(w.text.len());
                    names.entry(w.text.clone()).or_default().push((p, Entry::Actor(i)));
                }
            }
        }
        for (i, a) in d.agents.iter().enumerate() {
            for (p, _) in &a.phrases {
                if let Some(w) = p.first() {
                    max_key = max_key.max(w.text.len());
                    names.entry(w.text.clone()).or_default().push((p, Entry::Agent(i)));
                }
            }
        }
        let mut verbs: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (vi, v) in d.verbs.verbs.iter().enumerate() {
            for (fi, f) in v.forms.iter().enumerate() {
                if let Some(w) = f.get(v.verb_at) {
                    max_key = max_key.max(w.len());
                    let e = verbs.entry(w.clone()).or_default();
                    if !e.contains(&(vi, fi)) {
                        e.push((vi, fi));
                    }
                }
            }
        }
        let mut patterns: Vec<Vec<usize>> = vec![Vec::new(); d.verbs.groups.len()];
        for (pi, p) in d.verbs.patterns.iter().enumerate() {
            if let Some(list) = patterns.get_mut(p.group) {
                list.push(pi);
            }
        }
        for list in &mut patterns {
            // Most specific first; ties keep file order (the first written wins).
            // TABARI orders by letters (its manual, 5.7.1).
            if flavor == Flavor::Tabari {
                list.sort_by_key(|&pi| std::cmp::Reverse(d.verbs.patterns[pi].letters()));
            } else {
                list.sort_by_key(|&pi| std::cmp::Reverse(d.verbs.patterns[pi].weight()));
            }
        }
        DictCoder {
            d,
            flavor,
            names,
            verbs,
            patterns,
            max_key,
            one_per_clause: true,
            split_slash: true,
            defaults: Defaults::default(),
            negations: BTreeMap::new(),
            passive_needs_by: false,
        }
    }

    /// Swap source and target of a passive only when a "by" agent follows ("X was shot by Y"),
    /// as PETRARCH2 does; else (the default) the first actor after the verb acts too ("X was
    /// criticized over a dispute with Y", as UniversalPETRARCH codes it).
    pub fn passive_needs_by(mut self, on: bool) -> Self {
        self.passive_needs_by = on;
        self
    }

    /// Recode negated verbs ("did not clash") by `negations` (code → the negated code; see
    /// [`super::petrarch::pico_negations`]).
    pub fn with_negations(mut self, negations: BTreeMap<String, String>) -> Self {
        self.negations = negations;
        self
    }

    /// Keep `A/B/C` actor codes whole (UniversalPETRARCH) instead of reading them as a
    /// compound (the default).
    pub fn keep_slash_codes(mut self, keep: bool) -> Self {
        self.split_slash = !keep;
        self
    }

    /// Code with TABARI default source and target codes (`DEFAULT:` of a `.options` file).
    pub fn with_defaults(mut self, defaults: Defaults) -> Self {
        self.defaults = defaults;
        self
    }

    /// The conventions the dictionaries follow.
    pub fn flavor(&self) -> Flavor {
        self.flavor
    }

    /// Code every verb of a clause (`false`) or only the first that codes (`true`, the
    /// default, as TABARI and PETRARCH do).
    pub fn one_per_clause(mut self, on: bool) -> Self {
        self.one_per_clause = on;
        self
    }

    fn word_matches(&self, w: &Word, tok: &str) -> bool {
        if w.stem {
            tok.starts_with(w.text.as_str())
        } else if tok == w.text {
            true
        } else if tok.len() <= w.text.len() || !tok.starts_with(w.text.as_str()) {
            false
        } else {
            // PETRARCH nouns match their regular plural; TABARI's whole words an -S too.
            tok == plural(&w.text) || (self.flavor == Flavor::Tabari && tok.len() == w.text.len() + 1 && tok.ends_with('S'))
        }
    }

    /// Keys to look a token up by: itself, and its prefixes for stem entries.
    fn keys<'t>(&self, tok: &'t str) -> Vec<&'t str> {
        let mut out = vec![tok];
        if self.flavor == Flavor::Tabari {
            for (i, _) in tok.char_indices().skip(1) {
                if i > self.max_key {
                    break;
                }
                out.push(&tok[..i]);
            }
        }
        out
    }

    /// Does phrase `p` match consecutively at `i`? Returns the end.
    fn phrase_at(&self, p: &[Word], toks: &[Token], i: usize) -> Option<usize> {
        if i + p.len() > toks.len() || p.is_empty() {
            return None;
        }
        p.iter()
            .zip(&toks[i..])
            .all(|(w, t)| self.word_matches(w, &t.text))
            .then_some(i + p.len())
    }

    /// TABARI: a phrase's words written apart may have other words between them ("PRINCE
    /// DOL_AMROTH" in "the Prince of Dol_Amroth"); `_` keeps two words together. Returns the
    /// end of the run of words matched at `i` and the positions of the words found further on.
    fn gapped_at(&self, p: &[Word], toks: &[Token], i: usize) -> Option<(usize, Vec<usize>)> {
        let first = p.first()?;
        if i >= toks.len() || !self.word_matches(first, &toks[i].text) {
            return None;
        }
        let mut at = i + 1;
        let mut run_end: Option<usize> = None;
        let mut later = Vec::new();
        for w in &p[1..] {
            let found = if w.joined {
                (at < toks.len() && self.word_matches(w, &toks[at].text)).then_some(at)
            } else {
                (at..toks.len()).find(|&k| self.word_matches(w, &toks[k].text))
            };
            let k = found?;
            if k != at && run_end.is_none() {
                run_end = Some(at);
            }
            if run_end.is_some() {
                later.push(k);
            }
            at = k + 1;
        }
        Some((run_end.unwrap_or(at), later))
    }

    fn name_at(&self, toks: &[Token], i: usize) -> Option<(usize, Entry, Vec<usize>)> {
        // (words in the phrase, end, entry, words found further on)
        let mut best: Option<(usize, usize, Entry, Vec<usize>)> = None;
        let gaps = self.flavor == Flavor::Tabari;
        for key in self.keys(&toks[i].text) {
            for (p, e) in self.names.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                let found = match self.phrase_at(p, toks, i) {
                    Some(end) => Some((end, Vec::new())),
                    None if gaps && p.len() > 1 => self.gapped_at(p, toks, i),
                    None => None,
                };
                if let Some((end, later)) = found {
                    let better = match &best {
                        None => true,
                        Some((n, b, be, _)) => {
                            (p.len(), end) > (*n, *b)
                                || (p.len() == *n && end == *b && matches!(e, Entry::Actor(_)) && matches!(be, Entry::Agent(_)))
                        }
                    };
                    if better {
                        best = Some((p.len(), end, *e, later));
                    }
                }
            }
        }
        best.map(|(_, end, e, later)| (end, e, later))
    }

    fn actor_code(&self, i: usize, day: Option<Date>) -> Option<String> {
        self.d.actors[i].code_on(day).map(str::to_string)
    }

    fn with_agents(&self, actor: &str, agents: &[usize]) -> String {
        agents.iter().fold(actor.to_string(), |code, &a| self.with_agent(&code, a))
    }

    /// An actor's code with its agents; TABARI's "former" makes the agents an elite (`ELI`).
    fn agented(&self, actor: &str, agents: &[usize], former: bool) -> String {
        if former && !agents.is_empty() && actor != "---" {
            if actor.ends_with("ELI") {
                actor.to_string()
            } else {
                format!("{actor}ELI")
            }
        } else {
            self.with_agents(actor, agents)
        }
    }

    fn with_agent(&self, actor: &str, agent: usize) -> String {
        let a = &self.d.agents[agent];
        if actor == "---" {
            return actor.to_string();
        }
        if a.prefix {
            if actor.starts_with(&a.code) {
                return actor.to_string();
            }
            format!("{}{actor}", a.code)
        } else if actor.ends_with(&a.code) {
            actor.to_string()
        } else {
            format!("{actor}{}", a.code)
        }
    }

    /// A token that may sit inside a noun phrase between names ("'s", "first", "Deputy").
    fn modifier(&self, toks: &[Token], k: usize, verb_at: &[bool]) -> bool {
        let t = toks[k].text.as_str();
        if t == "'S" || t == "'" || t == "-" {
            return true;
        }
        if verb_at[k] || !t.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        if PREPOSITIONS.contains(&t)
            || matches!(
                t,
                "AND" | "OR" | "BUT" | "THAT" | "WHO" | "WHICH" | "WHOSE" | "WHILE" | "AFTER" | "BEFORE"
            )
        {
            return false;
        }
        // Auxiliaries join no noun phrase ("Arnor was Gondor's guest"): what a tag says of
        // tagged text, said here for untagged text (TABARI's).
        if toks[k].tag.is_none() && AUXILIARIES.contains(&t) {
            return false;
        }
        !toks[k].tag.as_deref().is_some_and(|g| {
            g.starts_with("VB")
                || matches!(
                    g,
                    "IN" | "CC" | "WDT" | "WP" | "TO" | "MD" | "ADP" | "CCONJ" | "SCONJ" | "VERB" | "AUX"
                )
        })
    }

    fn units(&self, toks: &[Token], day: Option<Date>, verb_at: &[bool]) -> Vec<Unit> {
        // Raw matches, longest first, never across a verb.
        let mut found: Vec<(usize, usize, Entry)> = Vec::new();
        // Words of a phrase found further on (TABARI's gapped phrases) belong to it.
        let mut taken = vec![false; toks.len()];
        let mut i = 0;
        while i < toks.len() {
            if verb_at[i] || taken[i] {
                i += 1;
                continue;
            }
            match self.name_at(toks, i) {
                Some((end, e, later)) => {
                    found.push((i, end, e));
                    for k in later {
                        taken[k] = true;
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        // Noun-phrase groups: matches separated only by modifiers ("Bree Prime Minister
        // Romendacil", "Arnor's foreign minister", "MSF Arnor"). The first actor gives the
        // code, the first agent its sector.
        struct Group {
            start: usize,
            end: usize,
            actor: Option<Vec<String>>,
            agents: Vec<usize>,
            /// TABARI: "former" right before a name of the group makes its agent an elite.
            former: bool,
        }
        let tabari = self.flavor == Flavor::Tabari;
        let mut groups: Vec<Group> = Vec::new();
        for &(s, e, entry) in &found {
            // "awful and evil": adjectives joined by `and` stay inside the phrase.
            let adj = |k: usize| {
                toks.get(k)
                    .and_then(|t| t.tag.as_deref())
                    .is_some_and(|g| g == "JJ" || g == "ADJ")
            };
            let inner = |k: usize| {
                self.modifier(toks, k, verb_at)
                    || (matches!(toks[k].text.as_str(), "AND" | ",") && k > 0 && adj(k - 1) && adj(k + 1))
            };
            // TABARI joins an agent only to an actor right before or after it.
            let adjacent = |k: usize| !tabari || matches!(toks[k].text.as_str(), "'S" | "FORMER");
            let joins = groups
                .last()
                .is_some_and(|g| s >= g.end && s - g.end <= 4 && (g.end..s).all(|k| inner(k) && adjacent(k)));
            if !joins {
                groups.push(Group {
                    start: s,
                    end: e,
                    actor: None,
                    agents: Vec::new(),
                    former: false,
                });
            }
            let Some(g) = groups.last_mut() else { continue };
            g.end = e;
            g.former |= tabari && s > 0 && toks[s - 1].text == "FORMER";
            match entry {
                Entry::Actor(ai) => {
                    if g.actor.is_none() {
                        let codes: Vec<String> = self
                            .actor_code(ai, day)
                            .map(|c| {
                                if self.split_slash {
                                    c.split('/').map(str::to_string).filter(|c| !c.is_empty()).collect()
                                } else {
                                    vec![c.to_string()]
                                }
                            })
                            .unwrap_or_default();
                        g.actor = Some(codes);
                    }
                }
                Entry::Agent(gi) => {
                    if !g.agents.contains(&gi) {
                        g.agents.push(gi);
                    }
                }
            }
        }
        // "Danish media and government": an agent joined to an actor's phrase by `and`
        // belongs to the same actor, and takes the phrase's modifying agents along ("Danish
        // Islamist media and government": the Islamist government too).
        for k in 1..groups.len() {
            let (prev, cur) = groups.split_at_mut(k);
            let (p, c) = (&prev[k - 1], &mut cur[0]);
            let between: Vec<&str> = toks[p.end..c.start].iter().map(|t| t.text.as_str()).collect();
            if c.actor.is_none()
                && p.actor.is_some()
                && !p.agents.is_empty()
                && matches!(between.as_slice(), ["AND"] | [",", "AND"])
            {
                c.actor = p.actor.clone();
                let modifiers: Vec<usize> = p.agents[..p.agents.len() - 1]
                    .iter()
                    .copied()
                    .filter(|a| !c.agents.contains(a))
                    .collect();
                c.agents.splice(0..0, modifiers);
            }
        }
        // Compounds of groups: `A, B and the evil C`, `lawmakers and officials`.
        let compound_gap = |a: usize, b: usize| -> bool {
            if b < a {
                return false;
            }
            let mut k = a;
            let mut sep = false;
            if k < b && toks[k].text == "," {
                k += 1;
                sep = true;
            }
            if k < b && matches!(toks[k].text.as_str(), "AND" | "OR") {
                k += 1;
                sep = true;
            }
            sep && b - k <= 3 && (k..b).all(|x| self.modifier(toks, x, verb_at))
        };
        let mut lists: Vec<Vec<usize>> = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            let same_kind = |o: &Group| o.actor.is_some() == g.actor.is_some();
            if let Some(list) = lists.last_mut() {
                let last = &groups[*list.last().unwrap_or(&gi)];
                if same_kind(last) && compound_gap(last.end, g.start) {
                    list.push(gi);
                    continue;
                }
            }
            lists.push(vec![gi]);
        }
        // Compounds are `A, B and C` (TABARI's grammar, and PETRARCH's suites agree): a comma
        // list ends with its `and`; names after it ("Dagolath, the Osgiliath newspaper") stand
        // alone.
        {
            let mut split: Vec<Vec<usize>> = Vec::new();
            for list in lists {
                let joined_by_and = |k: usize| {
                    toks[groups[list[k - 1]].end..groups[list[k]].start]
                        .iter()
                        .any(|t| matches!(t.text.as_str(), "AND" | "OR"))
                };
                // PETRARCH: the first `and` ends a list ("A and B, and C and D" is two
                // compounds); TABARI's list runs to its last `and`.
                let mut from = 0;
                while from < list.len() {
                    let end = if tabari {
                        (from + 1..list.len()).rev().find(|&k| joined_by_and(k))
                    } else {
                        (from + 1..list.len()).find(|&k| joined_by_and(k))
                    };
                    match end {
                        Some(k) => {
                            split.push(list[from..=k].to_vec());
                            from = k + 1;
                        }
                        None => {
                            split.extend(list[from..].iter().map(|&g| vec![g]));
                            break;
                        }
                    }
                }
            }
            lists = split;
        }
        // Units: actor lists with their agents; agent lists linked by of/in/from to an actor
        // list ("lawmakers in Fornost and Gondor", "the ambassadors of Arnor").
        let mut units: Vec<Unit> = Vec::new();
        let mut li = 0;
        while li < lists.len() {
            let list = &lists[li];
            let first = &groups[list[0]];
            let last = &groups[*list.last().unwrap_or(&list[0])];
            if first.actor.is_some() {
                let mut codes = Vec::new();
                let mut actors = Vec::new();
                for &gi in list {
                    let g = &groups[gi];
                    for c in g.actor.iter().flatten() {
                        codes.push(self.agented(c, &g.agents, g.former));
                        actors.push(c.clone());
                    }
                }
                if !codes.is_empty() {
                    units.push(Unit {
                        start: first.start,
                        end: last.end,
                        codes,
                        actors,
                        bare_agents: false,
                    });
                }
                li += 1;
                continue;
            }
            // Agents only: look for `of|in|from|for (the) ACTORS` right after.
            if let Some(next) = lists.get(li + 1) {
                let ng = &groups[next[0]];
                let between: Vec<&str> = toks[last.end..ng.start].iter().map(|t| t.text.as_str()).collect();
                let linked = matches!(
                    between.as_slice(),
                    ["OF"] | ["OF", "THE"] | ["FROM"] | ["FROM", "THE"] | ["IN"] | ["FOR"]
                );
                if linked && ng.actor.is_some() {
                    let agents_former = list.iter().any(|&gi| groups[gi].former);
                    let agents: Vec<&[usize]> = list
                        .iter()
                        .map(|&gi| groups[gi].agents.as_slice())
                        .filter(|a| !a.is_empty())
                        .collect();
                    let mut codes = Vec::new();
                    let mut actors = Vec::new();
                    for (n, &gi) in next.iter().enumerate() {
                        let g = &groups[gi];
                        for c in g.actor.iter().flatten() {
                            actors.push(c.clone());
                            match g.agents.as_slice() {
                                [_, ..] => codes.push(self.agented(c, &g.agents, g.former)),
                                // TABARI gives the agent to the first actor of a list only
                                // ("ambassadors of A, B and C": A's); PETRARCH to each.
                                [] if self.flavor == Flavor::Tabari && n > 0 => codes.push(c.clone()),
                                [] => {
                                    for a in &agents {
                                        codes.push(self.agented(c, a, g.former || agents_former));
                                    }
                                }
                            }
                        }
                    }
                    let nl = &groups[*next.last().unwrap_or(&next[0])];
                    if !codes.is_empty() {
                        units.push(Unit {
                            start: first.start,
                            end: nl.end,
                            codes,
                            actors,
                            bare_agents: false,
                        });
                    }
                    li += 2;
                    continue;
                }
            }
            // Agents of no actor ("security forces", "the Muslims"): the peers' null actor
            // with the agents' codes, `~MIL` in TABARI and `---MIL` in PETRARCH.
            let null = if self.flavor == Flavor::Tabari { "~" } else { "---" };
            let codes: Vec<String> = list
                .iter()
                .map(|&gi| &groups[gi].agents)
                .filter(|a| !a.is_empty())
                .map(|a| a.iter().fold(null.to_string(), |code, &g| code + &self.d.agents[g].code))
                .collect();
            if !codes.is_empty() {
                units.push(Unit {
                    start: first.start,
                    end: last.end,
                    codes,
                    actors: Vec::new(),
                    bare_agents: true,
                });
            }
            li += 1;
        }
        // PETRARCH: "Ithilen and the government of Gondor": an actor and an agent of another
        // actor joined by "and" are one compound (TABARI's compounds are actors with
        // determiners and adjectives only).
        if self.flavor == Flavor::Petrarch {
            let mut k = 1;
            while k < units.len() {
                let gap: Vec<&str> = toks[units[k - 1].end.min(units[k].start)..units[k].start]
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect();
                // A compound ends with its `and`: "A and B, and C and D" is two.
                let two_compounds = gap.first() == Some(&",") && units[k - 1].codes.len() > 1 && units[k].codes.len() > 1;
                if !units[k - 1].bare_agents
                    && !units[k].bare_agents
                    && !two_compounds
                    && matches!(gap.as_slice(), ["AND"] | ["AND", "THE"] | [",", "AND"] | [",", "AND", "THE"])
                {
                    let u = units.remove(k);
                    let p = &mut units[k - 1];
                    p.end = u.end;
                    p.codes.extend(u.codes);
                    p.actors.extend(u.actors);
                } else {
                    k += 1;
                }
            }
        }
        units
    }

    fn is_verb_tag(tag: Option<&str>) -> bool {
        match tag {
            None => true,
            Some(t) => t.starts_with("VB") || t == "VERB" || t == "AUX" || t == "MD",
        }
    }

    /// Verb occurrences: (start, end, verb index, verb position).
    fn verb_hits(&self, toks: &[Token]) -> Vec<(usize, usize, usize)> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if !Self::is_verb_tag(t.tag.as_deref()) {
                continue;
            }
            let mut best: Option<(usize, usize, usize, VerbRank)> = None; // (start, end, verb, rank)
            for key in self.keys(&t.text) {
                for &(vi, fi) in self.verbs.get(key).map(Vec::as_slice).unwrap_or(&[]) {
                    let v = &self.d.verbs.verbs[vi];
                    let form = &v.forms[fi];
                    let stem = v.stem;
                    if stem && !t.text.starts_with(form[v.verb_at].as_str()) || !stem && t.text != form[v.verb_at] {
                        continue;
                    }
                    let Some(start) = i.checked_sub(v.verb_at) else { continue };
                    if start + form.len() > toks.len() {
                        continue;
                    }
                    // TABARI reads a verb word after `the`, `a` or `an` as a noun.
                    if self.flavor == Flavor::Tabari && start > 0 && matches!(toks[start - 1].text.as_str(), "THE" | "A" | "AN") {
                        continue;
                    }
                    let ok = form.iter().zip(&toks[start..]).all(|(w, tk)| {
                        if stem {
                            tk.text.starts_with(w.as_str())
                        } else {
                            &tk.text == w
                        }
                    });
                    // Longest form first; then a verb written as this very form ("LEFT")
                    // over one that only generates it (LEAVE); then the longer stem.
                    let rank = (form.len(), fi == 0, key.len());
                    if ok && best.is_none_or(|b| rank > b.3) {
                        best = Some((start, start + form.len(), vi, rank));
                    }
                }
            }
            if let Some((s, e, vi, _)) = best {
                if hits.last().is_none_or(|h| h.1 <= s) {
                    hits.push((s, e, vi));
                } else if let Some(last) = hits.last_mut() {
                    if e - s > last.1 - last.0 {
                        *last = (s, e, vi);
                    }
                }
            }
        }
        hits
    }

    /// Match one element at `pos` going forward; returns the end. Markers bind a unit.
    fn elem_fwd(&self, el: &Elem, toks: &[Token], pos: usize, units: &[Unit], depth: u8) -> Option<(usize, Option<usize>)> {
        match el {
            Elem::Word(w) => (pos < toks.len() && self.word_matches(w, &toks[pos].text)).then_some((pos + 1, None)),
            Elem::Synset(name, _) => self.synset_at(name, toks, pos, depth).map(|e| (e, None)),
            Elem::Alt(alts, _) => alts.iter().find_map(|a| self.seq_at(a, toks, pos, depth)).map(|e| (e, None)),
            Elem::Source(_) | Elem::Target(_) | Elem::Compound(_) => {
                units.iter().position(|u| u.start == pos).map(|k| (units[k].end, Some(k)))
            }
            // TABARI's `^` passes over an actor (a whole compound) without binding it.
            Elem::Skip(_) if self.flavor == Flavor::Tabari => {
                units.iter().position(|u| u.start == pos).map(|k| (units[k].end, Some(k)))
            }
            // PETRARCH's `^` passes over the noun phrase there: an actor starting there (after
            // a determiner) is passed over, else nothing.
            Elem::Skip(_) => {
                let at = if toks.get(pos).is_some_and(|t| matches!(t.text.as_str(), "THE" | "A" | "AN")) {
                    pos + 1
                } else {
                    pos
                };
                Some(
                    units
                        .iter()
                        .position(|u| u.start == at)
                        .map_or((pos, None), |k| (units[k].end, Some(k))),
                )
            }
        }
    }

    fn seq_at(&self, p: &[Word], toks: &[Token], pos: usize, depth: u8) -> Option<usize> {
        let mut at = pos;
        for w in p {
            if let Some(name) = w.text.strip_prefix('&') {
                at = self.synset_at(name, toks, at, depth)?;
            } else {
                if at >= toks.len() || !self.word_matches(w, &toks[at].text) {
                    return None;
                }
                at += 1;
            }
        }
        Some(at)
    }

    fn synset_at(&self, name: &str, toks: &[Token], pos: usize, depth: u8) -> Option<usize> {
        if depth > 4 {
            return None;
        }
        let list = self.d.verbs.synsets.get(name)?;
        list.iter().filter_map(|p| self.seq_at(p, toks, pos, depth + 1)).max()
    }

    /// Match a sequence of elements forward from `from` (gaps allowed unless joined), no
    /// further than `limit`. Returns the bound units per element index.
    fn match_fwd(
        &self,
        elems: &[Elem],
        toks: &[Token],
        from: usize,
        limit: usize,
        first_joined: bool,
        units: &[Unit],
    ) -> Option<(Vec<(usize, usize)>, usize)> {
        let mut pos = from;
        let mut binds = Vec::new();
        // Letters the matched alternatives fall short of the longest ones (TABARI's lengths).
        let mut short = 0;
        for (k, el) in elems.iter().enumerate() {
            let joined = if k == 0 { first_joined || el.joined() } else { el.joined() };
            let mut found = None;
            let mut p = pos;
            while p <= limit {
                if let Some((end, u)) = self.elem_fwd(el, toks, p, units, 0) {
                    if end <= limit {
                        found = Some((end, u));
                        break;
                    }
                }
                if joined {
                    break;
                }
                p += 1;
            }
            let (end, u) = found?;
            if let Some(u) = u {
                binds.push((k, u));
            }
            if let Elem::Alt(alts, _) = el {
                let longest = alts.iter().map(|a| letters(a)).max().unwrap_or(0);
                let matched = alts
                    .iter()
                    .find(|a| self.seq_at(a, toks, p, 0).is_some())
                    .map_or(longest, |a| letters(a));
                short += longest.saturating_sub(matched);
            }
            pos = end;
        }
        Some((binds, short))
    }

    /// Match the elements before the verb: the last one ends at or before `verb_start`
    /// (right at it when `verb_joined`). Tries start positions from the nearest.
    fn match_back(
        &self,
        elems: &[Elem],
        toks: &[Token],
        verb_start: usize,
        verb_joined: bool,
        units: &[Unit],
    ) -> Option<(Vec<(usize, usize)>, usize)> {
        if elems.is_empty() {
            return Some((Vec::new(), 0));
        }
        for start in (0..verb_start).rev() {
            if let Some(found) = self.match_fwd(elems, toks, start, verb_start, true, units) {
                // Check the end: re-run to find where it ended.
                let end = self.end_of(elems, toks, start, verb_start, units);
                if !verb_joined || end == Some(verb_start) {
                    return Some(found);
                }
            }
        }
        None
    }

    fn end_of(&self, elems: &[Elem], toks: &[Token], from: usize, limit: usize, units: &[Unit]) -> Option<usize> {
        let mut pos = from;
        for (k, el) in elems.iter().enumerate() {
            let joined = k == 0 || el.joined();
            let mut p = pos;
            let mut found = None;
            while p <= limit {
                if let Some((end, _)) = self.elem_fwd(el, toks, p, units, 0) {
                    if end <= limit {
                        found = Some(end);
                        break;
                    }
                }
                if joined {
                    break;
                }
                p += 1;
            }
            pos = found?;
        }
        Some(pos)
    }

    /// Code one sentence.
    pub fn code(&self, toks: &[Token], day: Option<Date>) -> Vec<Coded> {
        self.code_with(toks, day, &self.defaults, None)
    }

    /// Like [`DictCoder::code`], with TABARI's default source and target codes, and the
    /// actor codes a leading pronoun stands for (TABARI's `FORWARD`: the first actor of the
    /// story's previous sentence).
    pub fn code_with(&self, toks: &[Token], day: Option<Date>, defaults: &Defaults, forward: Option<&[String]>) -> Vec<Coded> {
        if self.flavor != Flavor::Tabari {
            return self.code_tokens(toks, day, defaults, forward);
        }
        // TABARI reads "didn't" as one word (its synsets list DIDN'T, WON'T), and a hyphen
        // as a blank ("anti- Gondor", "state-run").
        let mut merged: Vec<Token> = Vec::with_capacity(toks.len());
        for t in toks {
            match merged.last_mut() {
                Some(last) if t.text == "N'T" => last.text.push_str("N'T"),
                _ if t.text.contains('-') && !t.text.starts_with(|c: char| c.is_ascii_digit()) => {
                    merged.extend(t.text.split('-').filter(|w| !w.is_empty()).map(|w| Token {
                        text: w.to_string(),
                        tag: t.tag.clone(),
                    }))
                }
                _ => merged.push(t.clone()),
            }
        }
        // Discards, and TABARI's discard (`###`) and complex (`+++`) codes on an actor or a verb
        // root: the sentence is not coded (its manual, chapter 6; always in force). Words are
        // classified before comma-delimited phrases are left out.
        if self.discarded(&merged) || self.special_codes(&merged, day) {
            return Vec::new();
        }
        // SET: MINIMUM WORDS: a shorter sentence is a fragment, not coded (commas count).
        let words = merged
            .iter()
            .filter(|t| t.text == "," || (t.text != "'S" && t.text.chars().next().is_some_and(char::is_alphanumeric)))
            .count();
        if words < defaults.min_words {
            return Vec::new();
        }
        let kept = self.without_comma_phrases(&merged, day, &defaults.comma);
        self.code_tokens(&kept, day, defaults, forward)
    }

    /// TABARI: is the conjunction at `k` inside a compound noun phrase (a `<NOUN>` word, the
    /// conjunction, `<ADJECTIVE>` words, a noun: "sheep and evil goats") or a compound
    /// adjective phrase ("awful and evil")? Such a conjunction does not divide clauses.
    fn compound_words(&self, toks: &[Token], k: usize) -> bool {
        if self.flavor != Flavor::Tabari || k == 0 || !matches!(toks[k].text.as_str(), "AND" | "OR" | "BUT" | "NOR") {
            return false;
        }
        let is = |set: &BTreeSet<String>, j: usize| {
            toks.get(j)
                .is_some_and(|t| set.contains(&t.text) || t.text.strip_suffix('S').is_some_and(|w| set.contains(w)))
        };
        let (nouns, adjectives) = (&self.d.nouns, &self.d.adjectives);
        if is(adjectives, k - 1) && is(adjectives, k + 1) {
            return true;
        }
        if !is(nouns, k - 1) {
            return false;
        }
        let mut j = k + 1;
        while is(adjectives, j) {
            j += 1;
        }
        is(nouns, j)
    }

    /// Does an actor or a verb root of the sentence carry TABARI's `###` or `+++` code?
    fn special_codes(&self, toks: &[Token], day: Option<Date>) -> bool {
        let special = |c: &str| matches!(c, "###" | "+++");
        let hits = self.verb_hits(toks);
        if hits
            .iter()
            .any(|&(_, _, vi)| self.d.verbs.verbs[vi].code.as_deref().is_some_and(special))
        {
            return true;
        }
        let verb_at = verb_mask(&hits, toks.len());
        self.units(toks, day, &verb_at)
            .iter()
            .any(|u| u.actors.iter().any(|c| special(c)))
    }

    /// TABARI leaves comma-delimited phrases of the lengths `comma` sets out of coding
    /// (nonrestrictive clauses: "Gollum, centre of a row between Radagast and Gondor, called
    /// on ..."). Phrases are counted between neighbouring commas, from the start to the first
    /// comma and from the last comma to the end; commas inside a compound actor don't count.
    fn without_comma_phrases(&self, toks: &[Token], day: Option<Date>, comma: &Comma) -> Vec<Token> {
        if !comma.on || !toks.iter().any(|t| t.text == ",") {
            return toks.to_vec();
        }
        let hits = self.verb_hits(toks);
        let verb_at = verb_mask(&hits, toks.len());
        let units = self.units(toks, day, &verb_at);
        let commas: Vec<usize> = (0..toks.len())
            .filter(|&k| toks[k].text == "," && !units.iter().any(|u| u.start <= k && k < u.end))
            .collect();
        let (Some(&first), Some(&last)) = (commas.first(), commas.last()) else {
            return toks.to_vec();
        };
        let words = |a: usize, b: usize| {
            toks[a..b]
                .iter()
                .filter(|t| t.text != "'S" && t.text.chars().next().is_some_and(char::is_alphanumeric))
                .count()
        };
        let out_of = |n: usize, (lo, hi): (usize, usize)| n > lo && n <= hi;
        let mut drop = vec![false; toks.len()];
        if out_of(words(0, first), comma.begin) {
            drop[..=first].iter_mut().for_each(|d| *d = true);
        }
        for pair in commas.windows(2) {
            if out_of(words(pair[0] + 1, pair[1]), comma.inner) {
                drop[pair[0]..pair[1]].iter_mut().for_each(|d| *d = true);
            }
        }
        // The terminal phrase goes only when the phrase before it stayed (the validation
        // records: "Elrond, in a rage over Mordor, attacked Gandalf" keeps "attacked Gandalf").
        let ended = last == 0 || !drop[last - 1];
        if ended && out_of(words(last + 1, toks.len()), comma.end) {
            drop[last..].iter_mut().for_each(|d| *d = true);
        }
        toks.iter().zip(&drop).filter(|(_, d)| !**d).map(|(t, _)| t.clone()).collect()
    }

    fn code_tokens(&self, toks: &[Token], day: Option<Date>, defaults: &Defaults, forward: Option<&[String]>) -> Vec<Coded> {
        if self.discarded(toks) {
            return Vec::new();
        }
        let hits = self.verb_hits(toks);
        let verb_at = verb_mask(&hits, toks.len());
        let mut units = self.units(toks, day, &verb_at);
        if self.flavor == Flavor::Tabari {
            // TABARI: null-coded actors are not actors.
            units.retain(|u| u.bare_agents || u.actors.iter().any(|c| c != "---"));
        }
        // TABARI's FORWARD: a pronoun before any actor and any verb stands for the first actor
        // of the story's previous sentence.
        if let Some(codes) = forward.and_then(|f| f.first()) {
            let first_verb = hits.first().map_or(toks.len(), |h| h.0);
            let first_unit = units.first().map_or(toks.len(), |u| u.start);
            let pronoun =
                (0..first_verb.min(first_unit)).find(|&k| matches!(toks[k].text.as_str(), "HE" | "SHE" | "IT" | "THEY"));
            if let Some(k) = pronoun {
                units.insert(
                    0,
                    Unit {
                        start: k,
                        end: k + 1,
                        codes: vec![codes.clone()],
                        actors: vec![codes.clone()],
                        bare_agents: false,
                    },
                );
            }
        }
        // TABARI's pronouns: "he", "she", "it", "him" stand for the sentence's first actor,
        // "they" and "them" for its first compound (else its first actor), when it comes before.
        if self.flavor == Flavor::Tabari {
            let mut added: Vec<Unit> = Vec::new();
            for (k, t) in toks.iter().enumerate() {
                let plural = match t.text.as_str() {
                    "HE" | "SHE" | "IT" | "HIM" => false,
                    "THEY" | "THEM" => true,
                    _ => continue,
                };
                if units.iter().any(|u| u.start <= k && k < u.end) {
                    continue;
                }
                let before = || units.iter().filter(|u| u.end <= k && !u.bare_agents);
                let referent = if plural {
                    before().find(|u| u.codes.len() > 1).or_else(|| before().next())
                } else {
                    before().next()
                };
                if let Some(r) = referent {
                    added.push(Unit {
                        start: k,
                        end: k + 1,
                        codes: r.codes.clone(),
                        actors: r.actors.clone(),
                        bare_agents: false,
                    });
                }
            }
            if !added.is_empty() {
                units.extend(added);
                units.sort_by_key(|u| u.start);
            }
        }
        // Clause boundaries: `;`, `and`, `but` outside actor units.
        let in_unit = |k: usize| units.iter().any(|u| u.start <= k && k < u.end);
        let boundaries: Vec<usize> = (0..toks.len())
            .filter(|&k| matches!(toks[k].text.as_str(), ";" | "AND" | "BUT") && !in_unit(k) && !self.compound_words(toks, k))
            .collect();
        let clause_of = |k: usize| boundaries.iter().filter(|&&b| b < k).count();
        let mut coded_clause: Option<usize> = None;
        let mut weak: Option<(usize, usize)> = None;
        let mut last_source: Option<usize> = None;
        let mut out: Vec<Coded> = Vec::new();
        for &(vs, ve, vi) in &hits {
            let clause = clause_of(vs);
            if self.one_per_clause && coded_clause == Some(clause) {
                continue;
            }
            // A weak code (`023?`, TABARI's reporting verbs) gives way to a later verb of the
            // clause that codes; `weak_from` marks where its events start.
            if weak.is_some_and(|(c, _)| c != clause) {
                weak = None;
            }
            let clause_start = boundaries.iter().rev().find(|&&b| b < vs).map_or(0, |b| b + 1);
            let verb = &self.d.verbs.verbs[vi];
            let mut code: Option<String> = None;
            let mut line = verb.line;
            let mut src: Option<usize> = None;
            let mut tgt: Option<usize> = None;
            let mut compound: Option<usize> = None;
            // Actors a pattern's `^` passed over: neither source nor target.
            let mut skipped: Vec<usize> = Vec::new();
            // TABARI: a match through alternatives counts the letters actually matched; longer
            // patterns after it are tried before it is taken (its manual, 5.7.1).
            let mut taken: Option<Taken> = None;
            for &pi in self.patterns.get(verb.group).map(Vec::as_slice).unwrap_or(&[]) {
                let p = &self.d.verbs.patterns[pi];
                if let Some((_, _, _, length)) = &taken {
                    if p.letters() <= *length {
                        break;
                    }
                }
                let Some((bb, short_b)) = self.match_back(&p.before, toks, vs, p.verb_joined, &units) else {
                    continue;
                };
                let Some((ab, short_a)) = self.match_fwd(&p.after, toks, ve, toks.len(), p.after_joined, &units) else {
                    continue;
                };
                let short = short_b + short_a;
                taken = Some((pi, bb, ab, p.letters().saturating_sub(short)));
                if self.flavor != Flavor::Tabari || short == 0 {
                    break;
                }
            }
            if let Some((pi, bb, ab, _)) = taken {
                let p = &self.d.verbs.patterns[pi];
                for (k, u) in bb {
                    match p.before[k] {
                        Elem::Source(_) => src = Some(u),
                        Elem::Target(_) => tgt = Some(u),
                        Elem::Skip(_) => skipped.push(u),
                        _ => compound = Some(u),
                    }
                }
                for (k, u) in ab {
                    match p.after[k] {
                        Elem::Source(_) => src = Some(u),
                        Elem::Target(_) => tgt = Some(u),
                        Elem::Skip(_) => skipped.push(u),
                        _ => compound = Some(u),
                    }
                }
                code = Some(p.code.clone());
                line = p.line;
            }
            if code.as_deref() == Some("###") || (self.flavor == Flavor::Tabari && code.as_deref() == Some("+++")) {
                // A discard pattern: the sentence is not coded.
                return Vec::new();
            }
            let code = code
                .filter(|c| c != "+++")
                .or_else(|| verb.code.clone())
                .or_else(|| self.d.verbs.groups.get(verb.group).and_then(|g| g.code.clone()));
            let Some(mut code) = code else { continue };
            if code == "---" {
                continue;
            }
            if !self.negations.is_empty() && negated(toks, vs) {
                code = code
                    .split(':')
                    .map(|c| self.negations.get(c).map_or(c, String::as_str))
                    .collect::<Vec<_>>()
                    .join(":");
            }
            let verb_text = toks[vs..ve].iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join(" ");
            let mut pairs: Vec<(String, String)> = Vec::new();
            // A compound after the verb pairs with the subject (PETRARCH); TABARI's `%` pairs
            // the compound's members wherever it stands ("Arnor has exchanged prisoners with
            // Gondor and Osgiliath": Gondor and Osgiliath).
            let tabari_compound = self.flavor == Flavor::Tabari;
            let compound_after = !tabari_compound && compound.is_some_and(|c| units[c].start >= ve);
            let subject = if compound_after {
                self.source_for(clause_start, vs, &units, toks).or(last_source)
            } else {
                None
            };
            if let (Some(c), Some(sj)) = (compound, subject) {
                for a in &units[sj].codes {
                    for b in &units[c].codes {
                        pairs.push((a.clone(), b.clone()));
                    }
                }
            } else if let Some(c) = compound {
                let m = &units[c].codes;
                // A paired code (`044:045`) already gives both directions: TABARI takes each
                // pair of members once, in their order.
                let once = tabari_compound && code.contains(':');
                for (i, a) in m.iter().enumerate() {
                    for (j, b) in m.iter().enumerate() {
                        if a != b && (!once || i < j) {
                            pairs.push((a.clone(), b.clone()));
                        }
                    }
                }
            } else {
                let marked = src.is_some() || tgt.is_some();
                let tabari = self.flavor == Flavor::Tabari;
                // TABARI: the source is the first actor of the clause before the verb (one
                // with a code other than a target a pattern placed), not the nearest.
                let distinct = |a: usize, b: Option<usize>| b.is_none_or(|b| units[a].codes != units[b].codes);
                let first_before = |from: usize| {
                    (0..units.len())
                        .find(|&k| units[k].start >= from && units[k].end <= vs && distinct(k, tgt) && !skipped.contains(&k))
                };
                let source_from = |from: usize| {
                    if tabari {
                        first_before(from)
                    } else {
                        self.source_for(from, vs, &units, toks)
                    }
                };
                let mut src = src
                    .or_else(|| source_from(clause_start))
                    .or(last_source)
                    .or_else(|| source_from(0));
                // TABARI: with no actor before the verb, the source is the first one after it
                // (unless a default source takes that place: `DEFAULT: SOURCE [..] PRIOR`).
                let none_before = !units.iter().any(|u| u.end <= vs && !u.bare_agents);
                let none_after = !units.iter().any(|u| u.start >= ve && !u.bare_agents);
                let default_source = defaults.source.is_some() && defaults.prior && none_before;
                if self.flavor == Flavor::Tabari && src.is_none() && !default_source {
                    src = units.iter().position(|u| u.start >= ve && !u.bare_agents);
                }
                let mut tgt = tgt
                    .or_else(|| {
                        (0..units.len()).find(|&k| {
                            let u = &units[k];
                            u.start >= ve
                                && !skipped.contains(&k)
                                && Some(u.start) != src.map(|s| units[s].start)
                                && !(u.bare_agents && toks[ve..u.start].iter().any(|t| t.text == ","))
                                && (!tabari || distinct(k, src))
                        })
                    })
                    .or_else(|| {
                        // TABARI: with no actor after the verb, the first one before it with a
                        // code other than the source's.
                        tabari
                            .then(|| {
                                (0..units.len()).find(|&k| {
                                    units[k].start >= clause_start
                                        && units[k].end <= vs
                                        && !units[k].bare_agents
                                        && !skipped.contains(&k)
                                        && Some(k) != src
                                        && src.is_some()
                                        && distinct(k, src)
                                })
                            })
                            .flatten()
                    });
                if !marked && passive(toks, vs + verb.verb_at, vs) {
                    // "X was shot by Y", "X was criticized over a dispute with Y": Y acts on X.
                    let by_agent = units
                        .iter()
                        .position(|u| u.start >= ve && u.start >= 1 && toks[u.start - 1].text == "BY");
                    let agent = if self.passive_needs_by { by_agent } else { by_agent.or(tgt) };
                    if agent.is_some() {
                        tgt = src;
                        src = agent;
                    }
                }
                // Default codes where the search found no one (TABARI `DEFAULT:`).
                let default_target = defaults.target.is_some() && defaults.after && none_after;
                let src_codes: Option<Vec<String>> = match (&defaults.source, src) {
                    (Some(d), _) if default_source => Some(vec![d.clone()]),
                    (_, Some(s)) => Some(units[s].codes.clone()),
                    (Some(d), None) => Some(vec![d.clone()]),
                    (None, None) => None,
                };
                let tgt_codes: Option<Vec<String>> = match (&defaults.target, tgt) {
                    (Some(d), _) if default_target => Some(vec![d.clone()]),
                    (_, Some(t)) => Some(units[t].codes.clone()),
                    // "Bree and Arnor are to restore ties" with no target: the first of a
                    // compound source acts on the others (TABARI, when a default is in force).
                    (d, None) => match src.map(|s| &units[s].codes) {
                        Some(codes) if codes.len() > 1 && defaults.is_active() && !default_source => {
                            let (first, rest) = codes.split_first().expect("more than one code");
                            for b in rest {
                                pairs.push((first.clone(), b.clone()));
                            }
                            None
                        }
                        _ => d.as_ref().map(|d| vec![d.clone()]),
                    },
                };
                if let Some(s) = src {
                    if src_codes.is_some() && (tgt_codes.is_some() || !pairs.is_empty()) {
                        last_source = Some(s);
                    }
                }
                if let (Some(sc), Some(tc)) = (src_codes, tgt_codes) {
                    for a in &sc {
                        for b in &tc {
                            pairs.push((a.clone(), b.clone()));
                        }
                    }
                }
                if pairs.is_empty() {
                    continue;
                }
            }
            let is_weak = code.ends_with('?');
            // TABARI's markers: `?` subordinate, `!` dominant (a legacy marker read as plain).
            let code = code.trim_end_matches(['?', '!']).to_string();
            let codes: Vec<&str> = code.split(':').collect();
            let before_len = out.len();
            for (a, b) in pairs {
                // Null codes and an actor acting on itself give no event.
                if a == "---" || b == "---" || a.is_empty() || b.is_empty() || a == b {
                    continue;
                }
                let mut push = |s: &str, t: &str, c: &str| {
                    let coding = Coding {
                        source: s.to_string(),
                        target: t.to_string(),
                        code: c.to_string(),
                    };
                    if c != "---" && !out.iter().any(|o| o.coding == coding) {
                        out.push(Coded {
                            coding,
                            verb: verb_text.clone(),
                            line,
                        });
                    }
                };
                if !is_weak {
                    coded_clause = Some(clause);
                }
                push(&a, &b, codes[0]);
                if let Some(second) = codes.get(1) {
                    push(&b, &a, second);
                }
            }
            if out.len() > before_len {
                if is_weak {
                    weak = weak.or(Some((clause, before_len)));
                } else if let Some((_, from)) = weak.take() {
                    out.drain(from..before_len);
                }
            }
        }
        out
    }

    /// The actor codes of the first actor in a sentence (agents left out): what TABARI's
    /// FORWARD hands to a pronoun opening the next sentence of the story.
    pub fn first_actor(&self, toks: &[Token], day: Option<Date>) -> Option<Vec<String>> {
        let hits = self.verb_hits(toks);
        let verb_at = verb_mask(&hits, toks.len());
        self.units(toks, day, &verb_at)
            .into_iter()
            .find(|u| !u.actors.is_empty())
            .map(|u| u.actors)
    }

    fn source_for(&self, from: usize, verb_start: usize, units: &[Unit], toks: &[Token]) -> Option<usize> {
        let before: Vec<usize> = (0..units.len())
            .filter(|&k| units[k].start >= from && units[k].end <= verb_start)
            .collect();
        let after_prep = |s: usize| {
            s >= 1 && PREPOSITIONS.contains(&toks[s - 1].text.as_str())
                || s >= 2 && toks[s - 1].text == "THE" && PREPOSITIONS.contains(&toks[s - 2].text.as_str())
        };
        let subject = before.iter().rev().copied().find(|&k| !after_prep(units[k].start));
        subject.or_else(|| before.last().copied())
    }

    fn discarded(&self, toks: &[Token]) -> bool {
        if self.d.discards.is_empty() {
            return false;
        }
        self.d.discards.iter().any(|dc| {
            (0..toks.len()).any(|i| {
                i + dc.words.len() <= toks.len()
                    && dc.words.iter().enumerate().all(|(k, w)| {
                        let t = &toks[i + k].text;
                        if k + 1 == dc.words.len() && !dc.whole_last {
                            t.starts_with(w.as_str())
                        } else {
                            t == w
                        }
                    })
            })
        })
    }
}

/// Is the verb starting at `start` negated: "not", "n't" or "never" before it with only
/// auxiliaries and adverbs between ("did not clash", "won't ever clash", not "won't try to
/// clash")?
fn negated(toks: &[Token], start: usize) -> bool {
    for t in toks[..start.min(toks.len())].iter().rev().take(6) {
        let w = t.text.as_str();
        if matches!(w, "NOT" | "N'T" | "NEVER") {
            return true;
        }
        let adverb = t.tag.as_deref().map_or(
            w.ends_with("LY") || matches!(w, "EVER" | "EVEN" | "STILL" | "YET" | "ALSO" | "JUST"),
            |g| g.starts_with("RB") || g == "ADV",
        );
        let auxiliary = AUXILIARIES.contains(&w) || matches!(w, "WO" | "CA") || t.tag.as_deref() == Some("MD");
        if !adverb && !auxiliary {
            return false;
        }
    }
    false
}

/// Is the verb at `v` (its phrase starting at `start`) a passive participle: a form of
/// "be" before it with at most two adverbs between, and a participle tag (or, untagged, an
/// -ED/-EN/-WN form)?
/// A pattern that matched: its index, the units bound before and after the verb, and the
/// letters it matched.
type Taken = (usize, Vec<(usize, usize)>, Vec<(usize, usize)>, usize);

/// Letters of a phrase (TABARI's pattern lengths count letters and digits).
fn letters(p: &[Word]) -> usize {
    p.iter().map(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count()).sum()
}

/// Which of `len` tokens belong to a verb hit `(start, end, verb)`.
fn verb_mask(hits: &[(usize, usize, usize)], len: usize) -> Vec<bool> {
    let mut verb_at = vec![false; len];
    for &(s, e, _) in hits {
        for v in verb_at.iter_mut().take(e).skip(s) {
            *v = true;
        }
    }
    verb_at
}

fn passive(toks: &[Token], v: usize, start: usize) -> bool {
    let Some(t) = toks.get(v) else { return false };
    let participle = match t.tag.as_deref() {
        Some(tag) => tag == "VBN",
        None => t.text.ends_with("ED") || t.text.ends_with("EN") || t.text.ends_with("WN") || t.text == "SHOT",
    };
    if !participle {
        return false;
    }
    let mut k = start;
    for _ in 0..3 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let w = toks[k].text.as_str();
        if matches!(w, "WAS" | "WERE" | "BEEN" | "BEING" | "IS" | "ARE" | "BE" | "GET" | "GOT") {
            return true;
        }
        let adverb = toks[k]
            .tag
            .as_deref()
            .map_or(w.ends_with("LY"), |g| g.starts_with("RB") || g == "ADV");
        if !adverb {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{read, Kind};

    fn dicts(verbs: &str, actors: &str, agents: &str, flavor: Flavor) -> Dictionaries {
        let mut d = read(Kind::Verbs, flavor, verbs).0;
        d.merge(read(Kind::Actors, flavor, actors).0);
        d.merge(read(Kind::Agents, flavor, agents).0);
        d
    }

    #[track_caller]
    fn check(d: &Dictionaries, flavor: Flavor, text: &str, date: &str, expect: &[&str]) {
        // Short sentences: TABARI's minimum of 8 words is tested on its own.
        let coder = DictCoder::new(d, flavor).with_defaults(Defaults {
            min_words: 1,
            ..Defaults::default()
        });
        let day = crate::dict::parse_date(date);
        let got: Vec<String> = coder
            .code(&tokenize(text), day)
            .iter()
            .map(|c| format!("{} {} {}", c.coding.source, c.coding.target, c.coding.code))
            .collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn petrarch_style() {
        let d = dicts(
            "&TIES\n+DIPLOMATIC TIES\n--- RESTORE [060] ---\nRESTORE\n- * &TIES [064]\n--- ARRIVE [032:033] ---\nARRIVE\n--- MEET [---] ---\nMEET\n- % * [030:030]\n",
            "ARNOR [ARN]\nGONDOR [GON]\nDENETHOR\n\t[GONGOV 19500101-19990101]\n\t[GONELI]\n",
            "FOREIGN_MINISTER [~GOVFRM]\nTROOP [~MIL]\n",
            Flavor::Petrarch,
        );
        let p = Flavor::Petrarch;
        check(
            &d,
            p,
            "Arnor is about to restore full diplomatic ties with Gondor.",
            "19950101",
            &["ARN GON 064"],
        );
        check(
            &d,
            p,
            "Arnor's foreign minister arrived in Gondor.",
            "19950101",
            &["ARNGOVFRM GON 032", "GON ARNGOVFRM 033"],
        );
        check(&d, p, "Denethor restored trade with Arnor.", "19950101", &["GONGOV ARN 060"]);
        check(&d, p, "Denethor restored trade with Arnor.", "20050101", &["GONELI ARN 060"]);
        check(
            &d,
            p,
            "Gondor and Arnor met on Monday.",
            "20050101",
            &["GON ARN 030", "ARN GON 030"],
        );
        check(&d, p, "Troops of Gondor restored order.", "20050101", &[]);
        // An underscore in the text joins words as in a pattern.
        check(
            &d,
            p,
            "The Foreign_Minister of Arnor arrived in Gondor.",
            "19950101",
            &["ARNGOVFRM GON 032", "GON ARNGOVFRM 033"],
        );
        check(
            &d,
            p,
            "Troops of Gondor restored order in Arnor.",
            "20050101",
            &["GONMIL ARN 060"],
        );
        // Agents of no actor: the null actor with the agent's code.
        check(&d, p, "Troops restored trade with Arnor.", "20050101", &["---MIL ARN 060"]);
        // ... but not as a target beyond the verb's clause.
        check(&d, p, "Arnor restored trade, troops said.", "20050101", &[]);
    }

    #[test]
    fn tabari_style() {
        let d = dicts(
            "FREE [066]\n- + * FROM $  [066]\nABANDON [345]\n- * EFFORT [987]\nATTEND [031!]\n",
            "ARNOR [ARN]\nBARAD-DUR [MOR]\nITHILEN [ITH]\n",
            "MILITIA_ [~MIL]\n",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        check(
            &d,
            t,
            "Ithilen's militia was freed from Barad-dur yesterday.",
            "950114",
            &["MOR ITHMIL 066"],
        );
        check(&d, t, "The militia abandoned Arnor.", "950114", &["~MIL ARN 345"]);
        check(
            &d,
            t,
            "Arnorian troops abandoned efforts against Ithilen.",
            "950114",
            &["ARN ITH 987"],
        );
        // A dominant code's `!` is a marker, not part of the code.
        check(&d, t, "Arnor attended talks in Ithilen.", "950114", &["ARN ITH 031"]);
    }

    #[test]
    fn tabari_defaults_and_forwarding() {
        let d = dicts(
            "RESTORE [064]\nASK [090]\n",
            "ARNOR [ARN]\nBREE [BRE]\nGONDOR [GON]\nFORNOST [FOR]\n",
            "PRESIDENT_ [~GOVPRS]\n",
            Flavor::Tabari,
        );
        let run = |defaults: &str, text: &str, forward: Option<&[String]>| -> Vec<String> {
            let mut def = Defaults {
                min_words: 1,
                ..Defaults::default()
            };
            def.apply(defaults).expect("a DEFAULT command");
            DictCoder::new(&d, Flavor::Tabari)
                .code_with(&tokenize(text), None, &def, forward)
                .iter()
                .map(|c| format!("{} {} {}", c.coding.source, c.coding.target, c.coding.code))
                .collect()
        };
        let all = "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER";
        // No actor before the verb: the default source (PRIOR); none after it: the default target (AFTER).
        assert_eq!(run(all, "Fxrnost restored ties with Gondor.", None), ["DEFSRC GON 064"]);
        assert_eq!(
            run(all, "Bree and Arnor restored ties with Gxndor.", None),
            ["BRE DEFTAR 064", "ARN DEFTAR 064"]
        );
        // Without PRIOR the first actor after the verb is the source; without AFTER a compound
        // source's first member acts on the others.
        assert_eq!(
            run(
                "SOURCE [DEFSRC] TARGET [DEFTAR] AFTER",
                "Fxrnost restored ties with Gondor.",
                None
            ),
            ["GON DEFTAR 064"]
        );
        assert_eq!(
            run(
                "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]",
                "Bree and Arnor restored ties with Gxndor.",
                None
            ),
            ["BRE ARN 064"]
        );
        // FORWARD: a pronoun before any actor and verb stands for the forwarded actor.
        let fornost = vec!["FOR".to_string()];
        assert_eq!(run(all, "He has also asked Gondor to help.", Some(&fornost)), ["FOR GON 090"]);
        assert_eq!(run(all, "He has also asked Gondor to help.", None), ["DEFSRC GON 090"]);
        // The forwarded code is the actor's own, without its agent.
        let coder = DictCoder::new(&d, Flavor::Tabari);
        assert_eq!(
            coder.first_actor(&tokenize("Fornost President Umbardacil asked Gondor."), None),
            Some(fornost)
        );
    }

    #[test]
    fn tabari_skip_passes_over_an_actor() {
        let d = dicts(
            "SCOLD  [160]\n- $ ^ FOR *  [164]\n- * AT ^ +  [162]\n",
            "ARNOR [ARN]\nBREE [BRE]\nGONDOR [GON]\nERIADOR [ERI]\n",
            "",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        check(&d, t, "Arnor was Gondor for Eriador scolding.", "", &["ARN ERI 164"]);
        check(&d, t, "Arnor scolded at the Gondor of Bree.", "", &["ARN BRE 162"]);
    }

    #[test]
    fn tabari_leaves_out_comma_phrases() {
        let d = dicts(
            "SCOLD  [160]\nMEET  [031]\n",
            "ARNOR [ARN]\nBREE [BRE]\nGONDOR [GON]\nERIADOR [ERI]\n",
            "ENVOY_ [~GOV]\n",
            Flavor::Tabari,
        );
        let run = |comma: Option<&str>, text: &str| -> Vec<String> {
            let mut def = Defaults::default();
            if let Some(c) = comma {
                def.comma.apply(c).expect("a COMMA command");
            }
            DictCoder::new(&d, Flavor::Tabari)
                .code_with(&tokenize(text), None, &def, None)
                .iter()
                .map(|c| format!("{} {} {}", c.coding.source, c.coding.target, c.coding.code))
                .collect()
        };
        // An inner phrase of three to ten words goes, and so does such a phrase at the end.
        let inner = "Arnor, long a quiet friend of Gondor, scolded loudly.";
        assert_eq!(run(None, inner), Vec::<String>::new());
        assert_eq!(run(Some("OFF"), inner), ["ARN GON 160"]);
        let end = "Arnor scolded people yesterday, a Bree envoy told the press.";
        assert_eq!(run(None, end), Vec::<String>::new());
        assert_eq!(run(Some("EMAX = 4"), end), ["ARN BREGOV 160"]);
        // After an inner phrase left out, the terminal phrase stays.
        assert_eq!(
            run(None, "Arnor, in a rage over Gondor, scolded Bree today."),
            ["ARN BRE 160"]
        );
        // The first phrase stays unless BMIN/BMAX say otherwise; commas of a compound don't count.
        let begin = "Arnor meets the press today, Bree scolded Eriador.";
        assert_eq!(run(Some("EMAX = 2"), begin), ["ARN BRE 031"]);
        assert_eq!(run(Some("EMAX = 2 BMIN = 2 BMAX = 8"), begin), ["BRE ERI 160"]);
        assert_eq!(
            run(None, "Arnor, Bree, Gondor and Eriador met."),
            run(Some("OFF"), "Arnor, Bree, Gondor and Eriador met.")
        );
    }

    #[test]
    fn tabari_roles_and_phrases() {
        let d = dicts(
            "SCOLD  [160]\nKILL  [223]\n- + WAS * DEAD  [224]\nPARADE  [017]\n- ANTI- + *  [111]\nTRADE  [---]\n- HAS * WITH %  [067]\nGREET  [---]\n- % *  [044:045]\n",
            "ARNOR [ARN]\nBREE [BRE]\nGONDOR [GON]\nERIADOR [ERI]\nPRINCE DOL_AMROTH [DOL]\n",
            "",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        // The source is the first actor of the clause, not the nearest to the verb.
        check(&d, t, "Arnor after talks in Bree scolded Gondor.", "", &["ARN GON 160"]);
        // No actor after the verb: the target is the first one before it with another code.
        check(&d, t, "Arnor in Bree scolded loudly.", "", &["ARN BRE 160"]);
        // No other actor before the verb: the source is the first one after it.
        check(&d, t, "Bree was killed dead in Gondor yesterday.", "", &["GON BRE 224"]);
        // A verb word after a determiner is a noun.
        check(&d, t, "Arnor ignored the scolding from Gondor.", "", &[]);
        // Words of an actor phrase written apart may have words between them.
        check(&d, t, "Arnor scolded the Prince of Dol Amroth.", "", &["ARN DOL 160"]);
        // A hyphen reads as a blank, in the text and in the patterns.
        check(&d, t, "Eriador marched in an anti-Gondor parade.", "", &["ERI GON 111"]);
        // `%` pairs the compound's members; a paired code takes each pair once.
        check(
            &d,
            t,
            "Arnor has traded prisoners with Gondor and Bree.",
            "",
            &["GON BRE 067", "BRE GON 067"],
        );
        check(
            &d,
            t,
            "Bree and Gondor greeted the crowds.",
            "",
            &["BRE GON 044", "GON BRE 045"],
        );
        // A sentence of fewer than 8 words (commas count) is a fragment, unless SET: MINIMUM
        // WORDS says otherwise.
        let short = "Arnor and Bree scolded Gondor.";
        assert!(DictCoder::new(&d, t).code(&tokenize(short), None).is_empty());
        check(&d, t, short, "", &["ARN GON 160", "BRE GON 160"]);
        // An auxiliary ends a noun phrase: "Arnor was Gondor's ..." holds two actors.
        check(
            &d,
            t,
            "Arnor was Gondor's fiercest critic and scolded Bree.",
            "",
            &["ARN BRE 160"],
        );
    }

    #[test]
    fn negated_verbs_take_the_negated_code() {
        let d = dicts(
            "--- SCOLD [110] ---\nSCOLD\n",
            "ARNOR [ARN]\nGONDOR [GON]\n",
            "",
            Flavor::Petrarch,
        );
        let negations: BTreeMap<String, String> = [("110".to_string(), "050".to_string())].into();
        let coder = DictCoder::new(&d, Flavor::Petrarch).with_negations(negations);
        let run = |text: &str| -> Vec<String> {
            coder
                .code(&tokenize(text), None)
                .iter()
                .map(|c| format!("{} {} {}", c.coding.source, c.coding.target, c.coding.code))
                .collect()
        };
        assert_eq!(run("Arnor scolded Gondor."), ["ARN GON 110"]);
        assert_eq!(run("Arnor did not scold Gondor."), ["ARN GON 050"]);
        assert_eq!(run("Arnor certainly won't ever scold Gondor."), ["ARN GON 050"]);
        // The negation belongs to another verb.
        assert_eq!(run("Arnor will not try to scold Gondor."), ["ARN GON 110"]);
    }

    #[test]
    fn comma_lists_end_with_their_and() {
        let d = dicts(
            "SCOLD  [160]\n",
            "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nROHAN [ROH]\n",
            "",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        check(
            &d,
            t,
            "Arnor scolded Gondor and Bree, Rohan.",
            "",
            &["ARN GON 160", "ARN BRE 160"],
        );
        check(
            &d,
            t,
            "Arnor scolded Gondor, Bree and Rohan.",
            "",
            &["ARN GON 160", "ARN BRE 160", "ARN ROH 160"],
        );
    }

    #[test]
    fn petrarch_actor_and_agent_of_actor_compound() {
        let d = dicts(
            "--- SCOLD [160] ---\nSCOLD\n",
            "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\n",
            "GOVERNMENT [~GOV]\n",
            Flavor::Petrarch,
        );
        let p = Flavor::Petrarch;
        check(
            &d,
            p,
            "Arnor and the government of Gondor scolded Bree.",
            "",
            &["ARN BRE 160", "GONGOV BRE 160"],
        );
        // A passive without a "by" agent: swapped by default, not when a "by" is required.
        let text = "Arnor was scolded over its feud with Gondor.";
        check(&d, p, text, "", &["GON ARN 160"]);
        let coder = DictCoder::new(&d, p).passive_needs_by(true);
        let got: Vec<String> = coder
            .code(&tokenize(text), None)
            .iter()
            .map(|c| format!("{} {} {}", c.coding.source, c.coding.target, c.coding.code))
            .collect();
        assert_eq!(got, ["ARN GON 160"]);
        // The object of a preposition such as "between" is not the subject.
        check(&d, p, "Arnor at the talks between Bree scolded Gondor.", "", &["ARN GON 160"]);
    }

    #[test]
    fn agent_joined_by_and_takes_the_phrases_modifying_agents() {
        let d = dicts(
            "--- SCOLD [160] ---\nSCOLD\n",
            "ROHAN [ROH]\nBREE [BRE]\n",
            "ELVISH [~ELF]\nPRESS [~MED]\nCOUNCIL [~GOV]\n",
            Flavor::Petrarch,
        );
        let p = Flavor::Petrarch;
        check(
            &d,
            p,
            "The Rohan elvish press and council scolded Bree.",
            "",
            &["ROHELFMED BRE 160", "ROHELFGOV BRE 160"],
        );
        check(
            &d,
            p,
            "The Rohan press and council scolded Bree.",
            "",
            &["ROHMED BRE 160", "ROHGOV BRE 160"],
        );
    }

    #[test]
    fn petrarch_compound_ends_with_its_first_and() {
        let d = dicts(
            "--- SCOLD [160] ---\nSCOLD\n",
            "ARNOR [ARN]\nBREE [BRE]\nROHAN [ROH]\nGONDOR [GON]\nITHILEN [ITH]\n",
            "",
            Flavor::Petrarch,
        );
        let p = Flavor::Petrarch;
        check(
            &d,
            p,
            "Arnor scolded Bree and Rohan, and Gondor and Ithilen.",
            "",
            &["ARN BRE 160", "ARN ROH 160"],
        );
        check(
            &d,
            p,
            "Arnor scolded Bree, Rohan and Gondor.",
            "",
            &["ARN BRE 160", "ARN ROH 160", "ARN GON 160"],
        );
    }

    #[test]
    fn petrarch_skip_passes_over_an_actor_right_there() {
        let d = dicts(
            "--- FEAST [017] ---\nFEAST\n- * IFTAR (IN ^) +  [017]\n",
            "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n",
            "",
            Flavor::Petrarch,
        );
        let p = Flavor::Petrarch;
        check(&d, p, "Arnor feasted Iftar in Osgiliath with Gondor.", "", &["ARN GON 017"]);
        check(&d, p, "Arnor feasted Iftar in the city with Gondor.", "", &["ARN GON 017"]);
    }

    #[test]
    fn tabari_agents() {
        let d = dicts(
            "SCOLD  [160]\n",
            "ARNOR [ARN]\nDAGOLATH [DAG]\nTELEMAR [DAG]\nGONDOR [GON]\nAMNESTY [NGM]\n",
            "MINISTER_ [~GOV]\nOFFICIALS_ [~GOV]\nRIGHTS_ACTIVISTS_ [NGM~]\n",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        // An agent goes with the actor right before or after it; the source is the first actor.
        check(
            &d,
            t,
            "Dagolath's first deputy minister Telemar scolded Gondor.",
            "",
            &["DAG GON 160"],
        );
        check(&d, t, "Dagolath's minister Telemar scolded Gondor.", "", &["DAGGOV GON 160"]);
        // "Former" makes the agent an elite.
        check(&d, t, "Arnor former officials scolded Gondor.", "", &["ARNELI GON 160"]);
        // An agent code the actor's code already holds is not added again.
        check(&d, t, "Rights activists Amnesty scolded Gondor.", "", &["NGM GON 160"]);
    }

    #[test]
    fn tabari_special_codes_and_nouns() {
        let d = dicts(
            "<TIME>\nBY_AND_BY [###]\nSOON [+1]\n</TIME>\nSCOLD  [160]\n- * LOUDLY  [+++]\nRACE [###]\nFEUD [+++]\n",
            "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nPIPEWEED [###]\nHOBBITS [+++]\nTROLLS [--- <950101] [TRL]\n",
            "",
            Flavor::Tabari,
        );
        assert_eq!(d.discards.len(), 1);
        let t = Flavor::Tabari;
        check(&d, t, "Arnor scolded Gondor again.", "", &["ARN GON 160"]);
        // A discard or complex code on a time phrase, an actor, a verb root or a matched
        // pattern keeps the sentence from being coded, even inside a comma phrase.
        check(&d, t, "Arnor scolded Gondor by and by.", "", &[]);
        check(&d, t, "Arnor, with pipeweed on its mind, scolded Gondor.", "", &[]);
        check(&d, t, "Arnor scolded Gondor over hobbits.", "", &[]);
        check(&d, t, "Arnor scolded Gondor and will race Bree.", "", &[]);
        check(&d, t, "Arnor scolded Gondor loudly.", "", &[]);
        // A null-coded actor is no actor.
        check(&d, t, "Arnor scolded trolls and Gondor.", "941231", &["ARN GON 160"]);
        check(
            &d,
            t,
            "Arnor scolded trolls and Gondor.",
            "950102",
            &["ARN TRL 160", "ARN GON 160"],
        );
        // A word with a capital inside the sentence is a noun, unless all is in capitals.
        let coder = DictCoder::new(&d, t).with_defaults(Defaults {
            min_words: 1,
            ..Defaults::default()
        });
        let codes = |text: &str| -> Vec<String> {
            coder
                .code(&tabari_tokens(text), None)
                .iter()
                .map(|c| format!("{} {} {}", c.coding.source, c.coding.target, c.coding.code))
                .collect()
        };
        assert_eq!(codes("Arnor ended the Scold Gondor affair."), Vec::<String>::new());
        assert_eq!(codes("Arnor scolded Gondor."), ["ARN GON 160"]);
        assert_eq!(codes("ARNOR SCOLDED GONDOR."), ["ARN GON 160"]);
    }

    #[test]
    fn tabari_compound_noun_and_adjective_phrases() {
        let d = dicts(
            "SCOLD  [160]\n",
            "<NOUN>\nSHEEP\nGOAT\n</NOUN>\n<ADJECTIVE>\nAWFUL\nEVIL\n</ADJECTIVE>\nARNOR [ARN]\nBREE [BRE]\nGONDOR [GON]\n",
            "MINISTER_ [~GOV]\n",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        // "and" between listed nouns or adjectives joins words, not clauses: the source stays
        // the sentence's first actor.
        check(
            &d,
            t,
            "Arnor's sheep and evil goats of Bree scolded Gondor.",
            "",
            &["ARN GON 160"],
        );
        check(
            &d,
            t,
            "Arnor's awful and evil minister Bree scolded Gondor.",
            "",
            &["ARN GON 160"],
        );
        // Words not in the lists: the "and" starts a clause.
        check(&d, t, "Arnor's sheep and pigs of Bree scolded Gondor.", "", &["BRE GON 160"]);
    }

    #[test]
    fn tabari_pronouns() {
        let d = dicts(
            "URGE  [102]\nASK  [090]\n",
            "ARNOR [ARN]\nGONDOR [GON]\nBREE [BRE]\nROHAN [ROH]\n",
            "",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        // "it", "he", "him": the sentence's first actor; "they", "them": its first compound.
        check(
            &d,
            t,
            "Arnor urged Bree to wait and then it asked Rohan for help.",
            "",
            &["ARN BRE 102", "ARN ROH 090"],
        );
        check(
            &d,
            t,
            "Arnor urged Bree to wait and Gondor asked him for help.",
            "",
            &["ARN BRE 102", "GON ARN 090"],
        );
        check(
            &d,
            t,
            "Arnor and Gondor urged Bree to wait and they asked Rohan for help.",
            "",
            &["ARN BRE 102", "GON BRE 102", "ARN ROH 090", "GON ROH 090"],
        );
        // With no actor before it, a pronoun stands for no one.
        check(&d, t, "It urged Bree to wait.", "", &[]);
    }

    #[test]
    fn tabari_lengths_and_alternatives() {
        let d = dicts(
            "VOW  [170]\n- * RESIST { TO THE END | UNTIL HELL FREEZES OVER }  [113]\n- * RESIST { TO THE END OF TIME | TO DEATH }  [115]\n- * RESISTANCE TO THE INVADERS  [114]\n- * RESIST  [112]\n",
            "ARNOR [ARN]\nGONDOR [GON]\n",
            "",
            Flavor::Tabari,
        );
        let t = Flavor::Tabari;
        // Longest by letters first; a match through a shorter alternative gives way to a
        // longer pattern that matches too.
        check(
            &d,
            t,
            "Arnor vowed to resist Gondor until hell freezes over.",
            "",
            &["ARN GON 113"],
        );
        check(
            &d,
            t,
            "Arnor vowed to resist Gondor to the end of time.",
            "",
            &["ARN GON 115"],
        );
        check(
            &d,
            t,
            "Arnor vowed resistance to the end to the invaders from Gondor.",
            "",
            &["ARN GON 114"],
        );
        check(&d, t, "Arnor vowed to resist Gondor to the end.", "", &["ARN GON 113"]);
    }

    #[test]
    fn tokens() {
        let t: Vec<String> = tokenize("Dagolath's (U.S.) leaders didn't say, \"no\".")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            ["DAGOLATH", "'S", "(", "U.S.", ")", "LEADERS", "DID", "N'T", "SAY", ",", "\"", "NO", "\"", "."]
        );
    }
}
