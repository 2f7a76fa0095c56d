// @ts-check
/**
 * Why sending a draft deserves a second look, from its report: Amazon blocks it (prohibited), or the
 * buyer opted out and Amazon will not deliver it (the engine's OP002 error, raised only when the
 * caller said the buyer opted out). Shared by the send guard (extension/src/send-guard.js, from the
 * latest report) and the confirmation (guard.confirmSend(), from a fresh one), so both hold and ask
 * for the same drafts.
 * @module
 */

/**
 * The rule the engine raises on what a buyer who opted out will not receive (rules/en.toml). Its
 * code is part of the report's contract, like every rule code.
 */
export const NOT_DELIVERED_RULE = 'OP002';

/** @typedef {'prohibited' | 'undelivered'} SendRisk */

/**
 * @param {import('./types.js').Report} report
 * @returns {SendRisk | null}  null: nothing to ask about
 */
export function sendRisk(report) {
  if (report.category === 'prohibited') return 'prohibited';
  if (report.findings.some((f) => f.rule === NOT_DELIVERED_RULE && f.severity === 'error')) return 'undelivered';
  return null;
}
