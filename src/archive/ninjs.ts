/**
 * The strict IPTC ninjs 2.2 rendering of an article (schema: test/fixtures/schemas/
 * ninjs-schema_2.2.json). ninjs 2.2 allows no property it does not define, so every article field
 * is either mapped onto a defined property or left out; see the notes by each mapping.
 */
import type { Article, Credit } from '../shared/article.js';
import {
  MEDIATOPIC_SCHEME,
  entryId,
  entryMedia,
  mediaTopicNumber,
  parseDate,
} from '../feeds/render-parts.js';

export type Ninjs = Record<string, unknown>;

const SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json';
// IPTC "information source role": the party the information came from.
const ORIGINATOR_ROLE = 'http://cv.iptc.org/newscodes/infosourcerole/originfo';

/** ninjs `date-time`: RFC 3339 in UTC; an unparseable value is left out rather than emitted. */
function dateTime(iso: string | null): string | null {
  return parseDate(iso)?.toISOString() ?? null;
}

function setIf(target: Ninjs, key: string, value: unknown): void {
  if (value === null || value === undefined || value === '') return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = value;
}

function descriptionsOf(article: Article): Ninjs[] {
  const out: Ninjs[] = [];
  if (article.lead) out.push({ role: 'lead', contenttype: 'text/plain', value: article.lead });
  if (article.summary) out.push({ role: 'summary', contenttype: 'text/plain', value: article.summary });
  return out;
}

function bodiesOf(article: Article): Ninjs[] {
  const out: Ninjs[] = [];
  if (article.body.text) {
    out.push({
      role: 'main',
      contenttype: 'text/plain',
      charcount: [...article.body.text].length,
      wordcount: article.wordCount,
      value: article.body.text,
    });
  }
  if (article.body.html) {
    out.push({ role: 'main', contenttype: 'text/html', wordcount: article.wordCount, value: article.body.html });
  }
  return out;
}

function subjectsOf(article: Article): Ninjs[] {
  const out: Ninjs[] = [];
  for (const subject of article.subjects) {
    const medtop = mediaTopicNumber(subject.code);
    const entry: Ninjs = { name: subject.name };
    if (medtop) entry.uri = `${MEDIATOPIC_SCHEME}${medtop}`;
    entry.literal = subject.code;
    entry.confidence = Math.round(subject.confidence * 100);
    out.push(entry);
  }
  // ninjs 2.2 has no `keywords` (added in 3.0); a subject with rel "keyword" carries them losslessly.
  for (const keyword of new Set(article.keywords)) out.push({ name: keyword, rel: 'keyword' });
  // The source's own section and tags are subjects in the source's vocabulary.
  const labels = new Set([article.category, ...article.tags].filter((t): t is string => !!t));
  for (const label of labels) out.push({ name: label, rel: 'category' });
  return out;
}

function placesOf(article: Article): Ninjs[] {
  return article.places.map((place) => {
    const entry: Ninjs = { name: place.name };
    if (place.code) entry.literal = place.code;
    if (place.lat !== null && place.lon !== null && Number.isFinite(place.lat) && Number.isFinite(place.lon)) {
      // GeoJSON positions are [longitude, latitude].
      entry.geojson = { type: 'Point', coordinates: [place.lon, place.lat] };
    }
    return entry;
  });
}

function infosourcesOf(article: Article): Ninjs[] {
  const out: Ninjs[] = [];
  if (article.dateline.agency) {
    out.push({ name: article.dateline.agency, role: ORIGINATOR_ROLE, literal: article.dateline.agency });
  }
  out.push({ name: article.sourceId, literal: article.sourceId });
  return out;
}

function altidsOf(article: Article): Ninjs[] {
  const out: Ninjs[] = [{ role: 'wirepipe-id', value: article.id }];
  if (article.url) out.push({ role: 'url', value: article.url });
  out.push({ role: 'content-hash', value: article.contentHash });
  if (article.duplicateOf) out.push({ role: 'duplicate-of', value: article.duplicateOf });
  if (article.translationOf) out.push({ role: 'translation-of', value: article.translationOf });
  return out;
}

/** The photo credit for an image: the one with the same caption, or the only one for the only image. */
function creditFor(article: Article, caption: string | null, imageCount: number): Credit | null {
  const photos = article.credits.filter((c) => c.role === 'photo');
  const byCaption = caption === null ? undefined : photos.find((c) => c.caption === caption);
  if (byCaption) return byCaption;
  return photos.length === 1 && imageCount === 1 ? (photos[0] ?? null) : null;
}

/** Images and other media become associated objects (picture/video/…), each with one rendition. */
function associationsOf(article: Article): Ninjs[] {
  const all = entryMedia(article);
  const imageCount = all.filter((m) => m.type.startsWith('image/')).length;
  return all.map((media, index) => {
    const rendition: Ninjs = { name: 'original', href: media.href, contenttype: media.type };
    if (media.width !== null) rendition.width = media.width;
    if (media.height !== null) rendition.height = media.height;
    const isImage = media.type.startsWith('image/');
    const association: Ninjs = {
      name: index === 0 ? 'featuremedia' : `media-${index + 1}`,
      uri: media.href,
      type: isImage ? 'picture' : media.type.startsWith('video/') ? 'video' : 'component',
      renditions: [rendition],
    };
    if (media.caption) {
      association.descriptions = [{ role: 'caption', contenttype: 'text/plain', value: media.caption }];
    }
    const credit = isImage ? creditFor(article, media.caption, imageCount) : null;
    if (credit) association.by = credit.agency ? `${credit.name}/${credit.agency}` : credit.name;
    return association;
  });
}

/** The article as a strict IPTC ninjs 2.2 object (validates against the 2.2 schema, no extras). */
export function toNinjs(article: Article): Ninjs {
  const out: Ninjs = {
    uri: entryId(article),
    standard: { name: 'ninjs', version: '2.2', schema: SCHEMA_URI },
    type: 'text',
    representationtype: 'full',
    version: String(article.version),
  };
  setIf(out, 'firstcreated', dateTime(article.firstCreated));
  setIf(out, 'versioncreated', dateTime(article.versionCreated));
  setIf(out, 'embargoed', dateTime(article.embargoedUntil));
  out.pubstatus = article.pubStatus;
  setIf(out, 'language', article.language);
  setIf(out, 'slugline', article.slug);
  if (article.headline) out.headlines = [{ role: 'main', contenttype: 'text/plain', value: article.headline }];
  setIf(out, 'descriptions', descriptionsOf(article));
  setIf(out, 'bodies', bodiesOf(article));
  setIf(out, 'by', article.byline.filter((name) => name.trim() !== '').join(', '));
  setIf(out, 'located', article.dateline.place);
  // Person roles ("Phó Chủ tịch UBND tỉnh …") have no ninjs 2.2 property: `rel` means the
  // person's relation to the story, not their office, so only the name is kept.
  setIf(out, 'people', article.people.map((p) => ({ name: p.name })));
  setIf(
    out,
    'organisations',
    article.organisations.map((o) => (o.abbreviation ? { name: o.name, literal: o.abbreviation } : { name: o.name })),
  );
  setIf(out, 'places', placesOf(article));
  setIf(out, 'subjects', subjectsOf(article));
  setIf(out, 'infosources', infosourcesOf(article));
  setIf(out, 'altids', altidsOf(article));
  setIf(out, 'associations', associationsOf(article));
  return out;
}
