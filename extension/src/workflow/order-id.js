// @ts-check
/**
 * The order ID in a draft. Amazon requires the 17-digit order ID in proactive messages (those the seller
 * starts from the Contact Buyer form); a draft without it gets a warning whose fix inserts it.
 * @module
 */

/** 3-7-7 digits, dashes optional, not inside a longer run of digits. */
const ORDER_ID_IN_TEXT = /(?<!\d)(\d{3})[-\s]?(\d{7})[-\s]?(\d{7})(?!\d)/g;
/** Template placeholders that stand for the order ID ({order_id}, {{order-id}}, ${order.id}, [order id]). */
const ORDER_ID_PLACEHOLDER = /[{[]\s*\$?\{?\s*order[\s._-]?(?:id|number)\s*\}?\s*[}\]]|\$\{\s*order\.id\s*\}/i;

/**
 * Every order ID in `text`, normalized to 3-7-7 with dashes.
 * @param {string} text
 * @returns {string[]}
 */
export function orderIdsIn(text) {
  return [...text.matchAll(ORDER_ID_IN_TEXT)].map((m) => `${m[1]}-${m[2]}-${m[3]}`);
}

/**
 * Does the draft name the order (this order ID in any spacing, or an order-ID placeholder)?
 * @param {string} text
 * @param {string} orderId  3-7-7 with dashes
 */
export function mentionsOrder(text, orderId) {
  return orderIdsIn(text).includes(orderId) || ORDER_ID_PLACEHOLDER.test(text);
}

/**
 * Where and what to insert so the draft names the order: a line after the greeting when the draft
 * starts with one ("Hi Jordan,"), else at the very start.
 * @param {string} text
 * @param {string} orderId
 * @param {string} label  "Order ID" in the seller's language
 * @returns {{at: number, insert: string}}
 */
export function orderIdInsertion(text, orderId, label) {
  const line = `${label}: ${orderId}`;
  const greeting = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n]{0,60}\n/i.exec(text);
  if (greeting) return { at: greeting[0].length, insert: `${line}\n` };
  return { at: 0, insert: text ? `${line}\n\n` : line };
}
