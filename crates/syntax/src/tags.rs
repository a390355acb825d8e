//! Tag sets: Universal POS tags, Penn Treebank tags as used in UD English, and
//! Universal Dependencies relations with their English subtypes.

use std::fmt;
use std::str::FromStr;

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $(#[$vmeta])* $variant, )* }

        impl $name {
            /// Every value, in declaration order (the order of [`Self::index`]).
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];

            /// The label as written in CoNLL-U.
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $text, )* }
            }

            /// Position in [`Self::ALL`].
            pub fn index(self) -> usize {
                self as usize
            }

            /// The value at `index` in [`Self::ALL`], if any.
            pub fn from_index(index: usize) -> Option<Self> {
                Self::ALL.get(index).copied()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownTag;
            fn from_str(s: &str) -> Result<Self, UnknownTag> {
                match s {
                    $( $text => Ok($name::$variant), )*
                    _ => Err(UnknownTag),
                }
            }
        }
    };
}

/// A string that is not a label of the tag set it was parsed as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownTag;

impl fmt::Display for UnknownTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown tag")
    }
}

string_enum! {
    /// Universal part-of-speech tag (UPOS).
    Upos {
        /// Adjective.
        Adj = "ADJ",
        /// Adposition.
        Adp = "ADP",
        /// Adverb.
        Adv = "ADV",
        /// Auxiliary.
        Aux = "AUX",
        /// Coordinating conjunction.
        Cconj = "CCONJ",
        /// Determiner.
        Det = "DET",
        /// Interjection.
        Intj = "INTJ",
        /// Noun.
        Noun = "NOUN",
        /// Numeral.
        Num = "NUM",
        /// Particle.
        Part = "PART",
        /// Pronoun.
        Pron = "PRON",
        /// Proper noun.
        Propn = "PROPN",
        /// Punctuation.
        Punct = "PUNCT",
        /// Subordinating conjunction.
        Sconj = "SCONJ",
        /// Symbol.
        Sym = "SYM",
        /// Verb.
        Verb = "VERB",
        /// Other.
        X = "X",
    }
}

string_enum! {
    /// Penn Treebank part-of-speech tag (XPOS) as used by UD English treebanks.
    Xpos {
        /// Noun, singular or mass.
        Nn = "NN",
        /// Noun, plural.
        Nns = "NNS",
        /// Proper noun, singular.
        Nnp = "NNP",
        /// Proper noun, plural.
        Nnps = "NNPS",
        /// Verb, base form.
        Vb = "VB",
        /// Verb, past tense.
        Vbd = "VBD",
        /// Verb, gerund or present participle.
        Vbg = "VBG",
        /// Verb, past participle.
        Vbn = "VBN",
        /// Verb, non-3rd person singular present.
        Vbp = "VBP",
        /// Verb, 3rd person singular present.
        Vbz = "VBZ",
        /// Modal.
        Md = "MD",
        /// Determiner.
        Dt = "DT",
        /// Predeterminer.
        Pdt = "PDT",
        /// Preposition or subordinating conjunction.
        In = "IN",
        /// `to`.
        To = "TO",
        /// Adjective.
        Jj = "JJ",
        /// Adjective, comparative.
        Jjr = "JJR",
        /// Adjective, superlative.
        Jjs = "JJS",
        /// Adverb.
        Rb = "RB",
        /// Adverb, comparative.
        Rbr = "RBR",
        /// Adverb, superlative.
        Rbs = "RBS",
        /// Particle.
        Rp = "RP",
        /// Personal pronoun.
        Prp = "PRP",
        /// Possessive pronoun.
        PrpS = "PRP$",
        /// Wh-determiner.
        Wdt = "WDT",
        /// Wh-pronoun.
        Wp = "WP",
        /// Possessive wh-pronoun.
        WpS = "WP$",
        /// Wh-adverb.
        Wrb = "WRB",
        /// Coordinating conjunction.
        Cc = "CC",
        /// Cardinal number.
        Cd = "CD",
        /// Existential `there`.
        Ex = "EX",
        /// Foreign word.
        Fw = "FW",
        /// List item marker.
        Ls = "LS",
        /// Possessive ending.
        Pos = "POS",
        /// Interjection.
        Uh = "UH",
        /// Symbol.
        Sym = "SYM",
        /// Sentence-final punctuation.
        Period = ".",
        /// Comma.
        Comma = ",",
        /// Colon, semicolon, dash.
        Colon = ":",
        /// Opening quotation mark.
        OpenQuote = "``",
        /// Closing quotation mark.
        CloseQuote = "''",
        /// Opening bracket.
        Lrb = "-LRB-",
        /// Closing bracket.
        Rrb = "-RRB-",
        /// Hyphen.
        Hyph = "HYPH",
        /// Superfluous punctuation.
        Nfp = "NFP",
        /// Dollar sign.
        Dollar = "$",
        /// Pound sign.
        Hash = "#",
        /// Email or web address.
        Add = "ADD",
        /// "Goes with": part of a word split by a space.
        Gw = "GW",
        /// Affix.
        Afx = "AFX",
        /// Unknown.
        Xx = "XX",
    }
}

