// @ts-check
/**
 * Types shared by the DOM layer, the extension shell and the test page. The report types mirror
 * docs/report.md exactly (the analyzer's JavaScript contract); this file has no runtime code.
 * @module
 */

/** @typedef {'critical' | 'noncritical' | 'prohibited'} Category */
/** @typedef {'error' | 'warning' | 'info'} Severity */
/** @typedef {'critical-reason' | 'normal-reason' | 'fix-first' | 'misused-critical-reason' | 'none'} SubjectAdvice */

/**
 * @typedef {object} Cite
 * @property {string} text    the rule in Amazon's words
 * @property {string} source  where it is published
 * @property {string} url
 */

/**
 * @typedef {object} Finding
 * @property {string} rule         stable code, e.g. "RV001"
 * @property {string} name         stable kebab-case name
 * @property {Severity} severity
 * @property {number} start        UTF-16 offset
 * @property {number} end          UTF-16 offset (exclusive)
 * @property {string} match        text.slice(start, end)
 * @property {string} title
 * @property {string} message
 * @property {Cite} cite
 * @property {string[]} suggestions  "" = remove; "~FROM~TO~" = replace FROM by TO inside the match; else replace the match
 */

/**
 * @typedef {object} Evidence
 * @property {Category} category
 * @property {string} topic
 * @property {string} label    completes "critical because it …"
 * @property {number} start
 * @property {number} end
 * @property {string} text
 * @property {string} trigger
 */

/**
 * @typedef {object} Report
 * @property {string} lang
 * @property {Category} category
 * @property {boolean} empty
 * @property {string} summary
 * @property {Finding[]} findings
 * @property {Evidence[]} evidence
 * @property {SubjectAdvice} subject_advice
 * @property {string} subject_advice_reason
 * @property {boolean} critical_route_chosen
 * @property {{error: number, warning: number, info: number}} counts
 * @property {number} length
 */

/**
 * @typedef {object} AnalyzeOptions
 * @property {string} [subject]
 * @property {boolean} [critical_reason]
 * @property {string} [lang]
 * @property {boolean} [opted_out]
 */

/** @typedef {(text: string, opts: AnalyzeOptions) => Promise<Report>} AnalyzeFn */

/**
 * @typedef {object} Rule  one entry of rules()[i].rules
 * @property {string} code
 * @property {string} name
 * @property {Severity} severity
 * @property {string} title
 * @property {string} message
 * @property {string} why
 * @property {Cite} cite
 * @property {string[]} suggestions
 * @property {string[]} flag   examples that must be flagged; the span is marked with « »
 * @property {string[]} pass   examples that must pass
 */

/**
 * @typedef {object} RuleBook  one entry of rules()
 * @property {string} lang
 * @property {string} name
 * @property {Rule[]} rules
 */

/**
 * The page-specific contact-reason adapter the caller supplies.
 * @typedef {object} ReasonsAdapter
 * @property {() => ({label: string, critical: boolean} | null)} current  the chosen reason, or null
 * @property {() => (string | null)} criticalLabel  the page's label of the critical reason, or null when not offered
 * @property {() => boolean} selectCritical  selects the critical reason; false when it could not
 * @property {(cb: () => void) => (() => void)} onChange  subscribe; returns the unsubscribe function
 */

/** @typedef {(key: string, subs?: string[]) => string} Translate */

/**
 * @typedef {object} GuardSettings
 * @property {boolean} [confirmSend]  guard.confirmSend() asks before sending a prohibited draft, or one
 *   that will not be delivered (the buyer opted out: an OP002 error)
 */

/**
 * @typedef {object} GuardOptions
 * @property {HTMLTextAreaElement} field
 * @property {ShadowRoot} root                from createHost()
 * @property {Element} [panelAnchor]          the panel is placed beside it (default: field)
 * @property {'beside' | 'dock'} [panelPlacement]  'beside' (default) floats the panel next to the anchor;
 *   'dock' lays it over the anchor (same left, top and width), for pages that reserve a slot
 * @property {(size: {width: number, height: number}) => void} [onPanelSize]  told the panel's size when it changes (for 'dock')
 * @property {AnalyzeFn} analyze
 * @property {() => void} [prepare]  told when the field gets focus: a big paste may follow (the
 *   extension starts the worker for long drafts then, while the page is idle)
 * @property {() => void} [release]  told when the field loses focus: no paste soon (the extension
 *   stops that worker if it stays idle)
 * @property {() => boolean} [answersLater]  true while `analyze` answers from another process (the
 *   extension's background analyzer, a round trip of a few milliseconds): the draft is then laid out
 *   for its underlines while the answer is on its way
 * @property {ReasonsAdapter} [reasons]
 * @property {Translate} t
 * @property {(code: string) => string} ruleUrl
 * @property {string | (() => (string | undefined))} [lang]  rule book to ask for
 * @property {GuardSettings} [settings]
 * @property {WorkflowHook} [workflow]  the extension's seller-workflow part: drawn in the panel, adds analyze options
 */

/**
 * @typedef {object} WorkflowHook
 * @property {HTMLElement} el
 * @property {() => Partial<AnalyzeOptions>} options
 * @property {(report: Report | null, text: string) => void} render  after each panel render
 * @property {(calls: {reanalyze: () => void}) => void} connect
 */

/**
 * @typedef {object} Guard
 * @property {() => void} refresh  re-read the field, reason and language, re-measure, re-analyze
 * @property {() => void} destroy  remove every node and listener this guard added
 * @property {(message: string) => void} setUnavailable  show "checker unavailable" (highlights hidden)
 * @property {(report: Report, text: string) => void} setReport  show a report computed elsewhere for `text`
 * @property {() => (Report | null)} report  the report on screen (null before the first one)
 * @property {() => Promise<boolean>} confirmSend  resolves true at once unless settings.confirmSend and the
 *   draft is prohibited or will not be delivered; then asks in the panel why, and resolves with the seller's answer
 */

export {};
