/** Ids are hashes of their inputs: the digest must be SHA-256 of the UTF-8 text, or ids change between releases. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, storyId } from '../../src/shared/ids.js';

describe('sha256Hex', () => {
  it('is SHA-256 of the UTF-8 text, as hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (const text of ['Hà Giang', 'Thủ tướng Phạm Minh Chính', '😀 emoji', 'x'.repeat(100_000)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    }
  });

  it('keeps story ids what they were', () => {
    expect(storyId('vna', 'https://vnanet.vn/vi/tin-tuc/1')).toBe(`vna-${createHash('sha256').update('https://vnanet.vn/vi/tin-tuc/1').digest('hex').slice(0, 20)}`);
  });
});
