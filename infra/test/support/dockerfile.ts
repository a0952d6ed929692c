import { readFileSync } from 'node:fs';
import { DOCKERFILE } from './paths';

/** One `FROM` stage of a Dockerfile: its base, its name and its instructions (continuations joined). */
export interface Stage {
  from: string;
  name: string | undefined;
  instructions: Array<{ keyword: string; args: string }>;
}

/** Parses a Dockerfile into stages (enough for structural checks; not a full parser). */
export function parseDockerfile(text = readFileSync(DOCKERFILE, 'utf8')): {
  args: Record<string, string>;
  stages: Stage[];
} {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const upper = keyword.toUpperCase();
    const argText = rest.join(' ');
    if (upper === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(argText);
      if (!m) throw new Error(`cannot parse FROM line: ${line}`);
      stages.push({ from: m[1] ?? '', name: m[2], instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) {
      if (upper === 'ARG') {
        const [k, v] = argText.split('=');
        if (k) args[k] = v ?? '';
      }
      continue;
    }
    stage.instructions.push({ keyword: upper, args: argText });
  }
  return { args, stages };
}

/** Resolves `${NAME}` in a FROM image with the global ARG defaults. */
export function resolveArgs(value: string, args: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (_m, a: string | undefined, b: string | undefined) => args[(a ?? b) as string] ?? '',
  );
}

/** The chain of stages a target is built from, target first (follows `FROM <stage>`). */
export function stageChain(stages: Stage[], target: string): Stage[] {
  const chain: Stage[] = [];
  let current = stages.find((s) => s.name === target);
  while (current) {
    chain.push(current);
    const parent = current.from;
    current = stages.find((s) => s.name === parent);
  }
  return chain;
}
