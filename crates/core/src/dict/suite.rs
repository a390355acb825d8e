//! The peers' validation suites: readers for PETRARCH's XML records (with Penn trees or
//! CoNLL-U parses), TABARI's validation text, and gold PLOVER JSONL; and the scoring of a
//! coder against them (exact match of source, target and event code).

use std::collections::BTreeMap;

use super::coder::{tabari_tokens, tokenize, Coded, Coding, DictCoder, Token};
use super::tabari::Defaults;
use super::{parse_date, Flavor, Problem};
use crate::date::Date;

/// One test record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The record's id.
    pub id: String,
    /// Its category (PETRARCH), or the id's prefix (TABARI).
    pub category: String,
    /// The sentence date.
    pub date: Option<Date>,
    /// The sentence.
    pub text: String,
    /// Tokens from the record's parse, when it has one.
    pub parsed: Option<Vec<Token>>,
    /// Expected codings (empty: no event expected).
    pub expected: Vec<Coding>,
    /// Line of the record in its file.
    pub line: usize,
    /// TABARI default source and target in force for the record (set by `OPTION` records).
    pub defaults: Defaults,
    /// TABARI's `FORWARD` is on: a pronoun opening the record may stand for the first actor of
    /// the story's previous sentence (story and sentence from the id, `STORY-NNN-SSS`).
    pub forward: bool,
    /// TABARI's `-{...}` marker is in the record's validation block: per the TABARI manual
    /// (section 10.1, "Do not check additional records") codings beyond the listed ones are not
    /// checked, so they are not counted as extras.
    pub open: bool,
}

impl Record {
    /// Story and sentence number from an id `STORY-NNN-SSS` (`FRWD-001-002` → `FRWD-001`, 2).
    fn sequence(&self) -> Option<(&str, u32)> {
        let (story, sentence) = self.id.rsplit_once('-')?;
        Some((story, sentence.parse().ok()?))
    }
}

impl Record {
    /// The tokens to code: from the parse when there is one, else from the text.
    pub fn tokens(&self) -> Vec<Token> {
        self.parsed.clone().unwrap_or_else(|| tokenize(&self.text))
    }
}

/// A suite: its records and the files its header names (`Verbfile` → name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suite {
    /// Records to score.
    pub records: Vec<Record>,
    /// Records left out, with why (`error` tests, `evaluate="false"`, categories not included).
    pub skipped: Vec<(String, String)>,
    /// Environment entries (`Verbfile`, `Actorfile`, `Agentfile`, `Discardfile`, ...).
    pub environment: BTreeMap<String, String>,
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

