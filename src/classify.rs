//! From topics and findings to the verdict: the category, the sentences that decided it, one line of
//! summary and the contact-reason advice.

use crate::engine::Context;
use crate::report::{Category, Counts, Evidence, SubjectAdvice};
use crate::text::{Span, Utf16Index};

/// How many sentences a topic may quote as evidence; a pasted catalogue does not need a thousand.
const MAX_EVIDENCE_PER_TOPIC: usize = 5;

pub struct Verdict {
    pub category: Category,
    pub summary: String,
    pub evidence: Vec<Evidence>,
    pub advice: SubjectAdvice,
    pub advice_reason: String,
}

pub fn decide(ctx: &Context, utf16: &Utf16Index, topic_spans: &[Vec<Span>], prohibited: bool, empty: bool, counts: &Counts) -> Verdict {
    let book = ctx.compiled.book;
    let mut evidence = Vec::new();
    let mut critical_labels: Vec<&str> = Vec::new();
    let mut noncritical_labels: Vec<&str> = Vec::new();
    let any_critical = book.topics.iter().zip(topic_spans).any(|(t, s)| t.category == Category::Critical && !s.is_empty());
    for (topic, spans) in book.topics.iter().zip(topic_spans) {
        if spans.is_empty() || !topic.substantive || (topic.weak && any_critical) {
            continue;
        }
        match topic.category {
            Category::Critical => critical_labels.push(topic.label),
            _ => noncritical_labels.push(topic.label),
        }
        let mut last_sentence = None;
        for span in spans.iter().take(MAX_EVIDENCE_PER_TOPIC * 4) {
            let Some(s) = ctx.sentences.index_of(span.start) else { continue };
            if last_sentence == Some(s) {
                continue;
            }
            last_sentence = Some(s);
            let sentence = ctx.sentences.get(s);
            evidence.push(Evidence {
                category: topic.category,
                topic: topic.id,
                label: topic.label,
                start: utf16.at(sentence.start),
                end: utf16.at(sentence.end),
                text: ctx.text[sentence.start..sentence.end].to_string(),
                trigger: ctx.text[span.start..span.end].to_string(),
            });
            if evidence.iter().filter(|e| e.topic == topic.id).count() >= MAX_EVIDENCE_PER_TOPIC {
                break;
            }
        }
    }
    evidence.sort_by_key(|e| (e.start, e.end));

    let category = if prohibited {
        Category::Prohibited
    } else if !critical_labels.is_empty() && noncritical_labels.is_empty() {
        Category::Critical
    } else {
        Category::Noncritical
    };

    let s = |key: &str| book.string(key);
    let summary = if empty {
        s("summary-empty").to_string()
    } else {
        match category {
            Category::Prohibited => s("summary-prohibited").replace("{errors}", &counts.error.to_string()),
            Category::Critical => s("summary-critical").replace("{labels}", &join(&critical_labels, s("and"))),
            Category::Noncritical if noncritical_labels.is_empty() => s("summary-noncritical-default").to_string(),
            Category::Noncritical if !critical_labels.is_empty() => s("summary-mixed")
                .replace("{labels}", &join(&noncritical_labels, s("and")))
                .replace("{critical}", &join(&critical_labels, s("and"))),
            Category::Noncritical => s("summary-noncritical").replace("{labels}", &join(&noncritical_labels, s("and"))),
        }
    };

    let (advice, key) = if empty {
        (SubjectAdvice::None, "advice-none")
    } else {
        match category {
            Category::Prohibited => (SubjectAdvice::FixFirst, "advice-fix-first"),
            Category::Critical if ctx.critical_route => (SubjectAdvice::CriticalReason, "advice-critical-chosen"),
            Category::Critical => (SubjectAdvice::CriticalReason, "advice-critical"),
            Category::Noncritical if ctx.critical_route => (SubjectAdvice::MisusedCriticalReason, "advice-misused"),
            Category::Noncritical if ctx.options.opted_out => (SubjectAdvice::NormalReason, "advice-opted-out"),
            Category::Noncritical => (SubjectAdvice::NormalReason, "advice-normal"),
        }
    };
    Verdict { category, summary, evidence, advice, advice_reason: s(key).to_string() }
}

/// "a, b and c".
fn join(labels: &[&str], and: &str) -> String {
    match labels {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}
