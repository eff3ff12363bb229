import { readFileSync } from 'node:fs';
import { ArticleSchema } from '/work/main/src/shared/article.ts';
import { renderRss } from '/work/main/src/feeds/render-rss.ts';
import { renderAtom } from '/work/main/src/feeds/render-atom.ts';
import { renderJsonFeed } from '/work/main/src/feeds/render-json-feed.ts';
import { toNinjs } from '/work/main/src/archive/ninjs.ts';
import { Feed } from 'feed';
const base = ArticleSchema.parse(JSON.parse(readFileSync('/work/main/test/fixtures/articles/vi-hagiang.json', 'utf8')));
const N = 100;
const ONLY = process.env.ONLY;
const articles = Array.from({ length: N }, (_, i) => ({ ...base, id: `${base.id}-${i}`, uri: `${base.uri}-${i}` }));
const feed = { id: 'all', title: 'T', description: 'D', selfUrl: 'https://x.vn/all.rss', homeUrl: 'https://x.vn/', alternates: { rss: 'https://x.vn/all.rss', atom: 'https://x.vn/all.atom', json: 'https://x.vn/all.json' }, language: 'vi', updated: new Date() };
function time(name: string, fn: () => unknown, reps = 200) {
  for (let i = 0; i < 20; i++) fn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < reps; i++) fn();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / reps;
  return { name, msPerFeedOf100: +ms.toFixed(3), usPerArticle: +((ms * 1000) / N).toFixed(1) };
}
function feedPkg(kind: 'rss2' | 'atom1') {
  const f = new Feed({ id: 'all', title: 'T', link: 'https://x.vn/', copyright: '', updated: new Date(), feedLinks: { rss: feed.selfUrl } });
  for (const a of articles) f.addItem({ title: a.headline, id: a.uri, link: a.url ?? undefined, date: new Date(a.versionCreated), published: new Date(a.firstCreated), description: a.summary, content: a.body.html, author: a.byline.map((name) => ({ name })), category: a.tags.map((name) => ({ name, term: name })) });
  return f[kind]();
}
const results = [
  time('renderRss', () => renderRss(feed, articles)),
  time('renderAtom', () => renderAtom(feed, articles)),
  time('renderJsonFeed', () => renderJsonFeed(feed, articles)),
  time('toNinjs+stringify', () => articles.map((a) => JSON.stringify(toNinjs(a)))),
  time('feed pkg rss2 (baseline)', () => feedPkg('rss2'), 50),
  time('feed pkg atom1 (baseline)', () => feedPkg('atom1'), 50),
];
console.log(JSON.stringify({ words: base.wordCount, articles: N, results }, null, 1));
