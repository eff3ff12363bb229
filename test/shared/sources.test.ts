/** The sources config: YAML and JSON, defaults, clamping, and every problem listed at once. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/shared/errors.js';
import { loadSources, parseSources } from '../../src/shared/sources.js';

const YAML_SOURCES = `
sources:
  - id: vna-vi
    kind: feed
    url: https://vna.example.vn/rss/thoi-su.rss
    language: vi
    categoryMap:
      Thời sự: medtop:11000000
      Thể thao: [medtop:15000000, medtop:20000822]
  - id: wire-drop
    kind: wire-folder
    path: /var/lib/wirepipe/drop
    enabled: false
  - id: partner-push
    kind: push
    auth:
      bearerTokenEnv: PARTNER_TOKEN
      hmacSecretEnv: PARTNER_HMAC_SECRET
`;

function problems(fn: () => unknown): string[] {
  let caught: unknown = null;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return (caught as ConfigError).problems;
}

describe('parseSources', () => {
  it('reads YAML with defaults filled in', () => {
    const [feed, folder, push] = parseSources(YAML_SOURCES, 'sources.yaml');
    expect(feed).toEqual({
      id: 'vna-vi', kind: 'feed', url: 'https://vna.example.vn/rss/thoi-su.rss', language: 'vi',
      categoryMap: { 'Thời sự': ['medtop:11000000'], 'Thể thao': ['medtop:15000000', 'medtop:20000822'] }, intervalSeconds: 300, allowFastPolling: false, identity: 'id', enabled: true,
    });
    expect(folder?.enabled).toBe(false);
    expect(folder?.path).toBe('/var/lib/wirepipe/drop');
    expect(push?.auth).toEqual({ bearerTokenEnv: 'PARTNER_TOKEN', hmacSecretEnv: 'PARTNER_HMAC_SECRET' });
  });

  it('reads a JSON array as well as a {sources: [...]} object', () => {
    const list = [{ id: 'a', kind: 'feed', url: 'http://a.example/feed' }];
    expect(parseSources(JSON.stringify(list), 'sources.json').map((s) => s.id)).toEqual(['a']);
    expect(parseSources(JSON.stringify({ sources: list }), 'sources.json').map((s) => s.id)).toEqual(['a']);
  });

  it("reads identity: link for feeds that reuse guids, and refuses other values", () => {
    expect(parseSources(JSON.stringify([{ id: 'a', kind: 'feed', url: 'https://a.example/f', identity: 'link' }]), 'x.json')[0]?.identity).toBe('link');
    const found = problems(() => parseSources(JSON.stringify([{ id: 'a', kind: 'feed', url: 'https://a.example/f', identity: 'title' }]), 'x.json'));
    expect(found.some((p) => /sources\[0\]\.identity: /.test(p)), found.join('\n')).toBe(true);
  });

  it.each([
    [10, false, 60],
    [59, false, 60],
    [600, false, 600],
    [999_999, false, 86_400],
    [5, true, 5],
    [999_999, true, 86_400],
  ])('clamps intervalSeconds %d (allowFastPolling %s) to %d', (interval, fast, want) => {
    const text = JSON.stringify([{ id: 'a', kind: 'feed', url: 'https://a.example/f', intervalSeconds: interval, allowFastPolling: fast }]);
    expect(parseSources(text, 'x.json')[0]?.intervalSeconds).toBe(want);
  });

  it('lists every problem at once, with where it is', () => {
    const text = JSON.stringify([
      { id: 'Bad_ID', kind: 'feed', url: 'https://ok.example/f' },
      { id: 'no-url', kind: 'feed' },
      { id: 'ftp-url', kind: 'feed', url: 'ftp://x.example/f' },
      { id: 'folder', kind: 'wire-folder' },
      { id: 'push', kind: 'push' },
      { id: 'weird', kind: 'carrier-pigeon' },
      { id: 'typo', kind: 'feed', url: 'https://t.example/f', intervall: 5 },
      { id: 'no-url', kind: 'feed', url: 'https://dup.example/f' },
      { id: 'env', kind: 'push', auth: { bearerTokenEnv: 'lower-case' } },
    ]);
    const found = problems(() => parseSources(text, 'bad.json'));
    const expectations = [
      /sources\[0\]\.id: /,
      /sources\[1\]\.url: a feed source needs an http\(s\) url/,
      /sources\[2\]\.url: a feed source needs an http\(s\) url/,
      /sources\[3\]\.path: a wire-folder source needs path/,
      /sources\[4\]\.auth: a push source needs/,
      /sources\[5\]\.kind: /,
      /sources\[6\]: .*intervall/,
      /sources\[7\]\.id: duplicate id "no-url" \(first at sources\[1\]\)/,
      /sources\[8\]\.auth\.bearerTokenEnv: must be an environment variable name/,
    ];
    for (const re of expectations) expect(found.some((p) => re.test(p)), `${re} in ${found.join('\n')}`).toBe(true);
    for (const p of found) expect(p.startsWith('bad.json: ')).toBe(true);
  });

  it('reports a syntax error as a ConfigError naming the file', () => {
    expect(problems(() => parseSources('{ not json', 'broken.json'))[0]).toMatch(/^broken\.json: /);
    expect(problems(() => parseSources('sources: [\n  - id: a\n   kind: x', 'broken.yaml'))[0]).toMatch(/^broken\.yaml: /);
    expect(problems(() => parseSources('just a string', 'scalar.yaml'))[0]).toMatch(/expected a list of sources/);
  });
});

describe('loadSources', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wirepipe-sources-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads a YAML file', async () => {
    await writeFile(join(dir, 'sources.yml'), YAML_SOURCES);
    expect((await loadSources(join(dir, 'sources.yml'))).map((s) => s.id)).toEqual(['vna-vi', 'wire-drop', 'partner-push']);
  });

  it('turns a missing file into a ConfigError', async () => {
    await expect(loadSources(join(dir, 'missing.yaml'))).rejects.toBeInstanceOf(ConfigError);
  });
});
