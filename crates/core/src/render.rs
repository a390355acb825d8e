//! Human-readable renderings: one line per event (the `table` format and golden files), and
//! the `--explain` block that shows which words gave each field and which rule fired.

use crate::record::{Entity, EventRecord};

fn entity_label(e: &Entity) -> String {
    let mut s = if e.code.is_empty() {
        "---".to_string()
    } else {
        e.code.clone()
    };
    if let Some(sec) = &e.sector {
        s.push(' ');
        s.push_str(sec);
    }
    if let Some(n) = &e.identifier_text {
        s.push_str(&format!(" ({n})"));
    }
    s
}

fn entities(list: &[Entity]) -> String {
    if list.is_empty() {
        "-".into()
    } else {
        // Parties with the same label ("NGA" and "NGA" for two groups of Nigerians) show once.
        let mut labels: Vec<String> = Vec::new();
        for l in list.iter().map(entity_label) {
            if !labels.contains(&l) {
                labels.push(l);
            }
        }
        labels.join(" + ")
    }
}

/// One readable line per event:
/// `2015-11-23  FRA MIL -> IMG (Islamic State)  ASSAULT/aerial 195  @Raqqa  asserted  "carried out airstrikes"`;
/// an event with several modes shows them all, joined by `+`.
pub fn table_line(r: &EventRecord) -> String {
    let date = r.date.map(|d| d.to_string()).unwrap_or_else(|| "----------".into());
    // Every mode, joined by "+" ("ASSAULT/beat+primitive").
    let event = match r.event.first() {
        Some(e) if !r.mode.is_empty() => format!("{e}/{}", r.mode.join("+")),
        Some(e) => e.clone(),
        None => "(CAMEO only)".into(),
    };
    let place = match &r.event_loc {
        Some(l) => format!("@{}", l.extracted_place),
        None => "@-".into(),
    };
    let modality = match &r.attribution {
        Some(a) => format!("{} by {}", r.modality.as_str(), a.entity_text),
        None => r.modality.as_str().to_string(),
    };
    format!(
        "{date}  {} -> {}  {event} {}  {place}  {modality}  \"{}\"",
        entities(&r.actor),
        entities(&r.recipient),
        r.cameo,
        r.event_text.join(" ")
    )
}

/// The `--explain` block for one record: each field, its words, its rule.
pub fn explain(r: &EventRecord) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "  sentence {} [{}..{}]: {}\n",
        r.sequence,
        r.start,
        r.end,
        r.text.split_whitespace().collect::<Vec<_>>().join(" ")
    ));
    for e in &r.evidence {
        let words = if e.text.is_empty() {
            String::new()
        } else {
            format!("\"{}\" [{}..{}] ", e.text, e.start.unwrap_or(0), e.end.unwrap_or(0))
        };
        out.push_str(&format!("  {:<15} {}← {}\n", e.field, words, e.rule));
    }
    if let Some(l) = &r.event_loc {
        let coords = match (l.lat, l.lon) {
            (Some(a), Some(b)) => format!("{a:.4},{b:.4}"),
            _ => "no coordinates".into(),
        };
        out.push_str(&format!(
            "  {:<15} {} → {} ({}) geonameid {} {}\n",
            "place",
            l.extracted_place,
            l.resolved_place.as_deref().unwrap_or("?"),
            l.country_code.as_deref().unwrap_or("?"),
            l.geonameid.map(|g| g.to_string()).unwrap_or_default(),
            coords
        ));
    }
    out.push_str(&format!("  {:<15} {}\n", "rule", r.rule));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn party(code: &str, sector: Option<&str>, start: usize) -> Entity {
        Entity {
            code: code.into(),
            sector: sector.map(Into::into),
            entity_text: "x".into(),
            identifier_text: None,
            office: None,
            start,
            end: start + 1,
            span: Span::new(start, start + 1),
        }
    }

    #[test]
    fn parties_with_one_label_show_once() {
        let list = [party("NGA", None, 0), party("NGA", None, 5), party("NGA", Some("MIL"), 9)];
        assert_eq!(entities(&list), "NGA + NGA MIL");
        assert_eq!(entities(&[]), "-");
    }
}
