export { createTestDatabase, testServerUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { startTcpProxy } from './tcp-proxy';
export type { TcpProxy, TcpProxyMode } from './tcp-proxy';
export { runToExit, unusableDatabases, UNUSABLE_DATABASE_LINES } from './unusable-databases';
export type { UnusableDatabases } from './unusable-databases';
export { builtFile, sharedDataDir, sharedDataLocation } from './shared-data';
export { TEST_MODEL_FEATURES, trainTestModelJson, predictRowWithXgboost } from './xgboost-model';
