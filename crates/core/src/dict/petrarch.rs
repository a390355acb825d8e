//! Readers for the PETRARCH2 dictionary formats: verbs (synsets, `--- BLOCK [code] ---`
//! groups, verbs with irregular forms, patterns, transformations), actors (primary phrase,
//! `+` synonyms, tab-indented dated codes), agents (with plurals and `!MARKER!`
//! substitutions), discards and issues. The agents and discards readers also read the
//! TABARI files of the same kind.

use std::collections::BTreeMap;

use super::{
    add_pattern_line, parse_dated_code, phrase, plural, split_code, strip_comment, Actor, Agent, Discard, Flavor, Issue, Phrase,
    Problem, Verb, VerbDict, VerbGroup,
};
use crate::knowledge::inflect;

/// Lines with their 1-based numbers, with `<!-- ... -->` comments (possibly spanning lines)
/// blanked out.
pub(crate) fn lines_without_xml_comments(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(j) => {
                        rest = &rest[j + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(j) => {
                        line.push_str(&rest[..j]);
                        rest = &rest[j + 4..];
                        in_comment = true;
                    }
                    None => {
                        line.push_str(rest);
                        break;
                    }
                }
            }
        }
        out.push((i + 1, line));
    }
    out
}

/// Read a PETRARCH2 verbs file.
pub fn parse_verbs(text: &str) -> (VerbDict, Vec<Problem>) {
    let mut d = VerbDict::default();
    let mut problems = Vec::new();
    // Synset being read: (name, no plurals).
    let mut synset: Option<(String, bool)> = None;
    let mut group: Option<usize> = None;
    for (n, raw) in lines_without_xml_comments(text) {
        let line = strip_comment(&raw, Flavor::Petrarch);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(rest) = t.strip_prefix("---") {
            synset = None;
            let inner = rest.trim_end().strip_suffix("---").unwrap_or(rest);
            let (name, code, _) = split_code(inner);
            let name = name.trim().trim_end_matches('_').to_uppercase();
            if name.is_empty() {
                problems.push(Problem::new(n, "verb block header without a name"));
            }
            d.groups.push(VerbGroup {
                name,
                code: code.map(|c| c.trim().to_string()).filter(|c| !c.is_empty()),
                line: n,
            });
            group = Some(d.groups.len() - 1);
            continue;
        }
        if let Some(name) = t.strip_prefix('&') {
            let name = name.trim();
            if name.is_empty() || name.contains(char::is_whitespace) {
                problems.push(Problem::new(n, format!("bad synset label `&{name}`")));
                synset = None;
                continue;
            }
            let no_plural = name.ends_with('_');
            let key = name.trim_end_matches('_').to_uppercase();
            if d.synsets.contains_key(&key) {
                problems.push(Problem::new(n, format!("synset `&{key}` defined twice")));
            }
            d.synsets.insert(key.clone(), Vec::new());
            synset = Some((key, no_plural));
            continue;
        }
        if let (Some(member), Some((key, no_plural))) = (t.strip_prefix('+'), &synset) {
            let member = member.trim();
            if member.is_empty() {
                problems.push(Problem::new(n, "empty synset member `+`"));
                continue;
            }
            let no_pl = *no_plural || member.ends_with('_');
            let mut phrases: Vec<Phrase> = vec![phrase(member, Flavor::Petrarch)];
            if !no_pl && !member.contains('&') {
                let mut p = phrases[0].clone();
                if let Some(last) = p.last_mut() {
                    last.text = plural(&last.text);
                    phrases.push(p);
                }
            }
            d.synsets.entry(key.clone()).or_default().extend(phrases);
            continue;
        }
        synset = None;
        if let Some(rest) = t.strip_prefix('~') {
            if !rest.contains('=') {
                problems.push(Problem::new(n, "transformation without `=`"));
            }
            d.transformations.push((t.to_string(), n));
            continue;
        }
        let Some(g) = group else {
            problems.push(Problem::new(n, format!("`{t}` before any `--- VERB [code] ---` block")));
            continue;
        };
        if let Some(rest) = t.strip_prefix('-') {
            add_pattern_line(
                &mut d,
                g,
                rest,
                n,
                Flavor::Petrarch,
                &mut problems,
                "used before it is defined",
            );
            continue;
        }
        match parse_verb_line(t, g, n, Flavor::Petrarch) {
            Ok(v) => d.verbs.push(v),
            Err(e) => problems.push(Problem::new(n, e)),
        }
    }
    (d, problems)
}

