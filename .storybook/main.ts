import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  typescript: {
    // react-docgen-typescript needs the TypeScript JS API, which TypeScript 7 does not have.
    reactDocgen: 'react-docgen',
  },
  core: {
    disableTelemetry: true,
  },
};

export default config;
