//! Whether the subject or contact reason the seller picked is the critical route: "Additional
//! Information Required" on the older form (or its translation), or "[Important]" anywhere in an
//! e-mail subject ("[Wichtig]", "[重要]"). Every book's markers count, whatever the draft's language,
//! because sellers write in the buyer's language on a Seller Central in their own.

use crate::rulebook;
use crate::text::fold::fold_str;

pub fn is_critical_route(subject: Option<&str>) -> bool {
    let Some(subject) = subject else { return false };
    let folded = fold_str(subject);
    let squashed: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    rulebook::all().iter().flat_map(|b| b.critical_subjects.iter()).any(|marker| {
        let m: String = marker.chars().filter(|c| !c.is_whitespace()).collect();
        folded.contains(marker) || squashed.contains(&m)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_critical_subjects() {
        assert!(is_critical_route(Some("Additional Information Required")));
        assert!(is_critical_route(Some("Re: [Important] delivery")));
        assert!(is_critical_route(Some("[ IMPORTANT ] order")));
        assert!(is_critical_route(Some("［Ｗｉｃｈｔｉｇ］ Lieferung")));
        assert!(is_critical_route(Some("[重要] 配送")));
        assert!(is_critical_route(Some("Zusätzliche Informationen erforderlich")));
        assert!(!is_critical_route(Some("Other")));
        assert!(!is_critical_route(Some("Important question")));
        assert!(!is_critical_route(None));
    }
}
