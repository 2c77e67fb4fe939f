import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { App } from './app.js';
import { createJobsClient } from './jobs.js';
import './app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

// The page arrives server-rendered (src/server.tsx): hydrate it.
hydrateRoot(
  root,
  <StrictMode>
    <App client={createJobsClient()} />
  </StrictMode>,
);
