import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.stories.tsx'],
  // addon-docs: autodocs pages with props tables read by react-docgen.
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest', '@storybook/addon-docs'],
  typescript: {
    // react-docgen-typescript needs the TypeScript JS API, which TypeScript 7 does not have.
    reactDocgen: 'react-docgen',
  },
  core: {
    disableTelemetry: true,
  },
};

export default config;
