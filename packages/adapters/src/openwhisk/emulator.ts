/**
 * A test double of an Apache OpenWhisk controller: an HTTP server on 127.0.0.1 (random port) that
 * implements the part of the REST API v1 the client uses, with the documented contract. It exists
 * because no OpenWhisk server can run on the machines this project is tested on; it is NOT OpenWhisk:
 * actions are JavaScript functions run in this process, "containers" are counters.
 *
 * Implemented: `GET /api/v1/namespaces`; `GET .../namespaces/{ns}/actions[/]?limit=&skip=`;
 * `GET .../actions/{name}`; `POST .../actions/{name}?blocking=&result=&timeout=`; `GET
 * .../activations/{id}` and `.../activations/{id}/result`. Basic auth (401 otherwise), `_` for the
 * key's namespace, 403 for another namespace, 404 for unknown actions and for activations not yet
 * completed, 400 for a body that is not a JSON object, 202 `{activationId}` for non-blocking calls and
 * for blocking calls that outlast the wait (min(`timeout`, 60 s)), 502 when the action failed (result
 * `{error}`) or exceeded its time limit, `x-openwhisk-activation-id` header, activation records with
 * `duration`, `waitTime`, `initTime` (cold starts only), `limits`, `path`, `kind`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionSummary, ActivationRecord, ActivationStatus } from './activation.js';

/** An action served by the emulator. */
export interface EmulatedAction {
  /** Action name (may be `package/name`). */
  name: string;
  /** The action's code: receives the parameters, returns the result object (or throws). Returning `{error}` is an application error. */
  main: (params: Record<string, unknown>) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Simulated run time of one activation (ms), added to whatever `main` takes. Default 0. */
  durationMs?: number;
  /** Simulated initialisation time of a cold container (ms). Default 50. */
  initMs?: number;
  /** Time limit (ms, `limits.timeout`): an activation longer than this fails with a developer error. Default 60,000. */
  timeoutMs?: number;
  /** Runtime kind. Default `nodejs:20`. */
  kind?: string;
  /** Version. Default `0.0.1`. */
  version?: string;
}

/** Options of {@link OpenWhiskEmulator}. */
export interface OpenWhiskEmulatorOptions {
  /** Accepted credentials `uuid:key`. Default `23bc46b1-71f6-4ed5-8c54-816aa4f8c502:emulator` (not a secret). */
  auth?: string;
  /** The key's namespace (what `_` resolves to). Default `guest`. */
  namespace?: string;
  /** Actions served at start. */
  actions?: readonly EmulatedAction[];
  /** Maximum blocking wait (ms); a blocking call outlasting it gets 202. Default 60,000. */
  maxBlockingWaitMs?: number;
  /** An idle warm container is reclaimed after this long (ms); the next activation is then cold. Default 600,000. */
  keepWarmMs?: number;
}

/** A fault the emulator injects into the next matching requests (to test error paths). */
export interface InjectedFault {
  /** Answer with this HTTP status (and `{error}` body) instead of serving the request. */
  status?: number;
  /** Delay the answer by this long (ms) before serving it (or the fault). */
  delayMs?: number;
  /** Close the connection without answering. */
  hangUp?: boolean;
  /** How many requests it affects. Default 1. */
  times?: number;
}

interface ActionState {
  readonly action: EmulatedAction;
  readonly updated: number;
  warm: number[]; // last-use times of idle warm containers
}

/**
 * The emulator. Start it, point an {@link OpenWhiskClient} at {@link OpenWhiskEmulator.apiHost}, stop it.
 *
 * @example
 * ```ts
 * const wsk = new OpenWhiskEmulator({ actions: [{ name: 'copy', main: (p) => ({ payload: p.input }) }] });
 * await wsk.start();
 * const client = new OpenWhiskClient({ apiHost: wsk.apiHost, auth: wsk.auth });
 * await client.invokeResult('copy', { input: 'hi' }); // { payload: 'hi' }
 * await wsk.stop();
 * ```
 */
export class OpenWhiskEmulator {
  /** The accepted credentials `uuid:key`. */
  readonly auth: string;
  /** The key's namespace. */
  readonly namespace: string;
  /** Every completed activation, in completion order. */
  readonly activations: ActivationRecord[] = [];
  /** Number of requests received (any path). */
  requestCount = 0;
  private readonly actions = new Map<string, ActionState>();
  private readonly byId = new Map<string, ActivationRecord>();
  private readonly maxBlockingWaitMs: number;
  private readonly keepWarmMs: number;
  private readonly faults: InjectedFault[] = [];
  private server: Server | undefined;
  private port = 0;

