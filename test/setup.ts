// Shared by the `unit` (jsdom) and `browser` (Chromium) projects.
// Globals are off, so Testing Library cannot register its own cleanup: do it here.
import '@testing-library/jest-dom/vitest';

import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
