//! `Doc`, the one annotation buffer every stage reads and extends.

use crate::article::Article;
use crate::date::Date;
use crate::gazetteer::Place;
use crate::span::Span;

/// Coarse token class from the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (may contain digits, apostrophes, inner dots as in "U.S.").
    Word,
    /// Digits, possibly with separators.
    Number,
    /// Punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token. `norm` is lower-cased with typographic quotes folded to ASCII.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where in the text.
    pub span: Span,
    /// Class.
    pub kind: TokenKind,
    /// Lower-cased, quote-folded form used for matching.
    pub norm: String,
    /// First character is upper-case.
    pub capitalized: bool,
    /// Index of the sentence it belongs to.
    pub sentence: u32,
    /// Universal part of speech from the syntax stage ("NOUN", "VERB", ...); empty before it runs.
    pub upos: &'static str,
    /// Penn Treebank tag from the syntax stage ("VBD", "NNS", ...); empty before it runs.
    pub xpos: &'static str,
    /// Token index of the syntactic head (None for the root or before the syntax stage).
    pub head: Option<u32>,
    /// Universal dependency relation to the head ("nsubj", "obl", ...), with its subtype after
    /// a colon ("nsubj:pass", "obl:agent"); empty before the syntax stage.
    pub deprel: &'static str,
}

/// A sentence: a token range and its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where in the text.
    pub span: Span,
    /// Token index range `[first, last)`.
    pub tokens: std::ops::Range<usize>,
    /// A headline-like line (no final punctuation, on its own line).
    pub headline: bool,
    /// Tokens of a wire dateline opening the sentence ("JAMMU, India (dyad) —"): where the
    /// report was filed, not who acted.
    pub dateline: Option<std::ops::Range<usize>>,
}

/// What an actor mention refers to.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ActorRef {
    /// Country alpha-3 or CAMEO-style code (IGO, NGO, IMG); empty when unknown.
    pub code: String,
    /// Sector (GOV, MIL, ...), if any.
    pub sector: Option<String>,
    /// Canonical name ("Barack Obama", "Islamic State").
    pub name: Option<String>,
    /// Office ("President").
    pub office: Option<String>,
}

/// How a mention was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A country name, adjective or demonym ("France", "French warplanes").
    Country,
    /// A capital standing for its government ("Moscow said").
    Capital,
    /// An organisation or institution ("NATO", "the Kremlin").
    Organization,
    /// A person ("President Obama", "Hollande").
    Person,
    /// A group named only by sector ("the administration", "Parliament").
    Group,
    /// A pronoun resolved to an earlier mention.
    Pronoun,
}

/// An actor mention: a noun phrase naming someone who can act or be acted upon.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Token range `[first, last)` of the whole phrase.
    pub tokens: std::ops::Range<usize>,
    /// Byte span of the phrase.
    pub span: Span,
    /// Sentence index.
    pub sentence: u32,
    /// What it refers to.
    pub actor: ActorRef,
    /// How it was recognised.
    pub kind: MentionKind,
    /// The phrase is only a modifier of a non-actor noun ("Russian claims", "Turkey's airspace").
    pub modifier_only: bool,
    /// The phrase ends in a possessive ("Cameron's").
    pub possessive: bool,
    /// Refers to several ("pilots", "they").
    pub plural: bool,
    /// Preceded by a locative preposition ("in Paris"): a place here, not an actor.
    pub locative: bool,
    /// Entity (coreference chain) id within the article.
    pub entity: usize,
    /// For a phrase that stands for two countries ("the two countries", "both governments"):
    /// the entity of the second; the mention's own actor and `entity` are the first's.
    pub also: Option<usize>,
    /// Which rule recognised it (for `--explain`).
    pub rule: String,
}

impl Mention {
    /// A plural group of civilians (CVL) of country `code` (empty: not known) that the text
    /// names by a number or by their act, not by a noun of the actor knowledge ("Hundreds took
    /// to the streets", "rioting broke out in Kathmandu"), found by `rule`.
    pub fn civilians(
        tokens: std::ops::Range<usize>,
        span: Span,
        sentence: u32,
        code: String,
        entity: usize,
        rule: &str,
    ) -> Mention {
        Mention {
            tokens,
            span,
            sentence,
            actor: ActorRef {
                code,
                sector: Some("CVL".into()),
                name: None,
                office: None,
            },
            kind: MentionKind::Group,
            modifier_only: false,
            possessive: false,
            plural: true,
            locative: false,
            entity,
            also: None,
            rule: rule.into(),
        }
    }

    /// Names the same actor: one coreference chain, or the same code, sector and name.
    pub fn same_actor_as(&self, other: &Mention) -> bool {
        self.entity == other.entity
            || self.actor.code == other.actor.code
                && self.actor.sector == other.actor.sector
                && self.actor.name == other.actor.name
    }
}

/// PLOVER modality of an event (contract field `modality`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modality {
    /// It happened.
    Asserted,
    /// It did not happen.
    Negated,
    /// Someone will or plans to do it.
    Intended,
    /// Someone asked for it.
    Requested,
    /// It depends on a condition.
    Conditional,
    /// It might happen.
    Hypothetical,
    /// A party in the text claims it.
    ReportedClaim,
}

impl Modality {
    /// The contract's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Intended => "intended",
            Modality::Requested => "requested",
            Modality::Conditional => "conditional",
            Modality::Hypothetical => "hypothetical",
            Modality::ReportedClaim => "reported_claim",
        }
    }
}

