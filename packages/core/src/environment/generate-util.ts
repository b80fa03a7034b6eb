import type { RandomStream } from '../engine/rng.js';
import { ConfigError } from '../errors.js';

/**
 * Where a generation problem comes from: the specs file label (for {@link ConfigError} issues).
 * @internal
 */
export interface GenerationContext {
  /** File label used in issues (path as given by the user, or `<specs>`). */
  readonly file: string;
}

/**
 * Throws a {@link ConfigError} with a single issue at `path` of the specs.
 * @internal
 */
export function specsProblem(ctx: GenerationContext, path: string, expected: string, found: string): never {
  throw new ConfigError([{ file: ctx.file, path, expected, found, severity: 'error' }]);
}

/**
 * One uniform pick from a list-valued spec (model-spec §0 "list-valued spec"). An empty list is a
 * specs problem (the config validation should have caught it), reported with its JSON path.
 * @internal
 */
export function pick<T>(stream: RandomStream, list: readonly T[] | undefined, ctx: GenerationContext, path: string): T {
  if (list === undefined || list.length === 0) {
    specsProblem(ctx, path, 'a non-empty list of candidate values', list === undefined ? 'missing' : 'an empty list');
  }
  return stream.choice(list);
}

/**
 * Checks that every candidate count in `kList` can be satisfied from `max` distinct names (an
 * integer between `min` and `max`). Reports every offending entry at once, with its JSON path,
 * whether or not it would be drawn, so that a bad specs file fails for every seed.
 * @internal
 */
export function checkCounts(
  kList: readonly number[] | undefined,
  min: number,
  max: number,
  ctx: GenerationContext,
  path: string,
  available: string,
): void {
  if (kList === undefined || kList.length === 0) {
    specsProblem(ctx, path, 'a non-empty list of candidate values', kList === undefined ? 'missing' : 'an empty list');
  }
  const issues = kList.flatMap((k, i) =>
    Number.isInteger(k) && k >= min && k <= max
      ? []
      : [
          {
            file: ctx.file,
            path: `${path}/${i}`,
            expected: `an integer between ${min} and ${max} (${available})`,
            found: JSON.stringify(k),
            severity: 'error' as const,
          },
        ],
  );
  if (issues.length > 0) throw new ConfigError(issues);
}

/**
 * `k` distinct elements of `all` in random order, `k` drawn from `kList` (model-spec §2.1 "sample").
 * The counts must have been checked with {@link checkCounts}.
 * @internal
 */
export function sampleDistinct(
  stream: RandomStream,
  all: readonly string[],
  kList: readonly number[],
  ctx: GenerationContext,
  kPath: string,
): string[] {
  const k = pick(stream, kList, ctx, kPath);
  return stream.sample(all, k);
}
