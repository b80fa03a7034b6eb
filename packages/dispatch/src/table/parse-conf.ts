import { DispatchError } from '../errors.js';

/**
 * Parses the seed's `--table-conf` / `--optimizer-conf` syntax, `key=value` pairs separated by commas
 * (`type=trivial,period=10,stat=mean`), into an object; values that read as finite numbers become
 * numbers. Empty input gives `{}`. A pair without `=`, an empty key or a repeated key is an error.
 */
export function parseConf(text: string, what = 'conf'): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (text.trim() === '') return out;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? '' : pair.slice(0, eq).trim();
    if (key === '') {
      throw new DispatchError(`${what} ${JSON.stringify(text)}: "${pair}" is not key=value; write e.g. type=trivial,period=10`);
    }
    if (Object.hasOwn(out, key)) throw new DispatchError(`${what} ${JSON.stringify(text)}: "${key}" is given twice`);
    const raw = pair.slice(eq + 1).trim();
    const n = Number(raw);
    out[key] = raw !== '' && Number.isFinite(n) ? n : raw;
  }
  return out;
}
