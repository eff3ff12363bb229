/**
 * Merging organisation mentions into one entry per body: known ids, abbreviations defined in the
 * story, short later mentions that begin a longer name, and a company named with and without its head.
 */
import type { Organisation } from '../../shared/article.js';
import { phraseKey } from './fold.js';
import type { OrgMention } from './org-tables.js';

/**
 * One key is the other's leading words, and both name more than a bare head; a two-word name
 * only when the longer adds one word ("Hanoi Party" and "Hanoi Party Committee").
 */
function isWordPrefix(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.charCodeAt(short.length) !== 32 || !long.startsWith(short)) return false;
  const n = short.split(' ').length;
  return n >= 3 || (n === 2 && long.split(' ').length === 3);
}

const OWN_COUNTRY_SUFFIX = / (?:viêt5 nam|vietnam|viet nam)$/u;
const COMPANY_HEADS = ['câu lạc bộ', 'clb', 'công ty', 'tập đoàn', 'tổng công ty', 'hãng', 'group', 'groupe', 'club'].map((h) => `${phraseKey(h)} `);

/** The name's key without a leading company or club head word. */
function withoutCompanyHead(key: string): string {
  const head = COMPANY_HEADS.find((h) => key.startsWith(h));
  return head ? key.slice(head.length) : key;
}

/** The first name-built id that is a word prefix of `id` (or has it as one), skipping national bodies. */
function firstPrefixId(ids: Iterable<string>, id: string, national: ReadonlySet<string>): string | undefined {
  for (const k of ids) if (k.startsWith('name:') && !national.has(k) && isWordPrefix(k, id)) return k;
  return undefined;
}

/** One Organisation per body, in order of first mention; a known body keeps its first written form. */
export function mergeOrganisations(mentions: readonly OrgMention[]): Organisation[] {
  const byId = new Map<string, Organisation>();
  const byAbbr = new Map<string, string>();
  const byName = new Map<string, string>();
  const national = new Set<string>();
  /** Name key without a company or club head ("becamex tp hồ chí minh") → id. */
  const byBareName = new Map<string, string>();
  for (const m of mentions) {
    // "Vietnam Airlines" in the headline, "Tổng công ty Hàng không Việt Nam (Vietnam Airlines)"
    // in the lead: the full name takes over the short one.
    const shortId = m.abbreviation && m.abbreviation !== m.name ? byName.get(m.abbreviation) : undefined;
    const short = shortId ? byId.get(shortId) : undefined;
    if (shortId && short) {
      short.name = m.name;
      short.abbreviation = m.abbreviation;
      byAbbr.set(m.abbreviation ?? '', shortId);
      byName.set(m.name, shortId);
      continue;
    }
    const viaAbbr = byAbbr.get(m.name);
    // "Bộ Tài chính Việt Nam" is the "Bộ Tài chính" named earlier; "Sở Du lịch" the
    // "Sở Du lịch Khánh Hòa" (one name is the other's word-for-word start).
    const bare = m.id.replace(OWN_COUNTRY_SUFFIX, '');
    // ... but "Cục Hải quan (Bộ Tài chính)" is the national department, not "Cục Hải quan tỉnh Quảng Ninh".
    const prefixOf = m.national || !m.id.startsWith('name:') ? undefined : firstPrefixId(byId.keys(), m.id, national);
    const viaBare = bare !== m.id && byId.has(bare);
    // "CLB Hoàng Anh Gia Lai (HAGL)" after "Hoàng Anh Gia Lai" (HAGL); "CLB Becamex TP Hồ Chí Minh"
    // after "Becamex TP Hồ Chí Minh": the same club or company with and without its head word.
    const bareName = withoutCompanyHead(m.key);
    const viaSameBody = (m.abbreviation ? byAbbr.get(m.abbreviation) : undefined) ?? byBareName.get(bareName);
    const id = viaAbbr ?? (viaBare ? bare : (prefixOf ?? viaSameBody ?? m.id));
    const had = byId.get(id);
    if (had) {
      had.abbreviation ??= m.abbreviation;
      // Keep the fullest written name ("Yonhap News Agency" over "Yonhap"), but not the one
      // that only adds our own country.
      const fuller = m.name.length > had.name.length && m.name !== m.abbreviation;
      const sameId = id === m.id;
      if (fuller && !viaAbbr && !viaBare && (id === prefixOf || id === viaSameBody || !id.startsWith('name:') || sameId)) had.name = m.name;
      continue;
    }
    byBareName.set(bareName, id);
    byId.set(id, { name: m.name, abbreviation: m.abbreviation });
    if (m.national) national.add(id);
    byName.set(m.name, id);
    if (m.abbreviation) byAbbr.set(m.abbreviation, id);
  }
  return [...byId.values()];
}