string_enum! {
    /// Universal Dependencies relation, without subtype.
    Rel {
        /// Clausal modifier of noun.
        Acl = "acl",
        /// Adverbial clause modifier.
        Advcl = "advcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Adjectival modifier.
        Amod = "amod",
        /// Appositional modifier.
        Appos = "appos",
        /// Auxiliary.
        Aux = "aux",
        /// Case marking.
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Classifier.
        Clf = "clf",
        /// Compound.
        Compound = "compound",
        /// Conjunct.
        Conj = "conj",
        /// Copula.
        Cop = "cop",
        /// Clausal subject.
        Csubj = "csubj",
        /// Unspecified dependency.
        Dep = "dep",
        /// Determiner.
        Det = "det",
        /// Discourse element.
        Discourse = "discourse",
        /// Dislocated element.
        Dislocated = "dislocated",
        /// Expletive.
        Expl = "expl",
        /// Fixed multiword expression.
        Fixed = "fixed",
        /// Flat multiword expression.
        Flat = "flat",
        /// Goes with.
        Goeswith = "goeswith",
        /// Indirect object.
        Iobj = "iobj",
        /// List.
        List = "list",
        /// Marker.
        Mark = "mark",
        /// Nominal modifier.
        Nmod = "nmod",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Object.
        Obj = "obj",
        /// Oblique nominal.
        Obl = "obl",
        /// Orphan.
        Orphan = "orphan",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Punctuation.
        Punct = "punct",
        /// Overridden disfluency.
        Reparandum = "reparandum",
        /// Root of the sentence.
        Root = "root",
        /// Vocative.
        Vocative = "vocative",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
}

string_enum! {
    /// Language-specific subtype of a relation, the part after `:` (English ones).
    Subtype {
        /// `nsubj:pass`, `aux:pass`, `csubj:pass`.
        Pass = "pass",
        /// `nmod:poss`.
        Poss = "poss",
        /// `acl:relcl`, `advcl:relcl`.
        Relcl = "relcl",
        /// `compound:prt`.
        Prt = "prt",
        /// `obl:unmarked`, `nmod:unmarked`.
        Unmarked = "unmarked",
        /// `nmod:desc`.
        Desc = "desc",
        /// `obl:agent`.
        Agent = "agent",
        /// `nsubj:outer`, `csubj:outer`.
        Outer = "outer",
        /// `det:predet`.
        Predet = "predet",
        /// `cc:preconj`.
        Preconj = "preconj",
        /// `obl:tmod`, `nmod:tmod` (older UD English).
        Tmod = "tmod",
        /// `obl:npmod`, `nmod:npmod` (older UD English).
        Npmod = "npmod",
        /// `nsubj:xsubj` and similar.
        Xsubj = "xsubj",
    }
}

/// A dependency relation label: a universal relation and an optional subtype.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Deprel {
    /// The universal relation, the part LAS compares.
    pub rel: Rel,
    /// The language-specific subtype, if any.
    pub subtype: Option<Subtype>,
}

impl Deprel {
    /// A relation without subtype.
    pub const fn new(rel: Rel) -> Deprel {
        Deprel { rel, subtype: None }
    }

    /// The root relation.
    pub const ROOT: Deprel = Deprel::new(Rel::Root);

    /// Parses `rel` or `rel:subtype`. An unknown subtype is dropped, keeping the
    /// universal relation; an unknown relation is an error.
    pub fn parse_lenient(s: &str) -> Result<Deprel, UnknownTag> {
        let (rel, sub) = match s.split_once(':') {
            Some((r, t)) => (r, Some(t)),
            None => (s, None),
        };
        let rel = rel.parse::<Rel>()?;
        let subtype = sub.and_then(|t| t.parse::<Subtype>().ok());
        Ok(Deprel { rel, subtype })
    }
}

impl fmt::Display for Deprel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.subtype {
            Some(sub) => write!(f, "{}:{}", self.rel, sub),
            None => f.write_str(self.rel.as_str()),
        }
    }
}

impl FromStr for Deprel {
    type Err = UnknownTag;
    /// Strict parse: an unknown subtype is an error too.
    fn from_str(s: &str) -> Result<Self, UnknownTag> {
        match s.split_once(':') {
            Some((r, t)) => Ok(Deprel {
                rel: r.parse()?,
                subtype: Some(t.parse()?),
            }),
            None => Ok(Deprel::new(s.parse()?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expect: &str) {
        let got = match input.parse::<Deprel>() {
            Ok(d) => format!("{:?} {:?} -> {d}", d.rel, d.subtype),
            Err(_) => match Deprel::parse_lenient(input) {
                Ok(d) => format!("lenient {d}"),
                Err(_) => "error".to_string(),
            },
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn deprels() {
        check("nsubj", "Nsubj None -> nsubj");
        check("nsubj:pass", "Nsubj Some(Pass) -> nsubj:pass");
        check("obl:in", "lenient obl");
        check("foo", "error");
    }

    #[test]
    fn round_trips() {
        for u in Upos::ALL {
            assert_eq!(u.as_str().parse::<Upos>(), Ok(*u));
            assert_eq!(Upos::from_index(u.index()), Some(*u));
        }
        for x in Xpos::ALL {
            assert_eq!(x.as_str().parse::<Xpos>(), Ok(*x));
        }
        for r in Rel::ALL {
            assert_eq!(r.as_str().parse::<Rel>(), Ok(*r));
        }
    }
}
