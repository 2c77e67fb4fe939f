import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { serveStorybook, type StaticServer } from './server';

export const screenshotDir = fileURLToPath(new URL('../../screenshots/', import.meta.url));

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  origin: string;
  browser: Browser;
  /** A fresh context and page (1280×860, light unless said otherwise), with downloads accepted. */
  newPage(options?: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<Page>;
  close(): Promise<void>;
}

/** Serves the built Storybook and launches Debian's Chromium (or $CHROMIUM_PATH). */
export async function startSession(): Promise<Session> {
  const server: StaticServer = await serveStorybook();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: flags,
    headless: true,
  });
  // One context per colour scheme and motion setting, shared by the pages of a file: the HTTP and code caches make
  // every load after the first fast. Each page mounts its own app and engine, so tests stay independent.
  const contexts = new Map<string, BrowserContext>();
  mkdirSync(screenshotDir, { recursive: true });
  return {
    origin: server.origin,
    browser,
    async newPage(options = {}) {
      const colorScheme = options.colorScheme ?? 'light';
      const reducedMotion = options.reducedMotion ?? 'no-preference';
      const key = `${colorScheme}/${reducedMotion}`;
      let context = contexts.get(key);
      if (context === undefined) {
        context = await browser.newContext({
          viewport: { width: 1280, height: 860 },
          colorScheme,
          reducedMotion,
          acceptDownloads: true,
        });
        contexts.set(key, context);
      }
      for (const old of context.pages()) await old.close();
      const page = await context.newPage();
      page.setDefaultTimeout(8000);
      return page;
    },
    async close() {
      await Promise.all([...contexts.values()].map((c) => c.close().catch(() => undefined)));
      await browser.close();
      await server.close();
    },
  };
}

export type PlaygroundArgs = Partial<{
  speed: number;
  failureRate: number;
  theme: 'light' | 'dark';
  stallAfterMs: number;
}>;

/** The Playground story alone in its iframe, with the given controls; resolves when the app is on screen. */
export async function openPlayground(
  session: Session,
  page: Page,
  args: PlaygroundArgs = {},
  story = 'host-app',
): Promise<void> {
  const encoded = Object.entries({ speed: 4, ...args })
    .map(([key, value]) => `${key}:${value}`)
    .join(';');
  await page.goto(
    `${session.origin}/iframe.html?id=playground--${story}&viewMode=story&args=${encodeURIComponent(encoded)}`,
  );
  await page.getByRole('table', { name: 'Contacts records' }).waitFor({ timeout: 15_000 });
}

/** A new page of `session` with the Playground open (`args` set its controls). */
export async function freshPlayground(session: Session, args: PlaygroundArgs = {}): Promise<Page> {
  const page = await session.newPage();
  await openPlayground(session, page, args);
  return page;
}

/** Writes `screenshots/<name>.png`. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** Presses Tab until the focused element has `name` as its accessible name (never clicks). */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The sheet's table region overlay / toolbar region overlay / whole-space overlay. */
export const regions = (page: Page) => ({
  table: page
    .locator('[data-slot="progress-overlay-region"][data-region="resource"]')
    .filter({ has: page.getByRole('table', { name: 'Contacts records' }) })
    .last(),
  toolbar: page.locator('[data-slot="progress-overlay-region"][data-region="toolbar"]'),
});

/** Text of the polite and assertive live regions of the provider. */
export async function liveText(page: Page): Promise<{ polite: string; assertive: string }> {
  return page.evaluate(() => ({
    polite: document.querySelector('[data-slot="live-region-polite"]')?.textContent ?? '',
    assertive: document.querySelector('[data-slot="live-region-assertive"]')?.textContent ?? '',
  }));
}
