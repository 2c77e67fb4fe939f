import type { Preview } from '@storybook/react-vite';

import '../src/styles.css';

/**
 * After every story and its play function: each element with a `data-slot` (dialogs and menus portalled to
 * the body included) carries `data-jk`, the mark the stylesheet's selectors require. A part without it
 * would lose its styles, and a selector without it could restyle a host element with the same slot name.
 */
function expectKitMarks(): void {
  const unmarked = [...document.querySelectorAll('[data-slot]:not([data-jk])')].map((element) =>
    element.getAttribute('data-slot'),
  );
  if (unmarked.length > 0) throw new Error(`Kit parts without data-jk: ${[...new Set(unmarked)].join(', ')}`);
}

const preview: Preview = {
  afterEach: expectKitMarks,
  parameters: {
    // Every story is a test (`npm test`, project `storybook`): any axe violation fails it.
    a11y: { test: 'error' },
    // The Playground opens first (`npm start`), then the components in alphabetical order.
    options: { storySort: { order: ['Playground', '*'] } },
  },
};

export default preview;
