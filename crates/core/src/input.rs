//! Article readers for plain text (with an optional header block), HTML and JSONL lines.
//! IO-free: they take bytes, return articles plus problems; the CLI walks the files.

use crate::article::Article;
use crate::date::Date;

/// A problem reading input, with the 1-based line when one applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputIssue {
    /// Line number, when the problem is on one line.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// Whether the article was skipped (true) or read with repairs (false).
    pub skipped: bool,
}

/// Decode bytes as UTF-8, replacing undecodable bytes; reports where the first bad byte was.
pub fn decode(bytes: &[u8]) -> (String, Option<InputIssue>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let text = String::from_utf8_lossy(bytes).into_owned();
            (
                text,
                Some(InputIssue {
                    line: Some(line),
                    message: format!("invalid UTF-8 at byte {at}; undecodable bytes replaced with U+FFFD"),
                    skipped: false,
                }),
            )
        }
    }
}

/// Read a plain-text article. A leading header block of `Key: value` lines (Date, Title,
/// Outlet/Source, URL, Id) followed by a blank line sets those fields and is not coded.
pub fn read_text(id: &str, text: &str, default_date: Option<Date>) -> (Article, Vec<InputIssue>) {
    let mut issues = Vec::new();
    let mut article = Article::new(id, default_date, text);
    let mut header_end = 0;
    let mut fields = Vec::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() {
            if !fields.is_empty() {
                header_end += line.len();
            }
            break;
        }
        match t.split_once(':') {
            Some((k, v))
                if matches!(
                    k.trim().to_ascii_lowercase().as_str(),
                    "date" | "title" | "outlet" | "source" | "url" | "id"
                ) =>
            {
                fields.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                header_end += line.len();
            }
            _ => {
                fields.clear();
                header_end = 0;
                break;
            }
        }
    }
    if !fields.is_empty() && header_end < text.len() {
        for (k, v) in fields {
            match k.as_str() {
                "date" => match Date::parse(&v) {
                    Some(d) => article.report_date = Some(d),
                    None => issues.push(InputIssue {
                        line: None,
                        message: format!("header `Date: {v}` is not YYYY-MM-DD; ignored"),
                        skipped: false,
                    }),
                },
                "title" => article.title = Some(v),
                "outlet" | "source" => article.source = Some(v),
                "url" => article.url = Some(v),
                "id" if !v.is_empty() => article.id = v,
                _ => {}
            }
        }
        // Offsets are into the article body, after the header block.
        article.text = text[header_end..].to_string();
    }
    if article.text.trim().is_empty() {
        issues.push(InputIssue {
            line: None,
            message: "empty article: nothing to code".into(),
            skipped: true,
        });
    }
    (article, issues)
}

/// Read one JSONL line: an object with `text` and optional `id`, `date`, `title`, `url`, `source`.
#[cfg(feature = "serde")]
pub fn read_jsonl_line(fallback_id: &str, line: &str, default_date: Option<Date>) -> Result<(Article, Vec<InputIssue>), String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON: {e}"))?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    let text = obj.get("text").and_then(|t| t.as_str()).ok_or("no string field `text`")?;
    let mut issues = Vec::new();
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.is_empty() => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id.to_string(),
    };
    let mut article = Article::new(id, default_date, text);
    if let Some(d) = obj.get("date").and_then(|d| d.as_str()) {
        // Accept "2015-11-24" and "2015-11-24T10:00:00Z".
        match Date::parse(d.get(..10).unwrap_or(d)) {
            Some(d) => article.report_date = Some(d),
            None => issues.push(InputIssue {
                line: None,
                message: format!("`date` {d:?} is not YYYY-MM-DD; using the default date"),
                skipped: false,
            }),
        }
    }
    let s = |k: &str| obj.get(k).and_then(|x| x.as_str()).map(str::to_string);
    article.title = s("title");
    article.url = s("url");
    article.source = s("source");
    if text.trim().is_empty() {
        issues.push(InputIssue {
            line: None,
            message: "empty `text`: nothing to code".into(),
            skipped: true,
        });
    }
    Ok((article, issues))
}

