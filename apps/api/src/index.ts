/**
 * @nba/api as a library: only what other workspace packages use (infra's tests check the
 * deployment's env against these). The process entry is `@nba/api/main`.
 */
export { API_ENV_VARS, readEnv, type ApiEnv } from './env';
