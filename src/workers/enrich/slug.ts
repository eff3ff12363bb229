import slugify from '@sindresorhus/slugify';

const MAX_SLUG = 80;

/** An ASCII, lowercase, hyphenated slug of `text` (đ → d), at most 80 chars, cut on a word boundary. */
export function makeSlug(text: string): string {
  const full = slugify(text);
  if (full.length <= MAX_SLUG) return full;
  const cut = full.lastIndexOf('-', MAX_SLUG);
  // A single word longer than the limit is cut hard rather than returned whole.
  return cut > 0 ? full.slice(0, cut) : full.slice(0, MAX_SLUG);
}
