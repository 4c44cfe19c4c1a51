// Unmount whatever a component test rendered, so tests never see each other's DOM.
import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

afterEach(cleanup);

// Preact runs effects after paint through a 35 ms timer that calls cancelAnimationFrame; one still
// pending when a DOM test file ends would fire after jsdom is gone and fail the run.
afterAll(async () => {
  if (typeof window !== 'undefined') await new Promise((resolve) => setTimeout(resolve, 60));
});
