//! CoNLL-U reading and writing, IO-free: [`parse`] takes `&str`.
//!
//! Multiword-token lines (`29-30`) are kept in [`Sentence::multiword`] and do not
//! count as words; empty nodes (`8.1`) are skipped. A malformed line is an
//! [`Error::Conllu`] naming its line number.

use crate::error::{ConlluProblem, Error, Result};
use std::fmt::Write as _;

/// One syntactic word (a line whose ID is a plain number).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Token {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS, as written.
    pub upos: String,
    /// XPOS, as written.
    pub xpos: String,
    /// FEATS.
    pub feats: String,
    /// HEAD: `Some(0)` for the root, `None` where the file has `_`.
    pub head: Option<usize>,
    /// DEPREL, as written (with subtype).
    pub deprel: String,
    /// DEPS.
    pub deps: String,
    /// MISC.
    pub misc: String,
}

/// A multiword token spanning words `first..=last` (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Multiword {
    /// First word ID.
    pub first: usize,
    /// Last word ID.
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// MISC.
    pub misc: String,
}

/// One sentence: its comment lines, words and multiword tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines without the leading `#` and one space.
    pub comments: Vec<String>,
    /// Words; word `i` has ID `i + 1`.
    pub tokens: Vec<Token>,
    /// Multiword tokens.
    pub multiword: Vec<Multiword>,
}

impl Sentence {
    /// The word forms.
    pub fn words(&self) -> Vec<&str> {
        self.tokens.iter().map(|t| t.form.as_str()).collect()
    }

    /// Writes the sentence as CoNLL-U, with a blank line after it.
    pub fn write_to(&self, out: &mut String) {
        for c in &self.comments {
            let _ = writeln!(out, "# {c}");
        }
        for (i, t) in self.tokens.iter().enumerate() {
            for m in self.multiword.iter().filter(|m| m.first == i + 1) {
                let _ = writeln!(out, "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}", m.first, m.last, m.form, m.misc);
            }
            let head = t.head.map_or_else(|| "_".to_string(), |h| h.to_string());
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                t.form,
                t.lemma,
                t.upos,
                t.xpos,
                t.feats,
                head,
                t.deprel,
                t.deps,
                t.misc
            );
        }
        out.push('\n');
    }
}

/// Parses CoNLL-U text into sentences. Sentences are separated by blank lines;
/// a final sentence without a trailing blank line is kept.
pub fn parse(text: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut first_line = 1;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            finish(&mut cur, &mut out, first_line)?;
            first_line = line_no + 1;
            continue;
        }
        if cur.tokens.is_empty() && cur.comments.is_empty() && cur.multiword.is_empty() {
            first_line = line_no;
        }
        if let Some(c) = line.strip_prefix('#') {
            cur.comments.push(c.strip_prefix(' ').unwrap_or(c).to_string());
            continue;
        }
        let err = |problem| Error::Conllu { line: line_no, problem };
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 10 {
            return Err(err(ConlluProblem::FieldCount { found: fields.len() }));
        }
        let id = fields[0];
        if let Some((a, b)) = id.split_once('-') {
            let (first, last) = match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) => (a, b),
                _ => return Err(err(ConlluProblem::BadId { id: id.to_string() })),
            };
            if last < first || first == 0 {
                return Err(err(ConlluProblem::BadRange { id: id.to_string() }));
            }
            cur.multiword.push(Multiword {
                first,
                last,
                form: fields[1].to_string(),
                misc: fields[9].to_string(),
            });
            continue;
        }
        if let Some((a, b)) = id.split_once('.') {
            if a.parse::<usize>().is_err() || b.parse::<usize>().is_err() {
                return Err(err(ConlluProblem::BadId { id: id.to_string() }));
            }
            continue; // empty node of the enhanced graph
        }
        let n: usize = id.parse().map_err(|_| err(ConlluProblem::BadId { id: id.to_string() }))?;
        let expected = cur.tokens.len() + 1;
        if n != expected {
            return Err(err(ConlluProblem::OutOfOrder { expected, found: n }));
        }
        let head = match fields[6] {
            "_" => None,
            h => Some(
                h.parse::<usize>()
                    .map_err(|_| err(ConlluProblem::BadHead { head: h.to_string() }))?,
            ),
        };
        cur.tokens.push(Token {
            form: fields[1].to_string(),
            lemma: fields[2].to_string(),
            upos: fields[3].to_string(),
            xpos: fields[4].to_string(),
            feats: fields[5].to_string(),
            head,
            deprel: fields[7].to_string(),
            deps: fields[8].to_string(),
            misc: fields[9].to_string(),
        });
    }
    finish(&mut cur, &mut out, first_line)?;
    Ok(out)
}

