//! Word forms: every inflection of a base verb or noun, so lexicon patterns name base forms.

/// Irregular verbs: base, past, past participle (several forms separated by `/`).
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("arise", "arose", "arisen"),
    ("awake", "awoke", "awoken"),
    ("bear", "bore", "borne/born"),
    ("beat", "beat", "beaten"),
    ("become", "became", "become"),
    ("begin", "began", "begun"),
    ("bend", "bent", "bent"),
    ("bet", "bet", "bet"),
    ("bid", "bid", "bid"),
    ("bind", "bound", "bound"),
    ("bite", "bit", "bitten"),
    ("bleed", "bled", "bled"),
    ("blow", "blew", "blown"),
    ("break", "broke", "broken"),
    ("breed", "bred", "bred"),
    ("bring", "brought", "brought"),
    ("broadcast", "broadcast", "broadcast"),
    ("build", "built", "built"),
    ("burn", "burnt/burned", "burnt/burned"),
    ("burst", "burst", "burst"),
    ("buy", "bought", "bought"),
    ("cast", "cast", "cast"),
    ("catch", "caught", "caught"),
    ("choose", "chose", "chosen"),
    ("cling", "clung", "clung"),
    ("come", "came", "come"),
    ("cost", "cost", "cost"),
    ("creep", "crept", "crept"),
    ("cut", "cut", "cut"),
    ("deal", "dealt", "dealt"),
    ("dig", "dug", "dug"),
    ("do", "did", "done"),
    ("draw", "drew", "drawn"),
    ("drink", "drank", "drunk"),
    ("drive", "drove", "driven"),
    ("eat", "ate", "eaten"),
    ("fall", "fell", "fallen"),
    ("feed", "fed", "fed"),
    ("feel", "felt", "felt"),
    ("fight", "fought", "fought"),
    ("find", "found", "found"),
    ("flee", "fled", "fled"),
    ("fling", "flung", "flung"),
    ("fly", "flew", "flown"),
    ("forbid", "forbade/forbid", "forbidden"),
    ("forecast", "forecast", "forecast"),
    ("foresee", "foresaw", "foreseen"),
    ("forget", "forgot", "forgotten"),
    ("forgive", "forgave", "forgiven"),
    ("freeze", "froze", "frozen"),
    ("get", "got", "gotten/got"),
    ("give", "gave", "given"),
    ("go", "went", "gone"),
    ("grind", "ground", "ground"),
    ("grow", "grew", "grown"),
    ("hang", "hung/hanged", "hung/hanged"),
    ("have", "had", "had"),
    ("hear", "heard", "heard"),
    ("hide", "hid", "hidden"),
    ("hit", "hit", "hit"),
    ("hold", "held", "held"),
    ("hurt", "hurt", "hurt"),
    ("keep", "kept", "kept"),
    ("kneel", "knelt", "knelt"),
    ("know", "knew", "known"),
    ("lay", "laid", "laid"),
    ("lead", "led", "led"),
    ("leave", "left", "left"),
    ("lend", "lent", "lent"),
    ("let", "let", "let"),
    ("lie", "lay", "lain"),
    ("light", "lit", "lit"),
    ("lose", "lost", "lost"),
    ("make", "made", "made"),
    ("mean", "meant", "meant"),
    ("meet", "met", "met"),
    ("mislead", "misled", "misled"),
    ("overcome", "overcame", "overcome"),
    ("override", "overrode", "overridden"),
    ("overrun", "overran", "overrun"),
    ("oversee", "oversaw", "overseen"),
    ("overtake", "overtook", "overtaken"),
    ("overthrow", "overthrew", "overthrown"),
    ("pay", "paid", "paid"),
    ("put", "put", "put"),
    ("quit", "quit", "quit"),
    ("read", "read", "read"),
    ("rebuild", "rebuilt", "rebuilt"),
    ("retake", "retook", "retaken"),
    ("rid", "rid", "rid"),
    ("ride", "rode", "ridden"),
    ("ring", "rang", "rung"),
    ("rise", "rose", "risen"),
    ("run", "ran", "run"),
    ("say", "said", "said"),
    ("see", "saw", "seen"),
    ("seek", "sought", "sought"),
    ("sell", "sold", "sold"),
    ("send", "sent", "sent"),
    ("set", "set", "set"),
    ("shake", "shook", "shaken"),
    ("shed", "shed", "shed"),
    ("shoot", "shot", "shot"),
    ("show", "showed", "shown"),
    ("shrink", "shrank", "shrunk"),
    ("shut", "shut", "shut"),
    ("sing", "sang", "sung"),
    ("sink", "sank", "sunk"),
    ("sit", "sat", "sat"),
    ("slay", "slew", "slain"),
    ("sleep", "slept", "slept"),
    ("slide", "slid", "slid"),
    ("speak", "spoke", "spoken"),
    ("spend", "spent", "spent"),
    ("spin", "spun", "spun"),
    ("split", "split", "split"),
    ("spread", "spread", "spread"),
    ("spring", "sprang", "sprung"),
    ("stand", "stood", "stood"),
    ("steal", "stole", "stolen"),
    ("stick", "stuck", "stuck"),
    ("sting", "stung", "stung"),
    ("strike", "struck", "struck/stricken"),
    ("strive", "strove", "striven"),
    ("swear", "swore", "sworn"),
    ("sweep", "swept", "swept"),
    ("swim", "swam", "swum"),
    ("swing", "swung", "swung"),
    ("take", "took", "taken"),
    ("teach", "taught", "taught"),
    ("tear", "tore", "torn"),
    ("tell", "told", "told"),
    ("think", "thought", "thought"),
    ("throw", "threw", "thrown"),
    ("thrust", "thrust", "thrust"),
    ("undergo", "underwent", "undergone"),
    ("undertake", "undertook", "undertaken"),
    ("understand", "understood", "understood"),
    ("uphold", "upheld", "upheld"),
    ("upset", "upset", "upset"),
    ("wake", "woke", "woken"),
    ("wear", "wore", "worn"),
    ("weep", "wept", "wept"),
    ("win", "won", "won"),
    ("withdraw", "withdrew", "withdrawn"),
    ("withhold", "withheld", "withheld"),
    ("withstand", "withstood", "withstood"),
    ("write", "wrote", "written"),
    ("shoot down", "shot down", "shot down"),
    ("outbid", "outbid", "outbid"),
    ("offset", "offset", "offset"),
    ("input", "input", "input"),
    ("spit", "spat", "spat"),
    ("stride", "strode", "stridden"),
    ("sew", "sewed", "sewn"),
    ("sow", "sowed", "sown"),
    ("slit", "slit", "slit"),
];

