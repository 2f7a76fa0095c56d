//! The pipeline: text → matching view and sentences → hits → topics → findings → category and advice.

use crate::classify;
use crate::engine::{compiled, Context, Owner, TopicState};
use crate::options::Options;
use crate::report::{Category, Counts, Finding, Report, Severity};
use crate::rulebook::{self, Rule};
use crate::subject;
use crate::text::{placeholders, Sentences, Span, Utf16Index};

/// Checks `text` against the rule book for `options.lang` and says what Amazon will make of it.
pub fn analyze(text: &str, options: &Options) -> Report {
    let book = rulebook::for_lang(options.lang.as_deref());
    let critical_route = options.critical_reason || subject::is_critical_route(options.subject.as_deref());
    let ctx = Context::new(text, compiled(book), options, critical_route);

    let topic_spans: Vec<Vec<Span>> = book
        .topics
        .iter()
        .enumerate()
        .map(|(i, t)| ctx.accept(&t.matcher, ctx.hits.of(Owner::Topic(i)), ctx.hits.of(Owner::TopicException(i)), &[], None))
        .collect();
    let state = TopicState { present: topic_spans.iter().map(|s| !s.is_empty()).collect() };

    // Only a rule that may count needs what is not critical (most drafts are not for opted-out buyers).
    let noncritical_spans = std::cell::OnceCell::new();
    let mut hits: Vec<(&'static Rule, Span)> = Vec::new();
    for (i, rule) in book.rules.iter().enumerate() {
        let from_topic: &[Span] = match ctx.compiled.rule_topics[i] {
            Some(t) => &topic_spans[t],
            None if rule.matcher.topic == "noncritical" && ctx.message_conditions_of(&rule.matcher, Some(&state)) => {
                noncritical_spans.get_or_init(|| not_critical_parts(book, &ctx.sentences, text, &topic_spans))
            }
            None => &[],
        };
        for span in ctx.accept(&rule.matcher, ctx.hits.of(Owner::Rule(i)), ctx.hits.of(Owner::RuleException(i)), from_topic, Some(&state)) {
            hits.push((rule, span));
        }
    }
    hits.sort_by(|a, b| a.1.start.cmp(&b.1.start).then(a.0.severity.cmp(&b.0.severity)).then(a.0.code.cmp(b.0.code)));

    let utf16 = Utf16Index::new(text);
    let findings: Vec<Finding> = hits.iter().map(|&(rule, span)| finding(text, &utf16, rule, span)).collect();
    let counts = Counts {
        error: findings.iter().filter(|f| f.severity == Severity::Error).count(),
        warning: findings.iter().filter(|f| f.severity == Severity::Warning).count(),
        info: findings.iter().filter(|f| f.severity == Severity::Info).count(),
    };
    let prohibited = hits.iter().any(|(r, _)| r.prohibits && r.severity == Severity::Error);
    let empty = !text.chars().any(char::is_alphanumeric);
    let verdict = classify::decide(&ctx, &utf16, &topic_spans, prohibited, empty, &counts);
    Report {
        lang: book.lang,
        category: verdict.category,
        empty,
        summary: verdict.summary,
        findings,
        evidence: verdict.evidence,
        subject_advice: verdict.advice,
        subject_advice_reason: verdict.advice_reason,
        critical_route_chosen: critical_route,
        counts,
        length: utf16.len(),
    }
}

/// What keeps the draft from being critical, in text order; a rule with `topic = "noncritical"` flags
/// it: what a buyer who opted out will not receive. Amazon delivers such a buyer only messages that are
/// critical as a whole (as `classify::decide` decides it), so:
/// - a critical draft has nothing to flag;
/// - a draft with critical content has the triggers of the non-critical topics that make it mixed
///   (substantive ones; weak ones only when nothing critical is in the draft): without them it would
///   reach the buyer, and greetings or sign-offs around the critical content are no obstacle;
/// - a draft with nothing critical in it is not delivered at all: those triggers, and every other
///   sentence that says something (small talk, a plain thank-you note). A sentence holding a trigger
///   shows just the trigger (it says what is wrong); one that is only placeholders and punctuation
///   (`[Your name]`) is left alone, as it is no content of its own.
fn not_critical_parts(book: &rulebook::Book, sentences: &Sentences, text: &str, topic_spans: &[Vec<Span>]) -> Vec<Span> {
    let any_critical = book.topics.iter().zip(topic_spans).any(|(t, s)| t.category == Category::Critical && !s.is_empty());
    let mut spans: Vec<Span> = book
        .topics
        .iter()
        .zip(topic_spans)
        .filter(|(t, _)| t.category == Category::Noncritical && t.substantive && !(t.weak && any_critical))
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    // A span is its start and end, so the unstable sort orders them as a stable one would (and is
    // the one copy of sort code for spans in the module).
    spans.sort_unstable();
    spans.dedup_by(|b, a| b.start < a.end);
    if any_critical {
        return spans;
    }
    let mut parts = Vec::with_capacity(spans.len() + sentences.len());
    let mut triggers = spans.into_iter().peekable();
    for &sentence in sentences.spans() {
        let mut holds_trigger = false;
        while let Some(t) = triggers.next_if(|t| t.start < sentence.end) {
            holds_trigger |= t.overlaps(&sentence);
            parts.push(t);
        }
        if !holds_trigger && says_something(&text[sentence.start..sentence.end]) {
            parts.push(sentence);
        }
    }
    parts.extend(triggers);
    parts.sort_unstable();
    parts
}

/// Whether a piece of text has a letter or digit outside its placeholders.
fn says_something(piece: &str) -> bool {
    let mut from = 0;
    for p in placeholders::find(piece) {
        if piece[from..p.start].chars().any(char::is_alphanumeric) {
            return true;
        }
        from = p.end;
    }
    piece[from..].chars().any(char::is_alphanumeric)
}

fn finding(text: &str, utf16: &Utf16Index, rule: &'static Rule, span: Span) -> Finding {
    let matched = &text[span.start..span.end];
    let capital = matched.chars().next().is_some_and(char::is_uppercase);
    Finding {
        rule: rule.code,
        name: rule.name,
        severity: rule.severity,
        start: utf16.at(span.start),
        end: utf16.at(span.end),
        matched: matched.to_string(),
        title: rule.title,
        message: rule.message,
        cite: rule.cite.clone(),
        suggestions: rule.suggestions.iter().map(|s| resolve_suggestion(s, matched, capital)).collect(),
    }
}

/// A rule-book suggestion made concrete for this match: `~FROM~TO~` rewrites part of the match
/// ("http://" → "https://" in a link); anything else replaces the whole match.
fn resolve_suggestion(s: &str, matched: &str, capital: bool) -> String {
    if let Some(edit) = s.strip_prefix('~').and_then(|r| r.strip_suffix('~')) {
        if let Some((from, to)) = edit.split_once('~') {
            let lower = matched.to_lowercase();
            if let Some(at) = lower.find(from).filter(|_| lower.len() == matched.len()) {
                return format!("{}{to}{}", &matched[..at], &matched[at + from.len()..]);
            }
            return matched.to_string();
        }
    }
    match_case(s, capital)
}

/// "Leave us a 5-star review" → "Share your honest opinion…": a suggestion replacing text that starts a
/// sentence starts with a capital too.
fn match_case(s: &str, capital: bool) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if capital && c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}
