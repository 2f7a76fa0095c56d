//! `cargo bench`: analyze time for a realistic 2,000-character draft.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use msgguard::{analyze, Options};

const DRAFT: &str = "Dear ${order.recipient_name},\n\nThank you for your order 111-2223334-4445556. We are sorry to tell you that the carrier \
reported a delay: your parcel will arrive in about two weeks. If you would like to keep the order, there is nothing to do. \
Which engraving text would you like on the lid? Please reply with the exact wording and the font.\n\n\
If you liked the product, please leave us a 5-star review at www.myshop.com or email support@myshop.com. ";

fn draft_of(len: usize) -> String {
    let mut s = String::new();
    while s.len() < len {
        s.push_str(DRAFT);
    }
    s.truncate(s.char_indices().take_while(|(i, _)| *i < len).last().map_or(0, |(i, c)| i + c.len_utf8()));
    s
}

fn bench(c: &mut Criterion) {
    let options = Options::default();
    let text = draft_of(2_000);
    let _ = analyze("", &options);
    c.bench_function("analyze 2000 chars", |b| b.iter(|| analyze(black_box(&text), &options)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
