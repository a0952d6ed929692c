export { startEmbeddedPostgres, defaultDataDir, embeddedOwner, assertEmbeddedFree } from './embedded';
export type { EmbeddedDatabase, EmbeddedOptions } from './embedded';
export type { OwnerInfo } from './folder-lock';
export { DEFAULT_EMBEDDED_PORT } from './folder-port';
