//! Behaviour of the whole analyzer on drafts the team wrote: categories, advice, offsets in UTF-16
//! (what JavaScript uses) with emoji, CJK and combining marks around matches, placeholders, evasions.

use msgguard::{analyze, Category, Options, SubjectAdvice};

fn u16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("offsets do not split a surrogate pair")
}

fn rules_of(text: &str) -> Vec<&'static str> {
    analyze(text, &Options::default()).findings.iter().map(|f| f.rule).collect()
}

#[test]
fn every_match_is_the_text_at_its_utf16_offsets() {
    let drafts = [
        "😀😀 Please leave a 5-star review at www.shop.com",
        "中文字符 email me: name@shop.com 😀 then",
        "e\u{301}e\u{301} call 555-123-4567 please",
        "👨‍👩‍👧 family ★★★★★ and ｗｗｗ．ｓｈｏｐ．ｃｏｍ",
        "Dear ${order.recipient_name}, 🎉 use code SAVE for 20% off",
    ];
    for text in drafts {
        let report = analyze(text, &Options::default());
        assert!(!report.findings.is_empty(), "{text:?} should have findings");
        for f in &report.findings {
            assert_eq!(u16_slice(text, f.start, f.end), f.matched, "{} in {text:?}", f.rule);
        }
        for e in &report.evidence {
            assert_eq!(u16_slice(text, e.start, e.end), e.text);
        }
        assert_eq!(report.length, text.encode_utf16().count());
    }
}

#[test]
fn offsets_shift_by_two_units_per_astral_character_before_a_match() {
    let plain = analyze("Visit www.shop.com", &Options::default());
    let emoji = analyze("😀Visit www.shop.com", &Options::default());
    let link = |r: &msgguard::Report| r.findings.iter().find(|f| f.rule == "CT001").map(|f| (f.start, f.end)).unwrap();
    let (s, e) = link(&plain);
    assert_eq!(link(&emoji), (s + 2, e + 2));
}

#[test]
fn combining_marks_inside_and_before_a_match_keep_offsets_exact() {
    // "é" as e + U+0301 before the match, and inside the link's host.
    let text = "Cafe\u{301} owner: visit www.shope\u{301}s.com today";
    let report = analyze(text, &Options::default());
    let f = report.findings.iter().find(|f| f.rule == "CT001").expect("CT001");
    assert_eq!(f.matched, "www.shope\u{301}s.com");
    assert_eq!(u16_slice(text, f.start, f.end), f.matched);
}

#[test]
fn a_match_containing_an_emoji_keeps_it_whole() {
    let text = "Leave 5 ⭐ in your review";
    let f = analyze(text, &Options::default()).findings.into_iter().find(|f| f.rule == "RV001").expect("RV001");
    assert_eq!(f.matched, "5 ⭐");
}

#[test]
fn placeholders_are_never_links_or_addresses() {
    for text in [
        "Hi ${order.recipient_name}, see {{review_link}} and [review link] and [[product-name]].",
        "Preview: ${options.previewUrl} — order {{ $orderNumber }}",
        "Contact {seller_email} or %STORE_URL%",
    ] {
        let found = rules_of(text);
        assert!(!found.iter().any(|r| ["CT001", "CT002", "CT004", "CT005"].contains(r)), "{text:?} flagged {found:?}");
    }
    // A real address next to a placeholder is still an address.
    assert!(rules_of("Write to ${name}@myshop.com").contains(&"CT004"));
}

#[test]
fn evasions_are_caught() {
    let cases = [
        ("visit w w w . myshop . com", "CT001"),
        ("see myshop dot com", "CT001"),
        ("name [at] mail [dot] com", "CT004"),
        ("name (at) mail (dot) com", "CT004"),
        ("help at myshop dot com", "CT004"),
        ("ｗｗｗ．ｍｙｓｈｏｐ．ｃｏｍ", "CT001"),
        ("www.my\u{200B}shop.com", "CT001"),
        ("www.mуshop.com", "CT001"), // Cyrillic у
        ("www.myshop\n.com", "CT001"),
        ("Rate us ★★★★★", "FM002"),
        ("Leave a 5 ⭐ review", "RV001"),
        ("follow us on i n s t a g r a m", "MK004"),
        ("leave a five star review", "RV001"),
        ("Please leave a 𝐩𝐨𝐬𝐢𝐭𝐢𝐯𝐞 review", "RV001"),
    ];
    for (text, rule) in cases {
        assert!(rules_of(text).contains(&rule), "{text:?} should be flagged {rule}, got {:?}", rules_of(text));
    }
}

