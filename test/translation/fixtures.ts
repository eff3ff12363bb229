/** The shared canonical-article fixtures, as translation inputs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleSchema, type Article } from '../../src/shared/article.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'articles');

/** Every `test/fixtures/articles/*.json`, parsed and schema-checked, with its file name. */
export function loadArticleFixtures(): { file: string; article: Article }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, article: ArticleSchema.parse(JSON.parse(readFileSync(join(DIR, file), 'utf8'))) }));
}
