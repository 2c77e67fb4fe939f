import type { Preview } from '@storybook/react-vite';

import '../src/styles.css';

const preview: Preview = {
  parameters: {
    // Every story is a test (`npm test`, project `storybook`): any axe violation fails it.
    a11y: { test: 'error' },
  },
};

export default preview;
