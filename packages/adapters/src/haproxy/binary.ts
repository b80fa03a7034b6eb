import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { HAPROXY_INSTALL_HINT, HaproxyError } from './errors.js';

/**
 * The haproxy binary to run: `explicit` when given, else `$NSS_HAPROXY`, else `haproxy` on the PATH,
 * else `/usr/sbin/haproxy` (Debian installs it outside a normal user's PATH). Throws
 * {@link HaproxyError} `not-installed` with the install hint when none is executable.
 */
export function findHaproxy(explicit?: string): string {
  const candidates = explicit !== undefined ? [explicit] : [
    ...(process.env.NSS_HAPROXY ? [process.env.NSS_HAPROXY] : []),
    ...(process.env.PATH ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(d, 'haproxy')),
    '/usr/sbin/haproxy',
    '/usr/local/sbin/haproxy',
  ];
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      // try the next one
    }
  }
  throw new HaproxyError('not-installed', `haproxy not found (looked at ${candidates.join(', ')}): ${HAPROXY_INSTALL_HINT}`);
}

/** Options of {@link checkHaproxyConfig}. */
export interface CheckConfigOptions {
  /** haproxy binary; default {@link findHaproxy}. */
  readonly haproxy?: string;
}

/** HAProxy's verdict on a configuration that it accepted: its warnings, if any. */
export interface ConfigCheckResult {
  /** The file that was checked. */
  readonly file: string;
  /** `[WARNING]` lines of `haproxy -c` (empty when none). */
  readonly warnings: readonly string[];
}

function run(bin: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      if (error !== null && typeof error.code === 'string') {
        reject(error);
        return;
      }
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output });
    });
  });
}

/**
 * Runs `haproxy -c -f <file>` on a configuration file (`{ file }`) or text (`{ text }`, written to a
 * temporary file first). Resolves with HAProxy's warnings when it accepts the configuration; rejects
 * with {@link HaproxyError} `config-invalid` carrying HAProxy's own `[ALERT]` lines (in the message and
 * in `haproxyMessage`), or `not-installed` when haproxy is missing.
 */
export async function checkHaproxyConfig(
  source: { readonly file: string } | { readonly text: string },
  options: CheckConfigOptions = {},
): Promise<ConfigCheckResult> {
  const bin = findHaproxy(options.haproxy);
  let dir: string | undefined;
  let file: string;
  if ('file' in source) {
    file = source.file;
  } else {
    dir = mkdtempSync(join(tmpdir(), 'nss-haproxy-check-'));
    file = join(dir, 'haproxy.cfg');
    writeFileSync(file, source.text);
  }
  try {
    let result: { code: number; output: string };
    try {
      result = await run(bin, ['-c', '-f', file]);
    } catch (cause) {
      throw new HaproxyError('not-installed', `could not run ${bin}: ${(cause as Error).message}; ${HAPROXY_INSTALL_HINT}`, { cause });
    }
    const lines = result.output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (result.code !== 0) {
      const alerts = lines.filter((l) => l.includes('[ALERT]'));
      const said = (alerts.length > 0 ? alerts : lines).join('\n');
      const where = 'file' in source ? file : 'the rendered configuration';
      throw new HaproxyError('config-invalid', `haproxy -c rejected ${where} (exit ${result.code}):\n${said}`, {
        command: `${bin} -c -f ${file}`,
        haproxyMessage: said,
      });
    }
    return { file, warnings: lines.filter((l) => l.includes('[WARNING]')) };
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}
