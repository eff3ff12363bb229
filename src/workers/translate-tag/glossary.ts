/**
 * Glossary translation: replaces the fixed terms the glossary knows (offices, institutions,
 * titles, section and topic labels) inside a text, vi→en and vi→fr, and leaves everything else
 * as it was. Longest term first ("Phó Chủ tịch UBND tỉnh" before "UBND tỉnh" before "UBND"),
 * case-insensitive, and blind to where a tone mark sits ("Văn hoá" = "Văn hóa"). The HTTP
 * providers in src/translation/ wrap this for whole-text look-ups (wholeTextLookup).
 */
import { PermanentError } from '../../shared/errors.js';
import { GLOSSARY } from './glossary-data.js';

type Target = 'en' | 'fr';

// Old-style tone placement ("hòa", "khỏe", "thủy") moved to the new style ("hoà", "khoẻ", "thuỷ")
// on NFD text. In NFC both styles have the same length, so positions in the canonical copy are
// positions in the original.
const OLD_STYLE_TONE = /([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\u0300\u0301\u0303\u0309\u0323])/g;

function canonicalPlacement(nfc: string): string {
  const moved = nfc.normalize('NFD').replace(OLD_STYLE_TONE, '$1$3$2').normalize('NFC');
  // Should always hold; if some exotic sequence changes the length, match without the fold.
  return moved.length === nfc.length ? moved : nfc;
}

/** The form a matched term is looked up by: lowercase, one space, one kind of dash. */
function lookupKey(term: string): string {
  return term.toLowerCase().replace(/\s*[-–—]\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}

function termPattern(term: string): string {
  return term
    .split(/\s*[-–—]\s*/)
    .map((part) => part.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'))
    .join('\\s*[-–—]\\s*');
}

interface CompiledGlossary {
  readonly pattern: RegExp;
  readonly targets: ReadonlyMap<string, Readonly<Record<Target, string>>>;
}

const COMPILED: CompiledGlossary = (() => {
  const targets = new Map<string, Readonly<Record<Target, string>>>();
  const terms: string[] = [];
  for (const entry of GLOSSARY) {
    const canonical = canonicalPlacement(entry.vi.normalize('NFC'));
    const key = lookupKey(canonical);
    if (targets.has(key)) continue;
    targets.set(key, { en: entry.en, fr: entry.fr });
    terms.push(canonical);
  }
  // Longest first, so an alternation tries "UBND tỉnh" before "UBND".
  terms.sort((a, b) => b.length - a.length);
  const body = terms.map(termPattern).join('|');
  return { pattern: new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${body})(?![\\p{L}\\p{M}\\p{N}])`, 'giu'), targets };
})();

/** How many vi terms the glossary holds (each with an English and a French form). */
export const GLOSSARY_SIZE = COMPILED.targets.size;

function targetOf(lang: string): Target | null {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' ? primary : null;
}

/**
 * `text` with every glossary term replaced by its `to` form (vi→en, vi→fr); other text, and any
 * other language pair, is returned unchanged. Throws PermanentError only for non-string input.
 */
export function translateGlossary(text: string, from: string, to: string): string {
  if (typeof text !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
    throw new PermanentError('INVALID_ARTICLE', 'translateGlossary needs text, from and to as strings', {
      got: [typeof text, typeof from, typeof to],
    });
  }
  const target = targetOf(to);
  if (target === null || from.toLowerCase().split(/[-_]/)[0] !== 'vi' || text === '') return text;
  const nfc = text.normalize('NFC');
  const canonical = canonicalPlacement(nfc);
  let out = '';
  let last = 0;
  for (const match of canonical.matchAll(COMPILED.pattern)) {
    const translated = COMPILED.targets.get(lookupKey(match[0]))?.[target];
    if (translated === undefined) continue;
    out += nfc.slice(last, match.index) + translated;
    last = match.index + match[0].length;
  }
  return last === 0 ? text : out + nfc.slice(last);
}
