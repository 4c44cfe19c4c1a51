/**
 * Renders Glance's toolbar icon (scripts/icon/toolbar.svg, and its own 16 px drawing
 * toolbar-16.svg) to public/icon/{16,32,48,128}.png, which WXT lists in the manifest.
 * Chromium draws the SVG, so the PNGs match what a browser shows. Run: `npm run icons`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/harness';

const SIZES = [16, 32, 48, 128] as const;
const HERE = path.resolve('scripts/icon');
const OUT = path.resolve('public/icon');

/** The drawing for a size: small sizes get the simpler one drawn on the 16 px grid. */
function svgFor(size: number): string {
  return readFileSync(path.join(HERE, size <= 16 ? 'toolbar-16.svg' : 'toolbar.svg'), 'utf8');
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const svg = svgFor(size).replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(path.join(OUT, `${size}.png`), png);
    console.log(`public/icon/${size}.png  ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
