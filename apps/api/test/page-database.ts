// The database the page tests read: the demo's generated league with both registered models
// trained on it and a month of their stored forecasts (see src/bench/demo-forecasts.ts).
import { createTestDatabase, type TestDatabase } from '@nba/testing';
import { seedDemoForecasts, type DemoForecasts } from '../src/bench/demo-forecasts';
import { buildTestApp, type TestApp } from './test-app';

/** The pinned "today" of the page tests (US Eastern): its games are scheduled, earlier ones final. */
export const TODAY = '2026-01-15';
/** The first day with stored forecasts; those before {@link TODAY} are settled. */
export const FORECAST_FROM = '2025-12-15';
/** A settled day in the middle of the stored forecasts. */
export const SETTLED_DAY = '2026-01-10';

/** Noon in New York on {@link TODAY}. */
export const NOW = new Date(`${TODAY}T17:00:00Z`);

export interface PageDatabase {
  db: TestDatabase;
  t: TestApp;
  seeded: DemoForecasts;
  close(): Promise<void>;
}

/** A fresh database seeded as above and the app on it (both models served, clock pinned to {@link NOW}). */
export async function openPageDatabase(prefix: string): Promise<PageDatabase> {
  const db = await createTestDatabase({ prefix });
  try {
    const seeded = await seedDemoForecasts(db.client, {
      season: 2026,
      today: TODAY,
      forecastFrom: FORECAST_FROM,
      forecastTo: '2026-01-16',
    });
    const t = await buildTestApp(db, { modelNames: ['nba-winner', 'nba-winner-stats'], now: () => NOW, listen: false });
    return {
      db,
      t,
      seeded,
      async close() {
        await t.stop();
        await db.drop();
      },
    };
  } catch (err) {
    await db.drop();
    throw err;
  }
}
