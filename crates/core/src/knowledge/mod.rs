//! Knowledge: what the coder knows, built once and shared read-only.
//!
//! The built-in parts are the tables in `crates/core/knowledge/` (see its README), embedded at
//! compile time. [`Knowledge::builtin`] parses them; a malformed line is an [`Error`] naming the
//! table and line (the tests keep the built-in tables clean).

pub mod contexts;
pub mod inflect;
pub mod lexicon;
pub mod phrases;
pub mod recast;

use std::collections::HashMap;

use crate::date::Date;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
pub use contexts::ContextIndex;
pub use lexicon::{Element, LexEntry, Lexicon};
pub use phrases::{PhraseIndex, PhraseKind};

/// A country.
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166 alpha-3.
    pub code: String,
    /// Common name first.
    pub names: Vec<String>,
    /// Adjectives and demonyms.
    pub adjectives: Vec<String>,
    /// Capitals and seats of government.
    pub capitals: Vec<String>,
}

/// An organisation or institution.
#[derive(Clone, Debug)]
pub struct Organization {
    /// Code (country code or IGO/NGO/IMG).
    pub code: String,
    /// Sector, if any.
    pub sector: Option<String>,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
}

/// A title that introduces a person ("President").
#[derive(Clone, Debug)]
pub struct Office {
    /// The title as written (lower case).
    pub title: String,
    /// Sector it gives.
    pub sector: String,
    /// Canonical office name.
    pub office: String,
    /// The country the title names by itself ("External Affairs Minister": IND).
    pub country: Option<String>,
}

/// A well-known office holder for a period.
#[derive(Clone, Debug)]
pub struct Person {
    /// Code.
    pub code: String,
    /// Sector.
    pub sector: Option<String>,
    /// Full name.
    pub name: String,
    /// Office held.
    pub office: String,
    /// First day in office.
    pub from: Option<Date>,
    /// Last day in office (open when `None`).
    pub to: Option<Date>,
    /// Short names; `exact` ones must be capitalised and not sentence-initial.
    pub short: Vec<(String, bool)>,
}

impl Person {
    /// Held the office on this day (always true when the day is unknown).
    pub fn in_office(&self, day: Option<Date>) -> bool {
        match day {
            None => true,
            Some(d) => self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t),
        }
    }
}

/// Everything the coder knows.
pub struct Knowledge {
    /// Countries.
    pub countries: Vec<Country>,
    /// Organisations.
    pub organizations: Vec<Organization>,
    /// Sector nouns: (noun, sector).
    pub sector_nouns: Vec<(String, String)>,
    /// Titles.
    pub offices: Vec<Office>,
    /// Office holders.
    pub people: Vec<Person>,
    /// Event lexicon.
    pub lexicon: Lexicon,
    /// Phrase index over all names, titles and sector nouns.
    pub phrases: PhraseIndex,
    /// Words that give PLOVER contexts.
    pub contexts: ContextIndex,
    /// A user gazetteer consulted before the built-in one.
    pub user_gazetteer: Option<Gazetteer>,
    /// Country code → index in `countries`.
    country_index: HashMap<String, usize>,
}

/// The built-in tables, by file name.
pub const BUILTIN_TABLES: &[(&str, &str)] = &[
    ("countries.txt", include_str!("../../knowledge/countries.txt")),
    ("organizations.txt", include_str!("../../knowledge/organizations.txt")),
    ("sectors.txt", include_str!("../../knowledge/sectors.txt")),
    ("offices.txt", include_str!("../../knowledge/offices.txt")),
    ("people.txt", include_str!("../../knowledge/people.txt")),
    ("events.txt", include_str!("../../knowledge/events.txt")),
    ("contexts.txt", include_str!("../../knowledge/contexts.txt")),
];

fn table(name: &str) -> &'static str {
    BUILTIN_TABLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or("")
}

/// One parsed table line: its 1-based number and trimmed fields.
pub struct Row {
    /// 1-based line number.
    pub line: usize,
    /// Fields, trimmed.
    pub fields: Vec<String>,
}

/// Split a `|`-separated table into rows with exactly `n` fields (fewer: missing trailing fields are empty).
pub fn parse_rows(file: &str, text: &str, n: usize) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut fields: Vec<String> = t.split('|').map(|f| f.trim().to_string()).collect();
        if fields.len() > n || fields.len() + 1 < n {
            return Err(Error::Knowledge {
                file: file.to_string(),
                line: i + 1,
                message: format!("expected {n} fields separated by `|`, found {}", fields.len()),
            });
        }
        fields.resize(n, String::new());
        rows.push(Row { line: i + 1, fields });
    }
    Ok(rows)
}

/// Split a `;` list, dropping empty items.
pub fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

