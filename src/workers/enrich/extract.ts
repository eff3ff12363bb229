/**
 * Runs the extractors over an article's headline, lead and body, in the order that lets each
 * use the previous: places (so a name run can drop a leading place), people (so an organisation
 * stops before a name), organisations, then the remaining places.
 */
import type { Article, Organisation, Person, Place } from '../../shared/article.js';
import { phraseKey } from './fold.js';
import { findOrganisations, mergeOrganisations, type OrgMention } from './organisations.js';
import { findPersonMentions, mergePeople, type PersonMention } from './people.js';
import { findGazetteerMatches, findHeadedPlaces, lookupPlace, placeFromMatch } from './places.js';
import type { Section, Span } from './spans.js';
import { spanText } from './spans.js';
import { tokenize } from './tokenize.js';

export interface Extraction {
  people: Person[];
  organisations: Organisation[];
  places: Place[];
  sections: Section[];
  /** Per section, token spans of every entity, kept whole by the keyword extractor. */
  entitySpans: Span[][];
}

// Photo/video credits left in the text ("(Ảnh: Minh Tâm/TTXVN)") name the photographer, not a
// person the story mentions.
const CREDIT = /\((?:Ảnh|Anh|Photo|Video|Đồ họa|Đồ hoạ|Nguồn|Source|Crédit|Graphic)\s*:[^)]*\)/giu;

/** Splits an article into the sections the extractors read. */
export function articleSections(article: Pick<Article, 'headline' | 'lead' | 'body' | 'language'>): Section[] {
  const latin = !article.language.toLowerCase().startsWith('vi');
  return [article.headline, article.lead ?? '', article.body.text]
    .filter((t) => t.length > 0)
    .map((raw) => {
      const text = raw.replace(CREDIT, (m) => ' '.repeat(m.length));
      return { text, tokens: tokenize(text), latin };
    });
}

/** People, organisations and places of an article. */
export function extractEntities(article: Pick<Article, 'headline' | 'lead' | 'body' | 'language' | 'dateline'>): Extraction {
  const sections = articleSections(article);
  const language = article.language.slice(0, 2).toLowerCase();
  const personMentions: PersonMention[] = [];
  const orgMentions: OrgMention[] = [];
  const places: Place[] = [];
  const seenPlaces = new Set<string>();
  const defined = new Map<string, string>();
  const entitySpans: Span[][] = [];
  const addPlace = (p: Place): void => {
    const key = phraseKey(p.name);
    if (seenPlaces.has(key)) return;
    seenPlaces.add(key);
    places.push(p);
  };

  const datelinePlace = article.dateline.place ? lookupPlace(article.dateline.place) : undefined;
  if (datelinePlace && article.dateline.place) {
    addPlace({ name: article.dateline.place, kind: datelinePlace.kind, code: datelinePlace.code, lat: datelinePlace.lat, lon: datelinePlace.lon });
  }

  sections.forEach((section, si) => {
    const n = section.tokens.length;
    const gaz = findGazetteerMatches(section, language);
    const persons = findPersonMentions(section, si, gaz);
    const inPerson = new Uint8Array(n);
    for (const p of persons) inPerson.fill(1, p.start, p.end);
    const isPerson = (i: number): boolean => inPerson[i] === 1;
    const placeStarts = new Set(gaz.filter((g) => !g.weak).map((g) => g.start));
    const placeEnds = new Set(gaz.filter((g) => !g.weak).map((g) => g.end - 1));
    const orgs = findOrganisations(section, isPerson, (i) => placeStarts.has(i), (i) => placeEnds.has(i), language, defined);
    personMentions.push(...persons);
    orgMentions.push(...orgs);

    // A place inside an organisation's name is that organisation, not a place the story is
    // about ("Liên đoàn Bóng đá Việt Nam"), unless the body is a local authority named after
    // its territory ("UBND tỉnh Hà Giang").
    const inOrg = new Uint8Array(n);
    for (const o of orgs) inOrg.fill(o.territorial ? 2 : 1, o.start, o.end);
    const inGaz = new Uint8Array(n);
    for (const g of gaz) {
      if (g.weak || inPerson.subarray(g.start, g.end).some((x) => x === 1)) continue;
      if (inOrg[g.start] === 1 || (inOrg[g.start] === 2 && !g.entry.code?.startsWith('VN-2025'))) continue;
      inGaz.fill(1, g.start, g.end);
    }
    const headed = findHeadedPlaces(section, (i) => inPerson[i] === 1 || inGaz[i] === 1 || inOrg[i] === 1 || gaz.some((g) => g.weak && i >= g.start && i < g.end));
    // Text order across both kinds of place.
    const found: { start: number; place: Place }[] = [];
    for (const g of gaz) if (inGaz[g.start] === 1) found.push({ start: g.start, place: placeFromMatch(section, g) });
    for (const h of headed) {
      found.push({ start: h.span.start, place: { name: spanText(section, h.span.start, h.span.end), kind: h.kind, code: null, lat: null, lon: null } });
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) addPlace(f.place);
    entitySpans.push([...persons, ...orgs, ...gaz, ...headed.map((h) => h.span)]);
  });

  return {
    people: mergePeople(personMentions),
    organisations: mergeOrganisations(orgMentions),
    places,
    sections,
    entitySpans,
  };
}
