/**
 * Rebuilds data/keyword-df.json, the built-in document-frequency table, from the labeled
 * fixtures. Run: npx tsx test/workers/enrich/learn-df.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities } from '../../../src/workers/enrich/extract.js';
import { MemoryIdfStore } from '../../../src/workers/enrich/idf-store.js';
import { candidateTerms } from '../../../src/workers/enrich/keywords.js';
import { articleForStory, loadGoldStories } from './fixtures.js';

const store = new MemoryIdfStore();
for (const s of loadGoldStories()) {
  const found = extractEntities(articleForStory(s));
  store.addDocument(candidateTerms(found.sections, found.entitySpans).keys());
}
const json = store.toJSON();
// Terms seen in one document carry no information beyond the default; keep the file small.
json.df = Object.fromEntries(Object.entries(json.df).filter(([, v]) => v > 1));
writeFileSync(join(import.meta.dirname, '../../../data/keyword-df.json'), `${JSON.stringify(json)}\n`);
console.log(`documents ${json.documents}, terms ${Object.keys(json.df).length}`);
