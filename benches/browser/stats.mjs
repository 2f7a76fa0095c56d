// Percentiles for the benchmark tables (nearest rank: the smallest sample with at least p% of the
// samples at or below it, so p99 of 1,000 calls is the 990th fastest).

/**
 * @param {number[]} xs  samples (not modified)
 * @param {number} p  0 < p ≤ 100
 */
export function percentile(xs, p) {
  if (!xs.length) throw new Error('percentile of no samples: the measurement produced none');
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
