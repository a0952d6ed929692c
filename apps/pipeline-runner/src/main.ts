#!/usr/bin/env node
import { ConfigError } from '@nba/config';
import { EXIT, runProgram } from './program';

runProgram(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`pipeline failed: ${message}\n`);
    process.exit(error instanceof ConfigError ? EXIT.USAGE : EXIT.FAILED);
  },
);
