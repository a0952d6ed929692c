import { InvalidArgumentError } from 'commander';
import { checkedOption } from '@nba/cli';
import { assertModelName, isSemver, type ModelRef } from '@nba/registry';

// The registry's option parsers (the shared ones, dates, counts and files, are @nba/cli's): commander
// runs them while parsing, so a bad argument is a usage error (exit 2, with the command's usage)
// before any file is read or the database is opened.

/** `--name`: a model name the registry accepts. */
export function modelName(value: string): string {
  return checkedOption(() => {
    assertModelName(value);
    return value;
  });
}

/** `--version`: a semantic version. */
export function semver(value: string): string {
  if (!isSemver(value))
    throw new InvalidArgumentError(
      `'${value}' is not a semantic version; use MAJOR.MINOR.PATCH, e.g. 1.0.0 or 1.1.0-rc.1`,
    );
  return value;
}

/** `--model1`/`--model2` after `parseRef` split them: a valid name and a semantic version. */
export function validRef(ref: ModelRef): ModelRef {
  return { name: modelName(ref.name), version: semver(ref.version) };
}