#[test]
fn look_alikes_of_phone_numbers_pass() {
    for text in [
        "Your order 111-2223334-4445556 ships on 12/24/2025.",
        "It costs $1,299.99 and weighs 2.5 kg; model XR-2000-15.",
        "Delivery takes 3-5 business days; tracking 1Z999AA10123456784.",
        "Ref 2025-11-26, size 10.5, ASIN B0C1234567.",
    ] {
        let found = rules_of(text);
        assert!(!found.contains(&"CT005"), "{text:?} flagged as phone: {found:?}");
    }
}

#[test]
fn categories_of_typical_drafts() {
    use Category::*;
    let cases = [
        ("Hello Ann, which name would you like engraved on the bracelet? Please reply with the exact spelling.", Critical),
        ("The freight carrier needs to schedule a delivery appointment with you. Which day works best?", Critical),
        ("Your shipping address is missing the apartment number. Could you confirm your shipping address?", Critical),
        ("We are sorry: your order is delayed by the carrier and will arrive next week.", Critical),
        ("Here is the activation key for your software: ABCD-1234.", Critical),
        ("If you have a moment, please leave an honest review of your purchase.", Noncritical),
        ("Here is the user guide for your new blender, with some cleaning tips.", Noncritical),
        ("Thank you for your order!", Noncritical),
        ("Your order is delayed. Once it arrives, please leave us a review.", Noncritical),
        ("Please leave us a 5-star review!", Prohibited),
        ("Use code SAVE10 for 10% off your next order.", Prohibited),
        ("Follow us on Instagram for new arrivals.", Prohibited),
        ("Reach us on WhatsApp at +1 555 123 4567.", Prohibited),
    ];
    for (text, want) in cases {
        let report = analyze(text, &Options::default());
        assert_eq!(report.category, want, "{text:?}: {} / evidence {:?} / findings {:?}", report.summary,
            report.evidence.iter().map(|e| (e.topic, e.trigger.as_str())).collect::<Vec<_>>(),
            report.findings.iter().map(|f| (f.rule, f.matched.as_str())).collect::<Vec<_>>());
    }
}

#[test]
fn critical_evidence_quotes_the_sentence() {
    let text = "Hi! Which font would you like for the engraving? Thanks.";
    let report = analyze(text, &Options::default());
    assert_eq!(report.category, Category::Critical);
    let e = report.evidence.iter().find(|e| e.topic == "customization").expect("customization evidence");
    assert_eq!(e.text, "Which font would you like for the engraving?");
    assert!(report.summary.starts_with("Critical"));
}

#[test]
fn subject_advice_follows_category_and_chosen_reason() {
    let critical = "Which name would you like engraved?";
    let noncritical = "Please leave an honest review when you have a moment.";
    let prohibited = "Leave us a 5-star review!";
    let normal = Options::default();
    let important = Options::with_subject("Additional Information Required");
    let tagged = Options::with_subject("[Important] about your order");
    assert_eq!(analyze(critical, &normal).subject_advice, SubjectAdvice::CriticalReason);
    assert_eq!(analyze(critical, &important).subject_advice, SubjectAdvice::CriticalReason);
    assert_eq!(analyze(noncritical, &normal).subject_advice, SubjectAdvice::NormalReason);
    assert_eq!(analyze(noncritical, &important).subject_advice, SubjectAdvice::MisusedCriticalReason);
    assert_eq!(analyze(noncritical, &tagged).subject_advice, SubjectAdvice::MisusedCriticalReason);
    let flagged = Options { critical_reason: true, ..Options::default() };
    assert_eq!(analyze(noncritical, &flagged).subject_advice, SubjectAdvice::MisusedCriticalReason);
    assert_eq!(analyze(prohibited, &important).subject_advice, SubjectAdvice::FixFirst);
    assert_eq!(analyze("   ", &normal).subject_advice, SubjectAdvice::None);
    assert!(analyze("   ", &normal).empty);
}

