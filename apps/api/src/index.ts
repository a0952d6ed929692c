/** @nba/api: the prediction API as a library (the process entry is `main.ts`). */
export { createApp, type AppDeps } from './app';
export { startServer, type StartServerOptions, type RunningServer } from './server';
export { main } from './main';
export { API_ENV_VARS, readEnv, type ApiEnv } from './env';
export { ApiError, STATUS_OF, type ApiErrorCode, type ErrorBody, type FieldProblem } from './errors';
export { openApiDocument } from './openapi';
export { ModelHolder } from './model-holder';
export { ModelWatcher, type ModelWatcherOptions } from './model-watcher';
export { FeatureStore, type FeatureSnapshot } from './feature-store';
export { ApiMetrics } from './metrics';
export { loadModel, type LoadedModel } from './loaded-model';
export { createServices, type Services, type ServicesOptions } from './services';
