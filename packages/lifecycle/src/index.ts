/**
 * @nba/lifecycle: the forecast lifecycle as use cases. The apps call these and only wire
 * (arguments, env, logger, exit codes); nothing here reads `process.env` or exits.
 */
export {};