pub(crate) fn undefined_synset(
    before: &[super::Elem],
    after: &[super::Elem],
    synsets: &BTreeMap<String, Vec<Phrase>>,
) -> Option<String> {
    before.iter().chain(after).find_map(|e| match e {
        super::Elem::Synset(s, _) if !synsets.contains_key(s) => Some(s.clone()),
        _ => None,
    })
}

/// A verb line: `VERB`, `VERB {IRREGULAR FORMS}`, `+MULTI_WORD [code]`, `WIRE_+TAP {...}`.
pub(crate) fn parse_verb_line(t: &str, group: usize, n: usize, flavor: Flavor) -> Result<Verb, String> {
    let (head, code, after_code) = split_code(t);
    let code = code.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    let (head, braces) = match head.find('{') {
        Some(i) => {
            let close = head[i..].find('}').ok_or("`{` without `}` in the verb's forms")?;
            (&head[..i], Some(&head[i + 1..i + close]))
        }
        None => match after_code.find('{') {
            Some(i) => {
                let close = after_code[i..].find('}').ok_or("`{` without `}` in the verb's forms")?;
                (head, Some(&after_code[i + 1..i + close]))
            }
            None => (head, None),
        },
    };
    let head = head.trim();
    // TABARI `BAN=`: the word itself, without the regular endings (manual, 5.2.3).
    let bare = head.ends_with('=');
    let head = head.strip_suffix('=').unwrap_or(head).trim();
    if head.is_empty() {
        return Err("verb line without a verb".into());
    }
    if head.contains(['(', ')', '*', '$', '%', '^']) {
        return Err(format!("`{head}` is not a verb (a pattern line starts with `-`)"));
    }
    let (words, verb_at) = verb_words(head)?;
    let mut forms: Vec<Vec<String>> = vec![words.clone()];
    match braces {
        Some(list) => {
            for f in list.split_whitespace() {
                let (fw, _) = verb_words(f.trim_end_matches('_'))?;
                forms.push(fw);
            }
        }
        None if flavor == Flavor::Petrarch => {
            let base = words[verb_at].to_lowercase();
            for f in inflect::forms(&base) {
                let mut w = words.clone();
                w[verb_at] = f.to_uppercase();
                if !forms.contains(&w) {
                    forms.push(w);
                }
            }
        }
        None if bare => {}
        None => {
            // TABARI: the regular endings (-S, -ES, -ED, -D, -EN, -ING; a final E dropped
            // before -ED/-ING/-EN).
            let base = words[verb_at].trim_end_matches('_').to_string();
            let stem = base.strip_suffix('E').unwrap_or(&base).to_string();
            let mut endings: Vec<String> = ["S", "ES"].iter().map(|e| format!("{base}{e}")).collect();
            endings.extend(["ED", "EN", "ING"].iter().map(|e| format!("{stem}{e}")));
            endings.push(format!("{base}D"));
            for f in endings {
                let mut w = words.clone();
                w[verb_at] = f;
                if !forms.contains(&w) {
                    forms.push(w);
                }
            }
        }
    }
    Ok(Verb {
        group,
        text: head.to_string(),
        forms,
        verb_at,
        code,
        stem: flavor == Flavor::Tabari && !head.ends_with('_') && !bare,
        line: n,
    })
}

/// Words of a verb phrase and the index of the verb (`+`-marked, else the first).
fn verb_words(s: &str) -> Result<(Vec<String>, usize), String> {
    let mut words = Vec::new();
    let mut at = None;
    for w in s.split(['_', ' ', '\t']).filter(|w| !w.is_empty()) {
        let (w, marked) = match w.strip_prefix('+') {
            Some(r) => (r, true),
            None => (w, false),
        };
        if w.is_empty() {
            return Err("`+` without a word".into());
        }
        if marked {
            at = Some(words.len());
        }
        words.push(w.to_uppercase());
    }
    if words.is_empty() {
        return Err("verb line without a verb".into());
    }
    Ok((words, at.unwrap_or(0)))
}

