/** @nba/pipeline-runner as a library: its command line and its env (the process entry is `main.ts`). */
export { createProgram, runProgram } from './program';
export { PIPELINE_ENV_VARS, readEnv, type PipelineEnv } from './env';
