import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: pure modules, components (happy-dom) and the fake API server. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup/browser.ts', 'tests/unit/setup/tokenizer.ts', 'tests/unit/setup/dom.ts'],
    restoreMocks: true,
  },
});