/// Read a PETRARCH2 actors file. (Agents are never in it; the second value is kept empty so
/// both formats have one signature.)
pub fn parse_actors(text: &str) -> (Vec<Actor>, Vec<Agent>, Vec<Problem>) {
    let mut actors: Vec<Actor> = Vec::new();
    let mut problems = Vec::new();
    // Whether the current actor may still take synonyms (no dated code seen yet).
    let mut open = false;
    for (n, raw) in lines_without_xml_comments(text) {
        let line = strip_comment(&raw, Flavor::Petrarch);
        let line = line.split(';').next().unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if t.starts_with('[') {
            // Date restriction of the current actor.
            let Some(a) = actors.last_mut() else {
                problems.push(Problem::new(n, "code restriction before any actor"));
                continue;
            };
            let mut rest = t;
            while let Some(s) = rest.find('[') {
                let Some(e) = rest[s..].find(']') else {
                    problems.push(Problem::new(n, "`[` without `]`"));
                    break;
                };
                match parse_dated_code(&rest[s + 1..s + e], n) {
                    Ok(c) => a.codes.push(c),
                    Err(m) => problems.push(Problem::new(n, m)),
                }
                rest = &rest[s + e + 1..];
            }
            open = false;
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            let Some(a) = actors.last_mut() else {
                problems.push(Problem::new(n, "synonym `+` before any actor"));
                continue;
            };
            if !open {
                problems.push(Problem::new(n, "synonym after the actor's date restrictions"));
            }
            let (p, code, _) = split_code(syn);
            let p = phrase(p, Flavor::Petrarch);
            if p.is_empty() {
                problems.push(Problem::new(n, "empty synonym"));
                continue;
            }
            if let Some(c) = code {
                match parse_dated_code(c, n) {
                    Ok(c) => a.codes.push(c),
                    Err(m) => problems.push(Problem::new(n, m)),
                }
            }
            a.phrases.push((p, n));
            continue;
        }
        if indented {
            problems.push(Problem::new(
                n,
                format!("indented line `{t}` is neither a `[code]` nor a `+synonym`"),
            ));
            continue;
        }
        if t.starts_with('!') {
            problems.push(Problem::new(n, "substitution markers belong in the agents dictionary"));
            continue;
        }
        let (p, code, rest) = split_code(t);
        let ph = phrase(p, Flavor::Petrarch);
        if ph.is_empty() {
            problems.push(Problem::new(n, "actor line without a phrase"));
            continue;
        }
        let mut a = Actor {
            phrases: vec![(ph, n)],
            codes: Vec::new(),
            line: n,
        };
        if let Some(c) = code {
            match parse_dated_code(c, n) {
                Ok(c) => a.codes.push(c),
                Err(m) => problems.push(Problem::new(n, m)),
            }
        }
        if rest.contains('[') {
            // TABARI style: more codes on the same line. Read them, but say so.
            problems.push(Problem::new(
                n,
                "PETRARCH actors put date restrictions on their own tab-indented lines",
            ));
            let mut r = rest;
            while let Some(s) = r.find('[') {
                let Some(e) = r[s..].find(']') else { break };
                match parse_dated_code(&r[s + 1..s + e], n) {
                    Ok(c) => a.codes.push(c),
                    Err(m) => problems.push(Problem::new(n, m)),
                }
                r = &r[s + e + 1..];
            }
        }
        actors.push(a);
        open = true;
    }
    for a in &actors {
        if a.codes.is_empty() {
            problems.push(Problem::new(a.line, "actor has no code"));
        }
    }
    (actors, Vec::new(), problems)
}

