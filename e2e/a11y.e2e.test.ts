import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlayground, type Session, shoot, startSession } from './support/browser';
import { staticDir } from './support/server';

/**
 * Accessibility across the kit, in the built Storybook: axe on every story, light and dark (emulated
 * `prefers-color-scheme`), and the provider's live region over one whole job in the Playground.
 */
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
}

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

/** Switches the preview to `storyId` through Storybook's channel; resolves once it rendered (its play may still run). */
async function showStory(page: Page, storyId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      new Promise<string>((resolve) => {
        const channel = (
          window as unknown as {
            __STORYBOOK_ADDONS_CHANNEL__: {
              on(e: string, f: (p: unknown) => void): void;
              off(e: string, f: (p: unknown) => void): void;
              emit(e: string, p: unknown): void;
            };
          }
        ).__STORYBOOK_ADDONS_CHANNEL__;
        const done = (result: string) => {
          channel.off('storyRenderPhaseChanged', onPhase);
          channel.off('storyErrored', onError);
          channel.off('storyThrewException', onError);
          clearTimeout(timer);
          resolve(result);
        };
        const onPhase = (payload: unknown) => {
          const { newPhase, storyId: shown } = payload as { newPhase: string; storyId: string };
          if (shown === id && ['playing', 'played', 'completed', 'finished'].includes(newPhase)) done('rendered');
        };
        const onError = () => done('errored');
        const timer = setTimeout(() => done('timeout'), 15_000);
        channel.on('storyRenderPhaseChanged', onPhase);
        channel.on('storyErrored', onError);
        channel.on('storyThrewException', onError);
        channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
      }),
    storyId,
  );
}

/**
 * axe's violations on the story root, as "rule: target" lines. The a11y addon runs its own axe after each
 * story; while it does, axe refuses a second run, so wait for it.
 */
async function axe(page: Page): Promise<string[]> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await runAxe(page);
    } catch (error) {
      if (attempt > 50 || !String(error).includes('already running')) throw error;
      await page.waitForTimeout(100);
    }
  }
}

async function runAxe(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const runner = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await runner.run(document.querySelector('#storybook-root') ?? document.body, {
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)}`));
  });
}

describe('accessibility', () => {
  it('every story passes axe in light and dark', async () => {
    const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as {
      entries: Record<string, IndexEntry>;
    };
    const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
    expect(stories.length).toBeGreaterThan(10);
    const page = await session.newPage({ reducedMotion: 'reduce' });
    /** Loads the preview at `id` (used first, and after a story navigated the page away, e.g. a followed link). */
    const load = async (id: string) => {
      // `a11y.manual` keeps the a11y addon's own axe run from competing with this one.
      await page.goto(`${session.origin}/iframe.html?id=${id}&viewMode=story&globals=a11y.manual:!true`);
      await page.waitForFunction(
        () =>
          '__STORYBOOK_ADDONS_CHANNEL__' in window &&
          document.querySelector('#storybook-root')?.childElementCount !== 0,
      );
      await page.addScriptTag({ content: axeSource });
    };
    const problems: string[] = [];
    let loaded = false;
    for (const story of stories) {
      const began = Date.now();
      for (let attempt = 0; attempt < 2; attempt += 1) {
        try {
          if (!loaded) {
            await load(story.id);
            loaded = true;
          } else {
            const state = await showStory(page, story.id);
            if (state !== 'rendered') problems.push(`${story.id}: did not render (${state})`);
          }
          await page.waitForTimeout(150); // hosts that make their engine in an effect render on the second pass
          const found: string[] = [];
          for (const scheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme: scheme });
            for (const line of await axe(page)) found.push(`${story.id} (${scheme}) ${line}`);
          }
          await page.emulateMedia({ colorScheme: 'light' });
          problems.push(...found);
          if (process.env.E2E_TIMING) console.log(story.id, Date.now() - began);
          break;
        } catch (error) {
          // The page went away under us (a story followed a link): load this story afresh and check it again.
          if (!String(error).includes('context was destroyed') && !String(error).includes('navigat')) throw error;
          loaded = false;
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  }, 240_000);

  it('the live region announces a whole job once each: start, 25/50/75 %, done', async () => {
    const page = await session.newPage();
    await openPlayground(session, page, { speed: 1 });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { announced: string[] }).announced = seen;
      const region = document.querySelector('[data-slot="live-region-polite"]');
      if (region === null) throw new Error('no polite live region');
      new MutationObserver(() => {
        const text = region.textContent?.trim() ?? '';
        if (text !== '' && seen.at(-1) !== text) seen.push(text);
      }).observe(region, { childList: true, subtree: true, characterData: true });
    });
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /Delete selected|Continue/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Records deleted' });
    await dialog.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(300);
    const announced = await page.evaluate(() => (window as unknown as { announced: string[] }).announced);
    await shoot(page, 'live-region-done');
    expect(announced.join(' | ')).toMatch(/Delete selected started\./);
    const milestones = announced.flatMap((text) =>
      [...text.matchAll(/Delete selected: (\d+)% done\./g)].map((m) => Number(m[1])),
    );
    expect([...new Set(milestones)]).toEqual([25, 50, 75]);
    expect(announced.join(' | ')).toMatch(/Delete selected finished\./);
    expect(announced.length).toBeLessThanOrEqual(6);
    const assertive = await page.evaluate(
      () => document.querySelector('[data-slot="live-region-assertive"]')?.textContent ?? '',
    );
    expect(assertive.trim()).toBe('');
  });
});
