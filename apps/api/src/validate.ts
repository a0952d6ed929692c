import type { z } from 'zod';
import { ApiError, type FieldProblem } from './errors';

function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  const joined = path.map(String).join('.');
  return joined ? `${prefix}${joined}` : prefix.replace(/\.$/, '') || '(body)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** Turns zod issues on `input` into one problem per bad field. */
export function toProblems(issues: readonly z.core.$ZodIssue[], input: unknown, prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ field: fieldOf(prefix, [...issue.path, key]), problem: 'is not a known field' });
    } else if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      out.push({
        field: fieldOf(prefix, issue.path),
        problem: issue.path.length === 0 ? 'is required: send a JSON object' : 'is required',
      });
    } else if (issue.code === 'invalid_type' && issue.path.length === 0) {
      out.push({ field: fieldOf(prefix, issue.path), problem: `must be a JSON ${issue.expected}` });
    } else {
      out.push({ field: fieldOf(prefix, issue.path), problem: issue.message });
    }
  }
  return out;
}

/** Parses `input` with `schema`, or throws a 400 `ApiError` naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw ApiError.validation(toProblems(result.error.issues, input, prefix));
}
