import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { envText, readEnv } from '@nba/config';
import { required } from '@nba/errors';
import { inCi } from '@nba/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { storeOutlooks } from './outlook-database';
import { openPageDatabase, SETTLED_DAY, TODAY, type PageDatabase } from './page-database';

// The page in a real browser: Debian's Chromium (never a downloaded one) driven by playwright-core,
// on a phone-sized screen, against the demo database of page-database.ts. Screenshots of each view
// go to test-output/screenshots/ (git-ignored) and their paths are printed; those the docs show (the day view on a
// phone and a desktop, the team view) are saved again under docs/screenshots/ (committed).

const env = readEnv({ CHROMIUM_PATH: envText() });
const CHROMIUM = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '..', 'test-output', 'screenshots');
const DOC_SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');
const PHONE = { width: 390, height: 844 };
const found = existsSync(CHROMIUM);
const missing =
  `no Chromium at ${CHROMIUM}: install Debian's with \`apt-get install -y chromium\` (bash infra/scripts/dev.sh test does it) or set ` +
  `CHROMIUM_PATH`;
if (!found && !inCi()) console.warn(`skipping the browser tests: ${missing}`);

// What the tests read of the page in the browser (the functions given to page.evaluate and $$eval run
// there), typed by hand: this project compiles without the DOM library.
interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { top: number; bottom: number; width: number; height: number };
}
interface PageWindow {
  innerWidth: number;
  innerHeight: number;
  document: { documentElement: { scrollWidth: number }; querySelectorAll(selectors: string): ArrayLike<PageElement> };
}

interface StoredPrediction {
  gameKey: string;
  homeWinProbability: number;
  model: { name: string; version: string };
}

