// Unmount whatever a component test rendered, so tests never see each other's DOM.
import { cleanup } from '@testing-library/preact';
import { afterAll, afterEach } from 'vitest';

afterEach(cleanup);

// Preact schedules effects after the next frame with a 100 ms fallback timer. A timer still pending
// when the jsdom environment is torn down fires into a global without cancelAnimationFrame and fails
// the run; let it fire while the window still exists.
if (typeof window !== 'undefined') afterAll(() => new Promise((resolve) => setTimeout(resolve, 150)));
