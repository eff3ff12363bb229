/** Feed renderings are reused while nothing is published, and rebuilt as soon as something is. */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { ArticleStore } from '../../src/feeds/article-store.js';
import { feedRoutes } from '../../src/feeds/feed-routes.js';
import { makeArticle } from '../support/articles.js';

function fakeStore() {
  const state = { changes: 0, lists: 0, headline: 'First' };
  const store = {
    changes: async () => String(state.changes),
    changeTime: async () => ({ changedAt: null, clock: Date.now() }),
    list: async () => {
      state.lists += 1;
      return [makeArticle({ id: 'c-1', headline: state.headline })];
    },
  } as unknown as ArticleStore;
  return { store, state };
}

const get = { method: 'GET', headers: {} } as IncomingMessage;

describe('feed rendering cache', () => {
  it('renders once for repeated polls, again after a publish', async () => {
    const { store, state } = fakeStore();
    const route = feedRoutes(store, () => 'http://feeds.test', 50);
    const url = new URL('http://feeds.test/feeds/all.rss');
    const first = await route(get, url);
    await route(get, url);
    await route(get, url);
    expect(state.lists).toBe(1);
    expect(String(first?.body)).toContain('First');

    state.changes += 1;
    state.headline = 'Second';
    const after = await route(get, url);
    expect(state.lists).toBe(2);
    expect(String(after?.body)).toContain('Second');
    // Each format is its own rendering.
    await route(get, new URL('http://feeds.test/feeds/all.atom'));
    expect(state.lists).toBe(3);
  });
});
