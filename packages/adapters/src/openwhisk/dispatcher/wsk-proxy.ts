/**
 * The seed's `wskproxy` (§3.4): an HTTP server accepting OpenWhisk's blocking-invocation URL shape,
 * `POST /api/v1/namespaces/{ns}/actions/{name}?blocking=true&result=true`, so unmodified OpenWhisk
 * clients (`wsk`, {@link OpenWhiskClient}) can call an edge platform or dispatcher, e.g. a simulated
 * computer in real time. The lambda is `name` when `ns` is `_`, else `/ns/name`; the raw body is the
 * lambda's input. Answers: 200 `{"payload": output}`; 400 for another path or method, or a missing
 * `blocking`/`result`; 501 when they are not both `true`; 404 `{"error": ...}` when the invocation
 * failed. Like the seed's, it checks no credentials: it listens on 127.0.0.1 unless told otherwise.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaRequest, PlatformAnswer } from './platform.js';

/** What the proxy forwards to: an `EdgePlatform`'s or a dispatcher's `invoke`. */
export type LambdaHandler = (request: LambdaRequest) => Promise<PlatformAnswer | { answer: PlatformAnswer }>;

/** Options of {@link WskProxy}. */
export interface WskProxyOptions {
  /** Address to listen on. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Port. Default 0 (a free port). */
  port?: number;
}

/**
 * The proxy.
 *
 * @example
 * ```ts
 * const rpi = new SimulatedPlatform(new EdgeComputer(raspberryConfig()));
 * const proxy = new WskProxy((r) => rpi.invoke(r));
 * await proxy.start();
 * const wsk = new OpenWhiskClient({ apiHost: proxy.url, auth: 'any:thing' });
 * await wsk.invokeBlocking('clambda0', { input: 'x' }); // { payload: '{"input":"x"}' }
 * ```
 */
export class WskProxy {
  private server: Server | undefined;
  private address: AddressInfo | undefined;

  constructor(
    private readonly handler: LambdaHandler,
    private readonly options: WskProxyOptions = {},
  ) {}

  /** `http://host:port` once started. */
  get url(): string {
    if (this.address === undefined) throw new Error('WskProxy: call start() first');
    const host = this.address.family === 'IPv6' ? `[${this.address.address}]` : this.address.address;
    return `http://${host}:${this.address.port}`;
  }

  /** Starts listening. */
  async start(): Promise<void> {
    if (this.server !== undefined) return;
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => reply(res, 500, { error: String(error) }));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.address = server.address() as AddressInfo;
  }

  /** Stops listening and closes open connections. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.address = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const match = /^\/api\/v1\/namespaces\/([^/]+)\/actions\/([^/]+)$/.exec(url.pathname);
    if (req.method !== 'POST' || match === null) {
      reply(res, 400, { error: 'expected POST /api/v1/namespaces/{namespace}/actions/{name}?blocking=true&result=true' });
      return;
    }
    const blocking = url.searchParams.get('blocking');
    const result = url.searchParams.get('result');
    if (blocking === null || result === null) {
      reply(res, 400, { error: 'the query parameters blocking and result are required' });
      return;
    }
    if (blocking !== 'true' || result !== 'true') {
      reply(res, 501, { error: 'only blocking=true&result=true invocations are implemented' });
      return;
    }
    const ns = decodeURIComponent(match[1]);
    const name = decodeURIComponent(match[2]);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const lambda = ns === '_' ? name : `/${ns}/${name}`;
    try {
      const outcome = await this.handler({ lambda, input: Buffer.concat(chunks).toString('utf8') });
      const answer = 'answer' in outcome ? outcome.answer : outcome;
      reply(res, 200, { payload: answer.output });
    } catch (error) {
      reply(res, 404, { error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