/// Attribute `name="value"` (or single quotes) inside a tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before_ok = i == 0 || rest[..i].ends_with(|c: char| c.is_whitespace());
        let after = rest[i + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = v[1..].find(q)?;
                    return Some(v[1..1 + end].to_string());
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

fn blank_xml_comments(text: &str) -> String {
    // Keep byte offsets (and so line numbers): replace comment characters with spaces.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("-->").map(|j| i + j + 3).unwrap_or(rest.len());
        for c in rest[i..end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn element<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let s = body.find(&open)? + open.len();
    let e = body[s..].find(&close)? + s;
    Some(&body[s..e])
}

/// Tokens of a Penn tree `(ROOT (S (NP (NNP Arnor)) ...))`: the leaves with their tags.
pub fn penn_tokens(tree: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let b = tree.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            // `(TAG word)` with no parenthesis inside.
            let rest = &tree[i + 1..];
            if let Some(close) = rest.find(')') {
                let inner = &rest[..close];
                if !inner.contains('(') {
                    let mut parts = inner.split_whitespace();
                    if let (Some(tag), Some(word)) = (parts.next(), parts.next()) {
                        out.push(Token {
                            text: word.to_uppercase(),
                            tag: Some(tag.to_string()),
                        });
                    }
                    i += close + 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Tokens of a CoNLL-U block (form and XPOS, else UPOS); multiword ranges skipped.
pub fn conllu_tokens(block: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for line in block.lines() {
        let f: Vec<&str> = line.trim().split('\t').collect();
        if f.len() < 5 || f[0].contains(['-', '.']) || f[0].parse::<usize>().is_err() {
            continue;
        }
        let tag = if f[4] != "_" { f[4] } else { f[3] };
        out.push(Token {
            text: f[1].to_uppercase(),
            tag: Some(tag.to_string()),
        });
    }
    out
}

/// Read PETRARCH validation XML (`PETR.UnitTest.records.xml`, UniversalPETRARCH's
/// `PETR_Validate_records_*.xml`). Records whose codings are `error` tests, marked
/// `evaluate="false"`, or outside the `<Include>` categories are listed as skipped.
pub fn parse_petrarch_xml(text: &str) -> (Suite, Vec<Problem>) {
    let clean = blank_xml_comments(text);
    let mut suite = Suite::default();
    let mut problems = Vec::new();
    if let Some(env) = element(&clean, "Environment") {
        for key in [
            "Verbfile",
            "Actorfile",
            "Agentfile",
            "Discardfile",
            "Issuefile",
            "PICOfile",
            "Include",
        ] {
            if let Some(v) = element(env, key) {
                suite.environment.insert(key.to_string(), v.trim().to_string());
            }
        }
    }
    let include: Option<Vec<String>> = suite
        .environment
        .get("Include")
        .map(|s| s.split_whitespace().map(str::to_uppercase).collect());
    let mut rest = 0usize;
    while let Some(i) = clean[rest..].find("<Sentence ") {
        let start = rest + i;
        let line = line_of(&clean, start);
        let Some(tag_end) = clean[start..].find('>').map(|j| start + j) else {
            problems.push(Problem::new(line, "`<Sentence` without `>`"));
            break;
        };
        let Some(end) = clean[tag_end..].find("</Sentence>").map(|j| tag_end + j) else {
            problems.push(Problem::new(line, "`<Sentence>` without `</Sentence>`"));
            break;
        };
        rest = end + "</Sentence>".len();
        let tag = &clean[start..tag_end];
        let body = &clean[tag_end + 1..end];
        let id = attr(tag, "id").unwrap_or_else(|| format!("line-{line}"));
        let category = attr(tag, "category").unwrap_or_default();
        let date = attr(tag, "date").and_then(|d| parse_date(&d));
        if date.is_none() {
            problems.push(Problem::new(line, format!("{id}: no readable `date`")));
        }
        let Some(text) = element(body, "Text") else {
            problems.push(Problem::new(line, format!("{id}: no <Text>")));
            continue;
        };
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let parsed = element(body, "Parse").map(|p| if p.contains('\t') { conllu_tokens(p) } else { penn_tokens(p) });
        let mut expected = Vec::new();
        let mut error_test = false;
        let mut bad = false;
        let mut at = 0;
        while let Some(j) = body[at..].find("<EventCoding") {
            let s = at + j;
            let e = body[s..].find('>').map(|k| s + k).unwrap_or(body.len());
            let t = &body[s..e];
            at = e;
            if attr(t, "error").is_some() {
                error_test = true;
                continue;
            }
            if t.contains("noevents") {
                continue;
            }
            match (attr(t, "sourcecode"), attr(t, "targetcode"), attr(t, "eventcode")) {
                (Some(source), Some(target), Some(code)) => expected.push(Coding { source, target, code }),
                _ => {
                    bad = true;
                    problems.push(Problem::new(
                        line_of(&clean, tag_end + 1 + s),
                        format!("{id}: <EventCoding> without source, target or event code"),
                    ));
                }
            }
        }
        let skip = if error_test {
            Some("an error test (no coding expected to be checked)")
        } else if attr(tag, "evaluate").is_some_and(|v| v.eq_ignore_ascii_case("false")) {
            Some("evaluate=\"false\"")
        } else if include
            .as_ref()
            .is_some_and(|inc| !category.is_empty() && !inc.contains(&category.to_uppercase()))
        {
            Some("category not in <Include>")
        } else if bad {
            Some("malformed <EventCoding>")
        } else {
            None
        };
        if let Some(why) = skip {
            suite.skipped.push((id, why.to_string()));
            continue;
        }
        suite.records.push(Record {
            id,
            category,
            date,
            text,
            parsed: parsed.filter(|t| !t.is_empty()),
            expected,
            line,
            defaults: Defaults::default(),
            forward: false,
            open: false,
        });
    }
    (suite, problems)
}

/// Read TABARI's validation text (`YYMMDD ID` header, sentence, `/* ... { SRC / TGT / CODE } ... */`).
/// Records up to the one that says "end of the standard validation records"; option-setting
/// records and comment-only records (`{+++}`) are listed as skipped.
pub fn parse_tabari_text(text: &str) -> (Suite, Vec<Problem>) {
    let mut suite = Suite::default();
    let mut problems = Vec::new();
    // `{ OPTION: DEFAULT: ... }` in a record's comment holds for the records after it.
    let mut defaults = Defaults::default();
    let mut forward = false;
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim_end();
        let mut parts = l.split_whitespace();
        let header = match (parts.next(), parts.next()) {
            (Some(d), Some(id)) if d.len() == 6 && d.bytes().all(|b| b.is_ascii_digit()) && !l.starts_with(' ') => Some((d, id)),
            _ => None,
        };
        let Some((d, id)) = header else {
            i += 1;
            continue;
        };
        let line = i + 1;
        let date = parse_date(d);
        // Sentence lines up to `/*`, then the comment up to `*/`.
        let mut sentence = String::new();
        let mut comment = String::new();
        let mut in_comment = false;
        i += 1;
        while i < lines.len() {
            let t = lines[i];
            if !in_comment {
                if let Some(k) = t.find("/*") {
                    sentence.push_str(&t[..k]);
                    sentence.push(' ');
                    in_comment = true;
                    let c = &t[k + 2..];
                    if let Some(e) = c.find("*/") {
                        comment.push_str(&c[..e]);
                        i += 1;
                        break;
                    }
                    comment.push_str(c);
                    comment.push('\n');
                } else if t.trim().is_empty() && sentence.trim().is_empty() {
                    // blank lines before the sentence
                } else if t.trim().is_empty() {
                    break;
                } else {
                    sentence.push_str(t);
                    sentence.push(' ');
                }
            } else if let Some(e) = t.find("*/") {
                comment.push_str(&t[..e]);
                i += 1;
                break;
            } else {
                comment.push_str(t);
                comment.push('\n');
            }
            i += 1;
        }
        let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        if sentence
            .to_lowercase()
            .starts_with("this is the end of the standard validation records")
        {
            break;
        }
        let mut expected = Vec::new();
        let mut special = false;
        let mut option = false;
        let mut open = false;
        let c = comment.as_str();
        let mut at = 0;
        while let Some(j) = c[at..].find('{') {
            let s = at + j;
            // An option record's `{ OPTION: ...` may run to the end of the comment unclosed.
            let e = match c[s..].find('}') {
                Some(k) => s + k,
                None if c[s + 1..].trim_start().starts_with("OPTION") => c.len(),
                None => {
                    problems.push(Problem::new(line, format!("{id}: `{{` without `}}` in the expected codings")));
                    break;
                }
            };
            at = (e + 1).min(c.len());
            let negated = c[..s].ends_with('-');
            open |= negated;
            let inner = c[s + 1..e].trim();
            if let Some(command) = inner.strip_prefix("OPTION") {
                option = true;
                let command = command.trim_start().trim_start_matches(':').trim();
                if let Some((name, args)) = command.split_once(':') {
                    if name.trim().eq_ignore_ascii_case("DEFAULT") {
                        if let Err(e) = defaults.apply(args) {
                            problems.push(Problem::new(line, format!("{id}: {e}")));
                        }
                    } else if name.trim().eq_ignore_ascii_case("SET") {
                        if let Err(e) = defaults.apply_set(args) {
                            problems.push(Problem::new(line, format!("{id}: {e}")));
                        }
                    } else if name.trim().eq_ignore_ascii_case("COMMA") {
                        if let Err(e) = defaults.comma.apply(args) {
                            problems.push(Problem::new(line, format!("{id}: {e}")));
                        }
                    } else if name.trim().eq_ignore_ascii_case("FORWARD") {
                        forward = !args.split_whitespace().any(|w| w.eq_ignore_ascii_case("OFF"));
                    }
                }
                continue;
            }
            if matches!(inner, "+++" | "---" | "###") {
                special = inner == "+++";
                continue;
            }
            let f: Vec<&str> = inner.split('/').map(str::trim).collect();
            if f.len() != 3 || f.iter().any(|x| x.is_empty()) {
                continue; // prose in braces
            }
            if negated {
                continue;
            }
            expected.push(Coding {
                source: f[0].to_string(),
                target: f[1].to_string(),
                code: f[2].to_string(),
            });
        }
        let category = id.split('-').next().unwrap_or(id).to_string();
        if option {
            suite.skipped.push((id.to_string(), "sets options".into()));
            continue;
        }
        if special && expected.is_empty() {
            suite.skipped.push((id.to_string(), "comment record ({+++})".into()));
            continue;
        }
        if sentence.is_empty() {
            problems.push(Problem::new(line, format!("{id}: no sentence")));
            continue;
        }
        suite.records.push(Record {
            id: id.to_string(),
            category,
            date,
            text: sentence,
            parsed: None,
            expected,
            line,
            defaults: defaults.clone(),
            forward,
            open,
        });
    }
    (suite, problems)
}

/// Read gold events in PLOVER JSONL (one event per line: `text`, `date` or `report_date`,
/// `actor`/`recipient` entity lists with `code` and optional `sector`, `cameo`). Lines with
/// the same `doc_id` and `text` form one record; a line with empty `cameo` and no actor
/// declares a sentence with no event.
#[cfg(feature = "serde")]
pub fn parse_plover_gold(text: &str) -> (Suite, Vec<Problem>) {
    let mut suite = Suite::default();
    let mut problems = Vec::new();
    let mut index: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(raw) {
            Ok(v) => v,
            Err(e) => {
                problems.push(Problem::new(line, format!("not JSON: {e}")));
                continue;
            }
        };
        let Some(sentence) = v.get("text").and_then(|t| t.as_str()) else {
            problems.push(Problem::new(line, "no `text`"));
            continue;
        };
        let doc = v.get("doc_id").and_then(|t| t.as_str()).unwrap_or("").to_string();
        let date = ["date", "report_date"].iter().find_map(|k| {
            v.get(*k)
                .and_then(|d| d.as_str())
                .and_then(|d| Date::parse(d).or_else(|| parse_date(d)))
        });
        let code_of = |key: &str| -> Option<String> {
            let e = v.get(key)?;
            let e = if let Some(a) = e.as_array() { a.first()? } else { e };
            let code = e.get("code").and_then(|c| c.as_str()).unwrap_or("");
            let sector = e.get("sector").and_then(|c| c.as_str()).unwrap_or("");
            let full = format!("{code}{sector}");
            (!full.is_empty()).then_some(full)
        };
        let key = (doc.clone(), sentence.to_string());
        let k = *index.entry(key).or_insert_with(|| {
            suite.records.push(Record {
                id: if doc.is_empty() {
                    format!("line-{line}")
                } else {
                    format!("{doc}:{line}")
                },
                category: String::new(),
                date,
                text: sentence.to_string(),
                parsed: None,
                expected: Vec::new(),
                line,
                defaults: Defaults::default(),
                forward: false,
                open: false,
            });
            suite.records.len() - 1
        });
        let cameo = v.get("cameo").and_then(|c| c.as_str()).unwrap_or("");
        match (code_of("actor"), code_of("recipient"), cameo) {
            (_, _, "") => {}
            (Some(source), Some(target), code) => suite.records[k].expected.push(Coding {
                source,
                target,
                code: code.to_string(),
            }),
            _ => problems.push(Problem::new(line, "an event needs an actor and a recipient with a `code`")),
        }
    }
    (suite, problems)
}

/// One record's outcome.
#[derive(Clone, Debug)]
pub struct RecordResult {
    /// The record's id.
    pub id: String,
    /// The sentence.
    pub text: String,
    /// What was expected.
    pub expected: Vec<Coding>,
    /// What came out.
    pub produced: Vec<Coded>,
    /// Expected codings produced exactly.
    pub matched: usize,
    /// Produced codings beyond the expected ones count as extras (false for a TABARI record
    /// with `-{...}`).
    pub extras_checked: bool,
}

/// A suite's score.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Records coded.
    pub records: usize,
    /// Expected codings.
    pub expected: usize,
    /// Expected codings produced exactly (source, target and code).
    pub matched: usize,
    /// Codings produced.
    pub produced: usize,
    /// Produced codings that match no expected one.
    pub extra: usize,
    /// Per CAMEO root (first two characters of the expected code): (expected, matched).
    pub by_root: BTreeMap<String, (usize, usize)>,
    /// Per record.
    pub results: Vec<RecordResult>,
}

impl Score {
    /// Exact-match recall in percent.
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            return 0.0;
        }
        100.0 * self.matched as f64 / self.expected as f64
    }
    /// Extra codings as a percentage of the expected ones.
    pub fn extra_rate(&self) -> f64 {
        if self.expected == 0 {
            return 0.0;
        }
        100.0 * self.extra as f64 / self.expected as f64
    }
}

