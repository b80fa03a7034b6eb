import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HaproxyError } from './errors.js';
import { type ServerStateRow, type StatRow, parseServersState, parseShowStat } from './stat-rows.js';

/** Where the runtime API answers: a unix socket file, or a TCP address (default host 127.0.0.1). */
export type RuntimeEndpoint =
  | {
      /** Path of the unix socket file. */
      readonly socket: string;
    }
  | {
      /** TCP host. Default `127.0.0.1`. */
      readonly host?: string;
      /** TCP port. */
      readonly port: number;
    };

/** Options of {@link HaproxyRuntime}. */
export interface RuntimeOptions {
  /** ms to wait for one answer. Default 5000. */
  readonly timeoutMs?: number;
  /**
   * ms to keep trying to connect while nothing listens (haproxy restarting): the client retries with a
   * growing pause (25 ms up to 500 ms) until this has elapsed. Default 5000; 0 = one attempt.
   */
  readonly reconnectTimeoutMs?: number;
}

/** A health check for servers added at run time (same keywords as the configuration's). */
export interface RuntimeCheck {
  /** ms between checks. Default 1000. */
  readonly intervalMs?: number;
  /** Default 2. */
  readonly rise?: number;
  /** Default 3. */
  readonly fall?: number;
}

/** A server to add with {@link HaproxyRuntime.addServer}. */
export interface NewServer {
  /** IP address. */
  readonly address: string;
  /** TCP port, 1..65535. */
  readonly port: number;
  /** 0..256. Default 1. */
  readonly weight?: number;
  /** Max concurrent sessions. Default none. */
  readonly maxconn?: number;
  /**
   * Health check (the backend needs `option httpchk` for an HTTP check; else a TCP connect check).
   * Default none.
   */
  readonly check?: RuntimeCheck;
  /** Enable it at once (HAProxy adds dynamic servers in maintenance). Default true. */
  readonly enable?: boolean;
}

/** Options of {@link HaproxyRuntime.waitForNoSessions}. */
export interface WaitOptions {
  /** ms to wait at most. Default 30000. */
  readonly timeoutMs?: number;
  /** ms between two polls. Default 100. */
  readonly pollMs?: number;
}

const RETRYABLE = new Set(['ENOENT', 'ECONNREFUSED']);
const NAME = /^[A-Za-z0-9_.:-]+$/;

function describe(endpoint: RuntimeEndpoint): string {
  return 'socket' in endpoint ? `unix socket ${endpoint.socket}` : `tcp ${endpoint.host ?? '127.0.0.1'}:${endpoint.port}`;
}

/**
 * A client of HAProxy's runtime API (management guide §9.3) over its stats socket (unix) or a TCP
 * address. Each command opens its own connection (HAProxy's non-interactive mode), so the client has no
 * session to lose: after an haproxy restart the next command connects to the new process, retrying
 * while nothing listens yet (see {@link RuntimeOptions.reconnectTimeoutMs}). Commands are never retried
 * once sent, so a command is never applied twice.
 *
 * Errors are {@link HaproxyError}s: `unreachable` (no socket file, connection refused, time-out),
 * `permission-denied` (file mode, or a socket whose level is not `admin`), `no-such-server`,
 * `no-such-backend`, `command-failed` (HAProxy's own message), each saying what to check.
 */
export class HaproxyRuntime {
  /** Where this client connects. */
  readonly endpoint: RuntimeEndpoint;
  private readonly timeoutMs: number;
  private readonly reconnectTimeoutMs: number;
  private retried = 0;

  constructor(endpoint: RuntimeEndpoint, options: RuntimeOptions = {}) {
    this.endpoint = endpoint;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.reconnectTimeoutMs = options.reconnectTimeoutMs ?? 5000;
  }

  /** How many connection attempts failed and were retried (after restarts) since creation. */
  get reconnectAttempts(): number {
    return this.retried;
  }

