/**
 * Runs the extractors over an article's headline, lead and body, in the order that lets each
 * use the previous: places (so a name run can drop a leading place), people (so an organisation
 * stops before a name), organisations, then the remaining places.
 */
import type { Article, Organisation, Person, Place } from '../../shared/article.js';
import { phraseKey } from './fold.js';
import { findOrganisations, mergeOrganisations, type OrgMention } from './organisations.js';
import { findPersonMentions, mergePeople, type PersonMention } from './people.js';
import { HEAD_ABBREVIATIONS } from './org-lexicon.js';
import { featureHeadBefore, findGazetteerMatches, findHeadedPlaces, lookupPlace, placeCueBefore, placeFromMatch, placeHeadBefore, placeNameKey } from './places.js';
import type { PlaceMatch, Section, Span } from './spans.js';
import { hardBreakBefore, spanText } from './spans.js';
import { makeRoomForStory, tokenize, type Token } from './tokenize.js';
import { WARD_KINDS, wardCode } from './wards.js';
import { scratchBytes, scratchInts } from './scratch.js';

export interface Extraction {
  people: Person[];
  organisations: Organisation[];
  places: Place[];
  sections: Section[];
  /** Per section, token spans of every entity, kept whole by the keyword extractor. */
  entitySpans: Span[][];
}

// Photo/video credits left in the text ("(Ảnh: Minh Tâm/TTXVN)") name the photographer, not a
// person the story mentions. The body is bounded as normalize's credits.ts bounds it: a stray
// "(Ảnh:" with no ")" then costs at most 120 characters of scanning, not the rest of the section
// (quadratic over many of them), and never blanks the story up to some later, unrelated ")".
export const CREDIT = /\((?:Ảnh|Anh|Photo|Video|Đồ họa|Đồ hoạ|Nguồn|Source|Crédit|Graphic)\s*:[^()]{0,120}\)/giu;

// Per-token marks of one section (see scratch.ts): which tokens are a person, a place, an organisation.
const IN_PERSON = scratchBytes();
const PLACE_END_FROM = scratchInts();
const PLACE_ENDS_HERE = scratchBytes();
const IN_ORG = scratchBytes();
const IN_GAZ = scratchBytes();

const PROVINCE_CODE = /^VN-2025:\d+$/;

/** Codes of the 2025 provinces among the places found so far and the section's gazetteer matches. */
function provincesNamed(places: readonly Place[], gaz: readonly PlaceMatch[]): Set<string> {
  const provinces = new Set<string>();
  for (const p of places) if (PROVINCE_CODE.test(p.code ?? '')) provinces.add(p.code ?? '');
  for (const g of gaz) if (g.entry.code && PROVINCE_CODE.test(g.entry.code)) provinces.add(g.entry.code);
  return provinces;
}

/**
 * True for a local authority whose head is abbreviated ("UBND tỉnh Quảng Ninh", "HĐND TP Hải
 * Phòng"): findOrganisations marks the written-out form ("Ủy ban nhân dân tỉnh Quảng Ninh")
 * territorial but not this one, so its province would be lost. Same test as the written-out form
 * gets: an administrative head inside the name, and no club ("CLB Becamex TP Hồ Chí Minh").
 */
function abbreviatedLocalAuthority(tokens: readonly Token[], o: OrgMention): boolean {
  const expansion = HEAD_ABBREVIATIONS[tokens[o.start]?.text ?? ''];
  if (expansion === undefined || expansion === 'Câu lạc bộ') return false;
  for (let k = o.start + 2; k < o.end; k++) if (placeHeadBefore(tokens, k) && !featureHeadBefore(tokens, k)) return true;
  return false;
}

/** True when one of `spans` starts at token i. */
function startsAt(spans: readonly Span[], i: number): boolean {
  for (const s of spans) if (s.start === i) return true;
  return false;
}

