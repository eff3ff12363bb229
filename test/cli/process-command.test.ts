/** `wirepipe process`: the acceptance checks, run through the CLI entry point in this process. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runWirepipe } from '../support/cli.js';
import { ArticleSchema } from '../../src/shared/article.js';
import { ninjsValidator } from '../support/schemas.js';

const SAMPLE = new URL('../fixtures/wire-samples/wire-vi-hagiang.txt', import.meta.url).pathname;
const HEADLINE = 'Bồi dưỡng đội ngũ làm công tác thông tin đối ngoại tại khu vực miền núi, biên giới';


describe('wirepipe process', () => {
  it('prints the sample as a canonical article', async () => {
    const { code, out } = await runWirepipe(['process', SAMPLE, '--format', 'article']);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const article = ArticleSchema.parse(JSON.parse(out[0]!));
    expect(article.headline).toBe(HEADLINE);
    expect(article.category).toBe('Hội nhập');
    expect(article.language).toBe('vi');
    expect(article.body.text).not.toContain('Tin liên quan');
    expect(article.body.text).not.toContain('Xem thêm');
    expect(article.body.html).not.toContain('Xem thêm');
  });

  it('prints valid IPTC ninjs 2.2 with --format ninjs', async () => {
    const { code, out } = await runWirepipe(['process', SAMPLE, '--format', 'ninjs']);
    expect(code).toBe(0);
    const validate = ninjsValidator();
    const ninjs = JSON.parse(out[0]!);
    expect(validate(ninjs), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(ninjs)).toContain(HEADLINE);
  });

  it('applies versions across the files of one invocation, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirepipe-process-'));
    const original = await readFile(SAMPLE, 'utf8');
    const edited = original.replace('Hội nghị đã nghe các báo cáo viên', 'Hội nghị đã nghe ba báo cáo viên');
    expect(edited).not.toBe(original);
    await writeFile(join(dir, 'new.txt'), edited);
    const { code, out } = await runWirepipe(['process', SAMPLE, join(dir, 'new.txt'), SAMPLE]);
    expect(code).toBe(0);
    const [v1, v2, ...rest] = out.map((l) => ArticleSchema.parse(JSON.parse(l)));
    expect(v1?.version).toBe(1);
    expect(v2?.version).toBe(2);
    expect(v2?.id).toBe(v1?.id);
    expect(v2?.firstCreated).toBe(v1?.firstCreated);
    // The third file re-sends version 1's content: nothing new.
    expect(rest).toHaveLength(0);
  });

  it('links a story to the earlier story it translates, across the files of one invocation', async () => {
    const vi = new URL('../fixtures/wire/text/vi-dem-no-agency.txt', import.meta.url).pathname;
    const en = new URL('../fixtures/wire/pairs/t02-en-storm/b.txt', import.meta.url).pathname;
    const { code, out } = await runWirepipe(['process', vi, en]);
    expect(code).toBe(0);
    const [original, translation] = out.map((l) => ArticleSchema.parse(JSON.parse(l)));
    expect(original?.language).toBe('vi');
    expect(translation?.language).toBe('en');
    expect(original?.translationOf).toBeNull();
    expect(translation?.translationOf).toBe(original?.id);
  });

  it('takes the link threshold from the configuration', async () => {
    const vi = new URL('../fixtures/wire/text/vi-dem-no-agency.txt', import.meta.url).pathname;
    const en = new URL('../fixtures/wire/pairs/t02-en-storm/b.txt', import.meta.url).pathname;
    process.env['TRANSLATION_LINK_THRESHOLD'] = '1';
    try {
      const { out } = await runWirepipe(['process', vi, en]);
      expect(ArticleSchema.parse(JSON.parse(out[1]!)).translationOf).toBeNull();
    } finally {
      delete process.env['TRANSLATION_LINK_THRESHOLD'];
    }
  });

  it('reports a file it cannot read as a typed error, and goes on with the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wirepipe-process-'));
    await writeFile(join(dir, 'empty.txt'), '   \n\n  ');
    const { code, out, err } = await runWirepipe(['process', join(dir, 'empty.txt'), SAMPLE]);
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    const failure = JSON.parse(err[0]!);
    expect(failure.file).toContain('empty.txt');
    expect(failure.error.code).toMatch(/^[A-Z_]+$/);
    expect(failure.error.code).not.toBe('STAGE_FAILED');
  });

  it('refuses an unknown format', async () => {
    const { code, err } = await runWirepipe(['process', SAMPLE, '--format', 'xml']);
    expect(code).toBe(2);
    expect(err[0]).toContain('--format');
  });
});

describe('the wirepipe binary', () => {
  it('prints its help (npx wirepipe --help)', async () => {
    const bin = new URL('../../bin/wirepipe.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(stdout).toContain('wirepipe process FILE');
    expect(stdout).toContain('wirepipe start');
  });
});
