export { XGBoostError, type XGBoostErrorCode } from './errors';
export { loadLibrary, libraryVersion, DEFAULT_LIBRARY_CANDIDATES, INSTALL_HINT } from './library';
export type { XGBoostBindings } from './library';
export { KNOWN_PARAMETERS, validateParams } from './params';
export type { BoosterParams, BoosterParamValue } from './params';
export { DMatrix, type DMatrixOptions } from './dmatrix';
export { Booster, type EvalSet, type PredictOptions } from './booster';
export { train, type TrainOptions } from './train';
export { releaseNativeMemory } from './native-memory';
