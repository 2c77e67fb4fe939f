// Drives the built host app (examples/host-app) in Chromium with playwright-core, the way its user would:
// an action through its confirm dialog, the overlay that blocks the workbook and lifts, the outcome that pops
// up; and the host's CSS against the kit's. Any console error or warning, or page error, fails the run.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves `dir` on 127.0.0.1 at a free port. */
async function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(dir, path);
    if (!file.startsWith(dir + sep) && file !== dir) file = dir;
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    response.writeHead(200, { 'content-type': `${types[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Computed style of the first element matching `selector`. */
function computed(page, selector, properties) {
  return page
    .locator(selector)
    .first()
    .evaluate((element, names) => {
      const style = getComputedStyle(element);
      return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
    }, properties);
}

/**
 * Runs every check against the app built into `dir`; resolves with the lines it passed, rejects on the first
 * failure. `log` prints progress.
 */
export async function drive(dir, log) {
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: flags,
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type())) problems.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(server.origin, { waitUntil: 'networkidle' });
    expect((await page.locator('#root [data-jk-root]').count()) > 0, 'the server-rendered page has no kit root');
    // Hydrated once React attached its handlers: the action button then opens its dialog.
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });

    // Host CSS against the kit's.
    const kitBar = await computed(page, '[role=progressbar][aria-label="Kit bar"]', ['height']);
    const tallBar = await computed(page, '[role=progressbar][aria-label="Tall bar"]', ['height']);
    expect(kitBar.height === '6px', `the kit's own bar should be 6px high, is ${kitBar.height}`);
    expect(tallBar.height === '12px', `Tailwind's h-3 on a kit part should win (12px), got ${tallBar.height}`);
    log("a Tailwind utility on a kit part wins over the kit's rule (h-3: 12px, the kit's 6px)");

    const hostTooltip = await computed(page, '[data-testid=host-tooltip]', [
      'position',
      'transform',
      'background-color',
      'padding-left',
    ]);
    const reference = await computed(page, '[data-testid=host-reference]', ['background-color', 'padding-left']);
    expect(hostTooltip.position === 'static', `the host's tooltip-content got position ${hostTooltip.position}`);
    expect(hostTooltip.transform === 'none', `the host's tooltip-content got transform ${hostTooltip.transform}`);
    expect(
      hostTooltip['background-color'] === reference['background-color'] &&
        hostTooltip['padding-left'] === reference['padding-left'],
      `the host's tooltip-content lost its Tailwind styles: ${JSON.stringify(hostTooltip)} vs ${JSON.stringify(reference)}`,
    );
    log("the host's [data-slot=tooltip-content] keeps its own styles (static, bg-zinc-900, px-3)");

    // An action through its confirm dialog.
    await exportButton.click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(
      (await confirm.textContent())?.includes('Export every record of the workbook?'),
      'the confirm dialog does not ask',
    );
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused === 'Cancel', `focus should start on Cancel, is on "${focused}"`);
    await confirm.getByRole('button', { name: 'Export' }).click();
    log('Export asks in an alert dialog (focus on Cancel) and runs once confirmed');

    // The overlay blocks the workbook while the job runs, then lifts.
    const workbook = page.getByTestId('workbook');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=workbook]')?.closest('[aria-busy=true]') !== null,
      null,
      {
        timeout: 10_000,
      },
    );
    const covered = await workbook.evaluate((element) => element.closest('[inert]') !== null);
    expect(covered, 'the busy workbook is not inert');
    expect(
      (await page.getByRole('progressbar', { name: /export/i }).count()) > 0,
      'the overlay shows no progress bar for the export',
    );
    log('the overlay covers the workbook while the job runs (aria-busy, inert, a progress bar)');

    // The outcome pops up; the region is free again.
    const outcome = page.getByRole('dialog', { name: 'Export ready' });
    await outcome.waitFor({ timeout: 15_000 });
    expect(
      (await outcome.textContent())?.includes('Your file is ready to download.'),
      'the outcome dialog lacks its message',
    );
    const free = await workbook.evaluate((element) => element.closest('[aria-busy=true], [inert]') === null);
    expect(free, 'the overlay did not lift when the job completed');
    await outcome.getByRole('button', { name: 'Close' }).click();
    await outcome.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Edit records' }).click({ timeout: 2_000 });
    log('the overlay lifts, the outcome pops up ("Export ready") and closes');

    if (problems.length > 0)
      throw new Error(`the page logged ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    log('no console errors or warnings in the browser');
  } finally {
    await browser.close();
    await server.close();
  }
}
