import { InvalidArgumentError, type Command } from 'commander';
import type { Comparison, ModelRef } from '@nba/registry';
import { validRef } from '../arguments';
import { say, sayJson, withRegistry, type CliDeps } from '../context';
import { table } from '@nba/cli';
import { label, num } from '../format';

/** Parses `name:version` (the version may not contain ':'). */
export function parseRef(value: string): ModelRef {
  const i = value.lastIndexOf(':');
  const ref = { name: value.slice(0, i), version: value.slice(i + 1) };
  if (i <= 0 || ref.version === '')
    throw new InvalidArgumentError(`expected NAME:VERSION, e.g. winner:1.1.0, got '${value}'`);
  return ref;
}

/** The comparison as text: metrics side by side, then live scores on common games. */
export function renderComparison(c: Comparison): string {
  const a = label(c.a);
  const b = label(c.b);
  const lines = [`${a} [${c.a.status}]  vs  ${b} [${c.b.status}]`, ''];
  lines.push(
    c.metrics.length
      ? table(
          ['DATASET', 'METRIC', a, b, 'DIFF (2-1)'],
          c.metrics.map((m) => [m.dataset, m.metric, num(m.a), num(m.b), num(m.difference, true)]),
        )
      : 'no stored metrics on either version',
  );
  lines.push('');
  if (c.live) {
    const l = c.live;
    lines.push(`live forecasts on ${l.games} games both settled:`);
    lines.push(
      table(
        ['METRIC', a, b, 'DIFF (2-1)'],
        (['logLoss', 'brier', 'accuracy'] as const).map((k) => [
          k,
          num(l.a[k]),
          num(l.b[k]),
          num(l.difference[k], true),
        ]),
      ),
    );
  } else {
    lines.push('live forecasts: none on common settled games yet');
  }
  return lines.join('\n');
}

/** `compare --model1 N:V --model2 N:V`. */
export function addCompare(program: Command, deps: CliDeps): void {
  program
    .command('compare')
    .description('compare two versions: stored metrics side by side, and live scores on the games both forecast')
    .requiredOption('--model1 <name:version>', 'first model, e.g. winner:1.0.0', (v) => validRef(parseRef(v)))
    .requiredOption('--model2 <name:version>', 'second model, e.g. winner:1.1.0', (v) => validRef(parseRef(v)))
    .option('--json', 'print JSON')
    .action(async (opts: { model1: ModelRef; model2: ModelRef; json?: boolean }) => {
      const c = await withRegistry(deps, (r, liveRecord) => r.compareVersions(opts.model1, opts.model2, liveRecord));
      if (opts.json) return sayJson(deps, c);
      say(deps, renderComparison(c));
    });
}
