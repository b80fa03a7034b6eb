/**
 * Packet conservation on a generated scenario with random traffic that exercises every ending: drops at
 * small VNF and link queues, orphans (SFC instances time out between bursts while their generators go
 * on), SLA violations, and packets still in flight at the end. Every created packet is delivered,
 * dropped, orphaned or in flight — in the summary, in packets.csv and in packets_entities.csv alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidScenario, resolveSettings } from '../config/index.js';
import { generateEnvironment } from '../environment/generate.js';
import type { RoundSummary } from '../results/round-summary.js';
import { type RunResult, runSimulation } from './run-simulation.js';
import { type Csv, firstFit, parametersFile, readCsv, rowsOf, stressedSpecs, tempDir } from '../testing/index.js';

describe('packet conservation on a stressed generated scenario', () => {
  const out = tempDir('nss-conservation-');
  let result: RunResult;
  let round: RoundSummary;
  let packets: Csv;
  let entities: Csv;

  beforeAll(async () => {
    const valid = assertValidScenario(
      stressedSpecs(),
      parametersFile({
        total_time: 2500,
        time_window: 100,
        random_seed: 2024,
        sfc_instance_monitor_interval: 50,
        log_vnf_instance_events: 1,
        log_link_events: 1,
      }),
    );
    const settings = resolveSettings(valid.specs, valid.params);
    const env = generateEnvironment(valid.specs, settings.seed, settings);
    result = await runSimulation({ environment: env, settings, plugins: { placement: { plugin: firstFit() } }, outDir: out.dir });
    round = result.rounds[0];
    packets = readCsv(`${out.dir}/Round_0/packets.csv`);
    entities = readCsv(`${out.dir}/Round_0/packets_entities.csv`);
  });
  afterAll(() => out.remove());

  it('produces every ending, so that the checks below mean something', () => {
    const p = round.packets;
    expect(p.created).toBeGreaterThan(2000);
    expect(p.delivered).toBeGreaterThan(0);
    expect(p.dropped).toBeGreaterThan(0);
    expect(p.orphaned).toBeGreaterThan(0);
    expect(p.inFlight).toBeGreaterThan(0);
    expect(round.sla.violated).toBeGreaterThan(round.packets.dropped + round.packets.orphaned);
    expect(round.sla.deliveredLate).toBeGreaterThan(0);
    // Both kinds of drop happen.
    expect(rowsOf(packets, 'PACKET_DROPPED_VNF_INSTANCE_QUEUE').length).toBeGreaterThan(0);
    expect(rowsOf(packets, 'PACKET_DROPPED_LINK_QUEUE').length).toBeGreaterThan(0);
  });

  it('created = delivered + dropped + orphaned + inFlight, overall and per SFC type and slice', () => {
    const check = (p: RoundSummary['packets']): void => {
      expect(p.inFlight).toBeGreaterThanOrEqual(0);
      expect(p.delivered + p.dropped + p.orphaned + p.inFlight).toBe(p.created);
    };
    check(round.packets);
    const sum = { created: 0, delivered: 0, dropped: 0, orphaned: 0, inFlight: 0, violated: 0 };
    for (const g of Object.values(round.perSfc)) {
      check(g.packets);
      for (const k of ['created', 'delivered', 'dropped', 'orphaned', 'inFlight'] as const) sum[k] += g.packets[k];
      sum.violated += g.sla.violated;
    }
    expect(sum).toEqual({ ...round.packets, violated: round.sla.violated });
    for (const g of Object.values(round.perSlice)) check(g.packets);
  });

  it('matches the counts of packets.csv rows', () => {
    const count = (e: string): number => rowsOf(packets, e).length;
    expect(count('PACKET_CREATED')).toBe(round.packets.created);
    expect(count('PACKET_PROCESSED')).toBe(round.packets.delivered);
    expect(count('PACKET_DROPPED_VNF_INSTANCE_QUEUE') + count('PACKET_DROPPED_LINK_QUEUE')).toBe(round.packets.dropped);
    expect(count('PACKET_ORPHAN')).toBe(round.packets.orphaned);
    expect(count('PACKET_SIMULATION_TIME_EXPIRED')).toBe(round.packets.inFlight);
    expect(count('EVENT_PACKET_SLA_VIOLATED')).toBe(round.sla.violated);
  });

  it('logs each packet once per ending and violates each SLA at most once', () => {
    const id = (r: readonly string[]): string => `${r[packets.col('SFC_Request')]}#${r[packets.col('Packet_ID')]}`;
    const created = new Set(rowsOf(packets, 'PACKET_CREATED').map(id));
    expect(created.size).toBe(round.packets.created); // (request, id) is unique
    const endings = new Map<string, number>();
    for (const e of ['PACKET_PROCESSED', 'PACKET_DROPPED_VNF_INSTANCE_QUEUE', 'PACKET_DROPPED_LINK_QUEUE', 'PACKET_ORPHAN', 'PACKET_SIMULATION_TIME_EXPIRED']) {
      for (const r of rowsOf(packets, e)) endings.set(id(r), (endings.get(id(r)) ?? 0) + 1);
    }
    expect(endings.size).toBe(created.size);
    for (const [k, n] of endings) {
      expect(created.has(k)).toBe(true);
      expect(n, k).toBe(1);
    }
    const violated = rowsOf(packets, 'EVENT_PACKET_SLA_VIOLATED').map(id);
    expect(new Set(violated).size).toBe(violated.length);
    for (const k of violated) expect(created.has(k)).toBe(true);
  });

  it('violates at created + max_latency, or at the drop/orphaning when that comes first', () => {
    const id = (r: readonly string[]): string => `${r[packets.col('SFC_Request')]}#${r[packets.col('Packet_ID')]}`;
    const time = (r: readonly string[]): number => Number(r[packets.col('Time')]);
    const created = new Map(rowsOf(packets, 'PACKET_CREATED').map((r) => [id(r), time(r)]));
    const ended = new Map<string, number>();
    for (const e of ['PACKET_PROCESSED', 'PACKET_DROPPED_VNF_INSTANCE_QUEUE', 'PACKET_DROPPED_LINK_QUEUE', 'PACKET_ORPHAN', 'PACKET_SIMULATION_TIME_EXPIRED']) {
      for (const r of rowsOf(packets, e)) ended.set(id(r), time(r));
    }
    const maxDelay = new Map(entities.rows.map((r) => [`${r[entities.col('SFC_Request')]}#${r[entities.col('Packet_ID')]}`, Number(r[entities.col('Max_Delay')])]));
    let atDeadline = 0;
    for (const r of rowsOf(packets, 'EVENT_PACKET_SLA_VIOLATED')) {
      const k = id(r);
      const deadline = created.get(k)! + maxDelay.get(k)!;
      const expected = Math.min(deadline, ended.get(k)!);
      if (deadline <= ended.get(k)!) atDeadline++;
      expect(Math.abs(time(r) - expected), k).toBeLessThanOrEqual(0.0101); // times have 2 decimals
    }
    expect(atDeadline).toBeGreaterThan(0);
    // And every packet whose delay exceeds its bound is violated.
    for (const r of entities.rows) {
      if (Number(r[entities.col('Delay')]) > Number(r[entities.col('Max_Delay')]) + 0.01) expect(r[entities.col('SLA_Violated')]).toBe('True');
    }
  });

  it('logs the drops in the VNF and link files too', () => {
    const vnfPackets = readCsv(`${out.dir}/Round_0/vnf_instance_packets.csv`);
    const links = readCsv(`${out.dir}/Round_0/links.csv`);
    expect(rowsOf(vnfPackets, 'VNF_INSTANCE_PACKET_DROPPED').length).toBe(rowsOf(packets, 'PACKET_DROPPED_VNF_INSTANCE_QUEUE').length);
    expect(rowsOf(links, 'LINK_QUEUE_PACKET_DROPPED').length).toBe(rowsOf(packets, 'PACKET_DROPPED_LINK_QUEUE').length);
  });

  it('writes one packets_entities.csv row per created packet, with exactly one ending flag matching the summary', () => {
    expect(entities.rows.length).toBe(round.packets.created);
    const key = (r: readonly string[]): string => `${r[entities.col('SFC_Request')]}#${r[entities.col('Packet_ID')]}`;
    const keys = new Set(entities.rows.map(key));
    expect(keys.size).toBe(entities.rows.length);
    const created = new Set(rowsOf(packets, 'PACKET_CREATED').map((r) => `${r[packets.col('SFC_Request')]}#${r[packets.col('Packet_ID')]}`));
    expect([...keys].every((k) => created.has(k))).toBe(true);

    const flags = ['Processed', 'Dropped', 'Orphan', 'Active'] as const;
    const totals = { Processed: 0, Dropped: 0, Orphan: 0, Active: 0 };
    let violated = 0;
    for (const r of entities.rows) {
      const set = flags.filter((f) => r[entities.col(f)] === 'True');
      expect(set, key(r)).toHaveLength(1);
      totals[set[0]]++;
      const isViolated = r[entities.col('SLA_Violated')] === 'True';
      if (isViolated) violated++;
      // Drops and orphans always violate their SLA (model-spec §5.9).
      if (set[0] === 'Dropped' || set[0] === 'Orphan') expect(isViolated, key(r)).toBe(true);
      // A packet not violated has a delay within its bound.
      if (!isViolated) expect(Number(r[entities.col('Delay')])).toBeLessThanOrEqual(Number(r[entities.col('Max_Delay')]) + 0.005);
    }
    expect(totals).toEqual({
      Processed: round.packets.delivered,
      Dropped: round.packets.dropped,
      Orphan: round.packets.orphaned,
      Active: round.packets.inFlight,
    });
    expect(violated).toBe(round.sla.violated);
  });

  it('agrees with the run summary and summary.json', async () => {
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync(`${out.dir}/Round_0/summary.json`, 'utf8')) as RoundSummary;
    expect(json.packets).toEqual(round.packets);
    expect(result.summary.packets.created.mean).toBe(round.packets.created);
    expect(result.interrupted).toBe(false);
  });
});