  constructor(options: OpenWhiskEmulatorOptions = {}) {
    this.auth = options.auth ?? '23bc46b1-71f6-4ed5-8c54-816aa4f8c502:emulator';
    this.namespace = options.namespace ?? 'guest';
    this.maxBlockingWaitMs = options.maxBlockingWaitMs ?? 60_000;
    this.keepWarmMs = options.keepWarmMs ?? 600_000;
    for (const action of options.actions ?? []) this.addAction(action);
  }

  /** `http://127.0.0.1:<port>` once started. */
  get apiHost(): string {
    if (this.server === undefined) throw new Error('OpenWhiskEmulator: call start() first');
    return `http://127.0.0.1:${this.port}`;
  }

  /** Adds or replaces an action (its containers start cold). */
  addAction(action: EmulatedAction): void {
    if (typeof action.name !== 'string' || !/^[A-Za-z0-9_@.-][A-Za-z0-9_@. -]*(\/[A-Za-z0-9_@.-][A-Za-z0-9_@. -]*)?$/.test(action.name)) {
      throw new RangeError(`OpenWhiskEmulator: invalid action name ${JSON.stringify(action.name)}`);
    }
    this.actions.set(action.name, { action, updated: Date.now(), warm: [] });
  }

  /** Removes an action; returns whether it existed. */
  removeAction(name: string): boolean {
    return this.actions.delete(name);
  }

  /** Makes the next `fault.times` requests fail or stall as described. */
  injectFault(fault: InjectedFault): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** Starts listening on 127.0.0.1 on a free port (or `port`). */
  async start(port = 0): Promise<void> {
    if (this.server !== undefined) return;
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { error: `emulator failure: ${String(error)}`, code: 'emulator' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Stops listening and closes open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requestCount++;
    const fault = this.faults[0];
    if (fault !== undefined) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.shift();
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.hangUp) {
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined) {
        send(res, fault.status, { error: `injected fault: HTTP ${fault.status}`, code: 'emulator' });
        return;
      }
    }
    if (!this.authorised(req.headers.authorization)) {
      send(res, 401, { error: 'The supplied authentication is invalid', code: transactionId() });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
    if (segments[0] !== 'api' || segments[1] !== 'v1' || segments[2] !== 'namespaces') return notFound(res);
    if (segments.length === 3 && req.method === 'GET') return send(res, 200, [this.namespace]);
    const ns = segments[3] === '_' ? this.namespace : segments[3];
    if (ns !== this.namespace) {
      send(res, 403, { error: 'The supplied authentication is not authorized to access this resource.', code: transactionId() });
      return;
    }
    const collection = segments[4];
    const rest = segments.slice(5);
    if (collection === 'actions') {
      if (rest.length === 0 && req.method === 'GET') return this.list(url, res);
      const state = this.actions.get(rest.join('/'));
      if (state === undefined) return notFound(res);
      if (req.method === 'GET') return send(res, 200, this.summary(state));
      if (req.method === 'POST') return this.invoke(state, url, req, res);
      send(res, 405, { error: `method ${req.method} is not supported by the emulator`, code: transactionId() });
      return;
    }
    if (collection === 'activations' && req.method === 'GET' && (rest.length === 1 || (rest.length === 2 && rest[1] === 'result'))) {
      const record = this.byId.get(rest[0]);
      if (record === undefined) return notFound(res);
      send(res, 200, rest.length === 2 ? record.response : record);
      return;
    }
    notFound(res);
  }

  private authorised(header: string | undefined): boolean {
    if (header === undefined || !header.startsWith('Basic ')) return false;
    return Buffer.from(header.slice(6), 'base64').toString('utf8') === this.auth;
  }

  private list(url: URL, res: ServerResponse): void {
    const limit = Number(url.searchParams.get('limit') ?? '30');
    const skip = Number(url.searchParams.get('skip') ?? '0');
    if (!Number.isInteger(limit) || limit < 0 || limit > 200 || !Number.isInteger(skip) || skip < 0) {
      send(res, 400, { error: 'limit must be an integer in 0..200 and skip a non-negative integer', code: transactionId() });
      return;
    }
    const all = [...this.actions.values()].map((s) => this.summary(s));
    send(res, 200, all.slice(skip, limit === 0 ? undefined : skip + limit));
  }

  private summary(state: ActionState): ActionSummary {
    const slash = state.action.name.lastIndexOf('/');
    return {
      name: slash < 0 ? state.action.name : state.action.name.slice(slash + 1),
      namespace: slash < 0 ? this.namespace : `${this.namespace}/${state.action.name.slice(0, slash)}`,
      version: state.action.version ?? '0.0.1',
      updated: state.updated,
      publish: false,
      annotations: [{ key: 'exec', value: (state.action.kind ?? 'nodejs:20').split(':')[0] }],
    };
  }

