import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { findHaproxy } from './binary.js';
import { HaproxyError } from './errors.js';
import { HaproxyRuntime, type RuntimeEndpoint } from './runtime.js';

/** Options of {@link startHaproxy}. */
export interface StartHaproxyOptions {
  /** The configuration file to run (check it first with `checkHaproxyConfig`). */
  readonly configFile: string;
  /** The runtime API endpoint of that configuration: startup waits until it answers `show info`. */
  readonly runtime: RuntimeEndpoint;
  /** haproxy binary; default {@link findHaproxy}. */
  readonly haproxy?: string;
  /** ms to wait for the runtime API to answer. Default 10000. */
  readonly readyTimeoutMs?: number;
}

/** An haproxy process started by {@link startHaproxy}; stop it with {@link HaproxyProcess.stop}. */
export interface HaproxyProcess {
  /** Its process id. */
  readonly pid: number;
  /** Its stderr so far (HAProxy's alerts and warnings). */
  readonly output: () => string;
  /** Whether it is still running. */
  readonly running: () => boolean;
  /**
   * Stops it by PID: SIGTERM (HAProxy's hard stop: connections are closed), SIGKILL after `graceMs`
   * (default 5000). Resolves when it has exited; does nothing when it already has.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts haproxy in the foreground (`haproxy -db -f <file>`) as a child of this process, and resolves
 * once its runtime API answers. Rejects with {@link HaproxyError} `process-failed` (with HAProxy's own
 * messages) when it exits early or does not answer within the time-out, `not-installed` when haproxy
 * is missing. The process is the caller's to stop (by PID, through `stop`).
 */
export async function startHaproxy(options: StartHaproxyOptions): Promise<HaproxyProcess> {
  const bin = findHaproxy(options.haproxy);
  const child: ChildProcess = spawn(bin, ['-db', '-f', options.configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  let exitCode: number | null = null;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    stderr = (stderr + d).slice(-20_000);
  });
  const exit = new Promise<void>((resolve) => {
    child.on('exit', (code) => {
      exited = true;
      exitCode = code;
      resolve();
    });
  });
  const spawnError = await Promise.race([
    once(child, 'spawn').then(() => undefined),
    once(child, 'error').then(([e]) => e as Error),
  ]);
  if (spawnError !== undefined) {
    throw new HaproxyError('process-failed', `could not start ${bin}: ${spawnError.message}`, { cause: spawnError });
  }
  const pid = child.pid as number;
  const handle: HaproxyProcess = {
    pid,
    output: () => stderr,
    running: () => !exited,
    async stop(graceMs = 5000) {
      if (exited) return;
      process.kill(pid, 'SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(graceMs).then(() => false)]);
      if (!killed && !exited) {
        process.kill(pid, 'SIGKILL');
        await exit;
      }
    },
  };
  const runtime = new HaproxyRuntime(options.runtime, { reconnectTimeoutMs: 0, timeoutMs: 2000 });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  for (;;) {
    if (exited) {
      throw new HaproxyError('process-failed', `haproxy (pid ${pid}) exited with code ${String(exitCode)} at startup of ${options.configFile}:\n${stderr.trim()}`, {
        haproxyMessage: stderr.trim(),
      });
    }
    try {
      const info = await runtime.send('show info');
      if (info.includes('Pid:')) return handle;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await handle.stop(1000);
      throw new HaproxyError(
        'process-failed',
        `haproxy (pid ${pid}) did not answer on its runtime API within ${options.readyTimeoutMs ?? 10_000} ms; check the stats socket line of ${options.configFile}:\n${stderr.trim()}`,
      );
    }
    await sleep(25);
  }
}
