/**
 * Every standard placement runs the shared scenarios S, M and L from the CLI under the reference's class
 * name (issue 4), and every run keeps the books: each request placed or rejected, each packet created
 * delivered, dropped, orphaned or still in flight — per round and per SFC.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, STACK_LINE, assertBuilt, nss, tmp } from './helpers.js';

beforeAll(assertBuilt);

interface Stat {
  readonly mean: number;
}
interface Packets {
  readonly created: Stat;
  readonly delivered: Stat;
  readonly dropped: Stat;
  readonly orphaned: Stat;
  readonly inFlight: Stat;
}
interface Summary {
  readonly rounds: number;
  readonly packets: Packets;
  readonly requests: { readonly total: Stat; readonly placed: Stat; readonly rejected: Stat };
  readonly perSfc: Record<string, { readonly packets: Packets }>;
}

const PLACEMENTS = ['GreedyPlacement', 'SmartPlacement', 'DijkstraPlacement', 'LPPlacement', 'RandomPlacement', 'NaivePlacement'];

function conserved(p: Packets): void {
  expect(p.delivered.mean + p.dropped.mean + p.orphaned.mean + p.inFlight.mean).toBeCloseTo(p.created.mean, 6);
}

describe.each(['S', 'M', 'L'])('scenario %s', (scenario) => {
  it.each(PLACEMENTS)('runs with %s by its class name', async (placement) => {
    const out = tmp(`nss-${scenario}-${placement}-`);
    const r = await nss([
      'run',
      '--specs', join(REFERENCE, `${scenario}-specs.json`),
      '--params', join(REFERENCE, `${scenario}-params.json`),
      '--placement', placement,
      '--quiet',
      '--out', out,
    ]);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.requests.total.mean).toBeGreaterThan(0);
    expect(summary.requests.placed.mean + summary.requests.rejected.mean).toBeCloseTo(summary.requests.total.mean, 6);
    conserved(summary.packets);
    for (const sfc of Object.values(summary.perSfc)) conserved(sfc.packets);
  });
});
