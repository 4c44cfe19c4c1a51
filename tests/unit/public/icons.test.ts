import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The toolbar icon WXT lists in the manifest: public/icon/<size>.png, rendered from
 * scripts/icon/*.svg by `npm run icons`. A PNG's header says its size and colour type.
 */
function pngHeader(file: string): { width: number; height: number; colorType: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25]! };
}

describe('toolbar icon', () => {
  for (const size of [16, 32, 48, 128]) {
    it(`is a ${size}×${size} PNG with transparency`, () => {
      // Colour type 6: RGBA, so the tile's rounded corners are see-through on any toolbar.
      expect(pngHeader(`public/icon/${size}.png`)).toEqual({ width: size, height: size, colorType: 6 });
    });
  }

  it('has a drawing of its own for 16 px and the full drawing for the rest', () => {
    for (const name of ['toolbar.svg', 'toolbar-16.svg']) {
      expect(readFileSync(`scripts/icon/${name}`, 'utf8')).toMatch(/^<svg [^>]*viewBox=/);
    }
  });
});
