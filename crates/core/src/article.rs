//! The input unit: one article.

use crate::date::Date;

/// One news article to code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier (from the input, or derived from its path).
    pub id: String,
    /// Publication date, when known; relative time words are resolved against it.
    pub report_date: Option<Date>,
    /// Headline, if given separately from the text.
    pub title: Option<String>,
    /// Where it came from (URL), if known.
    pub url: Option<String>,
    /// Outlet or source name, if known.
    pub source: Option<String>,
    /// The body text. Every offset dyad writes points into this string.
    pub text: String,
}

impl Article {
    /// An article with an id, optional report date and text.
    pub fn new(id: impl Into<String>, report_date: Option<Date>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            report_date,
            text: text.into(),
            ..Article::default()
        }
    }
}
