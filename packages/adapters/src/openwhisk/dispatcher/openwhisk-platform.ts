/**
 * An OpenWhisk API host as an edge platform (the seed's `edgecomputerwsk`): lambdas are the actions
 * of a namespace (`/ns/name`, bare `name` in the default namespace `_`), invoked with a blocking
 * call; the input becomes the action's parameters; success needs a string `payload` in the result.
 */
import type { OpenWhiskClient } from '../client.js';
import { isColdStart } from '../activation.js';
import { OpenWhiskResponseError } from '../errors.js';
import type { EdgePlatform, LambdaRequest, PlatformAnswer } from './platform.js';

/**
 * Invokes actions on one OpenWhisk API host.
 *
 * @example
 * ```ts
 * const platform = new OpenWhiskPlatform(new OpenWhiskClient({ apiHost, auth }));
 * const answer = await platform.invoke({ lambda: 'copy', input: '{"input":"hi"}' }); // answer.output === 'hi'
 * ```
 */
export class OpenWhiskPlatform implements EdgePlatform {
  /** The API host (the destination's name in forwarding tables). */
  readonly name: string;

  /** @param name - destination name; default the client's API host. */
  constructor(
    private readonly client: OpenWhiskClient,
    name?: string,
  ) {
    this.name = name ?? client.apiHost;
  }

  /**
   * Blocking invocation for the activation record (its `duration` is the answer's `ptimeMs`, its
   * `initTime` annotation marks a cold start); on 202 it polls the activation. The input is parsed as
   * a JSON object of parameters; any other input is passed as `{ "input": <text> }`.
   */
  async invoke(request: LambdaRequest): Promise<PlatformAnswer> {
    const params = toParams(request.input ?? '');
    const outcome = await this.client.invokeForRecord(request.lambda, params);
    const record = outcome.status === 'completed' ? outcome.value : await this.client.waitForActivation(outcome.activationId);
    const payload = record.response.result.payload;
    if (typeof payload !== 'string') {
      throw new OpenWhiskResponseError({ url: this.name, status: 200, body: record.response.result, problem: 'unexpected body: payload field missing (the action must return a string "payload")' });
    }
    return { output: payload, responder: this.name, ptimeMs: record.duration, coldStart: isColdStart(record) };
  }

  /** The actions of the client's namespace as lambda names: `/ns/name`, or `/ns/pkg/name` for packaged ones. */
  async lambdas(): Promise<string[]> {
    const actions = await this.client.listActions();
    return actions.map((a) => `/${a.namespace}/${a.name}`);
  }
}

function toParams(input: string): Record<string, unknown> {
  if (input.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(input);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // not JSON: passed as text below
    }
  }
  return { input };
}