/// Code every record and score it.
pub fn score(suite: &Suite, coder: &DictCoder<'_>) -> Score {
    let mut s = Score::default();
    // The first actor of the previous record, by story and sentence, for TABARI's FORWARD.
    let mut previous: Option<(String, u32, Vec<String>)> = None;
    for r in &suite.records {
        let toks = match (&r.parsed, coder.flavor()) {
            (None, Flavor::Tabari) => tabari_tokens(&r.text),
            _ => r.tokens(),
        };
        let forward = match (r.forward, r.sequence(), &previous) {
            (true, Some((story, n)), Some((ps, pn, codes))) if story == ps && n == pn + 1 => Some(codes.as_slice()),
            _ => None,
        };
        let produced = coder.code_with(&toks, r.date, &r.defaults, forward);
        previous = match (r.forward, r.sequence()) {
            (true, Some((story, n))) => coder.first_actor(&toks, r.date).map(|c| (story.to_string(), n, c)),
            _ => None,
        };
        let mut left: Vec<Option<&Coding>> = produced.iter().map(|c| Some(&c.coding)).collect();
        let mut matched = 0;
        for e in &r.expected {
            let root: String = e.code.chars().take(2).collect();
            let slot = s.by_root.entry(root).or_default();
            slot.0 += 1;
            if let Some(k) = left.iter().position(|c| *c == Some(e)) {
                left[k] = None;
                matched += 1;
                slot.1 += 1;
            }
        }
        s.records += 1;
        s.expected += r.expected.len();
        s.matched += matched;
        s.produced += produced.len();
        if !r.open {
            s.extra += left.iter().filter(|c| c.is_some()).count();
        }
        s.results.push(RecordResult {
            id: r.id.clone(),
            text: r.text.clone(),
            expected: r.expected.clone(),
            produced,
            matched,
            extras_checked: !r.open,
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petrarch_xml() {
        let xml = "<Environment><Verbfile>V.txt</Verbfile><Include>DEMO</Include></Environment>\n<!-- <Sentence id=\"X\"> -->\n<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\">\n<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n<Text>\nArnor restored ties\nwith Gondor.\n</Text>\n<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))</Parse>\n</Sentence>\n<Sentence date=\"19950101\" id=\"OTHER-1\" category=\"OTHER\"><Text>x</Text></Sentence>\n<Sentence date=\"19950101\" id=\"DEMO-2\" category=\"DEMO\"><EventCoding error=\"x\"/><Text>x</Text></Sentence>\n<Sentence date=\"1995\" id=\"DEMO-3\" category=\"DEMO\"><EventCoding sourcecode=\"A\"/><Text>x</Text></Sentence>";
        let (s, p) = parse_petrarch_xml(xml);
        assert_eq!(s.environment["Verbfile"], "V.txt");
        assert_eq!(s.records.len(), 1);
        let r = &s.records[0];
        assert_eq!(
            (r.id.as_str(), r.line, r.text.as_str()),
            ("DEMO-00", 3, "Arnor restored ties with Gondor.")
        );
        let toks = r.tokens();
        assert_eq!(toks.len(), 6);
        assert_eq!(toks[1].tag.as_deref(), Some("VBD"));
        assert_eq!(s.skipped.len(), 3);
        let msgs: Vec<String> = p.iter().map(|p| format!("{}: {}", p.line, p.message)).collect();
        assert_eq!(
            msgs,
            [
                "13: DEMO-3: no readable `date`",
                "13: DEMO-3: <EventCoding> without source, target or event code"
            ]
        );
    }

    #[test]
    fn tabari_text() {
        let t = "000101  START-00\nComment record\n/*\\n{+++}  */\n\n950103  DEMO-04\nDagolath's minister left for\nGondor.\n/*\\n[Paired]\n\\n{ DAG / GON / 032 } 950103\n\\n-{ GON / DAG / 099 }\n\\n{ GON / DAG / 033 } 950103   */\n\n950101 OPT-1\nx\n/* { OPTION: SET: X } */\n950101  END-1\nThis is the end of the standard validation records\n/* */\n950101  AFTER-1\nnot read\n/* { A / B / 010 } */\n";
        let (s, p) = parse_tabari_text(t);
        assert!(p.is_empty());
        assert_eq!(s.records.len(), 1);
        let r = &s.records[0];
        assert_eq!(r.text, "Dagolath's minister left for Gondor.");
        assert_eq!(r.expected.len(), 2);
        assert_eq!(r.expected[1].code, "033");
        assert_eq!(s.skipped.len(), 2);
    }

    #[test]
    fn tabari_option_records_set_defaults_and_forwarding_for_the_records_after_them() {
        let t = "950101 DEFAULT-CMD\nx\n/* { OPTION: DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER }\n{ OPTION: FORWARD: ^^*****NNN*SSS } */\n\n950101 D-001-001\nFxrnost restored ties.\n/* { DEFSRC / DEFTAR / 064 } */\n\n950101 OFF-1\nx\n/* { OPTION: DEFAULT: OFF } { OPTION: FORWARD: ^^*****NNN*SSS OFF } { OPTION: DEFAULT: SOURCE } */\n\n950101 D-001-002\nFornost restored ties.\n/* { FOR / GON / 064 } */\n";
        let (s, p) = parse_tabari_text(t);
        assert_eq!(s.records.len(), 2);
        let (a, b) = (&s.records[0], &s.records[1]);
        // An option may run unclosed to the end of its comment.
        let (m, mp) = parse_tabari_text(
            "950101 MIN-1\nx\n/* { OPTION: SET: MINIMUM WORDS = 4  */\n\n950101 R-1\nArnor left.\n/* {---} */\n",
        );
        assert!(mp.is_empty());
        assert_eq!(m.records[0].defaults.min_words, 4);
        assert_eq!(
            (a.defaults.source.as_deref(), a.defaults.prior, a.forward),
            (Some("DEFSRC"), true, true)
        );
        assert_eq!(a.sequence(), Some(("D-001", 1)));
        assert_eq!((b.defaults.is_active(), b.forward), (false, false));
        let msgs: Vec<String> = p.iter().map(|p| format!("{}: {}", p.line, p.message)).collect();
        assert_eq!(msgs, ["10: OFF-1: `DEFAULT: SOURCE`: SOURCE needs a code in brackets"]);
    }

    #[test]
    fn tabari_open_records_do_not_count_unlisted_codings_as_extras() {
        use crate::dict::{read, Flavor, Kind};
        let mut d = read(Kind::Verbs, Flavor::Tabari, "PRAISE [051]\n").0;
        d.merge(read(Kind::Actors, Flavor::Tabari, "ARNOR [ARN]\nBREE [BRE]\nROHAN [ROH]\n").0);
        // Three records, each coding ARN/ROH and BRE/ROH: one lists only the first under a
        // `-{...}` marker, one has only a disabled coding, one lists only the first.
        let t = "950101  OPEN-1\nArnor and Bree praised Rohan on Monday in a long statement.\n/* { ARN / ROH / 051 }\n-{ --- / --- / 000 } */\n\n950101  OPEN-2\nArnor and Bree praised Rohan on Monday in a long statement.\n/* -{ ARN / ROH / 099 } */\n\n950101  SHUT-1\nArnor and Bree praised Rohan on Monday in a long statement.\n/* { ARN / ROH / 051 } */\n";
        let (suite, p) = parse_tabari_text(t);
        assert!(p.is_empty());
        let open: Vec<(usize, bool)> = suite.records.iter().map(|r| (r.expected.len(), r.open)).collect();
        assert_eq!(open, [(1, true), (0, true), (1, false)]);
        let s = score(&suite, &DictCoder::new(&d, Flavor::Tabari));
        assert_eq!((s.expected, s.matched, s.produced, s.extra), (2, 2, 6, 1));
        assert_eq!(
            s.results.iter().map(|r| r.extras_checked).collect::<Vec<_>>(),
            [false, false, true]
        );
    }

    #[test]
    fn conllu() {
        let t = conllu_tokens("1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].tag.as_deref(), Some("VBP"));
    }
}
