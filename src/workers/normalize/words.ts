/**
 * Word counting for the story reader and the legacy-encoding detector: a word is a run of
 * characters that are not whitespace in the sense of the regex class \s. (Enrich's countWords,
 * in enrich/word-count.ts, counts the article's words for wordCount: runs of letters and digits.)
 */

/** True for the UTF-16 units that /\s/ matches (ECMAScript WhiteSpace and LineTerminator; all in the BMP). */
export function isSpaceUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * How many words the text has: exactly `text.split(/\s+/u).filter((w) => w !== '').length`,
 * counted in one pass without the split (which allocates every word and costs more than the
 * rest of a paragraph's classification).
 */
export function countSpaceSeparatedWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceUnit(text.charCodeAt(i))) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}
