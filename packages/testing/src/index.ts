export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export * from './stand-ins';
export * from './league';
