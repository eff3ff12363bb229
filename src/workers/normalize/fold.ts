/**
 * Diacritics folded away ("Đường" → "duong"): the key for comparing Vietnamese words and names
 * whether or not they were typed with their marks.
 */

const COMBINING = /[\u0300-\u036f]/g;
const ANY_MARK = /\p{M}/u;
const ASCII_ONLY = /^[\u0000-\u007f]*$/;

function foldByNormalizing(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * foldByNormalizing of single characters, for ASCII, the Latin blocks (U+0000–U+024F, U+1E00–
 * U+1EFF) and the marks U+0300–U+036F, leaving out any whose decomposition holds another mark.
 * For text made only of these, folding character by character gives what folding the whole
 * text gives: every mark the decompositions hold is removed (so their canonical reordering
 * cannot show), and lowercasing a Latin letter does not depend on its neighbours. Several times
 * cheaper than NFD on the short words and names that are folded one by one.
 */
const FOLDED: readonly (string | undefined)[] = (() => {
  const table: (string | undefined)[] = [];
  for (const [first, last] of [[0x0000, 0x024f], [0x0300, 0x036f], [0x1e00, 0x1eff]] as const) {
    for (let code = first; code <= last; code++) {
      const char = String.fromCharCode(code);
      const marks = [...char.normalize('NFD')].filter((c) => ANY_MARK.test(c));
      if (marks.every((m) => m >= '\u0300' && m <= '\u036f')) table[code] = foldByNormalizing(char);
    }
  }
  return table;
})();

/** Lowercase, every diacritic removed, đ → d: "Đường" → "duong". */
export function foldDiacritics(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = FOLDED[text.charCodeAt(i)];
    if (folded === undefined) return foldByNormalizing(text);
    out += folded;
  }
  return out;
}
