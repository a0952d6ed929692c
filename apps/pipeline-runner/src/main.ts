#!/usr/bin/env node
import { ConfigError } from '@nba/config';
import { databaseProblemOf } from '@nba/db';
import { runProgram } from './program';
import { EXIT } from './usage';

runProgram(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A database that cannot be used is one line naming the fix, never the driver's code frame.
    // The raw variable only names the server in that line: the env was parsed before any connection.
    const problem = databaseProblemOf(error, process.env.DATABASE_URL);
    if (problem) {
      process.stderr.write(`error: ${problem.message}\n`);
      process.exit(EXIT.DATABASE);
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pipeline failed: ${message}\n`);
    process.exit(error instanceof ConfigError ? EXIT.USAGE : EXIT.FAILED);
  },
);