  private async invoke(state: ActionState, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const blocking = url.searchParams.get('blocking') === 'true';
    const resultOnly = url.searchParams.get('result') === 'true';
    const waitParam = url.searchParams.get('timeout');
    const wait = waitParam === null ? this.maxBlockingWaitMs : Number(waitParam);
    if (!Number.isFinite(wait) || wait <= 0) {
      send(res, 400, { error: `timeout must be a positive number of milliseconds, got ${waitParam}`, code: transactionId() });
      return;
    }
    const text = await readBody(req);
    let params: unknown = {};
    if (text.trim() !== '') {
      try {
        params = JSON.parse(text);
      } catch {
        params = undefined;
      }
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      send(res, 400, { error: 'The request content was malformed: expected a JSON object of parameters', code: transactionId() });
      return;
    }
    const activationId = randomUUID().replace(/-/g, '');
    const running = this.run(state, activationId, params as Record<string, unknown>);
    if (!blocking) {
      send(res, 202, { activationId }, activationId);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      running,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(resolve, Math.min(wait, this.maxBlockingWaitMs), undefined);
      }),
    ]);
    clearTimeout(timer);
    if (outcome === undefined) {
      send(res, 202, { activationId }, activationId);
      return;
    }
    const body = resultOnly ? outcome.response.result : outcome;
    send(res, outcome.response.success ? 200 : outcome.response.status === 'whisk internal error' ? 500 : 502, body, activationId);
  }

  /** Runs one activation (cold or warm container), records it and returns its record. */
  private async run(state: ActionState, activationId: string, params: Record<string, unknown>): Promise<ActivationRecord> {
    const { action } = state;
    const arrival = Date.now();
    const limit = action.timeoutMs ?? 60_000;
    // Reclaim containers idle for longer than keepWarmMs, then take the most recently used warm one.
    state.warm = state.warm.filter((lastUse) => arrival - lastUse <= this.keepWarmMs);
    const cold = state.warm.length === 0;
    if (!cold) state.warm.pop();
    const init = cold ? (action.initMs ?? 50) : 0;
    if (init > 0) await sleep(init);
    const start = arrival;
    let status: ActivationStatus = 'success';
    let result: Record<string, unknown>;
    let timedOut = false;
    const runStart = Date.now();
    try {
      const work = (async () => {
        if (action.durationMs) await sleep(action.durationMs);
        return action.main(params);
      })();
      let timer: NodeJS.Timeout | undefined;
      const raced = await Promise.race([
        work,
        new Promise<'timeout'>((resolve) => {
          timer = setTimeout(resolve, limit, 'timeout');
        }),
      ]);
      clearTimeout(timer);
      if (raced === 'timeout') {
        timedOut = true;
        status = 'action developer error';
        result = { error: `The action exceeded its time limits of ${limit} milliseconds.` };
      } else if (typeof raced !== 'object' || raced === null || Array.isArray(raced)) {
        status = 'action developer error';
        result = { error: 'The action did not return a dictionary.' };
      } else {
        result = raced;
        if ('error' in raced) status = 'application error';
      }
    } catch (error) {
      status = 'action developer error';
      result = { error: `An error has occurred: ${error instanceof Error ? error.message : String(error)}` };
    }
    const end = Math.max(Date.now(), runStart);
    if (!timedOut) state.warm.push(end); // a timed-out container is destroyed
    const record: ActivationRecord = {
      namespace: this.namespace,
      name: action.name.slice(action.name.lastIndexOf('/') + 1),
      version: action.version ?? '0.0.1',
      subject: this.auth.split(':')[0],
      activationId,
      start,
      end,
      duration: end - start,
      response: { status, statusCode: STATUS_CODES[status], success: status === 'success', result },
      logs: [],
      annotations: [
        { key: 'path', value: `${this.namespace}/${action.name}` },
        { key: 'waitTime', value: 0 },
        { key: 'kind', value: action.kind ?? 'nodejs:20' },
        { key: 'timeout', value: timedOut },
        { key: 'limits', value: { concurrency: 1, logs: 10, memory: 256, timeout: limit } },
        ...(cold ? [{ key: 'initTime', value: init }] : []),
      ],
      publish: false,
    };
    this.byId.set(activationId, record);
    this.activations.push(record);
    return record;
  }
}

const STATUS_CODES: Record<ActivationStatus, number> = {
  success: 0,
  'application error': 1,
  'action developer error': 2,
  'whisk internal error': 3,
};

function send(res: ServerResponse, status: number, body: unknown, activationId?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(activationId === undefined ? {} : { 'x-openwhisk-activation-id': activationId }),
  });
  res.end(text);
}

function notFound(res: ServerResponse): void {
  send(res, 404, { error: 'The requested resource does not exist.', code: transactionId() });
}

function transactionId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 32);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
