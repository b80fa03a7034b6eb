import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * The full path of `name` if it is executable (an absolute or relative path is checked as is; a bare
 * name is searched on `PATH`), else `undefined`.
 */
export function findExecutable(name: string, path: string = process.env['PATH'] ?? ''): string | undefined {
  const candidates = name.includes('/') || isAbsolute(name) ? [name] : path.split(delimiter).filter((d) => d !== '').map((d) => join(d, name));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}
