// @ts-check
/**
 * The buyer's language of preference (as the page names it) and the draft's language, detected locally
 * and deterministically: by script for Japanese, Chinese, Arabic and the like, else by counting the most
 * common short words of each language Seller Central marketplaces use. Unsure (too short, a tie, too
 * few common words) means null: no warning rather than a wrong one.
 * @module
 */

/** Language names as the label may give them (English or the language's own), to ISO 639-1. */
const NAMES = /** @type {Record<string, string>} */ ({
  english: 'en', spanish: 'es', 'español': 'es', espanol: 'es', german: 'de', deutsch: 'de', french: 'fr', 'français': 'fr', francais: 'fr',
  italian: 'it', italiano: 'it', portuguese: 'pt', 'português': 'pt', portugues: 'pt', dutch: 'nl', nederlands: 'nl',
  swedish: 'sv', svenska: 'sv', polish: 'pl', polski: 'pl', turkish: 'tr', 'türkçe': 'tr', turkce: 'tr', japanese: 'ja', '日本語': 'ja',
  chinese: 'zh', '中文': 'zh', 'simplified chinese': 'zh', 'traditional chinese': 'zh', arabic: 'ar', 'العربية': 'ar', hindi: 'hi', 'हिन्दी': 'hi',
  korean: 'ko', '한국어': 'ko', hebrew: 'he', 'עברית': 'he', czech: 'cs', 'čeština': 'cs', danish: 'da', dansk: 'da',
});

/** English names for messages. */
export const LANGUAGE_NAMES = /** @type {Record<string, string>} */ ({
  en: 'English', es: 'Spanish', de: 'German', fr: 'French', it: 'Italian', pt: 'Portuguese', nl: 'Dutch', sv: 'Swedish', pl: 'Polish',
  tr: 'Turkish', ja: 'Japanese', zh: 'Chinese', ar: 'Arabic', hi: 'Hindi', ko: 'Korean', he: 'Hebrew', cs: 'Czech', da: 'Danish',
});

/**
 * "Spanish", "Español", "Spanish (Spain)", "es-ES" → "es"; null when not a language we know.
 * @param {string | null | undefined} name
 */
export function languageCode(name) {
  if (!name) return null;
  const s = name.trim().toLowerCase().replace(/\s*\(.*\)\s*$/, '').replace(/[.:]+$/, '');
  if (NAMES[s]) return NAMES[s];
  const iso = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/.exec(s);
  return iso && LANGUAGE_NAMES[iso[1]] ? iso[1] : null;
}

/** The most frequent short words; words shared by several languages count for each. */
const STOP_WORDS = /** @type {Record<string, string>} */ ({
  en: 'the and you your for with this that have are will was our please thank thanks order would can not from we it is to of in be if any has been item',
  es: 'el la los las que por para con una uno su sus usted gracias pedido hola es está del al muy pero como le lo se su nos estimado saludos envío',
  de: 'der die das und ist nicht mit für sie ihre ihr wir ein eine den dem zu auf bitte danke bestellung hallo vielen sehr von haben wird auch',
  fr: 'le la les et est vous votre pour avec une des du que qui nous pas merci commande bonjour au sur dans ce sont cordialement votre',
  it: 'il lo la gli le che per con una sono non del della grazie ordine ciao buongiorno suo sua vostro nostro è anche saluti',
  pt: 'o os as que para com uma um não você seu sua obrigado obrigada pedido olá do da dos das em é está muito nosso',
  nl: 'de het een en van is niet met voor uw u wij we dat bestelling bedankt hallo graag op te zijn heeft',
  sv: 'och att det som är en ett för med inte din ditt vi tack beställning hej på av till har',
  pl: 'i w nie na że się z do jest to dziękujemy zamówienie dzień dobry pan pani państwa jak',
  tr: 've bir bu için ile siparişiniz sipariş teşekkür ederiz merhaba değil çok olarak size sizin',
});
const PROFILES = Object.entries(STOP_WORDS).map(([lang, words]) => /** @type {const} */ ([lang, new Set(words.split(' '))]));

/** Placeholders, links and e-mail addresses say nothing about the language. */
const NOISE = /\$\{[^}]*\}|\{\{[^}]*\}\}|\{[^}]*\}|\[[^\]]*\]|https?:\/\/\S+|\S+@\S+/g;

/** Characters of a draft read to tell its language. */
export const LANGUAGE_SAMPLE = 5_000;

/**
 * The draft's language, or null when unsure.
 * @param {string} text
 * @returns {string | null}
 */
export function detectLanguage(text) {
  // the start says which language a draft is in; a paste of a whole template library would take a
  // fifth of a second to read to the end
  const clean = (text.length > LANGUAGE_SAMPLE ? text.slice(0, LANGUAGE_SAMPLE) : text).replace(NOISE, ' ');
  // scripts first: a few characters decide
  const count = (/** @type {RegExp} */ re) => (clean.match(re) ?? []).length;
  const kana = count(/[\u3040-\u30ff]/g);
  const han = count(/[\u4e00-\u9fff]/g);
  const letters = count(/\p{L}/gu);
  if (letters === 0) return null;
  if (kana >= 2 && (kana + han) / letters > 0.3) return 'ja';
  if (han >= 4 && han / letters > 0.3) return 'zh';
  if (count(/[\u0600-\u06ff]/g) / letters > 0.3) return 'ar';
  if (count(/[\u0900-\u097f]/g) / letters > 0.3) return 'hi';
  if (count(/[\uac00-\ud7af]/g) / letters > 0.3) return 'ko';
  if (count(/[\u0590-\u05ff]/g) / letters > 0.3) return 'he';
  const words = clean.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 5) return null;
  /** @type {[string, number][]} */
  const scores = PROFILES.map(([lang, set]) => [lang, words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0)]);
  scores.sort((a, b) => b[1] - a[1]);
  const [[best, top], [, second]] = scores;
  // confident: enough common words, and clearly ahead of the runner-up
  if (top < 3 || top < words.length * 0.15 || top < second * 1.5) return null;
  return best;
}

/**
 * Should the seller hear that the buyer will not get this draft in their language?
 * @param {string | null} draft  the draft's language, from detectLanguage()
 * @param {string | null} buyerLang  code from languageCode(), null when the page does not say
 * @returns {{draft: string, buyer: string} | null}
 */
export function languageMismatch(draft, buyerLang) {
  if (!buyerLang || !draft || draft === buyerLang) return null;
  return { draft, buyer: buyerLang };
}

/**
 * Should the seller hear that the rule book did not read the draft's words? The report names the book
 * it used (English when there is none for the draft's language): in another language its phrases
 * (reviews, incentives, marketing, what makes a message critical) find nothing, while its detectors
 * (links, e-mail addresses, phone numbers, emoji, layout) still work. Without this, a German draft
 * asking for five stars would look clean.
 * @param {string | null} draft  the draft's language, from detectLanguage()
 * @param {string | undefined} bookLang  the report's `lang`
 * @returns {{draft: string, book: string} | null}
 */
export function wordingUnread(draft, bookLang) {
  if (!draft || !bookLang || draft === bookLang) return null;
  return { draft, book: bookLang };
}