/// Extract an HTML article's body text: the `<article>` element if any, else the page's
/// paragraphs and headings; scripts, styles, navigation, headers, footers, forms and asides are
/// dropped; entities decoded. Tolerates broken markup.
pub fn html_to_text(html: &str) -> (String, Option<String>, Vec<InputIssue>) {
    let mut issues = Vec::new();
    let lower = html.to_ascii_lowercase();
    let title = find_between(html, &lower, "<title", "</title>").map(|t| decode_entities(strip_tags(t).trim()));
    let region = match (lower.find("<article"), lower.rfind("</article>")) {
        (Some(a), Some(b)) if b > a => &html[a..b],
        (Some(a), None) => {
            issues.push(InputIssue {
                line: None,
                message: "unclosed <article> element; reading to the end".into(),
                skipped: false,
            });
            &html[a..]
        }
        _ => html,
    };
    let mut out = String::new();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut i = 0;
    let bytes = region.as_bytes();
    const SKIP: &[&str] = &[
        "script", "style", "nav", "header", "footer", "form", "aside", "noscript", "svg", "button", "figure", "iframe", "select",
        "template",
    ];
    const BLOCK: &[&str] = &[
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "br",
        "tr",
        "blockquote",
        "section",
        "article",
        "ul",
        "ol",
        "table",
        "dd",
        "dt",
        "pre",
        "main",
    ];
    let mut text_buf = String::new();
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let end = region[i..].find('>').map(|e| i + e + 1);
            let Some(end) = end else {
                issues.push(InputIssue {
                    line: None,
                    message: "unterminated tag at the end of the HTML; ignored".into(),
                    skipped: false,
                });
                break;
            };
            let tag = &region[i + 1..end - 1];
            if tag.starts_with("!--") {
                let close = region[i..].find("-->").map(|e| i + e + 3).unwrap_or(bytes.len());
                i = close;
                continue;
            }
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if SKIP.contains(&name.as_str()) {
                if closing {
                    if let Some(pos) = skip_depth.iter().rposition(|n| *n == name) {
                        skip_depth.truncate(pos);
                    }
                } else if !tag.ends_with('/') {
                    skip_depth.push(name.clone());
                    if name == "script" || name == "style" {
                        // Raw text elements: jump to their end tag.
                        let close_tag = format!("</{name}");
                        if let Some(c) = region[end..].to_ascii_lowercase().find(&close_tag) {
                            i = end + c;
                            continue;
                        }
                    }
                }
            } else if BLOCK.contains(&name.as_str()) && skip_depth.is_empty() {
                flush(&mut out, &mut text_buf);
            }
            i = end;
        } else {
            let next = region[i..].find('<').map(|e| i + e).unwrap_or(bytes.len());
            if skip_depth.is_empty() {
                text_buf.push_str(&region[i..next]);
            }
            i = next;
        }
    }
    flush(&mut out, &mut text_buf);
    (out.trim().to_string(), title, issues)
}

fn flush(out: &mut String, buf: &mut String) {
    let t = decode_entities(&buf.split_whitespace().collect::<Vec<_>>().join(" "));
    if !t.is_empty() {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&t);
    }
    buf.clear();
}

fn find_between<'a>(s: &'a str, lower: &str, open: &str, close: &str) -> Option<&'a str> {
    let a = lower.find(open)?;
    let a = a + lower[a..].find('>')? + 1;
    let b = a + lower[a..].find(close)?;
    Some(&s[a..b])
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Decode HTML character references (named common ones and numeric).
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        // An entity is short: look for its ';' within the next 12 characters (not bytes).
        let end = rest.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                "hellip" => Some('…'),
                _ => ent
                    .strip_prefix("#x")
                    .or_else(|| ent.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_block() {
        let (a, issues) = read_text("x", "Date: 2031-03-04\nTitle: Hello\n\nBody text.", None);
        assert_eq!(a.report_date.map(|d| d.to_string()).as_deref(), Some("2031-03-04"));
        assert_eq!(a.title.as_deref(), Some("Hello"));
        assert_eq!(a.text, "Body text.");
        assert!(issues.is_empty());
        let (a, _) = read_text("x", "Dateline: not a header\n\nBody.", None);
        assert!(a.text.starts_with("Dateline"));
    }

    #[test]
    fn html_body() {
        let html = "<html><head><title>T &amp; U</title><script>var x = '<p>no</p>';</script></head><body><nav>Menu</nav><article><h1>Head</h1><p>First &quot;para&quot;.</p><aside>ad</aside><p>Second&#8217;s.</p></article><footer>f</footer></body></html>";
        let (text, title, issues) = html_to_text(html);
        assert_eq!(text, "Head\n\nFirst \"para\".\n\nSecond’s.");
        assert_eq!(title.as_deref(), Some("T & U"));
        assert!(issues.is_empty());
        let (text, _, issues) = html_to_text("<p>Broken <b>markup</p><p>and <i");
        assert_eq!(text, "Broken markup\n\nand");
        assert_eq!(issues.len(), 1);
    }

    #[test]
    fn entities_next_to_multibyte_text() {
        assert_eq!(decode_entities("a &amp; b"), "a & b");
        assert_eq!(decode_entities("&éééééééé;"), "&éééééééé;");
        assert_eq!(decode_entities("x &#8217;s &bogus; &"), "x ’s &bogus; &");
    }

    #[test]
    fn bad_utf8_is_reported_with_line() {
        let (text, issue) = decode(b"ok\nbad \xff here");
        assert!(text.contains('\u{fffd}'));
        assert_eq!(issue.map(|i| i.line), Some(Some(2)));
    }
}
