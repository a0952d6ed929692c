#!/usr/bin/env node
import { ConfigError } from '@nba/config';
import { runProgram } from './program';
import { EXIT } from './usage';

runProgram(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pipeline failed: ${message}\n`);
    process.exit(error instanceof ConfigError ? EXIT.USAGE : EXIT.FAILED);
  },
);
