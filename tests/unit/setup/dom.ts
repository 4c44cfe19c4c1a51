// Unmount whatever a component test rendered, so tests never see each other's DOM.
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(cleanup);