  /**
   * Sends one command and resolves with HAProxy's raw answer. Throws `unreachable` or
   * `permission-denied`; answers that are error messages are not interpreted here (see the typed
   * methods).
   */
  async send(command: string): Promise<string> {
    if (command.includes('\n')) throw new HaproxyError('command-failed', `a runtime API command is one line; got ${JSON.stringify(command)}`, { command });
    const deadline = Date.now() + this.reconnectTimeoutMs;
    let pause = 25;
    for (;;) {
      try {
        return await this.once(command);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!RETRYABLE.has(code) || Date.now() + pause > deadline) throw this.connectionError(command, error);
        this.retried++;
        await sleep(pause);
        pause = Math.min(500, pause * 2);
      }
    }
  }

  private once(command: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const e = this.endpoint;
      const socket = 'socket' in e ? createConnection({ path: e.socket }) : createConnection({ host: e.host ?? '127.0.0.1', port: e.port });
      const chunks: Buffer[] = [];
      let sent = false;
      socket.setTimeout(this.timeoutMs, () => {
        socket.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT', sent }));
      });
      socket.on('connect', () => {
        sent = true;
        socket.write(`${command}\n`);
      });
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', (err) => reject(Object.assign(err, { sent })));
      socket.on('close', (hadError) => {
        if (!hadError) resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
  }

  private connectionError(command: string, error: unknown): HaproxyError {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const where = describe(this.endpoint);
    if (code === 'EACCES' || code === 'EPERM') {
      return new HaproxyError(
        'permission-denied',
        `permission denied opening the HAProxy ${where}: check the socket's owner and mode (\`stats socket … mode 600 user …\`) and that this process runs as that user`,
        { command, cause: error },
      );
    }
    const why =
      code === 'ENOENT'
        ? 'the socket file does not exist'
        : code === 'ECONNREFUSED'
          ? 'nothing listens there'
          : code === 'ETIMEDOUT'
            ? (error as Error).message
            : `${code || 'error'}: ${(error as Error).message}`;
    return new HaproxyError(
      'unreachable',
      `HAProxy ${where} is unreachable (${why}${RETRYABLE.has(code) ? `, retried for ${this.reconnectTimeoutMs} ms` : ''}) while sending "${command}": check that haproxy runs and that its global section has a matching \`stats socket\` line`,
      { command, cause: error },
    );
  }

  /**
   * Sends a command whose success is an empty answer or one of `ok` (HAProxy's informational replies),
   * and turns every other answer into a typed error.
   */
  async run(command: string, ok: readonly RegExp[] = []): Promise<string> {
    const answer = (await this.send(command)).trim();
    if (answer === '' || ok.some((r) => r.test(answer))) return answer;
    throw this.answerError(command, answer);
  }

  private answerError(command: string, answer: string): HaproxyError {
    const target = /\s([^\s/]+)\/([^\s]+)/.exec(command);
    const backend = target?.[1] ?? '?';
    const server = target?.[2] ?? '?';
    if (/^No such server\.?/i.test(answer)) {
      return new HaproxyError(
        'no-such-server',
        `HAProxy answered "No such server." to "${command}": backend ${backend} has no server ${server}; list its servers with showServersState("${backend}")`,
        { command, haproxyMessage: answer },
      );
    }
    if (/^No such backend\.?/i.test(answer) || /^Can't find backend/i.test(answer)) {
      return new HaproxyError('no-such-backend', `HAProxy answered "${answer}" to "${command}": there is no backend ${backend}; check the configuration's backend names`, {
        command,
        haproxyMessage: answer,
      });
    }
    if (/permission denied/i.test(answer)) {
      return new HaproxyError(
        'permission-denied',
        `HAProxy refused "${command}" (${answer}): the ${describe(this.endpoint)} needs \`level admin\` in its \`stats socket\` line`,
        { command, haproxyMessage: answer },
      );
    }
    return new HaproxyError('command-failed', `HAProxy refused "${command}": ${answer}`, { command, haproxyMessage: answer });
  }

  /** `show stat`, every proxy and server as a typed row. */
  async showStat(): Promise<StatRow[]> {
    return parseShowStat(await this.send('show stat'));
  }

  /** The `show stat` row of one server; throws `no-such-server` when it is not there. */
  async serverStat(backend: string, server: string): Promise<StatRow> {
    const row = (await this.showStat()).find((r) => r.pxname === backend && r.svname === server && r.type === 'server');
    if (row === undefined) {
      throw new HaproxyError('no-such-server', `show stat has no server ${backend}/${server}: list the backend's servers with showServersState("${backend}")`, {
        command: 'show stat',
      });
    }
    return row;
  }

  /** `show servers state [backend]`, typed. Throws `no-such-backend` for an unknown backend. */
  async showServersState(backend?: string): Promise<ServerStateRow[]> {
    const command = backend === undefined ? 'show servers state' : `show servers state ${name('backend', backend)}`;
    const answer = await this.send(command);
    if (!answer.includes('# be_id')) throw this.answerError(command, answer.trim());
    return parseServersState(answer);
  }

  /** Sets a server's weight (an integer in 0..256; 0 sends it no new traffic). */
  async setWeight(backend: string, server: string, weight: number): Promise<void> {
    if (!Number.isInteger(weight) || weight < 0 || weight > 256) {
      throw new HaproxyError('command-failed', `weight of ${backend}/${server} must be an integer in 0..256 (HAProxy's range), got ${weight}`);
    }
    await this.run(`set server ${target(backend, server)} weight ${weight}`);
  }

  /** Puts a server in service (`state ready`): it takes traffic once its health check (if any) passes. */
  async enableServer(backend: string, server: string): Promise<void> {
    await this.run(`set server ${target(backend, server)} state ready`);
  }

  /** Puts a server in maintenance (`state maint`): no traffic; its sessions are not killed. */
  async disableServer(backend: string, server: string): Promise<void> {
    await this.run(`set server ${target(backend, server)} state maint`);
  }

  /** Drains a server (`state drain`): no new sessions except persistent ones; those in progress finish. */
  async drainServer(backend: string, server: string): Promise<void> {
    await this.run(`set server ${target(backend, server)} state drain`);
  }

  /** Starts the health checks of a server (`enable health`). */
  async enableHealthCheck(backend: string, server: string): Promise<void> {
    await this.run(`enable health ${target(backend, server)}`);
  }

  /** Changes a server's address and, when given, its port. */
  async setAddress(backend: string, server: string, address: string, port?: number): Promise<void> {
    if (!NAME.test(address)) throw new HaproxyError('command-failed', `address of ${backend}/${server} must be an IP address, got ${JSON.stringify(address)}`);
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw new HaproxyError('command-failed', `port of ${backend}/${server} must be an integer in 1..65535, got ${port}`);
    }
    await this.run(`set server ${target(backend, server)} addr ${address}${port === undefined ? '' : ` port ${port}`}`, [
      /^IP changed from/,
      /^no need to change the addr/,
      /port changed from/,
    ]);
  }

  /**
   * Adds a server at run time (HAProxy ≥ 2.4 dynamic servers; the backend must balance with
   * `roundrobin`, `leastconn`, `first` or `random`). HAProxy adds it in maintenance; it is enabled (and
   * its health check started) unless `enable` is false.
   */
  async addServer(backend: string, server: string, spec: NewServer): Promise<void> {
    const weight = spec.weight ?? 1;
    if (!Number.isInteger(weight) || weight < 0 || weight > 256) {
      throw new HaproxyError('command-failed', `weight of ${backend}/${server} must be an integer in 0..256, got ${weight}`);
    }
    if (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535) {
      throw new HaproxyError('command-failed', `port of ${backend}/${server} must be an integer in 1..65535, got ${spec.port}`);
    }
    if (!NAME.test(spec.address)) throw new HaproxyError('command-failed', `address of ${backend}/${server} must be an IP address, got ${JSON.stringify(spec.address)}`);
    let command = `add server ${target(backend, server)} ${spec.address}:${spec.port} weight ${weight}`;
    if (spec.maxconn !== undefined) command += ` maxconn ${spec.maxconn}`;
    const c = spec.check;
    if (c !== undefined) command += ` check inter ${c.intervalMs ?? 1000} rise ${c.rise ?? 2} fall ${c.fall ?? 3}`;
    await this.run(command, [/^New server registered\.?$/]);
    if (spec.enable ?? true) {
      await this.enableServer(backend, server);
      if (c !== undefined) await this.enableHealthCheck(backend, server);
    }
  }

  /**
   * Deletes a server: puts it in maintenance, then `del server`. HAProxy refuses while it still has
   * sessions (drain it and {@link waitForNoSessions} first for a loss-free removal); HAProxy 2.6 deletes
   * only servers added at run time.
   */
  async deleteServer(backend: string, server: string): Promise<void> {
    await this.disableServer(backend, server);
    await this.run(`del server ${target(backend, server)}`, [/^Server deleted\.?$/]);
  }

  /**
   * Waits until a server has no session and no queued request (polling `show stat`). Resolves with the
   * ms waited; throws `drain-timeout` when sessions remain after `timeoutMs`.
   */
  async waitForNoSessions(backend: string, server: string, options: WaitOptions = {}): Promise<number> {
    const timeout = options.timeoutMs ?? 30_000;
    const start = Date.now();
    for (;;) {
      const row = await this.serverStat(backend, server);
      if (row.scur === 0 && row.qcur === 0) return Date.now() - start;
      if (Date.now() - start >= timeout) {
        throw new HaproxyError(
          'drain-timeout',
          `${backend}/${server} still has ${row.scur} sessions and ${row.qcur} queued requests after ${timeout} ms: raise the wait, or check for long-lived connections (keep-alive, websockets)`,
        );
      }
      await sleep(options.pollMs ?? 100);
    }
  }
}

function name(what: string, value: string): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw new HaproxyError('command-failed', `${what} name ${JSON.stringify(value)} is not a valid HAProxy name (letters, digits, "_", ".", ":" or "-")`);
  }
  return value;
}

function target(backend: string, server: string): string {
  return `${name('backend', backend)}/${name('server', server)}`;
}
