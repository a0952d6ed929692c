import { databaseEnv, loggingEnv, parseEnv, SECRET_ENV_VARS, upstreamEnv } from '@nba/config';
import { createLogger, type Logger } from '@nba/logging';

const shape = { ...loggingEnv, ...databaseEnv, ...upstreamEnv };

/** The pipeline runner's environment, parsed once at start-up. */
export type PipelineEnv = ReturnType<typeof readEnv>;

/** Parses an environment (the process's own: `PipelineDeps.env`); throws a `ConfigError` naming every bad variable. */
export function readEnv(env: Record<string, string | undefined>) {
  return parseEnv(shape, env);
}

/** Every variable the pipeline runner reads (checked against the Kubernetes manifests). */
export const PIPELINE_ENV_VARS = Object.keys(shape);

/** The process logger: JSON lines, every secret of the environment registered for redaction. */
export function createAppLogger(env: PipelineEnv, service = 'pipeline-runner'): Logger {
  return createLogger({ service, level: env.LOG_LEVEL, secrets: SECRET_ENV_VARS.map((k) => env[k]) });
}