/// Read an agents file (PETRARCH `PHRASE {PLURAL} [~CODE]`, TABARI `PHRASE_ [ ~CODE]`).
pub fn parse_agents(text: &str, flavor: Flavor) -> (Vec<Agent>, Vec<Problem>) {
    let mut agents = Vec::new();
    let mut problems = Vec::new();
    let mut markers: Vec<(String, Vec<String>)> = Vec::new();
    for (n, raw) in lines_without_xml_comments(text) {
        let line = strip_comment(&raw, Flavor::Petrarch);
        let line = if flavor == Flavor::Tabari {
            strip_comment(line, Flavor::Tabari)
        } else {
            line
        };
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            let (name, list) = t.split_once('=').unwrap_or((t, ""));
            let name = name.trim();
            if name.len() < 3 || !name.ends_with('!') {
                problems.push(Problem::new(n, format!("bad substitution marker `{name}`")));
                continue;
            }
            let items: Vec<String> = list
                .split(',')
                .map(|s| s.trim().to_uppercase())
                .filter(|s| !s.is_empty())
                .collect();
            if items.is_empty() {
                problems.push(Problem::new(n, format!("substitution marker `{name}` has no items")));
                continue;
            }
            markers.push((name.to_uppercase(), items));
            continue;
        }
        let (head, code, _) = split_code(t);
        let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
            problems.push(Problem::new(n, "agent without a `[code]`"));
            continue;
        };
        let (code, prefix) = if let Some(c) = code.strip_prefix('~') {
            (c.trim(), false)
        } else if let Some(c) = code.strip_suffix('~') {
            (c.trim(), true)
        } else {
            problems.push(Problem::new(n, format!("agent code `[{code}]` has no `~`")));
            continue;
        };
        if code.is_empty() || code.contains(char::is_whitespace) {
            problems.push(Problem::new(n, format!("bad agent code `{code}`")));
            continue;
        }
        let (root, plural_form) = match head.find('{') {
            Some(i) => match head[i..].find('}') {
                Some(j) => (head[..i].trim(), Some(head[i + 1..i + j].trim())),
                None => {
                    problems.push(Problem::new(n, "`{` without `}`"));
                    continue;
                }
            },
            None => (head.trim(), None),
        };
        if root.is_empty() {
            problems.push(Problem::new(n, "agent without a phrase"));
            continue;
        }
        // Expand substitution markers.
        let mut roots = vec![(root.to_uppercase(), false)];
        if let Some((name, items)) = markers.iter().find(|(m, _)| root.to_uppercase().contains(m.as_str())) {
            roots = items
                .iter()
                .map(|it| (root.to_uppercase().replace(name.as_str(), it), true))
                .collect();
        } else if root.contains('!') {
            problems.push(Problem::new(n, format!("undefined substitution marker in `{root}`")));
            continue;
        }
        let mut phrases: Vec<(Phrase, usize)> = Vec::new();
        for (r, substituted) in roots {
            let p = phrase(&r, flavor);
            if p.is_empty() {
                continue;
            }
            phrases.push((p.clone(), n));
            if flavor == Flavor::Tabari && !substituted && p.last().is_some_and(|w| !w.stem) {
                // TABARI: an exact last word also matches its regular plural.
                let mut q = p.clone();
                if let Some(last) = q.last_mut() {
                    last.text = plural(&last.text);
                }
                phrases.push((q, n));
            }
            if flavor == Flavor::Petrarch && !substituted {
                match plural_form {
                    Some("") => {}
                    Some(pl) => phrases.push((phrase(pl, flavor), n)),
                    None => {
                        let mut q = p.clone();
                        if let Some(last) = q.last_mut() {
                            last.text = plural(&last.text);
                        }
                        phrases.push((q, n));
                    }
                }
            }
        }
        if phrases.is_empty() {
            problems.push(Problem::new(n, "agent without a phrase"));
            continue;
        }
        agents.push(Agent {
            phrases,
            code: code.to_string(),
            prefix,
            line: n,
        });
    }
    (agents, problems)
}

/// Read a discards file: `PHRASE`, `+PHRASE` (whole story), `PHRASE_` (whole last word).
pub fn parse_discards(text: &str) -> (Vec<Discard>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, raw) in lines_without_xml_comments(text) {
        let t = strip_comment(&raw, Flavor::Petrarch).split(';').next().unwrap_or("").trim();
        if t.is_empty() {
            continue;
        }
        let (story, t) = match t.strip_prefix('+') {
            Some(r) => (true, r.trim()),
            None => (false, t),
        };
        if t.contains(['[', ']']) {
            problems.push(Problem::new(n, "discards take no `[code]`"));
            continue;
        }
        let whole_last = t.ends_with('_');
        let words: Vec<String> = t
            .split(['_', ' ', '\t'])
            .filter(|w| !w.is_empty())
            .map(str::to_uppercase)
            .collect();
        if words.is_empty() {
            problems.push(Problem::new(n, "empty discard phrase"));
            continue;
        }
        out.push(Discard {
            words,
            story,
            whole_last,
            line: n,
        });
    }
    (out, problems)
}

/// Read an issues file: `phrase [CODE]` with `n:` (noun forms), `v:` (verb forms) and `+`
/// (blank and hyphen) expansions, `~phrase` ignore lines, `<ISSUE ...>` category tags.
pub fn parse_issues(text: &str) -> (Vec<Issue>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, raw) in lines_without_xml_comments(text) {
        let t = strip_comment(&raw, Flavor::Petrarch).trim();
        if t.is_empty() || (t.starts_with('<') && t.ends_with('>')) {
            continue;
        }
        if let Some(r) = t.strip_prefix('~') {
            let r = r.trim_start_matches('~').trim();
            if r.is_empty() {
                problems.push(Problem::new(n, "empty ignore phrase"));
                continue;
            }
            out.push(Issue {
                phrases: expand_issue(r),
                code: String::new(),
                ignore: true,
                line: n,
            });
            continue;
        }
        let (p, code, rest) = split_code(t);
        let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
            problems.push(Problem::new(n, "issue phrase without a `[CODE]`"));
            continue;
        };
        if !rest.trim().is_empty() {
            problems.push(Problem::new(n, format!("text after the code: `{}`", rest.trim())));
        }
        if p.trim().is_empty() {
            problems.push(Problem::new(n, "issue without a phrase"));
            continue;
        }
        out.push(Issue {
            phrases: expand_issue(p.trim()),
            code: code.to_string(),
            ignore: false,
            line: n,
        });
    }
    (out, problems)
}

