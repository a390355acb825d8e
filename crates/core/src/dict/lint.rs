//! `dyad dict check`: what the reader could not read, plus duplicate and shadowed patterns,
//! verbs listed in two blocks, codes that are not CAMEO, actors listed twice and actors whose
//! dated codes overlap. Every finding names its line.

use std::collections::HashMap;

use super::{is_cameo_event_code, read, DateRange, Dictionaries, Flavor, Kind, Problem};

/// Read `text` as `kind`/`flavor` and lint it; findings sorted by line.
pub fn check(kind: Kind, flavor: Flavor, text: &str) -> Vec<Problem> {
    let (d, mut out) = read(kind, flavor, text);
    out.extend(lint(&d));
    out.sort_by(|a, b| a.line.cmp(&b.line).then_with(|| a.message.cmp(&b.message)));
    out.dedup();
    out
}

fn norm_pattern(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase()
}

fn range_text(r: DateRange) -> String {
    match r {
        DateRange::Always => "always".into(),
        DateRange::Before(d) => format!("<{d}"),
        DateRange::After(d) => format!(">{d}"),
        DateRange::Between(a, b) => format!("{a}..{b}"),
    }
}

/// Lint what was read.
pub fn lint(d: &Dictionaries) -> Vec<Problem> {
    let mut out = Vec::new();
    let v = &d.verbs;
    // Codes.
    for g in &v.groups {
        if let Some(c) = &g.code {
            if !is_cameo_event_code(c) {
                out.push(Problem::new(g.line, format!("`[{c}]` is not a CAMEO event code")));
            }
        }
    }
    for verb in &v.verbs {
        if let Some(c) = &verb.code {
            if !is_cameo_event_code(c) && v.groups.get(verb.group).is_none_or(|g| g.line != verb.line) {
                out.push(Problem::new(verb.line, format!("`[{c}]` is not a CAMEO event code")));
            }
        }
    }
    for p in &v.patterns {
        if !is_cameo_event_code(&p.code) {
            out.push(Problem::new(p.line, format!("`[{}]` is not a CAMEO event code", p.code)));
        }
    }
    // Duplicate and shadowed patterns: the same elements in the same group.
    let mut seen: HashMap<(usize, String), (usize, &str)> = HashMap::new();
    for p in &v.patterns {
        let key = (p.group, norm_pattern(p.text.split('[').next().unwrap_or("")));
        match seen.get(&key) {
            Some(&(line, code)) if code == p.code => {
                out.push(Problem::new(p.line, format!("duplicate of the pattern on line {line}")))
            }
            Some(&(line, code)) => out.push(Problem::new(
                p.line,
                format!(
                    "shadowed: the same pattern on line {line} gives [{code}] and is tried first; [{}] never applies",
                    p.code
                ),
            )),
            None => {
                seen.insert(key, (p.line, &p.code));
            }
        }
        if p.before.is_empty() && p.after.is_empty() {
            out.push(Problem::new(p.line, "pattern with nothing but `*` (use the verb's own code)"));
        }
    }
    // Verbs in two groups: the later group's patterns are reached only through the earlier.
    let mut forms: HashMap<&[String], usize> = HashMap::new();
    for verb in &v.verbs {
        if let Some(first) = verb.forms.first() {
            if let Some(&line) = forms.get(first.as_slice()) {
                if line != verb.line {
                    out.push(Problem::new(
                        verb.line,
                        format!("verb `{}` is also listed on line {line}", first.join(" ")),
                    ));
                }
            } else {
                forms.insert(first, verb.line);
            }
        }
    }
    // Actors: the same phrase twice, and overlapping date ranges.
    let mut names: HashMap<String, usize> = HashMap::new();
    for a in &d.actors {
        for (p, line) in &a.phrases {
            let key = p.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" ");
            match names.get(&key) {
                Some(&first) if first != *line => out.push(Problem::new(
                    *line,
                    format!("actor `{key}` is already listed on line {first}"),
                )),
                Some(_) => {}
                None => {
                    names.insert(key, *line);
                }
            }
        }
        let dated: Vec<_> = a.codes.iter().filter(|c| c.range != DateRange::Always).collect();
        for (i, x) in dated.iter().enumerate() {
            for y in &dated[i + 1..] {
                let (a0, a1) = x.range.bounds();
                let (b0, b1) = y.range.bounds();
                // Ranges that only share an end day (one office handed to the next) are fine.
                if a0 < b1 && b0 < a1 {
                    out.push(Problem::new(
                        y.line,
                        format!(
                            "date range [{} {}] overlaps [{} {}] on line {}",
                            y.code,
                            range_text(y.range),
                            x.code,
                            range_text(x.range),
                            x.line
                        ),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_lint(kind: Kind, flavor: Flavor, text: &str, expect: &[&str]) {
        let got: Vec<String> = check(kind, flavor, text)
            .iter()
            .map(|p| format!("{}: {}", p.line, p.message))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn verbs() {
        check_lint(
            Kind::Verbs,
            Flavor::Petrarch,
            "--- MEET [040] ---\nMEET\n- * TALKS [031]\n- * TALKS  [031]\n- * talks [036]\n- * AID [903]\n--- CONFER [040] ---\nMEET\n- * (BAD [1]\n",
            &[
                "4: duplicate of the pattern on line 3",
                "5: shadowed: the same pattern on line 3 gives [031] and is tried first; [036] never applies",
                "6: `[903]` is not a CAMEO event code",
                "8: verb `MEET` is also listed on line 2",
                "9: unbalanced parentheses",
            ],
        );
    }

    #[test]
    fn actors() {
        check_lint(
            Kind::Actors,
            Flavor::Petrarch,
            "KARZAI_ [AFG]\n\t[AFGGOV 20011222-20141029]\n\t[AFGELI 20100101-20200101]\n\t[AFGX 20141029-20150101]\nKARZAI [AFG]\n",
            &[
                "3: date range [AFGELI 2010-01-01..2020-01-01] overlaps [AFGGOV 2001-12-22..2014-10-29] on line 2",
                "4: date range [AFGX 2014-10-29..2015-01-01] overlaps [AFGELI 2010-01-01..2020-01-01] on line 3",
                "5: actor `KARZAI` is already listed on line 1",
            ],
        );
    }
}