/** Splits an article into the sections the extractors read. */
export function articleSections(article: Pick<Article, 'headline' | 'lead' | 'body' | 'language'>): Section[] {
  makeRoomForStory();
  const latin = !article.language.toLowerCase().startsWith('vi');
  return [article.headline, article.lead ?? '', article.body.text]
    .filter((t) => t.length > 0)
    .map((raw) => {
      // Every credit opens with "(": most sections hold none, and one scan for it skips the regex.
      const text = raw.includes('(') ? raw.replace(CREDIT, (m) => ' '.repeat(m.length)) : raw;
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
  const givenNames = new Set<string>();
  // One place per thing named: "HCM City" and "Ho Chi Minh City" are one entry; a former
  // province and the unit that absorbed it stay two.
  const addPlace = (p: Place, identity?: string, nameKey: string = phraseKey(p.name)): void => {
    const key = identity ?? nameKey;
    if (seenPlaces.has(key) || seenPlaces.has(nameKey)) return;
    seenPlaces.add(key);
    seenPlaces.add(nameKey);
    places.push(p);
  };

  const datelinePlace = article.dateline.place ? lookupPlace(article.dateline.place) : undefined;
  if (datelinePlace && article.dateline.place) {
    const name = article.dateline.place;
    addPlace({ name, kind: datelinePlace.kind, code: datelinePlace.code, lat: datelinePlace.lat, lon: datelinePlace.lon }, undefined, placeNameKey(name));
  }

  sections.forEach((section, si) => {
    const n = section.tokens.length;
    const gaz = findGazetteerMatches(section, language);
    const persons = findPersonMentions(section, si, gaz);
    const inPerson = IN_PERSON.take(n);
    for (const p of persons) inPerson.fill(1, p.start, p.end);
    const isPerson = (i: number): boolean => inPerson[i] === 1;
    // Per token, the end of the place starting there (0 if none) and whether a place ends there:
    // the organisation pass asks these for nearly every token.
    const placeEndFrom = PLACE_END_FROM.take(n);
    const placeEndsHere = PLACE_ENDS_HERE.take(n);
    for (const g of gaz) {
      if (g.weak) continue;
      placeEndFrom[g.start] = g.end;
      placeEndsHere[g.end - 1] = 1;
    }
    const isPlaceStart = (i: number): boolean => (placeEndFrom[i] ?? 0) > 0;
    const orgs = findOrganisations(
      section,
      isPerson,
      isPlaceStart,
      (i) => placeEndsHere[i] === 1,
      (i) => ((placeEndFrom[i] ?? 0) > 0 ? placeEndFrom[i] : undefined),
      language,
      defined,
    );
    personMentions.push(...persons);
    orgMentions.push(...orgs);

    // A place inside an organisation's name is that organisation, not a place the story is
    // about ("Liên đoàn Bóng đá Việt Nam"), unless the body is a local authority named after
    // its territory ("UBND tỉnh Hà Giang").
    const inOrg = IN_ORG.take(n);
    for (const o of orgs) inOrg.fill(o.territorial || abbreviatedLocalAuthority(section.tokens, o) ? 2 : 1, o.start, o.end);
    const inGaz = IN_GAZ.take(n);
    // "Trương Quốc Vinh ... được Vinh chỉ đạo": the given name of a person the story names is that
    // person, not the city of Vinh, unless a place cue says otherwise.
    for (const p of persons) if (p.keys.length >= 2) givenNames.add(p.keys[p.keys.length - 1] ?? '');
    const givenName = (g: PlaceMatch): boolean =>
      g.end - g.start === 1 && g.entry.kind !== 'country' && givenNames.has(section.tokens[g.start]?.key ?? '') && !placeCueBefore(section.tokens, g.start);
    for (const g of gaz) {
      if (g.weak || inPerson[g.start] === 1 || inPerson[g.end - 1] === 1 || givenName(g)) continue;
      // "sông Sài Gòn" is a river, not the city the gazetteer knows as "Sài Gòn".
      if (g.entry.kind !== 'country' && !section.tokens[g.start - 1]?.cap && featureHeadBefore(section.tokens, g.start)) continue;
      // "Đức Thiên", "Mỹ Tho": a one-word country name running into another capitalized word is
      // part of a longer name, unless a person's name or another place follows.
      const next = section.tokens[g.end];
      if (g.end - g.start === 1 && g.entry.kind === 'country' && next?.cap && !next.upper && !hardBreakBefore(section.tokens, g.end) && !startsAt(persons, g.end) && !isPlaceStart(g.end) && !section.latin) continue;
      if (inOrg[g.start] === 1 || (inOrg[g.start] === 2 && !g.entry.code?.startsWith('VN-2025'))) continue;
      inGaz.fill(1, g.start, g.end);
    }
    const headed = findHeadedPlaces(section, (i) => inPerson[i] === 1 || inGaz[i] === 1 || inOrg[i] === 1);
    // Text order across both kinds of place.
    const found: { start: number; place: Place; identity?: string; nameKey: string }[] = [];
    const keysOf = (a: number, b: number): string => {
      if (a >= b) return '';
      let key = section.tokens[a]?.key ?? '';
      for (let k = a + 1; k < b; k++) key += ` ${section.tokens[k]?.key ?? ''}`;
      return key;
    };
    for (const g of gaz) {
      if (inGaz[g.start] !== 1) continue;
      const e = g.entry;
      const place = placeFromMatch(section, g);
      const nameKey = keysOf(g.start, g.end);
      // A well-known commune in the gazetteer carries its province's code; the ward list is finer.
      if (WARD_KINDS.has(place.kind ?? '') && place.code) place.code = wardCode(place.name, place.kind!, new Set([place.code]), nameKey) ?? place.code;
      found.push({ start: g.start, place, identity: `${e.kind}|${e.code ?? ''}|${e.canonical}|${e.predecessorIso ?? ''}`, nameKey });
    }
    // Provinces the story names (so far), to tell apart communes that share a name: gathered only
    // for a ward or commune named by its head, which few sections hold.
    let provinces: Set<string> | undefined;
    for (const h of headed) {
      const name = spanText(section, h.span.start, h.span.end);
      const nameKey = keysOf(h.span.start, h.span.end);
      let code: string | null = null;
      if (WARD_KINDS.has(h.kind)) {
        provinces ??= provincesNamed(places, gaz);
        code = wardCode(name, h.kind, provinces, nameKey);
      }
      found.push({ start: h.span.start, place: { name, kind: h.kind, code, lat: null, lon: null }, nameKey });
    }
    found.sort((a, b) => a.start - b.start);
    for (const f of found) addPlace(f.place, f.identity, f.nameKey);
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
