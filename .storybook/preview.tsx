import type { Preview } from '@storybook/react-vite';

import '../src/styles.css';

const preview: Preview = {
  parameters: {
    // Every story is a test (`npm test`, project `storybook`): any axe violation fails it.
    a11y: { test: 'error' },
    // The Playground opens first (`npm start`), then the components in alphabetical order.
    options: { storySort: { order: ['Playground', '*'] } },
  },
};

export default preview;
