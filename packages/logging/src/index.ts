export { createLogger, silentLogger, LOG_LEVELS } from './logger';
export type { Logger, LoggerOptions, LogLevel } from './logger';
export { Redactor, REDACTED, isSecretKey, serializeError } from './redact';
