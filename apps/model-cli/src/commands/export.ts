import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { ARTIFACT_ROLES, RegistryError, sha256, type ArtifactRole } from '@nba/registry';
import { CliError, outputFile } from '@nba/cli';
import { modelName, semver } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';

/** `export --name N --version V --out model.json [--role R]`: writes the checksum-verified XGBoost JSON model. */
export function addExport(program: Command, deps: CliDeps): void {
  program
    .command('export')
    .description("write a version's XGBoost JSON model to a file (loadable by any XGBoost)")
    .requiredOption('--name <name>', 'model name', modelName)
    .requiredOption('--version <version>', 'model version', semver)
    .requiredOption('--out <file>', 'where to write the model', outputFile(deps.cwd ?? process.cwd()))
    .addOption(new Option('--role <role>', 'which model of the version').choices([...ARTIFACT_ROLES]).default('win'))
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; version: string; out: string; role: ArtifactRole; json?: boolean }) => {
      const models = await withRegistry(deps, (r) => r.loadArtifacts(opts.name, opts.version));
      const text = models[opts.role];
      if (text === undefined) {
        const roles = Object.keys(models).join(', ');
        throw new RegistryError(
          'NOT_FOUND',
          `model '${opts.name}' version ${opts.version} has no '${opts.role}' model (it has: ${roles}); pick one with --role`,
        );
      }
      const bytes = Buffer.from(text, 'utf8');
      try {
        writeFileSync(opts.out, bytes);
      } catch (cause) {
        throw new CliError('FAILED', `could not write ${opts.out}: ${(cause as Error).message}`, { cause });
      }
      const result = {
        name: opts.name,
        version: opts.version,
        role: opts.role,
        file: opts.out,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
      };
      if (opts.json) return sayJson(deps, result);
      say(
        deps,
        `wrote ${opts.name} ${opts.version} (${opts.role}, ${bytes.length} bytes, sha256 ${result.sha256}) to ${opts.out}`,
      );
    });
}
