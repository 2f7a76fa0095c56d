//! Phrase templates: "(leave|write) (us |)a review" stands for every phrase its alternatives make.
//! Shared by `build.rs` (which checks templates and normalizes them) and the engine (which expands
//! them when it compiles a book, so the shipped module carries templates, not thousands of phrases).

/// The most phrases one template may stand for; more means the template should be split.
pub const MAX_EXPANSIONS: usize = 5000;

/// Every phrase `template` stands for, or why it is malformed.
pub fn expand(template: &str) -> Result<Vec<String>, String> {
    let mut acc = vec![String::new()];
    let mut rest = template;
    while !rest.is_empty() {
        let Some(open) = rest.find('(') else {
            acc.iter_mut().for_each(|a| a.push_str(rest));
            break;
        };
        let close = rest[open..].find(')').ok_or_else(|| format!("unclosed '(' in phrase {template:?}"))? + open;
        if rest[open + 1..close].contains('(') {
            return Err(format!("nested '(' in phrase {template:?}: alternatives cannot nest"));
        }
        let head = &rest[..open];
        let alts: Vec<&str> = rest[open + 1..close].split('|').collect();
        acc = acc.iter().flat_map(|a| alts.iter().map(move |alt| format!("{a}{head}{alt}"))).collect();
        rest = &rest[close + 1..];
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
    }
}
