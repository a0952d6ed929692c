/**
 * @nba/cli: the one command-line convention of every binary (`pipeline`, `nba-models`, the API,
 * `nba-db`, `import-csv`): commands declared with `defineCommandLine` and injected dependencies,
 * exit codes 0/1/2/3, `CliError`, how errors print (a usage error with the running command's
 * usage), a clean end on a stop signal (`closeOnStopSignals`), and the aligned-table helper.
 */
export { CliCommand, type ActionResult, type CommandAction } from './cli-command';
export { CliError, type CliErrorCode } from './cli-error';
export {
  defineCommandLine,
  EXIT_CODES_HELP,
  type AddCommand,
  type CliIo,
  type CommandLine,
  type CommandLineSpec,
} from './command-line';
export {
  EXIT,
  exitCodeFor,
  type ErrorClasses,
  type ExitCode,
  type Unavailable,
  type UnavailableTest,
  type UsageTest,
} from './exit-code';
export { checkedOption, isoDate, outputFile, readableFile, wholeNumber } from './option-parsers';
export { runCommandLine, type CommandLineOptions, type TextOutput } from './run-command-line';
export { closeOnStopSignals, type CloseOnStopSignalsOptions } from './stop-signals';
export { table, type Cell, type TableOptions } from './table';
