#!/usr/bin/env node
import { runProgram } from './program';

// runProgram prints every error itself and never throws
void runProgram(process.argv.slice(2)).then((code) => process.exit(code));
