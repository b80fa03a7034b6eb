/**
 * A REST client for Apache OpenWhisk (API v1), on Node's global `fetch` (undici) with
 * `AbortSignal.timeout` per request. Contract (from the OpenWhisk docs and controller):
 *
 * - `GET  /api/v1/namespaces/{ns}/actions?limit=&skip=` lists actions.
 * - `POST /api/v1/namespaces/{ns}/actions/{name}?blocking=true&result=true[&timeout=ms]`: 200 with the
 *   action's result; `result=false`: 200 with the whole activation record; 202 `{activationId}` when the
 *   invocation is non-blocking or when a blocking one outlasts the wait (then poll the activation);
 *   502 when the action failed; 404 unknown action; 401 bad credentials.
 * - `GET  /api/v1/namespaces/{ns}/activations/{id}` gives the record once it completed (404 before).
 *
 * Authentication is HTTP Basic with the `uuid:key` string (base64-encoded here).
 */
import { actionPath, parseActionName, type ActionName } from './action-name.js';
import { activationRecordProblem, type ActionSummary, type ActivationRecord } from './activation.js';
import {
  OpenWhiskActionError,
  OpenWhiskAuthError,
  OpenWhiskForbiddenError,
  OpenWhiskNotFoundError,
  OpenWhiskResponseError,
  OpenWhiskServerError,
  OpenWhiskTimeoutError,
  OpenWhiskUnreachableError,
} from './errors.js';

/** Options of {@link OpenWhiskClient}. */
export interface OpenWhiskClientOptions {
  /** API host with scheme, e.g. `https://openwhisk.example:443` or `http://127.0.0.1:3233`. Required. */
  apiHost: string;
  /** Credentials `uuid:key` (what `wsk property get --auth` prints). Required. */
  auth: string;
  /** Namespace of relative action names. Default `_` (the key's default namespace). */
  namespace?: string;
  /** Time limit of each HTTP request (ms). Default 70,000 (above OpenWhisk's 60 s blocking wait). */
  timeoutMs?: number;
  /** Interval between polls of an activation (ms). Default 200. */
  pollIntervalMs?: number;
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** Options of one invocation. */
export interface InvokeOptions {
  /** Blocking wait the server allows before answering 202 (ms, query parameter `timeout`). Default: the server's (60 s). */
  waitMs?: number;
  /** Time limit of this HTTP request (ms). Default: the client's `timeoutMs`. */
  timeoutMs?: number;
}

/** Answer of a blocking invocation: completed within the wait, or accepted (still running) with its id. */
export type BlockingOutcome<T> =
  | { readonly status: 'completed'; readonly activationId: string | undefined; readonly value: T }
  | { readonly status: 'accepted'; readonly activationId: string };

/** Options of {@link OpenWhiskClient.waitForActivation}. */
export interface WaitOptions {
  /** Give up after this long (ms). Default: the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Interval between polls (ms). Default: the client's `pollIntervalMs`. */
  pollIntervalMs?: number;
}

/** Options of {@link OpenWhiskClient.listActions}. */
export interface ListOptions {
  /** Namespace to list. Default: the client's. */
  namespace?: string;
  /** At most this many (0 = the server's maximum). Default 0. */
  limit?: number;
  /** Skip this many. Default 0. */
  skip?: number;
}

const ACTIVATION_HEADER = 'x-openwhisk-activation-id';

/**
 * Talks to one OpenWhisk API host.
 *
 * @example
 * ```ts
 * const wsk = new OpenWhiskClient({ apiHost: 'http://127.0.0.1:3233', auth: 'uuid:key' });
 * const actions = await wsk.listActions();
 * const result = await wsk.invokeResult('hello', { name: 'edge' }); // polls if the call outlasts the wait
 * ```
 */
export class OpenWhiskClient {
  /** The API host, without a trailing slash. */
  readonly apiHost: string;
  /** Namespace of relative action names. */
  readonly namespace: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly fetchImpl: typeof fetch;