#[test]
fn suggestions_match_the_case_of_the_text_they_replace() {
    let report = analyze("Positive review please", &Options::default());
    let f = report.findings.iter().find(|f| f.rule == "RV001").expect("RV001");
    assert_eq!(f.suggestions, ["Genuine review"]);
}

#[test]
fn partial_suggestions_are_resolved_against_the_match() {
    let report = analyze("Review: HTTP://www.amazon.com/x", &Options::default());
    let f = report.findings.iter().find(|f| f.rule == "CT003").expect("CT003");
    assert_eq!(f.suggestions, ["https://www.amazon.com/x"]);
}

#[test]
fn findings_are_sorted_and_deterministic() {
    let text = "😀 Call 555-123-4567, visit www.shop.com, leave a 5-star review, use code SAVE for 20% off ★★★★★";
    let a = serde_json::to_string(&analyze(text, &Options::default())).unwrap();
    let b = serde_json::to_string(&analyze(text, &Options::default())).unwrap();
    assert_eq!(a, b);
    let report = analyze(text, &Options::default());
    assert!(report.findings.windows(2).all(|w| w[0].start <= w[1].start));
}

#[test]
fn opted_out_buyer_non_critical_parts_are_errors_that_do_not_prohibit() {
    let text = "Your engraving is ready. Please leave us a review when it arrives.";
    let normal = analyze(text, &Options::default());
    assert!(normal.findings.iter().all(|f| f.rule != "OP002"), "OP002 only when the buyer opted out");
    let opted = analyze(text, &Options { opted_out: true, ..Options::default() });
    let f = opted.findings.iter().find(|f| f.rule == "OP002").expect("OP002 for the review request");
    assert_eq!(f.severity.as_str(), "error");
    assert_eq!(f.matched, "leave us a review");
    assert_eq!(opted.category.as_str(), "noncritical", "not delivered is not blocked: the category stays");
    assert_eq!(opted.subject_advice.as_str(), "normal-reason");
    // a purely critical draft reaches opted-out buyers: nothing to flag
    let critical = analyze("Which font would you like for the engraving?", &Options { opted_out: true, ..Options::default() });
    assert!(critical.findings.is_empty(), "{:?}", critical.findings);
}

/// The OP002 spans of `text` for a buyer who opted out, as the text they cover.
fn not_delivered(text: &str) -> Vec<String> {
    let report = analyze(text, &Options { opted_out: true, ..Options::default() });
    report.findings.iter().filter(|f| f.rule == "OP002").map(|f| u16_slice(text, f.start, f.end)).collect()
}

#[test]
fn opted_out_buyer_small_talk_is_not_delivered_sentence_by_sentence() {
    // No topic at all: the whole draft is non-critical, and each sentence is flagged on its own.
    assert_eq!(not_delivered("Hope you are enjoying the sunny weather!"), ["Hope you are enjoying the sunny weather!"]);
    assert_eq!(
        not_delivered("Hi Ann,\n\nHope you are enjoying the sunny weather! We had a lovely week here.\n\nBest, Joe"),
        ["Hi Ann,", "Hope you are enjoying the sunny weather!", "We had a lovely week here.", "Best, Joe"]
    );
    // A plain thank-you note: pleasantries alone do not make a message critical.
    assert_eq!(not_delivered("Thank you so much! It was a pleasure."), ["Thank you so much!", "It was a pleasure."]);
    // Without the opt-out nothing of this is an error, and the category is the same either way.
    let text = "Hope you are enjoying the sunny weather!";
    assert!(rules_of(text).is_empty(), "{:?}", rules_of(text));
    let opted = analyze(text, &Options { opted_out: true, ..Options::default() });
    assert_eq!(opted.category, Category::Noncritical);
    assert_eq!(opted.counts.error, 1);
    assert_eq!(opted.subject_advice, SubjectAdvice::NormalReason);
    assert!(opted.subject_advice_reason.contains("opted out"), "{}", opted.subject_advice_reason);
}

#[test]
fn opted_out_buyer_placeholders_and_blank_lines_are_not_flagged() {
    let text = "Hi {{buyer_name}},\n\n\n   \nHope you are enjoying the sunny weather!\n\n[Your name]\n${order.id}";
    assert_eq!(not_delivered(text), ["Hi {{buyer_name}},", "Hope you are enjoying the sunny weather!"]);
    assert!(not_delivered("[Your name]\n{{order_id}}").is_empty());
    assert!(not_delivered("  \n\n ").is_empty());
}

