/**
 * A serverless platform the edge dispatchers can send a lambda invocation to: an OpenWhisk API host
 * (through {@link OpenWhiskClient}) or a simulated edge computer. Named after the seed's `RunLambda`.
 */

/** One lambda invocation (the seed's `LambdaRequest`, data part). */
export interface LambdaRequest {
  /** Lambda name (`clambda0`, or `/ns/name` for an OpenWhisk action). */
  lambda: string;
  /** Text input. Default `''`. */
  input?: string;
  /** Binary input. */
  datain?: Uint8Array;
}

/** A successful answer (the seed's `LambdaResponse` with retcode `OK`). */
export interface PlatformAnswer {
  /** The lambda's output. */
  output: string;
  /** Who served it. */
  responder: string;
  /** Processing time reported by the platform (ms): the computer's ptime, or an activation's duration. */
  ptimeMs?: number;
  /** Load of the serving processor (percent), when the platform reports one. */
  load1?: number;
  /** Whether a new container was started (OpenWhisk `initTime`). */
  coldStart?: boolean;
}

/** A destination of the edge dispatchers. `invoke` rejects when the invocation failed (any reason). */
export interface EdgePlatform {
  /** Unique name: the forwarding-table destination (an API root, a computer's name). */
  readonly name: string;
  /** Runs the lambda; resolves with the answer or rejects with what went wrong. */
  invoke(request: LambdaRequest): Promise<PlatformAnswer>;
  /**
   * A dry run (the seed's `dry=true`): the processing time (s) the platform predicts for the request
   * now, without running it. Only platforms that can predict (simulated computers) implement it.
   */
  estimate?(request: LambdaRequest): Promise<number>;
  /** The lambdas it serves, when it can tell (OpenWhisk lists its actions). */
  lambdas?(): Promise<string[]>;
}

/** The seed's input size of a request: max(byte length of `input`, `datain.length`). */
export function requestSize(request: LambdaRequest): number {
  return Math.max(Buffer.byteLength(request.input ?? '', 'utf8'), request.datain?.length ?? 0);
}