/// Irregular noun plurals.
const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("man", "men"),
    ("woman", "women"),
    ("person", "people"),
    ("child", "children"),
    ("foot", "feet"),
    ("crisis", "crises"),
    ("thesis", "theses"),
    ("analysis", "analyses"),
    ("basis", "bases"),
    ("life", "lives"),
    ("wife", "wives"),
    ("thief", "thieves"),
    ("chief", "chiefs"),
    ("staff", "staff"),
    ("aircraft", "aircraft"),
    ("police", "police"),
    ("personnel", "personnel"),
    ("militia", "militias"),
    ("criterion", "criteria"),
    ("medium", "media"),
    ("datum", "data"),
    ("ally", "allies"),
    ("attorney", "attorneys"),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends consonant-vowel-consonant (so the final consonant may double: "ban" → "banned").
fn ends_cvc(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
        && b[n - 1].is_ascii_alphabetic()
}

fn sibilant(w: &str) -> bool {
    w.ends_with('s') || w.ends_with('x') || w.ends_with('z') || w.ends_with("sh") || w.ends_with("ch") || w.ends_with('o')
}

fn consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// The -s form (verb third person and noun plural).
pub fn s_form(w: &str) -> String {
    if let Some(&(_, p)) = IRREGULAR_PLURALS.iter().find(|(s, _)| *s == w) {
        return p.to_string();
    }
    if let Some(stem) = w.strip_suffix("man") {
        return format!("{stem}men");
    }
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if sibilant(w) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Every form of every base word in `bases`, as a set to look forms up in.
pub fn all_forms(bases: &[&str]) -> std::collections::HashSet<String> {
    bases.iter().flat_map(|b| forms(b)).collect()
}

/// Every form of a base word: itself, -s/-es, -ed, -ing, irregular past and participle, plural.
/// Over-generation is harmless (a form that does not exist never matches).
pub fn forms(base: &str) -> Vec<String> {
    let w = base.to_lowercase();
    let mut out = vec![w.clone(), s_form(&w)];
    // "unfreeze" → "unfroze", "rebuild" → "rebuilt": a prefix on an irregular verb.
    let prefixed = ["un", "re", "out", "over", "under", "mis", "pre"].iter().find_map(|p| {
        let stem = w.strip_prefix(p)?;
        IRREGULAR
            .iter()
            .find(|(b, _, _)| *b == stem)
            .map(|&(_, past, pp)| (*p, past, pp))
    });
    if let Some((p, past, pp)) = prefixed.filter(|_| !IRREGULAR.iter().any(|(b, _, _)| *b == w)) {
        out.extend(past.split('/').map(|x| format!("{p}{x}")));
        out.extend(pp.split('/').map(|x| format!("{p}{x}")));
        out.push(ing(&w));
    } else if let Some(&(_, past, pp)) = IRREGULAR.iter().find(|(b, _, _)| *b == w) {
        out.extend(past.split('/').map(str::to_string));
        out.extend(pp.split('/').map(str::to_string));
        out.push(ing(&w));
        if ends_cvc(&w) {
            out.push(format!("{w}{}ing", &w[w.len() - 1..]));
        }
    } else if w.chars().all(|c| c.is_ascii_alphabetic()) && w.len() > 1 {
        // Regular verb forms.
        if w.ends_with('e') {
            out.push(format!("{w}d"));
        } else if consonant_y(&w) {
            out.push(format!("{}ied", &w[..w.len() - 1]));
        } else {
            out.push(format!("{w}ed"));
        }
        out.push(ing(&w));
        let b = w.as_bytes();
        let loose_cvc = b.len() >= 3
            && !is_vowel(b[b.len() - 1])
            && !matches!(b[b.len() - 1], b'w' | b'x' | b'y')
            && is_vowel(b[b.len() - 2]);
        if ends_cvc(&w) || loose_cvc || w.ends_with('l') {
            let last = &w[w.len() - 1..];
            out.push(format!("{w}{last}ed"));
            out.push(format!("{w}{last}ing"));
        }
        if w.ends_with('c') {
            out.push(format!("{w}ked"));
            out.push(format!("{w}king"));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn ing(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") && !w.ends_with("ye") && !w.ends_with("oe") && w.len() > 2 {
        format!("{}ing", &w[..w.len() - 1])
    } else {
        format!("{w}ing")
    }
}

/// Is this form a past tense or past participle of some verb (regular "-ed" or irregular)?
pub fn is_past_form(form: &str) -> bool {
    (form.ends_with("ed") && form.len() > 3)
        || IRREGULAR
            .iter()
            .any(|(_, p, pp)| p.split('/').any(|x| x == form) || pp.split('/').any(|x| x == form))
}

/// Is this form a past participle (regular "-ed" or irregular participle)?
pub fn is_participle(form: &str) -> bool {
    (form.ends_with("ed") && form.len() > 3) || IRREGULAR.iter().any(|(_, _, pp)| pp.split('/').any(|x| x == form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(base: &str, expect: &[&str]) {
        let f = forms(base);
        for e in expect {
            assert!(f.iter().any(|x| x == e), "{base}: missing {e} in {f:?}");
        }
    }

    #[test]
    fn verbs_and_nouns() {
        check("shoot", &["shoot", "shoots", "shot", "shooting"]);
        check("meet", &["met", "meets", "meeting"]);
        check("carry", &["carries", "carried", "carrying"]);
        check("ban", &["banned", "banning", "bans"]);
        check("deploy", &["deployed", "deploys"]);
        check("urge", &["urged", "urging", "urges"]);
        check("airstrike", &["airstrikes"]);
        check("policeman", &["policemen"]);
        check("militia", &["militias"]);
        check("strike", &["struck", "striking", "strikes"]);
        check("die", &["dying", "died"]);
        check("patrol", &["patrolled", "patrolling"]);
        check("panic", &["panicked"]);
        check("equip", &["equipped"]);
        check("unfreeze", &["unfroze", "unfrozen"]);
    }

    #[test]
    fn tenses() {
        assert!(is_past_form("met"));
        assert!(is_past_form("carried"));
        assert!(!is_past_form("flies"));
        assert!(is_participle("shot"));
        assert!(is_participle("taken"));
        assert!(!is_participle("took"));
    }
}
