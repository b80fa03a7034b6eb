/**
 * A strategy's round details (e.g. a solver's status and gap) reach the PLACEMENT_PROCESSED event and the
 * `Details` column of placement.csv, one row per round; rounds without details leave the column empty.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventBus } from '../events/event-bus.js';
import { Events } from '../events/catalogue.js';
import type { PlacementEvent } from '../events/payloads.js';
import { definePlacement } from '../plugins/define-plugin.js';
import type { PlacementStrategy } from '../plugins/placement.js';
import { runSimulation } from './run-simulation.js';
import { chainEnvironment, fixedPlan, readCsv, rowsOf, settingsFor, tempDir } from '../testing/index.js';

const scratch = tempDir('nss-placement-details-');
afterAll(() => scratch.remove());

describe('placement round details', () => {
  it('are copied into PLACEMENT_PROCESSED and placement.csv, per round', async () => {
    let round = 0;
    const reporting = definePlacement({
      name: 'reporting',
      description: 'Test placement: all on n_1, reports the round number and a status with a separator in it.',
      create: (): PlacementStrategy => ({
        name: 'reporting',
        place: (requests, view) => {
          round++;
          const plan = fixedPlan(requests, view, () => ['n_1'], false);
          // Every other round reports nothing.
          return round % 2 === 1 ? { ...plan, details: { round, status: 'Time limit; gap open', optimal: false, gap: 0.125 } } : plan;
        },
      }),
    });
    const env = chainEnvironment({
      nodes: [{ type: 'RAN' }, {}, { type: 'CORE' }],
      vnfs: [{ cpu: 10, mem: 10 }],
      requests: [0, 1, 2, 3].map((i) => ({ ingress: 'n_0', egress: 'n_2', arrivalTime: i * 10 + 1 })),
    });
    const bus = new EventBus();
    const seen: PlacementEvent[] = [];
    bus.on(Events.PLACEMENT_PROCESSED, (e) => seen.push(e));
    const dir = join(scratch.dir, 'run');
    await runSimulation({
      environment: env,
      settings: settingsFor({ total_time: 50, time_window: 10 }),
      plugins: { placement: { plugin: reporting } },
      bus,
      outDir: dir,
    });
    expect(round).toBeGreaterThanOrEqual(2);
    const withDetails = seen.filter((e) => e.details !== undefined);
    expect(withDetails.map((e) => e.details!.round)).toEqual(Array.from({ length: withDetails.length }, (_, i) => 2 * i + 1));
    expect(seen.length - withDetails.length).toBe(Math.floor(round / 2));

    const csv = readCsv(join(dir, 'Round_0/placement.csv'));
    expect(csv.header).toEqual(['Event', 'Time', 'Details']);
    const details = rowsOf(csv, 'PLACEMENT_PROCESSED').map((r) => r[csv.col('Details')]);
    expect(details[0]).toBe('round=1 status=Time limit; gap open optimal=false gap=0.125');
    expect(details.filter((d) => d === '')).toHaveLength(Math.floor(round / 2));
    for (const r of rowsOf(csv, 'PLACEMENT_STARTED')) expect(r[csv.col('Details')]).toBe('');
  });
});
