import winston from 'winston';
import { Redactor, serializeError } from './redact';

/** Log levels, most severe first (winston's npm levels). */
export const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The logger every package accepts: winston's, or anything with the same shape. */
export interface Logger {
  error(message: string, meta?: Record<string, unknown>): unknown;
  warn(message: string, meta?: Record<string, unknown>): unknown;
  info(message: string, meta?: Record<string, unknown>): unknown;
  debug(message: string, meta?: Record<string, unknown>): unknown;
  /** A logger that adds `context` (requestId, runId, task, …) to every line. */
  child(context: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Service name written on every line, e.g. `api`. */
  service: string;
  /** Minimum level; apps read it from `LOG_LEVEL`. Default `info`. */
  level?: LogLevel;
  /** Secret values (API keys, passwords) to scrub wherever they appear. */
  secrets?: (string | undefined)[];
  /** Where lines go; default stdout. Tests pass a stream to capture them. */
  stream?: NodeJS.WritableStream;
  /** Disables output entirely (tests). */
  silent?: boolean;
}

/** Creates a winston logger writing one redacted JSON object per line. */
export function createLogger(options: LoggerOptions): winston.Logger {
  const redactor = new Redactor();
  redactor.addSecrets(...(options.secrets ?? []));
  const redactFormat = winston.format((info) => {
    const out = info as Record<string | symbol, unknown>;
    for (const key of Object.keys(info)) {
      const v = out[key];
      out[key] = v instanceof Error ? redactor.redact(serializeError(v)) : redactor.redact(v);
    }
    if (typeof info.message !== 'string') out.message = JSON.stringify(out.message);
    return info;
  });
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new winston.transports.Console();
  return winston.createLogger({
    level: options.level ?? 'info',
    silent: options.silent ?? false,
    defaultMeta: { service: options.service },
    format: winston.format.combine(
      winston.format.errors({ stack: true, cause: true }),
      winston.format.timestamp(),
      redactFormat(),
      winston.format.json(),
    ),
    transports: [transport],
  });
}

/** A logger that discards everything (default for library callers that pass none). */
export function silentLogger(): winston.Logger {
  return createLogger({ service: 'silent', silent: true });
}
