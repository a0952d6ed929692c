import type { Express } from 'express';
import { silentLogger } from '@nba/logging';
import type { TestDatabase } from '@nba/testing';
import { createApp } from '../src/app';
import { createServices, type Services } from '../src/services';

/** An app on a test database with its real parts (no port): call `services.stop()` when done. */
export interface TestApp extends Services {
  app: Express;
}

/** Builds the app the way `startServer` does, with an optional pinned clock; LISTENs on the test database. */
export async function buildTestApp(
  db: TestDatabase,
  options: { modelNames?: string[]; now?: () => Date; listen?: boolean } = {},
): Promise<TestApp> {
  const logger = silentLogger();
  const services = createServices({
    db: db.client,
    databaseUrl: options.listen === false ? undefined : db.url,
    logger,
    modelNames: options.modelNames ?? ['nba-winner'],
    modelPollIntervalMs: 0,
    ...(options.now ? { now: options.now } : {}),
  });
  await services.start(0);
  const { registry, models, features, metrics } = services;
  const app = createApp({
    db: db.client,
    registry,
    models,
    features,
    metrics,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  return Object.assign(services, { app });
}