fn expand_issue(p: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    for w in p.split_whitespace() {
        let w = w.to_uppercase();
        let (forms, w): (Vec<String>, &str) = if let Some(r) = w.strip_prefix("N:") {
            (vec![r.to_string(), plural(r)], r)
        } else if let Some(r) = w.strip_prefix("V:") {
            let f = inflect::forms(&r.to_lowercase())
                .into_iter()
                .map(|x| x.to_uppercase())
                .collect();
            (f, r)
        } else {
            (vec![w.clone()], w.as_str())
        };
        let _ = w;
        let mut next = Vec::new();
        for prefix in &out {
            for f in &forms {
                if f.contains('+') {
                    // `+`: joined by a blank or by a hyphen; each side may itself be n:/v:.
                    let parts: Vec<String> = f
                        .split('+')
                        .map(|x| x.trim_start_matches("N:").trim_start_matches("V:").to_string())
                        .collect();
                    let mut spaced = prefix.clone();
                    spaced.extend(parts.iter().cloned());
                    next.push(spaced);
                    let mut hyph = prefix.clone();
                    hyph.push(parts.join("-"));
                    next.push(hyph);
                } else {
                    let mut q = prefix.clone();
                    q.push(f.clone());
                    next.push(q);
                }
            }
        }
        out = next;
        if out.len() > 64 {
            out.truncate(64);
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// Read a PETRARCH internal coding ontology (PICO) file: `CODE:VALUE` lines, the value a sum
/// of hexadecimal terms (`0x1007f`, `-0xFFFF+0x2040+0x300`), `#` starting a comment.
pub fn parse_pico(text: &str) -> (BTreeMap<String, i64>, Vec<Problem>) {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let t = raw.split('#').next().unwrap_or("").trim();
        if t.is_empty() {
            continue;
        }
        let Some((code, expr)) = t.split_once(':') else {
            problems.push(Problem::new(i + 1, format!("`{t}` is not `CODE:VALUE`")));
            continue;
        };
        match pico_value(expr.trim()) {
            Some(v) => {
                out.insert(code.trim().to_string(), v);
            }
            None => problems.push(Problem::new(
                i + 1,
                format!("`{}` is not a sum of hexadecimal numbers", expr.trim()),
            )),
        }
    }
    (out, problems)
}

fn pico_value(expr: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut rest = expr;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let (sign, body) = match rest.as_bytes()[0] {
            b'-' => (-1, &rest[1..]),
            b'+' => (1, &rest[1..]),
            _ => (1, rest),
        };
        let end = body.find(['+', '-']).unwrap_or(body.len());
        let hex = body[..end]
            .trim()
            .strip_prefix("0x")
            .or_else(|| body[..end].trim().strip_prefix("0X"))?;
        total = total.checked_add(sign * i64::from_str_radix(hex, 16).ok()?)?;
        rest = &body[end..];
    }
    Some(total)
}

/// What a negated verb codes as, by the PICO values: a code whose value holds the negation
/// mark (`0xFFFF` added, as "disapprove" is "not diplomatic cooperation") becomes the code of
/// the value without it ("did not clash", 110, codes 050). Codes whose negation has no code
/// of its own are left out.
pub fn pico_negations(pico: &BTreeMap<String, i64>) -> BTreeMap<String, String> {
    let mut by_value: BTreeMap<i64, &str> = BTreeMap::new();
    for (code, &v) in pico {
        by_value.entry(v).or_insert(code.as_str());
    }
    pico.iter()
        .filter(|(_, &v)| v > 0xFFFF)
        .filter_map(|(code, &v)| by_value.get(&(v - 0xFFFF)).map(|neg| (code.clone(), neg.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn verbs_file() {
        let text = "<!-- header -->\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON  [345]  ---\nABANDON    # pas\n+ABC_DEF\nKLM_NOP_+RST [002]\n- * DIPLOMATIC TIES [901]\n- * &TIETYPES TIES [902]\n- * &NOPE [1]\n- * (FOR [3]\nBRING {BRINGS BRINGING BROUGHT }\n- * [\n~ a (a b Q) SAY = a b Q\n";
        let (d, p) = parse_verbs(text);
        let msgs: Vec<String> = p.iter().map(|p| format!("{}: {}", p.line, p.message)).collect();
        assert_eq!(
            msgs,
            vec![
                "12: synset `&NOPE` used before it is defined; pattern ignored",
                "13: unbalanced parentheses",
                "15: pattern without a `[code]`"
            ]
        );
        assert_eq!(d.groups.len(), 1);
        assert_eq!(d.groups[0].code.as_deref(), Some("345"));
        assert_eq!(d.verbs.len(), 4);
        assert!(d.verbs[0].forms.contains(&vec!["ABANDONED".to_string()]));
        assert_eq!(d.verbs[2].verb_at, 2);
        assert_eq!(d.verbs[2].code.as_deref(), Some("002"));
        assert!(d.verbs[3].forms.contains(&vec!["BROUGHT".to_string()]));
        assert_eq!(d.patterns.len(), 2);
        assert_eq!(d.synsets["TIETYPES"].len(), 4);
        assert_eq!(d.transformations.len(), 1);
    }

    #[test]
    fn actors_file() {
        let text = "AFGHANISTAN_  [AFG]\n+AFGHAN_\nMOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt\n\t[AFGELI 320101-331108]\n\t[AFGGOV 331108-730717]\n\t[AFGELI]\n\t[BAD 991301-2]\nNOCODE\n";
        let (a, _, p) = parse_actors(text);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].phrases.len(), 2);
        assert_eq!(a[1].code_on(Date::new(1950, 1, 1)), Some("AFGGOV"));
        assert_eq!(a[1].code_on(Date::new(1990, 1, 1)), Some("AFGELI"));
        let msgs: Vec<String> = p.iter().map(|p| format!("{}: {}", p.line, p.message)).collect();
        assert_eq!(msgs, vec!["7: bad date `991301` in `[BAD 991301-2]`", "8: actor has no code"]);
    }

    #[test]
    fn agents_file() {
        let text = "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nTROOP {} [~MIL]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nHUMAN_RIGHTS_BODY [NGO~]\nBAD [GOV]\n";
        let (a, p) = parse_agents(text, Flavor::Petrarch);
        assert_eq!(a.len(), 4);
        assert_eq!(a[0].phrases.len(), 2);
        assert_eq!(a[0].phrases[1].0[0].text, "CONGRESSWOMAN");
        assert_eq!(a[1].phrases.len(), 1);
        assert_eq!(a[2].phrases[1].0[0].text, "ATTORNEYS");
        assert!(a[3].prefix && a[3].phrases[1].0[2].text == "BODIES");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 6);
    }

    #[test]
    fn discards_and_issues() {
        let (d, p) = parse_discards("+5K RUN #  ELH\nWORLD_CUP_\n\n[x]\n");
        assert_eq!(d.len(), 2);
        assert!(d[0].story && d[1].whole_last);
        assert_eq!(p[0].line, 4);
        let (i, p) = parse_issues("<ISSUE CATEGORY=\"X\">\nn:atrocity [ID_ATROCITY]\nal+zarqawi network [NTG]\n~Saturday Night massacre\nnothing here\n");
        assert_eq!(i.len(), 3);
        assert!(i[0].phrases.contains(&vec!["ATROCITIES".to_string()]));
        assert!(i[1].phrases.contains(&vec!["AL-ZARQAWI".to_string(), "NETWORK".to_string()]));
        assert!(i[2].ignore);
        assert_eq!(p[0].line, 5);
    }

    #[test]
    fn pico_values_and_negations() {
        let (pico, problems) = parse_pico(
            "# a comment\n050:0x0080#Cooperate\n110:0x1007f#Disapprove\n120:-0xFFFF\n121:-0xFFFF+0x0070\nbad line\n130:0xZZ\n",
        );
        assert_eq!(pico.get("110"), Some(&0x1007f));
        assert_eq!(pico.get("121"), Some(&(0x70 - 0xFFFF)));
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [6, 7]);
        let neg = pico_negations(&pico);
        assert_eq!(neg.get("110").map(String::as_str), Some("050"));
        assert_eq!(neg.len(), 1);
    }
}
