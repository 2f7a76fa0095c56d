//! analyze ÷ floor, measured side by side: batches of each alternate, so a busy machine slows both
//! alike, and the median batch is kept.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// What `paired` measured: the median time of one call of each, in seconds, and the median of the
/// ratios of batches run one right after the other (a slower stretch of the machine weighs on both
/// batches of a pair, so their ratio is steadier than the ratio of the two medians).
pub struct Paired {
    pub a: f64,
    pub b: f64,
    pub ratio: f64,
}

/// `a` and `b` timed in alternating batches for about `budget`.
pub fn paired(mut a: impl FnMut(), mut b: impl FnMut(), budget: Duration) -> Paired {
    // Size batches so that one takes about a millisecond or one call, whichever is longer.
    let once = time(&mut a, 1).max(1e-9);
    let batch = ((1e-3 / once) as usize).clamp(1, 10_000);
    let rounds = ((budget.as_secs_f64() / (2.0 * once * batch as f64)) as usize).clamp(5, 200);
    let (mut ta, mut tb) = (Vec::with_capacity(rounds), Vec::with_capacity(rounds));
    for _ in 0..rounds {
        ta.push(time(&mut a, batch) / batch as f64);
        tb.push(time(&mut b, batch) / batch as f64);
    }
    let mut ratios: Vec<f64> = ta.iter().zip(&tb).map(|(x, y)| x / y).collect();
    Paired { a: median(&mut ta), b: median(&mut tb), ratio: median(&mut ratios) }
}

fn time(f: &mut impl FnMut(), n: usize) -> f64 {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    black_box(());
    start.elapsed().as_secs_f64()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}
