#!/usr/bin/env node
// `npm start`: Storybook dev server on http://localhost:6006 with telemetry off.
// Extra arguments go to Storybook, e.g. `npm start -- --no-open`.
import { runStorybook } from './storybook.mjs';

runStorybook(['dev', '-p', '6006', ...process.argv.slice(2)]);
