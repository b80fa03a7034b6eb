import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isColdStart, initTime, annotationValue } from './activation.js';
import { OpenWhiskClient } from './client.js';
import { OpenWhiskEmulator } from './emulator.js';
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

const emulator = new OpenWhiskEmulator({
  actions: [
    { name: 'copy', main: (p) => ({ payload: p.input }), initMs: 30 },
    { name: 'utils/echo', main: (p) => ({ ...p }), initMs: 0 },
    { name: 'slow', main: () => ({ payload: 'late' }), durationMs: 300, initMs: 0 },
    { name: 'fails', main: () => ({ error: 'bad input' }), initMs: 0 },
    { name: 'crashes', main: () => { throw new Error('boom'); }, initMs: 0 },
    { name: 'overlong', main: () => ({ payload: 'never' }), durationMs: 200, timeoutMs: 50, initMs: 0 },
  ],
});
let client: OpenWhiskClient;

beforeAll(async () => {
  await emulator.start();
  client = new OpenWhiskClient({ apiHost: emulator.apiHost, auth: emulator.auth, pollIntervalMs: 20, timeoutMs: 5000 });
});
afterAll(() => emulator.stop());

describe('OpenWhiskClient against the emulator', () => {
  it('lists the actions of the default namespace, with limit and skip', async () => {
    const all = await client.listActions();
    expect(all.map((a) => a.name).sort()).toEqual(['copy', 'crashes', 'echo', 'fails', 'overlong', 'slow']);
    expect(all.find((a) => a.name === 'echo')?.namespace).toBe('guest/utils');
    const page = await client.listActions({ limit: 2, skip: 1 });
    expect(page.map((a) => a.name)).toEqual(all.slice(1, 3).map((a) => a.name));
  });

  it('invokes blocking with result=true and gets the action result', async () => {
    const outcome = await client.invokeBlocking('copy', { input: 'hello' });
    expect(outcome.status).toBe('completed');
    if (outcome.status === 'completed') {
      expect(outcome.value).toEqual({ payload: 'hello' });
      expect(outcome.activationId).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('resolves packaged and fully qualified names to the same action', async () => {
    expect(await client.invokeResult('utils/echo', { a: 1 })).toEqual({ a: 1 });
    expect(await client.invokeResult('/guest/utils/echo', { b: 2 })).toEqual({ b: 2 });
    expect(await client.invokeResult('/_/utils/echo', { c: 3 })).toEqual({ c: 3 });
  });

  it('marks the first activation of a container cold (initTime) and the next one warm', async () => {
    const wsk = new OpenWhiskEmulator({ actions: [{ name: 'a', main: () => ({ payload: 'x' }), initMs: 40, durationMs: 5 }] });
    await wsk.start();
    try {
      const c = new OpenWhiskClient({ apiHost: wsk.apiHost, auth: wsk.auth });
      const first = await c.invokeForRecord('a');
      const second = await c.invokeForRecord('a');
      if (first.status !== 'completed' || second.status !== 'completed') throw new Error('expected completed');
      expect(isColdStart(first.value)).toBe(true);
      expect(initTime(first.value)).toBe(40);
      expect(first.value.duration).toBeGreaterThanOrEqual(45); // init + run
      expect(first.value.duration).toBe(first.value.end - first.value.start);
      expect(isColdStart(second.value)).toBe(false);
      expect(annotationValue(second.value, 'path')).toBe('guest/a');
      expect(second.value.response).toMatchObject({ status: 'success', statusCode: 0, success: true, result: { payload: 'x' } });
    } finally {
      await wsk.stop();
    }
  });

  it('gets 202 when a blocking call outlasts the wait, then polls the activation to its result', async () => {
    const outcome = await client.invokeBlocking('slow', {}, { waitMs: 20 });
    expect(outcome.status).toBe('accepted');
    if (outcome.status !== 'accepted') return;
    await expect(client.getActivation(outcome.activationId)).rejects.toBeInstanceOf(OpenWhiskNotFoundError);
    const record = await client.waitForActivation(outcome.activationId);
    expect(record.activationId).toBe(outcome.activationId);
    expect(record.response.result).toEqual({ payload: 'late' });
    expect(await client.invokeResult('slow', {}, { waitMs: 20 })).toEqual({ payload: 'late' });
  });

  it('invokes non-blocking and polls', async () => {
    const id = await client.invokeAsync('copy', { input: 'async' });
    const record = await client.waitForActivation(id);
    expect(record.response.result).toEqual({ payload: 'async' });
  });

  it('gives up polling with a timeout error', async () => {
    const id = await client.invokeAsync('slow');
    await expect(client.waitForActivation(id, { timeoutMs: 30, pollIntervalMs: 10 })).rejects.toBeInstanceOf(OpenWhiskTimeoutError);
  });

  it('maps an application error, a crash and an exceeded time limit to 502 OpenWhiskActionError', async () => {
    const failed = await client.invokeBlocking('fails').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(OpenWhiskActionError);
    expect((failed as OpenWhiskActionError).status).toBe(502);
    expect((failed as OpenWhiskActionError).result).toEqual({ error: 'bad input' });
    expect((failed as OpenWhiskActionError).activationId).toMatch(/^[0-9a-f]{32}$/);
    const crashed = await client.invokeForRecord('crashes').catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(OpenWhiskActionError);
    expect(String((crashed as OpenWhiskActionError).result && JSON.stringify((crashed as OpenWhiskActionError).result))).toContain('boom');
    const overlong = await client.invokeBlocking('overlong').catch((e: unknown) => e);
    expect(overlong).toBeInstanceOf(OpenWhiskActionError);
    expect((overlong as Error).message).toContain('exceeded its time limits of 50 milliseconds');
  });

  it('maps 401, 403, 404 and 400 to typed errors that say what to check', async () => {
    const bad = new OpenWhiskClient({ apiHost: emulator.apiHost, auth: 'someone:wrong' });
    const auth = await bad.listActions().catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(OpenWhiskAuthError);
    expect((auth as Error).message).toMatch(/uuid:key/);
    await expect(client.listActions({ namespace: 'other' })).rejects.toBeInstanceOf(OpenWhiskForbiddenError);
    const missing = await client.invokeBlocking('nope').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(OpenWhiskNotFoundError);
    expect((missing as OpenWhiskNotFoundError).url).toContain('/api/v1/namespaces/_/actions/nope');
    await expect(client.listActions({ limit: 999 })).rejects.toBeInstanceOf(OpenWhiskResponseError);
  });

  it('maps 408, 502 from the gateway and other 5xx', async () => {
    emulator.injectFault({ status: 408 });
    await expect(client.listActions()).rejects.toBeInstanceOf(OpenWhiskTimeoutError);
    emulator.injectFault({ status: 503 });
    const overloaded = await client.listActions().catch((e: unknown) => e);
    expect(overloaded).toBeInstanceOf(OpenWhiskServerError);
    expect((overloaded as OpenWhiskServerError).status).toBe(503);
    emulator.injectFault({ status: 502 });
    await expect(client.invokeBlocking('copy')).rejects.toBeInstanceOf(OpenWhiskActionError);
    expect(await client.invokeResult('copy', { input: 'after' })).toEqual({ payload: 'after' });
  });

  it('times out a request that gets no answer within timeoutMs', async () => {
    emulator.injectFault({ delayMs: 300 });
    const quick = new OpenWhiskClient({ apiHost: emulator.apiHost, auth: emulator.auth, timeoutMs: 50 });
    const error = await quick.listActions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenWhiskTimeoutError);
    expect((error as OpenWhiskTimeoutError).timeoutMs).toBe(50);
  });

  it('reports an unreachable host and a hung-up connection as OpenWhiskUnreachableError', async () => {
    const port = await freePort();
    const nobody = new OpenWhiskClient({ apiHost: `http://127.0.0.1:${port}`, auth: 'a:b' });
    const error = await nobody.listActions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenWhiskUnreachableError);
    expect((error as Error).message).toContain('ECONNREFUSED');
    emulator.injectFault({ hangUp: true });
    await expect(client.listActions()).rejects.toBeInstanceOf(OpenWhiskUnreachableError);
  });

  it('rejects bad options and names before sending anything', () => {
    expect(() => new OpenWhiskClient({ apiHost: 'localhost', auth: 'a:b' })).toThrow(/URL/);
    expect(() => new OpenWhiskClient({ apiHost: 'http://x', auth: 'nocolon' })).toThrow(/uuid:key/);
    expect(() => new OpenWhiskClient({ apiHost: 'http://x', auth: 'a:b', timeoutMs: 0 })).toThrow(/timeoutMs/);
    return expect(client.invokeBlocking('/only-ns')).rejects.toThrow(/namespace/);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
