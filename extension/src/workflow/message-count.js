// @ts-check
/**
 * Messages sent per order (counted when Amazon's success banner appears after Send) and what the seller
 * should hear before sending another: Amazon allows one review request per order, and more than two or
 * three messages per order annoy buyers.
 * @module
 */

/** @typedef {import('../settings.js').OrderCount} OrderCount */
/** @typedef {import('../../ui/types.js').Report} Report */

/** From this many messages already sent, the warning says the buyer has heard enough. */
export const TOO_MANY = 2;

/**
 * Is the draft a review request (the analyzer found the topic)?
 * @param {Report | null} report
 */
export function isReviewRequest(report) {
  return !!report && !report.empty && report.evidence.some((e) => e.topic === 'review-request');
}

/**
 * The counts with one more message for `orderId`.
 * @param {Record<string, OrderCount>} counts
 * @param {string} orderId
 * @param {{review: boolean, now: number}} what
 * @returns {Record<string, OrderCount>}
 */
export function recordSent(counts, orderId, { review, now }) {
  const c = counts[orderId] ?? { sent: 0, reviews: 0, last: 0 };
  return { ...counts, [orderId]: { sent: c.sent + 1, reviews: c.reviews + (review ? 1 : 0), last: now } };
}

/**
 * @typedef {'none' | 'another' | 'too-many' | 'second-review'} CountWarning
 */

/**
 * What to warn about for the draft, given what was already sent for its order. Critical messages
 * (needed to complete the order) are never discouraged.
 * @param {OrderCount | undefined} count
 * @param {Report | null} report
 * @returns {CountWarning}
 */
export function countWarning(count, report) {
  const sent = count?.sent ?? 0;
  if (!report || report.empty || sent === 0) return 'none';
  if (isReviewRequest(report) && (count?.reviews ?? 0) > 0) return 'second-review';
  if (report.category === 'critical') return 'none';
  return sent >= TOO_MANY ? 'too-many' : 'another';
}
