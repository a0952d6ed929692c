import { XGBoostError } from './errors';

/** A parameter value; an array sets the same name several times (e.g. several `eval_metric`s). */
export type BoosterParamValue = string | number | boolean | readonly (string | number)[];

/** Booster parameters by XGBoost name, e.g. `{ objective: 'binary:logistic', max_depth: 4 }`. */
export type BoosterParams = Record<string, BoosterParamValue>;

/**
 * Parameter names libxgboost 1.7 accepts. XGBoost silently ignores unknown names, so a typo such
 * as `max_dept` would train with the default; checked against the library with
 * `validate_parameters` (names it reported as unused, e.g. `sketch_eps`, are left out).
 */
export const KNOWN_PARAMETERS: ReadonlySet<string> = new Set([
  // general / learner
  'booster',
  'verbosity',
  'validate_parameters',
  'nthread',
  'disable_default_eval_metric',
  'num_feature',
  'seed',
  'random_state',
  'seed_per_iteration',
  'gpu_id',
  'fail_on_invalid_gpu_id',
  'dsplit',
  // tree booster
  'eta',
  'learning_rate',
  'gamma',
  'min_split_loss',
  'max_depth',
  'min_child_weight',
  'max_delta_step',
  'subsample',
  'sampling_method',
  'colsample_bytree',
  'colsample_bylevel',
  'colsample_bynode',
  'lambda',
  'reg_lambda',
  'alpha',
  'reg_alpha',
  'tree_method',
  'scale_pos_weight',
  'updater',
  'refresh_leaf',
  'process_type',
  'grow_policy',
  'max_leaves',
  'max_bin',
  'predictor',
  'num_parallel_tree',
  'monotone_constraints',
  'interaction_constraints',
  'max_cat_to_onehot',
  'max_cat_threshold',
  'cache_opt',
  // dart
  'sample_type',
  'normalize_type',
  'rate_drop',
  'one_drop',
  'skip_drop',
  // linear booster
  'feature_selector',
  'top_k',
  // learning task
  'objective',
  'base_score',
  'eval_metric',
  'num_class',
  'tweedie_variance_power',
  'huber_slope',
  'aft_loss_distribution',
  'aft_loss_distribution_scale',
  'num_pairsample',
  'fix_list_weight',
]);

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

function suggestion(name: string): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_PARAMETERS) {
    const d = editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Throws `XGBoostError('INVALID_PARAMETER')` for any name XGBoost does not know or a bad value type. */
export function validateParams(params: BoosterParams): void {
  for (const [name, value] of Object.entries(params)) {
    if (!KNOWN_PARAMETERS.has(name)) {
      throw new XGBoostError('INVALID_PARAMETER', `Unknown XGBoost parameter "${name}"${suggestion(name)}`);
    }
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const ok = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
      if (!ok) {
        throw new XGBoostError('INVALID_PARAMETER', `Parameter "${name}" has an invalid value: ${String(v)}`);
      }
    }
  }
}