/// One piece of evidence: a field, the words it came from and the rule that decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// Field name as in the record (`actor`, `event`, `recipient`, `date`, `event_loc`, `modality`, `attribution`).
    pub field: &'static str,
    /// The words, if the decision came from words.
    pub span: Option<Span>,
    /// The rule, readable.
    pub rule: String,
}

/// A resolved place for an event.
#[derive(Clone, Debug, PartialEq)]
pub struct EventPlace {
    /// The words as written ("Raqqa").
    pub extracted: String,
    /// Their span.
    pub span: Span,
    /// The gazetteer entry, when resolved.
    pub place: Option<Place>,
}

/// The actor rule for the parties of "talks between A and B": each acts towards the others.
pub const BETWEEN_PARTIES: &str = "nominal: the parties after `between`";

/// One coded event, filled in stage by stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Sentence index.
    pub sentence: u32,
    /// Token indices of the trigger's matched words (gaps excluded).
    pub trigger_tokens: Vec<usize>,
    /// Span from the first to the last trigger word.
    pub trigger_span: Span,
    /// Lexicon entry index in `Knowledge::lexicon`.
    pub entry: usize,
    /// Token range of the recipient slot (`_`) when the pattern has one.
    pub slot: Option<std::ops::Range<usize>>,
    /// Verbal or nominal trigger.
    pub nominal: bool,
    /// The trigger verb is a passive participle ("was shot down").
    pub passive: bool,
    /// A verb-object pattern read in the passive ("the curfew was lifted"): the object's
    /// token, before the verb, which is not a party.
    pub passive_object: Option<usize>,
    /// A noun carried by a support verb whose subject acts ("will hold talks", "will begin
    /// negotiations"): the verb's tense and mood are the noun's, so it reads as a verb.
    pub carried: bool,
    /// Mentions (indices into `Doc::mentions`) that act.
    pub actors: Vec<usize>,
    /// Mentions acted upon.
    pub recipients: Vec<usize>,
    /// Modality.
    pub modality: Modality,
    /// Who claims it, for reported claims.
    pub attribution: Option<usize>,
    /// The event's date.
    pub date: Option<Date>,
    /// The words the date came from.
    pub date_span: Option<Span>,
    /// Where (several for "in Ramadi and Mosul").
    pub places: Vec<EventPlace>,
    /// Evidence trail.
    pub evidence: Vec<Evidence>,
    /// An earlier event this one refers back to ("similar attacks").
    pub antecedent: Option<usize>,
    /// PLOVER contexts.
    pub contexts: Vec<String>,
}

/// A time expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Token range.
    pub tokens: std::ops::Range<usize>,
    /// Span of the words.
    pub span: Span,
    /// What it means.
    pub value: TimeValue,
}

/// The meaning of a time expression, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeValue {
    /// A weekday, 0 = Monday.
    Weekday(u8),
    /// Month and day, with year if given.
    MonthDay {
        /// Year, if written.
        year: Option<i32>,
        /// 1-12.
        month: u8,
        /// 1-31.
        day: u8,
    },
    /// Days relative to the report date ("yesterday" = -1, "10 days ago" = -10).
    Relative(i64),
    /// A period too vague for a day ("last fall", "in 2019").
    Vague,
}

/// A place expression found in a sentence ("in Raqqa, Syria").
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceExpr {
    /// Token range of the place name.
    pub tokens: std::ops::Range<usize>,
    /// Span of the name.
    pub span: Span,
    /// The gazetteer entry it resolved to.
    pub place: Place,
    /// How it was resolved (for `--explain`).
    pub rule: String,
}

/// The annotation buffer for one article.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The article, text unchanged.
    pub article: Article,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Actor mentions in text order.
    pub mentions: Vec<Mention>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Place expressions.
    pub places: Vec<PlaceExpr>,
    /// Events.
    pub events: Vec<Event>,
    /// Token index → index into `mentions` of the mention covering it.
    pub mention_at: Vec<Option<usize>>,
    /// The country the article is about, where one leads clearly (the code that groups named
    /// without a country take: rule `article-country`).
    pub article_country: Option<String>,
}

impl Doc {
    /// A fresh buffer for an article.
    pub fn new(article: Article) -> Doc {
        Doc {
            article,
            ..Doc::default()
        }
    }
    /// Which tokens belong to some event's trigger, indexed by token.
    pub fn trigger_mask(&self) -> Vec<bool> {
        let mut mask = vec![false; self.tokens.len()];
        for ev in &self.events {
            for &t in &ev.trigger_tokens {
                mask[t] = true;
            }
        }
        mask
    }
    /// The article text.
    pub fn text(&self) -> &str {
        &self.article.text
    }
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.text(&self.article.text)
    }
    /// Span covering tokens `[a, b)`.
    pub fn token_span(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.tokens.len() {
            return Span::default();
        }
        self.tokens[a].span.cover(self.tokens[b - 1].span)
    }
    /// Normalised form of token `i` ("" out of range).
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }
    /// Is token `i` a hyphen inside a word, touching the tokens on both sides ("seven-day",
    /// "India-Nepal"), not a spaced dash?
    pub fn is_word_hyphen(&self, i: usize) -> bool {
        i > 0
            && self.tokens.get(i).is_some_and(|t| {
                t.norm == "-"
                    && self.tokens[i - 1].span.end == t.span.start
                    && self.tokens.get(i + 1).is_some_and(|n| n.span.start == t.span.end)
            })
    }
}
