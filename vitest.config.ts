import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: pure modules and the fake API server in Node; DOM tests opt into jsdom per file. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: [
      'tests/unit/setup/browser.ts',
      'tests/unit/setup/i18n.ts',
      'tests/unit/setup/tokenizer.ts',
      'tests/unit/setup/dom.ts',
    ],
    restoreMocks: true,
  },
});