#[test]
fn opted_out_buyer_sentences_with_a_non_critical_trigger_show_the_trigger() {
    // The trigger says what is wrong; the sentence around it is not underlined twice.
    assert_eq!(not_delivered("Here is the user guide for your blender. Enjoy it!"), ["user guide", "Enjoy it!"]);
}

#[test]
fn opted_out_buyer_critical_content_keeps_its_greeting_and_sign_off() {
    // Critical as a whole: greeting and signature go with it.
    let text = "Hi Ann,\nWhich font would you like for the engraving?\nBest regards,\nJoe";
    assert!(not_delivered(text).is_empty(), "{:?}", not_delivered(text));
    // Mixed: only the non-critical part stands between the draft and the buyer, not the pleasantries.
    let mixed = "Hi Ann,\nWhich font would you like for the engraving? Hope you are enjoying the sunny weather! Please leave us a review.\nJoe";
    assert_eq!(not_delivered(mixed), ["leave us a review"]);
}

/// The evasions issue #6 lists, each with the exact text the finding must cover (so a match that only
/// catches a piece of the evasion fails too).
#[test]
fn evasions_are_caught_whole() {
    let cases = [
        // spaced, bracketed and written-out dots and ats
        ("name @ mail . com", "CT004", "name @ mail . com"),
        ("myshop [dot] com", "CT001", "myshop [dot] com"),
        ("myshop(dot)com", "CT001", "myshop(dot)com"),
        ("name AT mail DOT com", "CT004", "name AT mail DOT com"),
        // full-width forms
        ("name＠ｍａｉｌ．ｃｏｍ", "CT004", "name＠ｍａｉｌ．ｃｏｍ"),
        ("ｍｙｓｈｏｐ．ｃｏｍ", "CT001", "ｍｙｓｈｏｐ．ｃｏｍ"),
        // zero-width and invisible characters inside the host
        ("www.my\u{2060}shop.com", "CT001", "www.my\u{2060}shop.com"),
        ("www.myshop\u{AD}.com", "CT001", "www.myshop\u{AD}.com"),
        ("www.my\u{FEFF}shop.com", "CT001", "www.my\u{FEFF}shop.com"),
        // look-alike letters from other scripts (Cyrillic у and о, р)
        ("www.mуshор.com", "CT001", "www.mуshор.com"),
        // links and addresses broken across lines
        ("visit myshop\n.\ncom", "CT001", "myshop\n.\ncom"),
        ("www\n.myshop\n.com", "CT001", "www\n.myshop\n.com"),
        ("visit www.myshop.\ncom", "CT001", "www.myshop.\ncom"),
        ("mail name{at}mail{dot}com", "CT004", "name{at}mail{dot}com"),
        ("visit myshop{dot}com", "CT001", "myshop{dot}com"),
        // spelled out letter by letter, with spaced dots and ats
        ("visit w w w . m y s h o p . c o m", "CT001", "w w w . m y s h o p . c o m"),
        ("mail n a m e @ g m a i l . c o m", "CT004", "n a m e @ g m a i l . c o m"),
        ("https://\nwww.myshop.com/x", "CT001", "www.myshop.com/x"),
        ("mail me: name@\nmyshop.com", "CT004", "name@\nmyshop.com"),
        ("name\n@myshop.com", "CT004", "name\n@myshop.com"),
        // stars
        ("Leave 5⭐", "RV001", "5⭐"),
        ("Leave a 5 ⭐ review", "RV001", "5 ⭐ review"),
        ("give us ★★★★★", "RV001", "★★★★★"),
        ("give us ★★★★★", "FM002", "★★★★★"),
        ("⭐⭐⭐⭐⭐ review please", "FM002", "⭐⭐⭐⭐⭐"),
    ];
    for (text, rule, want) in cases {
        let report = analyze(text, &Options::default());
        let found: Vec<_> = report.findings.iter().map(|f| (f.rule, f.matched.as_str())).collect();
        assert!(found.contains(&(rule, want)), "{text:?} should flag {rule} on {want:?}, got {found:?}");
        for f in &report.findings {
            assert_eq!(u16_slice(text, f.start, f.end), f.matched);
        }
    }
}
