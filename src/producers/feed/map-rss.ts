/** RSS 2.0 / 0.9x (<rss>) and RSS 1.0 / 0.90 (<rdf:RDF>) documents → item drafts. */
import { PermanentError } from '../../shared/errors.js';
import { absoluteUrl, clean, emptyDraft, type ItemDraft } from './item-draft.js';
import { enclosureRenditions, mediaRenditions } from './map-media.js';
import { NS, childOf, childrenOf, childText, textOf, type XmlElement } from './xml-tree.js';
import type { FeedDraft } from './feed-draft.js';

/** "editor@example.com (Jane Doe)" → "Jane Doe"; a bare name or address is kept as written. */
function rssAuthor(raw: string): string {
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(raw.trim());
  return m?.[1]?.trim() ?? raw.trim();
}

function mapItem(it: XmlElement, ns: string | null, channelLang: string | null, channelLink: string | null): ItemDraft {
  const d = emptyDraft('feed-item');
  // Relative RSS links are relative to the site (channel link) unless xml:base says otherwise.
  const base = it.hasXmlBase ? it.base : (channelLink ?? it.base);
  const guidEl = childOf(it, ns, 'guid');
  const guid = clean(textOf(guidEl));
  const about = clean(it.attrs['rdf:about']);
  d.id = guid ?? about;

  let link = childText(it, ns, 'link');
  if (link === null) {
    const atomLink = childrenOf(it, NS.atom, 'link').find((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate');
    link = clean(atomLink?.attrs['href']);
  }
  if (link === null && guid !== null && guidEl?.attrs['isPermaLink'] !== 'false' && /^https?:\/\//i.test(guid)) link = guid;
  d.url = absoluteUrl(link, base);

  d.title = childText(it, ns, 'title') ?? childText(it, NS.dc, 'title');
  d.summary = childText(it, ns, 'description') ?? childText(it, NS.dc, 'description');
  d.content = childText(it, NS.content, 'encoded') ?? d.summary;
  d.contentType = 'html';

  for (const a of childrenOf(it, ns, 'author')) {
    const t = clean(textOf(a));
    if (t !== null) d.authors.push(rssAuthor(t));
  }
  for (const c of childrenOf(it, NS.dc, 'creator')) {
    const t = clean(textOf(c));
    if (t !== null) d.authors.push(t);
  }
  for (const c of childrenOf(it, ns, 'category')) {
    const t = clean(textOf(c));
    if (t !== null) d.categories.push({ term: t, scheme: clean(c.attrs['domain']) });
  }
  for (const c of childrenOf(it, NS.dc, 'subject')) {
    const t = clean(textOf(c));
    if (t !== null) d.categories.push({ term: t, scheme: null });
  }

  d.publishedRaw = [childText(it, ns, 'pubDate'), childText(it, NS.dc, 'date'), childText(it, NS.dcterms, 'issued')];
  d.updatedRaw = [childText(it, NS.atom, 'updated'), childText(it, NS.dcterms, 'modified')];
  d.language = it.lang ?? childText(it, NS.dc, 'language') ?? channelLang;
  d.renditions = [...enclosureRenditions(it, ns, base), ...mediaRenditions(it, base)];
  d.baseUrl = it.hasXmlBase ? it.base : (d.url ?? base);
  return d;
}

/** Maps an <rss> root (any version; a missing version attribute is accepted). */
export function mapRss(root: XmlElement): FeedDraft {
  const ns = root.ns;
  const channel = childOf(root, ns, 'channel');
  if (!channel) throw new PermanentError('FEED_PARSE', '<rss> has no <channel>');
  const lang = channel.lang ?? childText(channel, ns, 'language') ?? childText(channel, NS.dc, 'language');
  const channelLink = absoluteUrl(childText(channel, ns, 'link'), channel.base);
  const ttlMinutes = Number.parseInt(childText(channel, ns, 'ttl') ?? '', 10);
  // RSS 0.91 userland feeds sometimes put items beside the channel instead of inside it.
  const itemEls = [...childrenOf(channel, ns, 'item'), ...childrenOf(root, ns, 'item')];
  return {
    title: childText(channel, ns, 'title'),
    language: lang,
    ttlSeconds: Number.isFinite(ttlMinutes) && ttlMinutes > 0 ? ttlMinutes * 60 : null,
    items: itemEls.map((it) => mapItem(it, ns, lang, channelLink)),
  };
}

/** Maps an <rdf:RDF> root carrying RSS 1.0 or 0.90 (items are siblings of the channel). */
export function mapRdf(root: XmlElement): FeedDraft {
  const channel = childOf(root, NS.rss1, 'channel') ?? childOf(root, NS.rss090, 'channel');
  const ns = channel?.ns ?? (childOf(root, NS.rss090, 'item') ? NS.rss090 : NS.rss1);
  const lang = channel ? (channel.lang ?? childText(channel, NS.dc, 'language')) : root.lang;
  const channelLink = channel ? absoluteUrl(childText(channel, ns, 'link'), channel.base) : null;
  const items = childrenOf(root, ns, 'item');
  if (!channel && items.length === 0) throw new PermanentError('FEED_PARSE', 'rdf:RDF holds no RSS channel or items');
  return {
    title: channel ? childText(channel, ns, 'title') : null,
    language: lang ?? null,
    ttlSeconds: null,
    items: items.map((it) => mapItem(it, ns, lang ?? null, channelLink)),
  };
}
