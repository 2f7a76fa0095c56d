//! `cargo bench`: analyze time and throughput for realistic drafts of 200, 2,000, 20,000 and
//! 1,000,000 characters, the floor (one Aho-Corasick pass with every phrase of the rule book) on the
//! same drafts, and then a table of analyze ÷ floor per size, also written to
//! `target/bench/analyze-native.json` for scripts.

mod support;

use criterion::{black_box, BenchmarkId, Criterion, Throughput};
use msgguard::{analyze, Options};
use std::time::Duration;
use support::{drafts::draft, floor, timing::{paired, Paired}};

const SIZES: &[usize] = &[200, 2_000, 20_000, 1_000_000];

fn bench(c: &mut Criterion, texts: &[String]) {
    let options = Options::default();
    let ac = floor::automaton();
    let _ = analyze("", &options);
    for (name, run) in [("analyze", true), ("floor", false)] {
        let mut group = c.benchmark_group(name);
        for text in texts {
            let chars = text.chars().count();
            group.throughput(Throughput::Bytes(text.len() as u64));
            if chars >= 1_000_000 {
                group.sample_size(10).measurement_time(Duration::from_secs(8));
            } else {
                group.sample_size(50).measurement_time(Duration::from_secs(3));
            }
            group.bench_with_input(BenchmarkId::from_parameter(chars), text, |b, t| {
                if run {
                    b.iter(|| analyze(black_box(t), &options))
                } else {
                    b.iter(|| floor::pass(&ac, black_box(t)))
                }
            });
        }
        group.finish();
    }
}

/// analyze ÷ floor per size, measured side by side (criterion's numbers come from separate runs).
fn ratios(texts: &[String]) {
    let options = Options::default();
    let ac = floor::automaton();
    let mut rows = Vec::new();
    println!("\n{:>10} {:>12} {:>12} {:>12} {:>8}", "chars", "analyze", "floor", "MB/s", "ratio");
    for text in texts {
        let chars = text.chars().count();
        let budget = Duration::from_secs(if chars >= 1_000_000 { 12 } else { 3 });
        let Paired { a, b: f, ratio } = paired(
            || {
                black_box(analyze(black_box(text), &options));
            },
            || {
                black_box(floor::pass(&ac, black_box(text)));
            },
            budget,
        );
        let mbs = text.len() as f64 / a / 1e6;
        println!("{chars:>10} {:>12} {:>12} {mbs:>12.1} {ratio:>8.2}", human(a), human(f));
        rows.push((chars, a * 1e6, f * 1e6, ratio));
    }
    let worst = rows.iter().map(|r| r.3).fold(0.0, f64::max);
    let at_2k = rows.iter().find(|r| r.0 == 2_000).map_or(f64::NAN, |r| r.1);
    let sizes: Vec<String> = rows
        .iter()
        .map(|(chars, a, f, ratio)| format!("{{\"chars\":{chars},\"analyze_us\":{a:.3},\"floor_us\":{f:.3},\"ratio\":{ratio:.3}}}"))
        .collect();
    let json = format!("{{\"analyze_2k_native_us\":{at_2k:.3},\"analyze_over_floor\":{worst:.3},\"sizes\":[{}]}}\n", sizes.join(","));
    let dir = std::path::Path::new(&std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into())).join("bench");
    if std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join("analyze-native.json"), json)).is_ok() {
        println!("analyze_over_floor is the worst ratio; written to {}", dir.join("analyze-native.json").display());
    }
}

fn human(seconds: f64) -> String {
    match seconds {
        s if s < 1e-3 => format!("{:.1} µs", s * 1e6),
        s => format!("{:.2} ms", s * 1e3),
    }
}

/// The same drafts for the browser bench (benches/browser/run.mjs reads them), one file per size.
fn write_drafts(texts: &[String]) {
    let dir = std::path::Path::new(&std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into())).join("bench").join("drafts");
    let written = std::fs::create_dir_all(&dir).and_then(|_| {
        for (size, text) in SIZES.iter().zip(texts) {
            std::fs::write(dir.join(format!("draft-{size}.txt")), text)?;
        }
        Ok(())
    });
    match written {
        Ok(()) => println!("drafts for the browser bench written to {}", dir.display()),
        Err(e) => eprintln!("could not write the drafts to {}: {e}; the browser bench needs them", dir.display()),
    }
}

fn main() {
    let texts: Vec<String> = SIZES.iter().map(|&n| draft(n, n as u64)).collect();
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &texts);
    c.final_summary();
    let quick = std::env::args().any(|a| a == "--test" || a == "--list");
    write_drafts(&texts);
    if !quick {
        ratios(&texts);
    }
}
