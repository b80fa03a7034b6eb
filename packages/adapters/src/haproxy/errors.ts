import { NssError } from '@nss/core';

/**
 * What went wrong talking to HAProxy. Stable codes for logs and tests:
 * - `not-installed`: the haproxy binary was not found;
 * - `config-invalid`: `haproxy -c` rejected a configuration;
 * - `unreachable`: nothing answers on the stats socket (no such file, connection refused, timeout);
 * - `permission-denied`: the socket exists but this process may not open it, or its level is too low;
 * - `no-such-server`, `no-such-backend`: HAProxy does not know the name;
 * - `command-failed`: HAProxy answered with another error message;
 * - `process-failed`: an haproxy process exited early or could not be started or stopped;
 * - `drain-timeout`: a drained server still had sessions when the wait ended.
 */
export type HaproxyErrorKind =
  | 'not-installed'
  | 'config-invalid'
  | 'unreachable'
  | 'permission-denied'
  | 'no-such-server'
  | 'no-such-backend'
  | 'command-failed'
  | 'process-failed'
  | 'drain-timeout';

/**
 * An HAProxy adapter error: `kind` says what happened; the message says what, where (socket, backend,
 * server, config file) and what to check. `code` is `NSS_HAPROXY_<KIND>` (e.g. `NSS_HAPROXY_NO_SUCH_SERVER`).
 */
export class HaproxyError extends NssError {
  /** What happened (see {@link HaproxyErrorKind}). */
  readonly kind: HaproxyErrorKind;
  /** The runtime API command that failed, when the error comes from one. */
  readonly command: string | undefined;
  /** HAProxy's own words (its answer, or the output of `haproxy -c`), when it said something. */
  readonly haproxyMessage: string | undefined;

  constructor(
    kind: HaproxyErrorKind,
    message: string,
    details: { command?: string; haproxyMessage?: string; cause?: unknown } = {},
  ) {
    super(`NSS_HAPROXY_${kind.toUpperCase().replace(/-/g, '_')}`, message, { cause: details.cause, exitCode: 1 });
    this.kind = kind;
    this.command = details.command;
    this.haproxyMessage = details.haproxyMessage;
  }
}

/** The hint printed when the haproxy binary is missing. */
export const HAPROXY_INSTALL_HINT = 'install it with `apt-get install haproxy` (Debian/Ubuntu) or give its path in the `haproxy` option';