fn knowledge_err(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Knowledge {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

impl Knowledge {
    /// The built-in knowledge.
    pub fn builtin() -> Result<Knowledge> {
        let countries = parse_rows("countries.txt", table("countries.txt"), 4)?
            .into_iter()
            .map(|r| {
                let code = r.fields[0].clone();
                if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                    return Err(knowledge_err(
                        "countries.txt",
                        r.line,
                        format!("`{code}` is not a 3-letter code"),
                    ));
                }
                Ok(Country {
                    code,
                    names: list(&r.fields[1]),
                    adjectives: list(&r.fields[2]),
                    capitals: list(&r.fields[3]),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let organizations = parse_rows("organizations.txt", table("organizations.txt"), 4)?
            .into_iter()
            .map(|r| Organization {
                code: r.fields[0].clone(),
                sector: opt(&r.fields[1]),
                name: r.fields[2].clone(),
                aliases: list(&r.fields[3]),
            })
            .collect::<Vec<_>>();
        let mut sector_nouns = Vec::new();
        for r in parse_rows("sectors.txt", table("sectors.txt"), 2)? {
            for noun in list(&r.fields[1]) {
                sector_nouns.push((noun.to_lowercase(), r.fields[0].clone()));
            }
        }
        let offices = parse_rows("offices.txt", table("offices.txt"), 4)?
            .into_iter()
            .map(|r| Office {
                title: r.fields[0].to_lowercase(),
                sector: r.fields[1].clone(),
                office: r.fields[2].clone(),
                country: opt(&r.fields[3]),
            })
            .collect::<Vec<_>>();
        let mut people = Vec::new();
        for r in parse_rows("people.txt", table("people.txt"), 6)? {
            let (from, to) = parse_range(&r.fields[4])
                .ok_or_else(|| knowledge_err("people.txt", r.line, format!("bad date range `{}`", r.fields[4])))?;
            people.push(Person {
                code: r.fields[0].clone(),
                sector: opt(&r.fields[1]),
                name: r.fields[2].clone(),
                office: r.fields[3].clone(),
                from,
                to,
                short: list(&r.fields[5])
                    .into_iter()
                    .map(|s| match s.strip_prefix('=') {
                        Some(x) => (x.to_string(), true),
                        None => (s, false),
                    })
                    .collect(),
            });
        }
        let lexicon = Lexicon::parse("events.txt", table("events.txt"))?;
        let contexts = ContextIndex::parse("contexts.txt", table("contexts.txt"))?;
        let country_index = countries.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
        let phrases = PhraseIndex::build(&countries, &organizations, &sector_nouns, &offices, &people);
        Ok(Knowledge {
            countries,
            organizations,
            sector_nouns,
            offices,
            people,
            lexicon,
            phrases,
            contexts,
            user_gazetteer: None,
            country_index,
        })
    }

    /// Replace the event lexicon (e.g. with a user's), rebuilding nothing else.
    pub fn set_lexicon(&mut self, lexicon: Lexicon) {
        self.lexicon = lexicon;
    }

    /// The country with this code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    /// Look a place name up: the user gazetteer first, then the built-in one.
    pub fn lookup_place(&self, name: &str, country_hint: Option<&str>) -> Option<&crate::gazetteer::Place> {
        self.user_gazetteer
            .as_ref()
            .and_then(|g| g.lookup(name, country_hint))
            .or_else(|| Gazetteer::builtin().lookup(name, country_hint))
    }

    /// A country as a place (resolution 1).
    pub fn country_place(&self, code: &str) -> Option<&crate::gazetteer::Place> {
        self.user_gazetteer
            .as_ref()
            .and_then(|g| g.country(code))
            .or_else(|| Gazetteer::builtin().country(code))
    }
}

/// `FROM..TO`, either side may be empty.
fn parse_range(s: &str) -> Option<(Option<Date>, Option<Date>)> {
    let s = s.trim();
    if s.is_empty() {
        return Some((None, None));
    }
    let (a, b) = s.split_once("..")?;
    let side = |x: &str| -> Option<Option<Date>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            Date::parse(x).map(Some)
        }
    };
    Some((side(a)?, side(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse() {
        let k = Knowledge::builtin().unwrap_or_else(|e| panic!("built-in knowledge: {e}"));
        assert!(k.countries.len() > 190, "countries: {}", k.countries.len());
        assert!(k.country("FRA").is_some_and(|c| c.adjectives.iter().any(|a| a == "French")));
        assert!(!k.organizations.is_empty() && !k.offices.is_empty() && !k.people.is_empty());
        assert!(k.lexicon.entries.len() > 300, "lexicon: {}", k.lexicon.entries.len());
    }

    #[test]
    fn malformed_rows_name_their_line() {
        let err = parse_rows("t.txt", "# c\nA | B\nA | B | C | D\n", 2)
            .err()
            .map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("t.txt:3: expected 2 fields separated by `|`, found 4"));
        assert_eq!(parse_range("2009-01-20..").map(|r| r.1.is_none()), Some(true));
        assert!(parse_range("2009-13-20..").is_none());
    }
}