fn finish(cur: &mut Sentence, out: &mut Vec<Sentence>, first_line: usize) -> Result<()> {
    let s = std::mem::take(cur);
    if s.tokens.is_empty() {
        return Ok(()); // blank lines or a comment-only block
    }
    let words = s.tokens.len();
    for (i, t) in s.tokens.iter().enumerate() {
        if let Some(head) = t.head {
            if head > words {
                // Line of the offending token: first line + comments + earlier lines.
                let line = first_line + s.comments.len() + i + s.multiword.iter().filter(|m| m.first <= i + 1).count();
                return Err(Error::Conllu {
                    line,
                    problem: ConlluProblem::HeadOutOfRange { head, words },
                });
            }
        }
    }
    out.push(s);
    Ok(())
}

/// Writes sentences as CoNLL-U text.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        s.write_to(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `input` and renders one line per sentence: `form/upos>head:deprel …`
    /// plus multiword ranges, or the error.
    #[track_caller]
    fn check(input: &str, expect: &str) {
        let got = match parse(input) {
            Ok(sents) => sents
                .iter()
                .map(|s| {
                    let mut line: Vec<String> = s
                        .tokens
                        .iter()
                        .map(|t| {
                            let head = t.head.map_or("_".to_string(), |h| h.to_string());
                            format!("{}/{}>{}:{}", t.form, t.upos, head, t.deprel)
                        })
                        .collect();
                    for m in &s.multiword {
                        line.push(format!("[{}-{} {}]", m.first, m.last, m.form));
                    }
                    if !s.comments.is_empty() {
                        line.push(format!("#{}", s.comments.len()));
                    }
                    line.join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Err(e) => format!("error: {e}"),
        };
        assert_eq!(got, expect);
    }

    const TWO: &str = "# sent_id = 1\n# text = I can't go.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:conj\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\
\n\
1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn multiword_and_empty_nodes() {
        check(
            TWO,
            "I/PRON>4:nsubj ca/AUX>4:aux n't/PART>4:advmod go/VERB>0:root ./PUNCT>4:punct [2-3 can't] #2\n\
             Hi/INTJ>0:root",
        );
    }

    #[test]
    fn blank_lines_and_crlf() {
        check("\n\n1\ta\ta\tX\tXX\t_\t0\troot\t_\t_\r\n\r\n\n", "a/X>0:root");
        check("", "");
        check("# only a comment\n\n", "");
    }

    #[test]
    fn underscore_head() {
        check("1\ta\ta\tX\tXX\t_\t_\t_\t_\t_\n", "a/X>_:_");
    }

    #[test]
    fn malformed_lines() {
        check(
            "1\ta\ta\tX\n",
            "error: CoNLL-U line 1: expected 10 tab-separated fields, found 4",
        );
        check(
            "1\ta\ta\tX\tXX\t_\t0\troot\t_\t_\n3\tb\tb\tX\tXX\t_\t1\tdep\t_\t_\n",
            "error: CoNLL-U line 2: word ID 3 out of order (expected 2)",
        );
        check(
            "x\ta\ta\tX\tXX\t_\t0\troot\t_\t_\n",
            "error: CoNLL-U line 1: bad ID field `x`",
        );
        check(
            "1\ta\ta\tX\tXX\t_\tz\troot\t_\t_\n",
            "error: CoNLL-U line 1: bad HEAD field `z`",
        );
        check(
            "# c\n1\ta\ta\tX\tXX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tXX\t_\t7\tdep\t_\t_\n",
            "error: CoNLL-U line 3: HEAD 7 is past the sentence's 2 words",
        );
        check(
            "3-2\ta\t_\t_\t_\t_\t_\t_\t_\t_\n",
            "error: CoNLL-U line 1: bad multiword range `3-2`",
        );
        check(
            "1.x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n",
            "error: CoNLL-U line 1: bad ID field `1.x`",
        );
    }

    #[test]
    fn write_round_trips() {
        let sents = parse(TWO).unwrap();
        let text = write(&sents);
        assert_eq!(parse(&text).unwrap(), sents);
    }
}
