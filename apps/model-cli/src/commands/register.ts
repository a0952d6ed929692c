import type { Command } from 'commander';
import { inspectArtifact, type FeatureSpec, type RegisterInput } from '@nba/registry';
import { CliError, isoDate, wholeNumber } from '@nba/cli';
import { modelName, semver } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { readInput, readJson } from '../files';

interface RegisterOptions {
  name: string;
  version: string;
  artifact: string;
  marginArtifact?: string;
  totalArtifact?: string;
  metrics?: string;
  features?: string;
  params?: string;
  trainedFrom?: string;
  trainedTo?: string;
  trainingGames?: number;
  gitCommit?: string;
  notes?: string;
  json?: boolean;
}

/**
 * The feature spec: `--features` (a JSON list of names, or `{name, version, features}`), else the
 * feature names saved inside the model.
 */
function featureSpec(opts: RegisterOptions, win: Buffer, cwd?: string): FeatureSpec {
  if (opts.features) {
    const doc = readJson(opts.features, 'feature spec', cwd);
    if (Array.isArray(doc)) return { name: 'custom', version: '1', features: doc.map(String) };
    const spec = doc as Partial<FeatureSpec>;
    return {
      name: spec.name ?? 'custom',
      version: String(spec.version ?? '1'),
      features: Array.isArray(spec.features) ? spec.features.map(String) : [],
    };
  }
  const names = inspectArtifact(win, `the model ${opts.artifact}`).featureNames;
  if (!names) {
    throw new CliError(
      'USAGE',
      `the model ${opts.artifact} does not record its feature names; pass them with --features features.json (a JSON list of names in column order)`,
    );
  }
  return { name: 'from-artifact', version: '1', features: names };
}

/** `register --name N --version V --artifact model.json [...]`: adds a version in staging. */
export function addRegister(program: Command, deps: CliDeps): void {
  program
    .command('register')
    .description('register an XGBoost JSON model as a new version (status staging)')
    .requiredOption('--name <name>', 'model name, e.g. winner', modelName)
    .requiredOption('--version <version>', 'semantic version, e.g. 1.2.0', semver)
    .requiredOption('--artifact <file>', 'the XGBoost JSON model (home win)')
    .option('--margin-artifact <file>', 'XGBoost JSON model of the margin')
    .option('--total-artifact <file>', 'XGBoost JSON model of the total')
    .option('--metrics <file>', 'JSON metrics: {"logLoss": 0.63} or {"backtest-2024": {"logLoss": 0.63}}')
    .option('--features <file>', 'JSON feature names in column order (default: the names saved in the model)')
    .option('--params <file>', 'JSON training parameters')
    .option('--trained-from <date>', 'first training game date, YYYY-MM-DD', isoDate)
    .option('--trained-to <date>', 'last training game date, YYYY-MM-DD', isoDate)
    .option('--training-games <n>', 'number of training games', wholeNumber)
    .option('--git-commit <sha>', 'commit of the training code')
    .option('--notes <text>', 'free text, kept with the version and in the audit trail')
    .option('--json', 'print JSON')
    .action(async (opts: RegisterOptions) => {
      if (opts.trainedFrom && opts.trainedTo && opts.trainedFrom > opts.trainedTo) {
        throw new CliError('USAGE', `--trained-from ${opts.trainedFrom} is after --trained-to ${opts.trainedTo}`);
      }
      const win = readInput(opts.artifact, 'model file', deps.cwd);
      const input: RegisterInput = {
        name: opts.name,
        version: opts.version,
        artifacts: {
          win,
          ...(opts.marginArtifact ? { margin: readInput(opts.marginArtifact, 'margin model file', deps.cwd) } : {}),
          ...(opts.totalArtifact ? { total: readInput(opts.totalArtifact, 'total model file', deps.cwd) } : {}),
        },
        featureSpec: featureSpec(opts, win, deps.cwd),
        params: opts.params ? (readJson(opts.params, 'params file', deps.cwd) as Record<string, unknown>) : undefined,
        metrics: opts.metrics
          ? (readJson(opts.metrics, 'metrics file', deps.cwd) as RegisterInput['metrics'])
          : undefined,
        trainedFrom: opts.trainedFrom,
        trainedTo: opts.trainedTo,
        trainingGames: opts.trainingGames,
        gitCommit: opts.gitCommit,
        notes: opts.notes,
      };
      const v = await withRegistry(deps, (r) => r.registerVersion(input));
      if (opts.json) return sayJson(deps, v);
      say(
        deps,
        `registered ${v.name} ${v.version} (staging); promote it with: nba-models promote --name ${v.name} --version ${v.version}`,
      );
    });
}
