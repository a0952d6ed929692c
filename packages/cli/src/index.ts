/**
 * @nba/cli: the one convention of the two command lines (`nba-models`, `pipeline`): exit codes,
 * `CliError`, how errors print (a usage error with the running subcommand's usage), and the
 * aligned-table helper.
 */
export { CliError, EXIT, exitCodeFor, type CliErrorCode, type UsageTest } from './cli-error';
export { runCommandLine, type CommandLineOptions } from './run-command-line';
export { table, type Cell, type TableOptions } from './table';
