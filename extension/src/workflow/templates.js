// @ts-check
/**
 * Message templates: the built-in library (data, below) and the seller's own, placeholders filled from
 * the page, and the check every template passes when it is saved. The analyzer is the judge: a
 * template may be saved only when it has no errors and is the category it claims. tests/wasm proves
 * that of every built-in one.
 * @module
 */

/**
 * @typedef {object} Template
 * @property {string} id        stable; the panel's data-template hook
 * @property {string} name
 * @property {'critical' | 'noncritical'} category  what the analyzer must find it to be
 * @property {string} text      with placeholders: {buyer_first_name}, {order_id}, {store_name}, or the
 *   seller's own ({access_code}) left for the seller to replace
 * @property {boolean} [builtIn]
 */

/**
 * @typedef {object} PageFacts
 * @property {string | null} [buyerFirstName]
 * @property {string | null} [orderId]
 * @property {string | null} [storeName]
 */

/** @type {readonly Template[]} */
export const BUILT_IN_TEMPLATES = Object.freeze([
  {
    id: 'customization-question',
    name: 'Customization question',
    category: 'critical',
    text: 'Hello {buyer_first_name},\n\nWe are about to make the personalized item of your order {order_id}. Please confirm the name you would like engraved and the font you prefer, so that we can start production.\n\nBest regards,\n{store_name}',
  },
  {
    id: 'delivery-appointment',
    name: 'Delivery appointment',
    category: 'critical',
    text: 'Hello {buyer_first_name},\n\nYour order {order_id} travels with a freight carrier, who needs to schedule a delivery appointment with you. Which day and time work best for you next week?\n\nBest regards,\n{store_name}',
  },
  {
    id: 'shipping-address-problem',
    name: 'Shipping address problem',
    category: 'critical',
    text: 'Hello {buyer_first_name},\n\nThe carrier cannot deliver your order {order_id}: the shipping address seems to be incomplete, and the apartment number is missing. Please reply with the apartment number so that the parcel reaches you.\n\nBest regards,\n{store_name}',
  },
  {
    id: 'order-delay',
    name: 'Delay or problem with the order',
    category: 'critical',
    text: 'Hello {buyer_first_name},\n\nWe are sorry to let you know that your order {order_id} is delayed: the carrier has not collected it yet. We expect it to leave our warehouse within two days, and the delivery date in your Amazon account will be updated.\n\nBest regards,\n{store_name}',
  },
  {
    id: 'digital-access-code',
    name: 'Digital access code',
    category: 'critical',
    text: 'Hello {buyer_first_name},\n\nHere is the activation key for the software in your order {order_id}: {access_code}\n\nEnter it when the program asks for it at the first start.\n\nBest regards,\n{store_name}',
  },
  {
    id: 'review-request-neutral',
    name: 'Review request (neutral)',
    category: 'noncritical',
    text: 'Hello {buyer_first_name},\n\nWe hope your order {order_id} arrived safely. If you have a moment, please consider leaving a review of the product on Amazon: whatever your experience, your honest opinion helps other buyers.\n\nBest regards,\n{store_name}',
  },
  {
    id: 'instructions',
    name: 'Instructions',
    category: 'noncritical',
    text: 'Hello {buyer_first_name},\n\nHere is the user guide for the product in your order {order_id}, attached as a PDF file. It shows how to set up the product and how to clean it.\n\nBest regards,\n{store_name}',
  },
].map((t) => Object.freeze({ ...t, builtIn: true, category: /** @type {'critical' | 'noncritical'} */ (t.category) })));

/** The placeholders filled from the page and the settings. */
export const PLACEHOLDERS = Object.freeze(['buyer_first_name', 'order_id', 'store_name']);

/**
 * The template's text with the placeholders it knows filled; unknown ones, and known ones without a
 * value (no name in the page header, no store name in the options), stay for the seller to replace.
 * @param {string} text
 * @param {PageFacts} facts
 */
export function fillTemplate(text, facts) {
  /** @type {Record<string, string | null | undefined>} */
  const values = { buyer_first_name: facts.buyerFirstName, order_id: facts.orderId, store_name: facts.storeName };
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => {
    const v = values[name];
    return typeof v === 'string' && v.trim() ? v.trim() : whole;
  });
}

/** Placeholders still in `text` after filling: the seller must replace them before sending. */
export function openPlaceholders(/** @type {string} */ text) {
  return [...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[0]);
}

/** @typedef {import('../../ui/types.js').Report} Report */

/**
 * The analyzer's verdict on a template, in words: [] means it may be saved.
 * @param {Template} template
 * @param {Report} report  the analyzer's report on template.text
 * @returns {string[]}
 */
export function templateProblems(template, report) {
  /** @type {string[]} */
  const problems = [];
  if (!template.name.trim()) problems.push('Give the template a name.');
  if (report.empty) {
    problems.push('The template has no text.');
    return problems;
  }
  for (const f of report.findings.filter((x) => x.severity === 'error')) {
    problems.push(`${f.rule} ${f.title}: "${f.match}". ${f.message}`);
  }
  if (report.category !== 'prohibited' && report.category !== template.category) {
    const why = template.category === 'critical'
      ? `The checker finds it non-critical (${report.summary}) Buyers who opted out would not receive it: keep only what the buyer needs to receive the order, or mark it non-critical.`
      : `The checker finds it critical (${report.summary}) Mark it critical, or it will be sent as less important than it is.`;
    problems.push(`You marked it ${template.category === 'critical' ? 'critical' : 'non-critical'}. ${why}`);
  }
  return problems;
}

/**
 * Built-in templates first, then the seller's own.
 * @param {import('../settings.js').SellerTemplate[]} own
 * @returns {Template[]}
 */
export function allTemplates(own) {
  return [...BUILT_IN_TEMPLATES, ...own.map((t) => ({ ...t, builtIn: false }))];
}
