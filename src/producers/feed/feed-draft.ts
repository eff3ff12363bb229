/** The format-independent result of mapping one feed document, before identities are fixed. */
import type { ItemDraft } from './item-draft.js';

export interface FeedDraft {
  title: string | null;
  language: string | null;
  /** How long the publisher asks us to cache the feed (RSS <ttl>), in seconds. */
  ttlSeconds: number | null;
  items: ItemDraft[];
}
