/** A source's category map from config decides the topic of its section labels, over the built-in map. */
import { describe, expect, it } from 'vitest';
import { translateTag } from '../../src/workers/translate-tag/index.js';
import { MemoryStoryStore } from '../../src/workers/story-store.js';
import { SourceSchema } from '../../src/shared/sources.js';
import { silentLogger } from '../../src/shared/logger.js';
import { makeArticle } from '../support/articles.js';

describe('translate-tag with a source category map', () => {
  it('maps the source\'s own section label to the configured topic, with the reason', async () => {
    const source = SourceSchema.parse({ id: 'partner', kind: 'feed', url: 'https://example.com/rss', categoryMap: { 'Góc nhìn': 'medtop:01000000' } });
    const article = makeArticle({ sourceId: 'partner', category: 'Góc nhìn', headline: 'Triển lãm tranh sơn mài', body: { text: 'Một triển lãm mở cửa tại Hà Nội.', html: '' } });
    const ctx = { log: silentLogger(), now: () => new Date(), stories: new MemoryStoryStore(), sourceConfig: (id: string) => (id === 'partner' ? source : undefined) };
    const tagged = await translateTag(article, ctx);
    const culture = tagged?.subjects.find((s) => s.code === 'medtop:01000000');
    expect(culture).toBeDefined();
    expect(culture?.reasons?.join(' ')).toContain('Góc nhìn');
    // Without the source's map the same label is unknown: no topic from it.
    const plain = await translateTag({ ...article, sourceId: 'other' }, ctx);
    expect(plain?.subjects.find((s) => s.code === 'medtop:01000000')?.reasons?.join(' ') ?? '').not.toContain('Góc nhìn');
  });
});
