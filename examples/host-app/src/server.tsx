import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app.js';
import { createJobsClient } from './jobs.js';

/** The page's HTML, as a server renders it before the client hydrates it. */
export function render(): string {
  const client = createJobsClient();
  try {
    return renderToString(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    );
  } finally {
    client.dispose();
  }
}
