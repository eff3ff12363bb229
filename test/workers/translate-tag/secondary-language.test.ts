/** The stage tags a story by its second language's keywords too, when that language has a large share. */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/shared/logger.js';
import { translateTag } from '../../../src/workers/translate-tag/index.js';
import { MemoryStoryStore } from '../../../src/workers/story-store.js';
import { makeArticle } from '../../support/articles.js';

describe('translate-tag and a second language', () => {
  it('tags an English story by the Vietnamese words it quotes at length', async () => {
    const text =
      'The provincial chairman spoke to reporters on Monday afternoon about the situation in the northern mountain districts and the work ahead for the provincial authorities in the coming weeks and months. "Sạt lở đất đã làm sập nhiều nhà dân ở các xã vùng cao," he told them.';
    const article = makeArticle({ language: 'und', category: null, tags: [], headline: 'Sạt lở đất in Lao Cai: chairman speaks', lead: null, body: { text, html: '' } });
    const tagged = await translateTag(article, { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore() });
    expect(tagged!.language).toBe('en');
    expect(tagged!.subjects.map((s) => s.code)).toContain('medtop:20000148');
  });
});