  /** @throws RangeError when `apiHost` is not an http(s) URL or `auth` is not `uuid:key`. */
  constructor(options: OpenWhiskClientOptions) {
    let url: URL;
    try {
      url = new URL(options.apiHost);
    } catch {
      throw new RangeError(`OpenWhisk apiHost must be a URL such as http://127.0.0.1:3233, got ${JSON.stringify(options.apiHost)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RangeError(`OpenWhisk apiHost must use http or https, got ${JSON.stringify(options.apiHost)}`);
    }
    if (typeof options.auth !== 'string' || !/^[^:]+:.+$/.test(options.auth)) {
      throw new RangeError('OpenWhisk auth must be "uuid:key" (as printed by `wsk property get --auth`)');
    }
    this.apiHost = options.apiHost.replace(/\/+$/, '');
    this.namespace = options.namespace ?? '_';
    this.authorization = `Basic ${Buffer.from(options.auth, 'utf8').toString('base64')}`;
    this.timeoutMs = positive(options.timeoutMs ?? 70_000, 'timeoutMs');
    this.pollIntervalMs = positive(options.pollIntervalMs ?? 200, 'pollIntervalMs');
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Lists the actions of a namespace (`GET .../actions?limit=&skip=`). */
  async listActions(options: ListOptions = {}): Promise<ActionSummary[]> {
    const ns = encodeURIComponent(options.namespace ?? this.namespace);
    const query = `limit=${options.limit ?? 0}&skip=${options.skip ?? 0}`;
    const { body, url } = await this.request('GET', `/api/v1/namespaces/${ns}/actions?${query}`);
    if (!Array.isArray(body) || !body.every(isActionSummary)) {
      throw new OpenWhiskResponseError({
        url,
        status: 200,
        body,
        problem: 'expected an array of actions with string name, namespace, version and numeric updated',
      });
    }
    return body;
  }

  /**
   * Blocking invocation with `result=true`: the action's result when it completes within the wait, or
   * `accepted` with the activation id when it outlasts it (HTTP 202).
   * @throws OpenWhiskActionError (502) when the action failed, and the other typed errors.
   */
  async invokeBlocking(name: string, params: Record<string, unknown> = {}, options: InvokeOptions = {}): Promise<BlockingOutcome<Record<string, unknown>>> {
    return this.invoke(name, params, true, options, (body, url) => {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new OpenWhiskResponseError({ url, status: 200, body, problem: 'expected the action result as a JSON object' });
      }
      return body as Record<string, unknown>;
    });
  }

  /** Blocking invocation with `result=false`: the whole activation record (duration, cold start) or `accepted`. */
  async invokeForRecord(name: string, params: Record<string, unknown> = {}, options: InvokeOptions = {}): Promise<BlockingOutcome<ActivationRecord>> {
    return this.invoke(name, params, false, options, (body, url) => toRecord(body, url, 200));
  }

  /**
   * The action's result, waiting as long as needed: a blocking invocation, then (on 202) polling the
   * activation until it completes or `timeoutMs` passes.
   * @throws OpenWhiskActionError when the activation failed, OpenWhiskTimeoutError when polling gave up.
   */
  async invokeResult(name: string, params: Record<string, unknown> = {}, options: InvokeOptions & WaitOptions = {}): Promise<Record<string, unknown>> {
    const outcome = await this.invokeBlocking(name, params, options);
    if (outcome.status === 'completed') return outcome.value;
    const record = await this.waitForActivation(outcome.activationId, options);
    return record.response.result;
  }

  /** Non-blocking invocation (`blocking=false`): the activation id (HTTP 202). */
  async invokeAsync(name: string, params: Record<string, unknown> = {}, options: InvokeOptions = {}): Promise<string> {
    const action = this.action(name);
    const { status, body, url } = await this.request('POST', `${actionPath(action)}?blocking=false&result=false`, params, options.timeoutMs);
    const id = activationIdOf(body);
    if (status !== 202 || id === undefined) {
      throw new OpenWhiskResponseError({ url, status, body, problem: 'expected 202 with {"activationId": ...}' });
    }
    return id;
  }

  /**
   * The record of a completed activation (`GET .../activations/{id}`).
   * @throws OpenWhiskNotFoundError while it is still running or when the id is unknown.
   */
  async getActivation(activationId: string, namespace = this.namespace): Promise<ActivationRecord> {
    if (!/^[0-9a-f]{32}$/i.test(activationId)) {
      throw new RangeError(`OpenWhisk activation id must be 32 hexadecimal digits, got ${JSON.stringify(activationId)}`);
    }
    const { status, body, url } = await this.request('GET', `/api/v1/namespaces/${encodeURIComponent(namespace)}/activations/${activationId}`);
    return toRecord(body, url, status);
  }

  /**
   * Polls an activation until its record exists (404 means "not yet"), then returns it.
   * @throws OpenWhiskActionError when it completed unsuccessfully, OpenWhiskTimeoutError after `timeoutMs`.
   */
  async waitForActivation(activationId: string, options: WaitOptions = {}): Promise<ActivationRecord> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const interval = options.pollIntervalMs ?? this.pollIntervalMs;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const record = await this.getActivation(activationId);
        if (!record.response.success) {
          throw new OpenWhiskActionError({ url: `${this.apiHost}/api/v1/namespaces/${this.namespace}/activations/${activationId}`, status: 502, body: record, activationId });
        }
        return record;
      } catch (error) {
        if (!(error instanceof OpenWhiskNotFoundError)) throw error;
      }
      if (Date.now() + interval > deadline) {
        throw new OpenWhiskTimeoutError({
          url: `${this.apiHost}/api/v1/namespaces/${this.namespace}/activations/${activationId}`,
          timeoutMs,
          what: `activation ${activationId} had not completed after ${timeoutMs} ms of polling`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }

  private action(name: string): ActionName {
    return parseActionName(name, this.namespace);
  }

  private async invoke<T>(
    name: string,
    params: Record<string, unknown>,
    result: boolean,
    options: InvokeOptions,
    read: (body: unknown, url: string) => T,
  ): Promise<BlockingOutcome<T>> {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new TypeError('OpenWhisk action parameters must be a plain JSON object');
    }
    const wait = options.waitMs === undefined ? '' : `&timeout=${Math.round(positive(options.waitMs, 'waitMs'))}`;
    const path = `${actionPath(this.action(name))}?blocking=true&result=${result}${wait}`;
    const { status, body, url, activationId } = await this.request('POST', path, params, options.timeoutMs);
    if (status === 202) {
      const id = activationIdOf(body) ?? activationId;
      if (id === undefined) throw new OpenWhiskResponseError({ url, status, body, problem: 'a 202 answer without an activationId' });
      return { status: 'accepted', activationId: id };
    }
    return { status: 'completed', activationId, value: read(body, url) };
  }

  /** One HTTP exchange; maps every failure to a typed error and returns 200/202 answers. */
  private async request(
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
    timeoutMs = this.timeoutMs,
  ): Promise<{ status: number; body: unknown; url: string; activationId: string | undefined }> {
    const url = `${this.apiHost}${path}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: {
          authorization: this.authorization,
          accept: 'application/json',
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) throw new OpenWhiskTimeoutError({ url, timeoutMs, cause: error });
      throw new OpenWhiskUnreachableError({ url, cause: error });
    }
    const body = parseBody(text);
    const status = response.status;
    const activationId = response.headers.get(ACTIVATION_HEADER) ?? undefined;
    if (status === 200 || status === 202) return { status, body, url, activationId };
    const details = { url, status, body };
    switch (status) {
      case 401:
        throw new OpenWhiskAuthError(details);
      case 403:
        throw new OpenWhiskForbiddenError(details);
      case 404:
        throw new OpenWhiskNotFoundError(details);
      case 408:
        throw new OpenWhiskTimeoutError(details);
      case 502:
        throw new OpenWhiskActionError({ ...details, activationId });
      default:
        if (status >= 500) throw new OpenWhiskServerError(details);
        throw new OpenWhiskResponseError(details);
    }
  }
}

function positive(value: number, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`OpenWhisk client option ${name} must be a positive number of milliseconds, got ${value}`);
  }
  return value;
}

function parseBody(text: string): unknown {
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function activationIdOf(body: unknown): string | undefined {
  if (typeof body === 'object' && body !== null && typeof (body as { activationId?: unknown }).activationId === 'string') {
    return (body as { activationId: string }).activationId;
  }
  return undefined;
}

function toRecord(body: unknown, url: string, status: number): ActivationRecord {
  const problem = activationRecordProblem(body);
  if (problem !== undefined) throw new OpenWhiskResponseError({ url, status, body, problem });
  return body as ActivationRecord;
}

function isActionSummary(value: unknown): value is ActionSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.namespace === 'string' && typeof v.version === 'string' && typeof v.updated === 'number';
}
