export { startEmbeddedPostgres, defaultDataDir, DEFAULT_EMBEDDED_PORT } from './embedded';
export type { EmbeddedDatabase, EmbeddedOptions } from './embedded';
