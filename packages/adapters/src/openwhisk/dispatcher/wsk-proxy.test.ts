import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../client.js';
import { raspberryConfig } from '../edge-computer/computer-config.js';
import { EdgeComputer } from '../edge-computer/edge-computer.js';
import { OpenWhiskNotFoundError } from '../errors.js';
import { EdgeDispatcher } from './edge-dispatcher.js';
import { SimulatedPlatform } from './simulated-platform.js';
import { WskProxy } from './wsk-proxy.js';

const rpi = new SimulatedPlatform(new EdgeComputer(raspberryConfig(), { name: 'rpi' }));
const dispatcher = new EdgeDispatcher({ updater: { type: 'none' } });
dispatcher.addPlatform(rpi, ['clambda0']);
const proxy = new WskProxy((request) => dispatcher.invoke(request));

beforeAll(() => proxy.start());
afterAll(async () => {
  await proxy.stop();
  rpi.close();
});

async function post(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${proxy.url}${path}`, { method: 'POST', body: 'raw' });
  return { status: res.status, body: await res.json() };
}

describe('WskProxy (the seed wskproxy) in front of a simulated computer', () => {
  it('listens on loopback only by default', () => {
    expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('lets an unmodified OpenWhisk client invoke a lambda: the body is the input, the answer {payload}', async () => {
    const client = new OpenWhiskClient({ apiHost: proxy.url, auth: 'any:thing' });
    const outcome = await client.invokeBlocking('clambda0', { input: 'hello' });
    expect(outcome).toMatchObject({ status: 'completed', value: { payload: '{"input":"hello"}' } });
    // Lambda names: `name` in the default namespace `_`, `/ns/name` otherwise.
    const echo = new WskProxy(async (request) => ({ output: request.lambda, responder: 'echo' }));
    await echo.start();
    try {
      const viaEcho = new OpenWhiskClient({ apiHost: echo.url, auth: 'any:thing' });
      expect(await viaEcho.invokeResult('clambda0')).toEqual({ payload: 'clambda0' });
      expect(await viaEcho.invokeResult('/edge/clambda0')).toEqual({ payload: '/edge/clambda0' });
    } finally {
      await echo.stop();
    }
  });

  it('answers 400 for a bad path or missing parameters, 501 unless blocking and result are both true, 404 on failure', async () => {
    expect((await post('/api/v1/namespaces/_/triggers/t?blocking=true&result=true')).status).toBe(400);
    expect((await post('/api/v1/namespaces/_/actions/clambda0?blocking=true')).status).toBe(400);
    expect((await post('/api/v1/namespaces/_/actions/clambda0?blocking=true&result=false')).status).toBe(501);
    const missing = await post('/api/v1/namespaces/_/actions/nothing?blocking=true&result=true');
    expect(missing.status).toBe(404);
    expect(String((missing.body as { error: string }).error)).toMatch(/no destination for lambda "nothing"/);
    const client = new OpenWhiskClient({ apiHost: proxy.url, auth: 'any:thing' });
    await expect(client.invokeBlocking('nothing')).rejects.toBeInstanceOf(OpenWhiskNotFoundError);
  });
});
