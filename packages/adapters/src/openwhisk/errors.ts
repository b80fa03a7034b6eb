/**
 * Typed errors of the OpenWhisk client. Each one says what happened (HTTP status, URL) and what to
 * check. All extend {@link OpenWhiskError}, itself an `NssError`, so the CLI prints them without a stack.
 */
import { NssError } from '@nss/core';

/** What every OpenWhisk error carries besides its message. */
export interface OpenWhiskErrorDetails {
  /** The request URL (without credentials). */
  url: string;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The body of the answer (parsed JSON when it was JSON, else text), when there was one. */
  body?: unknown;
  /** The underlying error (network failure, abort). */
  cause?: unknown;
}

/** Base class of the OpenWhisk client's errors. */
export class OpenWhiskError extends NssError {
  /** The request URL (without credentials). */
  readonly url: string;
  /** HTTP status of the answer, or `undefined` when no answer came (timeout, unreachable). */
  readonly status: number | undefined;
  /** The answer's body, if any. */
  readonly body: unknown;

  constructor(code: string, message: string, details: OpenWhiskErrorDetails) {
    super(code, message, { cause: details.cause, exitCode: 1 });
    this.url = details.url;
    this.status = details.status;
    this.body = details.body;
  }
}

/** 401: the `uuid:key` credentials were refused. */
export class OpenWhiskAuthError extends OpenWhiskError {
  constructor(details: OpenWhiskErrorDetails) {
    super(
      'NSS_OPENWHISK_AUTH',
      `OpenWhisk refused the credentials (HTTP ${details.status ?? 401}) for ${details.url}: ${serverText(details.body)}; ` +
        'check the auth key (`uuid:key`, as printed by `wsk property get --auth`)',
      details,
    );
  }
}

/** 403: the credentials are valid but may not use that namespace or entity. */
export class OpenWhiskForbiddenError extends OpenWhiskError {
  constructor(details: OpenWhiskErrorDetails) {
    super(
      'NSS_OPENWHISK_FORBIDDEN',
      `OpenWhisk denied access (HTTP 403) to ${details.url}: ${serverText(details.body)}; ` +
        'check the namespace (use `_` for the default namespace of the key)',
      details,
    );
  }
}

/** 404: no such action, namespace or activation (an activation is 404 until it has completed). */
export class OpenWhiskNotFoundError extends OpenWhiskError {
  constructor(details: OpenWhiskErrorDetails) {
    super(
      'NSS_OPENWHISK_NOT_FOUND',
      `OpenWhisk has no such resource (HTTP 404): ${details.url}: ${serverText(details.body)}; ` +
        'check the action name and namespace (`wsk action list`)',
      details,
    );
  }
}

/**
 * A timeout: the server answered 408, or no answer came within the client's time limit, or an
 * activation was still running when polling gave up.
 */
export class OpenWhiskTimeoutError extends OpenWhiskError {
  /** The limit that was exceeded (ms), when the client's own. */
  readonly timeoutMs: number | undefined;

  constructor(details: OpenWhiskErrorDetails & { timeoutMs?: number; what?: string }) {
    const what =
      details.what ??
      (details.status === 408
        ? `OpenWhisk answered 408 (request timeout) for ${details.url}`
        : `no answer from OpenWhisk within ${details.timeoutMs} ms for ${details.url}`);
    super(
      'NSS_OPENWHISK_TIMEOUT',
      `${what}; check the action's time limit and the controller's load, or raise the client's timeoutMs`,
      details,
    );
    this.timeoutMs = details.timeoutMs;
  }
}

/**
 * 502: the action ran but failed (application error, developer error, container error, or it exceeded
 * its time limit). {@link OpenWhiskActionError.result} holds what the action returned (usually `{error}`).
 */
export class OpenWhiskActionError extends OpenWhiskError {
  /** The activation's result (e.g. `{ error: "..." }`). */
  readonly result: unknown;
  /** The activation id, from the `x-openwhisk-activation-id` header, when present. */
  readonly activationId: string | undefined;

  constructor(details: OpenWhiskErrorDetails & { activationId?: string }) {
    const result = activationResult(details.body);
    super(
      'NSS_OPENWHISK_ACTION_FAILED',
      `the OpenWhisk action failed (HTTP 502) at ${details.url}` +
        (details.activationId ? ` (activation ${details.activationId})` : '') +
        `: ${serverText(result)}; check the action's logs (\`wsk activation logs <id>\`)`,
      details,
    );
    this.result = result;
    this.activationId = details.activationId;
  }
}

/** Any other 5xx: the OpenWhisk system itself failed (500, 503 overloaded, ...). */
export class OpenWhiskServerError extends OpenWhiskError {
  constructor(details: OpenWhiskErrorDetails) {
    super(
      'NSS_OPENWHISK_SERVER',
      `OpenWhisk failed (HTTP ${details.status}) at ${details.url}: ${serverText(details.body)}; ` +
        'check the controller and invokers (their logs, `wsk list`), then retry',
      details,
    );
  }
}

/** Any other unexpected answer: a 4xx not listed above (400 bad request, 429 throttled, ...) or a body of the wrong shape. */
export class OpenWhiskResponseError extends OpenWhiskError {
  constructor(details: OpenWhiskErrorDetails & { problem?: string }) {
    super(
      'NSS_OPENWHISK_RESPONSE',
      `unexpected answer from OpenWhisk at ${details.url}` +
        (details.status === undefined ? '' : ` (HTTP ${details.status})`) +
        `: ${details.problem ?? serverText(details.body)}; check the request (action parameters must be a JSON object) and the API host`,
      details,
    );
  }
}

/** The API host could not be reached at all (connection refused, DNS failure, TLS failure). */
export class OpenWhiskUnreachableError extends OpenWhiskError {
  constructor(details: OpenWhiskErrorDetails) {
    const reason = networkReason(details.cause);
    super(
      'NSS_OPENWHISK_UNREACHABLE',
      `cannot reach OpenWhisk at ${details.url}${reason ? ` (${reason})` : ''}; ` +
        'check the API host and port (`wsk property get --apihost`) and that the controller is running',
      details,
    );
  }
}

/** The `error` text of an OpenWhisk error body (`{"error": "...", "code": "..."}`), or a short rendering of it. */
function serverText(body: unknown): string {
  if (body === undefined || body === '') return 'no message';
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    return typeof error === 'string' ? error : JSON.stringify(error);
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** The result inside a 502 body: the body itself with `result=true`, `response.result` for a full record. */
function activationResult(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && 'response' in body) {
    const response = (body as { response: unknown }).response;
    if (typeof response === 'object' && response !== null && 'result' in response) {
      return (response as { result: unknown }).result;
    }
  }
  return body;
}

/** The system error code (ECONNREFUSED, ENOTFOUND...) behind a fetch failure, if any. */
function networkReason(cause: unknown): string | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (typeof current === 'object' && 'code' in current && typeof (current as { code: unknown }).code === 'string') {
      return (current as { code: string }).code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return cause instanceof Error ? cause.message : undefined;
}
