/**
 * Text cleaning shared by every input format: Unicode NFC, control characters out, whitespace
 * tidied, and a matching key that ignores where a Vietnamese tone mark sits ("Hòa" / "Hoà").
 */

// C0/C1 controls except \n and \t, plus zero-width and bidi marks that never carry meaning in news copy.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069\u00AD]/g;
// No-break and typographic spaces become plain spaces; \t too (wire copy uses it as a space).
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const RUN_OF_SPACES = / {2,}/g;
const SPACE_AROUND_NEWLINE = / *\n */g;
const CRLF = /\r\n?|\u2028|\u2029|\u0085/g;
const MANY_BLANK_LINES = /\n{3,}/g;

/**
 * NFC text with control characters removed, CR/LF unified, no-break and odd spaces turned into
 * single spaces, trailing spaces per line and more than one blank line collapsed. Quotes and
 * dashes are kept as written. Idempotent.
 */
export function normalizeText(text: string): string {
  // Controls go before NFC: a zero-width space between a letter and its mark blocks composition.
  return text
    .replace(CRLF, '\n')
    .replace(CONTROL_CHARS, '')
    .normalize('NFC')
    .replace(ODD_SPACES, ' ')
    .replace(RUN_OF_SPACES, ' ')
    .replace(SPACE_AROUND_NEWLINE, '\n')
    .replace(MANY_BLANK_LINES, '\n\n')
    .trim();
}

/** One line of text: every run of whitespace (newlines included) becomes a single space. */
export function normalizeInline(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ');
}

// Combining tone marks (sắc, huyền, hỏi, ngã, nặng); vowel-quality marks (circumflex, breve,
// horn) stay because they change the letter, not the tone's position.
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const WORD_RE = /[\p{L}\p{M}]+/gu;
// Marks are word characters: a tone moved after a final consonant stays a lone combining mark.
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

function moveToneToEnd(word: string): string {
  let tone = '';
  const bare = word.replace(TONE_MARKS, (m) => {
    tone = m;
    return '';
  });
  return bare + tone;
}

/**
 * The text with every Vietnamese tone mark put in one canonical place per word, so "Hòa" and
 * "Hoà" compare equal while case, digits and punctuation are kept. For hashing, never display.
 */
export function canonicalTonePlacement(text: string): string {
  return text.normalize('NFD').replace(WORD_RE, moveToneToEnd).normalize('NFC');
}

/**
 * A matching key that is the same for every placement of a Vietnamese tone mark ("Hòa" and
 * "Hoà", "thúy" and "thuý", "khỏe" and "khoẻ"), lowercased, punctuation folded to single spaces.
 * Never for display.
 */
export function toneInsensitiveKey(text: string): string {
  return canonicalTonePlacement(text.toLowerCase()).replace(NON_WORD, ' ').trim();
}