(found || inCi() ? describe : describe.skip)('the page in headless Chromium', () => {
  let pdb: PageDatabase;
  let server: Server;
  let base: string;
  let browser: Browser;
  let phone: BrowserContext;
  const problems: string[] = [];
  const shots: string[] = [];

  /** A new phone-sized page that records console errors, uncaught exceptions and failed requests. */
  async function open(context: BrowserContext = phone): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught exception on ${page.url()}: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    return page;
  }

  async function screenshot(
    page: Page,
    name: string,
    options: { fullPage?: boolean; docs?: boolean } = {},
  ): Promise<void> {
    for (const folder of options.docs ? [SCREENSHOTS, DOC_SCREENSHOTS] : [SCREENSHOTS]) {
      const file = path.join(folder, `${name}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
      shots.push(file);
    }
  }

  /** Each day-view row's box on the screen (top and bottom from the top of the viewport) and the screen's height. */
  async function glanceBoxes(page: Page): Promise<{ rows: { top: number; bottom: number }[]; screen: number }> {
    return page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      const rows = Array.from(w.document.querySelectorAll('tbody.glance-game'), (r) => {
        const box = r.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom };
      });
      return { rows, screen: w.innerHeight };
    });
  }

  async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      return w.document.documentElement.scrollWidth - w.innerWidth;
    });
  }

  async function warmRecord(at: string): Promise<void> {
    for (let i = 0; i < 60; i++) {
      if ((await fetch(`${at}/record`)).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    throw new Error('the record view was not rendered within 60 s');
  }

  beforeAll(async () => {
    if (!found) throw new Error(`the browser tests must run in CI, but there is ${missing}`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    pdb = await openPageDatabase('api_page_browser');
    server = pdb.t.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // as the server does before it listens (startServer): the record's first render draws every chart, which on a
    // loaded machine outlasts a read request's deadline; the views are tested on the rendered page
    await warmRecord(base);
    // playwright gives each launch a fresh temporary --user-data-dir and removes it on close
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    phone = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 1,
      locale: 'en-US',
      timezoneId: 'America/Los_Angeles',
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await pdb?.close();
    if (shots.length) process.stdout.write(`page screenshots:\n${shots.map((f) => `  ${f}`).join('\n')}\n`);
  });

  afterEach(() => {
    // every test's page loads must be clean: no console errors, exceptions or failed requests
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  test.each([
    ['day-settled', `/?date=${SETTLED_DAY}`],
    ['day-today', '/'],
  ])(
    '%s: every game of the day with both models, at the probabilities GET /v1/predictions returns',
    async (name, url) => {
      const page = await open();
      await page.goto(`${base}${url}`);
      const date = url === '/' ? TODAY : SETTLED_DAY;
      const api = (await (await fetch(`${base}/v1/predictions?date=${date}`)).json()) as {
        predictions: StoredPrediction[];
      };
      const games = (await (await fetch(`${base}/v1/games?date=${date}`)).json()) as { games: { gameKey: string }[] };
      expect(games.games.length).toBeGreaterThan(0);
      const shown = await page.$$eval('article.game', (articles: PageElement[]) =>
        articles.map((a) => ({
          key: a.getAttribute('data-game-key'),
          cells: Array.from(a.querySelectorAll('td[data-model]'), (td) => ({
            model: td.getAttribute('data-model'),
            text: td.textContent,
          })),
        })),
      );
      expect(shown.map((g) => g.key).sort()).toEqual(games.games.map((g) => g.gameKey).sort());
      for (const g of shown) {
        expect(g.cells.map((c) => c.model)).toEqual(['nba-winner', 'nba-winner-stats']);
        for (const c of g.cells) {
          // the newest stored forecast of the model for the game (the API lists them newest first)
          const stored = required(
            api.predictions.find((p) => p.gameKey === g.key && p.model.name === c.model),
            `the stored forecast of ${String(c.model)} for ${String(g.key)}`,
          );
          expect(c.text).toBe(`${(100 * stored.homeWinProbability).toFixed(1)}%`);
        }
      }
      expect(await page.isVisible('text=Demo data.')).toBe(true);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, name);
      await page.close();
    },
  );

  test('tip-off times in the viewer’s time zone (the script), US Eastern without JavaScript', async () => {
    const page = await open();
    await page.goto(`${base}/`);
    const local = await page.$$eval('time[data-local]', (ts: PageElement[]) => ts.map((t) => t.textContent ?? ''));
    expect(local.length).toBeGreaterThan(0);
    for (const t of local) expect(t).toMatch(/^\d{1,2}:\d\d\s?[AP]M PST$/);
    await page.close();
    const noScript = await browser.newContext({
      viewport: PHONE,
      javaScriptEnabled: false,
      timezoneId: 'America/Los_Angeles',
    });
    const plain = await open(noScript);
    await plain.goto(`${base}/`);
    const eastern = await plain.$$eval('time[data-local]', (ts: PageElement[]) => ts.map((t) => t.textContent ?? ''));
    for (const t of eastern) expect(t).toMatch(/^\d{1,2}:\d\d [AP]M ET$/);
    // the date picker is a plain GET form: it works without JavaScript
    await plain.fill('input[name=date]', SETTLED_DAY);
    await plain.click('button[type=submit]');
    await plain.waitForURL(`${base}/?date=${SETTLED_DAY}`);
    expect(await plain.textContent('h1')).toBe('Saturday, January 10, 2026');
    await screenshot(plain, 'day-without-javascript');
    await noScript.close();
  });

  test('navigating days: previous and next links, the date picker', async () => {
    const page = await open();
    await page.goto(`${base}/`);
    await page.click('a[rel=next]');
    await page.waitForURL(`${base}/?date=2026-01-16`);
    expect(await page.textContent('h1')).toBe('Friday, January 16, 2026');
    await page.click('a[rel=prev]');
    await page.click('a[rel=prev]');
    await page.waitForURL(`${base}/?date=2026-01-14`);
    expect(await page.textContent('h1')).toBe('Wednesday, January 14, 2026');
    await page.click('text=Today');
    await page.waitForURL(`${base}/?date=${TODAY}`);
    await page.fill('input[type=date]', '2025-12-20');
    await page.click('button:has-text("Show")');
    await page.waitForURL(`${base}/?date=2025-12-20`);
    expect(await page.textContent('h1')).toBe('Saturday, December 20, 2025');
    expect(await page.locator('article.game').count()).toBeGreaterThan(0);
    await page.close();
  });

  test('record: both charts of each version render as non-empty SVG with a text alternative', async () => {
    const page = await open();
    await page.goto(`${base}/record`);
    const versions = page.locator('section.version');
    expect(await versions.count()).toBe(2);
    const charts = await page.$$eval('figure.chart svg', (svgs: PageElement[]) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return {
          role: s.getAttribute('role'),
          label: s.getAttribute('aria-label') ?? '',
          width: box.width,
          height: box.height,
          paths: s.querySelectorAll('path').length,
          symbols: s.querySelectorAll('.mark-symbol path, .mark-line path').length,
        };
      }),
    );
    expect(charts).toHaveLength(4);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.label.length).toBeGreaterThan(20);
      expect(c.width).toBeGreaterThan(200);
      expect(c.height).toBeGreaterThan(150);
      expect(c.symbols).toBeGreaterThan(0);
    }
    expect(await page.locator('figure.chart details summary').count()).toBe(4);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'record');
    await page.close();
  });

  test('models: the registry read-only and the data-quality section, no horizontal scroll', async () => {
    const page = await open();
    await page.goto(`${base}/models`);
    expect(await page.locator('h2').allTextContents()).toEqual([
      'nba-winner (market-aware)',
      'nba-winner-stats (stats only)',
      'Data quality',
    ]);
    expect(await page.locator('ol.audit li').count()).toBeGreaterThanOrEqual(4);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'models');
    await page.close();
  });

  test('outlook: both conferences as tables at the odds GET /v1/outlook returns, the season charts, the week change, no horizontal scroll', async () => {
    // three mornings stored by the lifecycle's use case, as the daily pipeline stores them
    await storeOutlooks(pdb.db.client, ['2026-01-01', '2026-01-08', TODAY]);
    const page = await open();
    await page.goto(`${base}/`);
    await page.click('nav.site >> text=Outlook');
    await page.waitForURL(`${base}/outlook`);
    expect(await page.getAttribute('nav.site a[href="/outlook"]', 'aria-current')).toBe('page');
    const api = (await (await fetch(`${base}/v1/outlook`)).json()) as {
      date: string;
      teams: { team: string; conference: string; makePlayoffs: number }[];
    };
    expect(api.date).toBe(TODAY);
    for (const conference of ['East', 'West']) {
      const rows = await page.$$eval(`table[data-conference=${conference}] tbody tr`, (trs: PageElement[]) =>
        trs.map((tr) => ({
          team: tr.getAttribute('data-team'),
          cells: Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
        })),
      );
      const expected = api.teams.filter((t) => t.conference === conference);
      expect(rows.map((r) => r.team)).toEqual(expected.map((t) => t.team));
      for (const [i, r] of rows.entries()) {
        expect(r.cells).toHaveLength(9);
        expect(r.cells[3]).toBe(
          `${(100 * required(expected[i], `GET /v1/outlook's ${conference} row ${i}`).makePlayoffs).toFixed(1)}%`,
        );
        expect(r.cells[8]).toMatch(/^(\u2212|\+)?\d+\.\d pp$/); // the change since Jan 8
      }
    }
    const charts = await page.$$eval('figure.chart svg[role=img]', (svgs: PageElement[]) =>
      svgs.map((s) => s.getAttribute('aria-label') ?? ''),
    );
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('P(playoffs) of every team on each of the 3 mornings');
    expect(charts[1]).toContain('P(title)');
    expect(await page.isVisible('text=Demo data.')).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'outlook');
    await page.close();
  });

  test('bad input: a bad date and a day without games are pages with a message', async () => {
    const page = await open();
    const bad = await page.goto(`${base}/?date=2026-02-30`);
    expect(bad?.status()).toBe(400);
    expect(await page.textContent('[role=alert]')).toContain("invalid date '2026-02-30'");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'bad-date');
    // Chromium logs a document's own 4xx status as a console error: expected here, and only here
    const own = problems.findIndex((p) =>
      p.includes('?date=2026-02-30: Failed to load resource: the server responded with a status of 400'),
    );
    expect(own).toBeGreaterThanOrEqual(0);
    problems.splice(own, 1);
    const empty = await page.goto(`${base}/?date=2026-08-01`);
    expect(empty?.status()).toBe(200);
    expect(await page.textContent('[role=status]')).toContain('No games on Saturday, August 1, 2026.');
    await screenshot(page, 'no-games');
    await page.close();
  });

  test('a desktop-wide day view', async () => {
    const desktop = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/New_York',
    });
    const page = await open(desktop);
    await page.goto(`${base}/?date=${SETTLED_DAY}`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'day-settled-desktop');
    await screenshot(page, 'day-desktop', { docs: true });
    await desktop.close();
  });

  test('the day at a glance on a phone: at least six game rows fully on the first screen, each with both models, the market and the spread', async () => {
    const games = (await (await fetch(`${base}/v1/games?date=${SETTLED_DAY}`)).json()) as {
      games: { gameKey: string }[];
    };
    expect(games.games.length).toBeGreaterThanOrEqual(6);
    const page = await open();
    await page.goto(`${base}/?date=${SETTLED_DAY}`);
    const { rows, screen } = await glanceBoxes(page);
    expect(screen).toBe(PHONE.height);
    expect(rows).toHaveLength(games.games.length);
    const whole = rows.filter((r) => r.top >= 0 && r.bottom <= screen);
    expect(whole.length).toBeGreaterThanOrEqual(6);
    // what those rows show: both models' and the market's chance, the spread, a mark per forecast and the score
    for (const row of (await page.locator('tbody.glance-game').all()).slice(0, 6)) {
      const numbers = await row.locator('tr.glance-numbers td').allTextContents();
      expect(numbers).toHaveLength(4);
      for (const p of numbers.slice(0, 3)) expect(p).toMatch(/^\d{1,3}%$/);
      expect(numbers[3]).toMatch(/^[A-Z]{3}\u00a0\u2212\d+\.\d$|^pick'em$/);
      expect(await row.locator('tr.glance-marks .right, tr.glance-marks .wrong').count()).toBe(3);
      expect(await row.locator('tr.glance-marks strong').textContent()).toMatch(/^[A-Z]{3}$/);
      expect(await row.locator('th a[href^="/team/"]').count()).toBe(2);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'day-phone', { fullPage: false, docs: true });
    await page.close();
  });

  test('a game’s full table opens from its row, without JavaScript', async () => {
    const noScript = await browser.newContext({
      viewport: PHONE,
      javaScriptEnabled: false,
      timezoneId: 'America/Los_Angeles',
    });
    const page = await open(noScript);
    await page.goto(`${base}/?date=${SETTLED_DAY}`);
    const row = page.locator('tbody.glance-game').nth(1);
    const table = row.locator('article.game table.forecast-table');
    expect(await table.isVisible()).toBe(false);
    await row.locator('summary').click();
    expect(await row.locator('details').getAttribute('open')).not.toBeNull();
    expect(await table.isVisible()).toBe(true);
    const cells = await table.locator('td[data-model]').allTextContents();
    expect(cells).toHaveLength(2);
    for (const c of cells) expect(c).toMatch(/^\d{1,3}\.\d%$/);
    expect(await table.locator('tr:has-text("Result") .right, tr:has-text("Result") .wrong').count()).toBe(3);
    // the rows after it move down, the page stays phone-wide
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'day-full-table-open', { fullPage: false });
    await noScript.close();
  });

  test('team view: reached from the day view; its rating chart, games table and record render on a phone', async () => {
    // mornings stored by the lifecycle's use case, as the daily pipeline stores them
    await storeOutlooks(pdb.db.client, ['2025-11-15', '2025-12-01', '2025-12-15', '2026-01-01', '2026-01-08', TODAY]);
    const page = await open();
    await page.goto(`${base}/?date=${SETTLED_DAY}`);
    const home = await page.locator('tbody.glance-game th a').nth(1).textContent();
    await page.locator('tbody.glance-game th a').nth(1).click();
    await page.waitForURL(`${base}/team/${home}`);
    expect(await page.textContent('h1')).toContain(`(${home})`);
    const chart = await page.$$eval('figure.chart[data-chart=rating] svg[role=img]', (svgs: PageElement[]) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return {
          label: s.getAttribute('aria-label') ?? '',
          width: box.width,
          height: box.height,
          lines: s.querySelectorAll('.mark-line path').length,
        };
      }),
    );
    expect(chart).toHaveLength(1);
    expect(chart[0]?.label).toContain(`Rating of ${home} on each of the 6 mornings`);
    expect(chart[0]?.width).toBeGreaterThan(200);
    expect(chart[0]?.height).toBeGreaterThan(100);
    expect(chart[0]?.lines).toBeGreaterThan(0);
    expect(await page.locator('table.team-games tbody tr').count()).toBeGreaterThan(20);
    const first = await page.locator('table.team-games tbody tr td[data-model]').allTextContents();
    expect(first.length).toBeGreaterThan(0);
    for (const c of first) expect(c).toMatch(/^\d{1,3}%/);
    expect(await page.locator('table.team-record tbody[data-kind=live]').count()).toBe(2);
    expect(await page.isVisible('text=Demo data.')).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'team-phone', { docs: true });
    // a lowercase code lands on the team's page
    await page.goto(`${base}/team/${(home ?? '').toLowerCase()}`);
    expect(page.url()).toBe(`${base}/team/${home}`);
    await page.close();
  }, 120_000);
});
