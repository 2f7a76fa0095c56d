//! Phrase templates: "(leave|write) (us |)a review" stands for every phrase its alternatives make.
//! Shared by `build.rs` (which checks templates and normalizes them) and the engine (which expands
//! them when it compiles a book, so the shipped module carries templates, not thousands of phrases).

/// The most phrases one template may stand for; more means the template should be split.
pub const MAX_EXPANSIONS: usize = 5000;

/// Every phrase `template` stands for, or why it is malformed. `\(`, `\)` and `\|` are literal.
pub fn expand(template: &str) -> Result<Vec<String>, String> {
    // Parse into literal pieces and groups of alternatives.
    let mut pieces: Vec<Vec<String>> = vec![vec![String::new()]];
    let mut group: Option<Vec<String>> = None;
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        let (c, escaped) = match c {
            '\\' => (chars.next().ok_or_else(|| format!("phrase {template:?} ends with a lone backslash"))?, true),
            c => (c, false),
        };
        match (c, escaped, group.as_mut()) {
            ('(', false, None) => group = Some(vec![String::new()]),
            ('(', false, Some(_)) => return Err(format!("nested '(' in phrase {template:?}: alternatives cannot nest")),
            (')', false, Some(_)) => {
                pieces.push(group.take().unwrap_or_default());
                pieces.push(vec![String::new()]);
            }
            (')', false, None) => return Err(format!("unmatched ')' in phrase {template:?}")),
            ('|', false, Some(g)) => g.push(String::new()),
            (c, _, Some(g)) => g.last_mut().expect("a group has an alternative").push(c),
            (c, _, None) => pieces.last_mut().expect("pieces is never empty")[0].push(c),
        }
    }
    if group.is_some() {
        return Err(format!("unclosed '(' in phrase {template:?}"));
    }
    let mut acc = vec![String::new()];
    for piece in &pieces {
        acc = acc.iter().flat_map(|a| piece.iter().map(move |alt| format!("{a}{alt}"))).collect();
        if acc.len() > MAX_EXPANSIONS {
            return Err(format!("phrase {template:?} stands for more than {MAX_EXPANSIONS} phrases; split it"));
        }
    }
    Ok(acc.into_iter().map(|p| collapse_spaces(&p)).filter(|p| !p.is_empty()).collect())
}

fn collapse_spaces(s: &str) -> String {
    s.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_alternatives() {
        assert_eq!(expand("leave (us |)a (review|rating)").unwrap(), ["leave us a review", "leave us a rating", "leave a review", "leave a rating"]);
        assert_eq!(expand("plain").unwrap(), ["plain"]);
        assert!(expand("bad (open").is_err());
        assert!(expand("a ((b))").is_err());
        assert_eq!(expand(r":\( or \(x\|y\)").unwrap(), [":( or (x|y)"]);
    }
}
