#!/usr/bin/env node
// Kernel benchmark: pushes 10 million events through the built @nss/core Scheduler with a mix like a
// packet simulation's: per packet in flight, a chain of hops with short exponential delays (mean 1 ms)
// and now and then a long one (uniform 100-10000 ms), plus an SLA deadline scheduled when the packet
// starts and cancelled when it is delivered (most are; a few fire). About 40k events are pending in
// steady state. Prints a table and writes bench/results/kernel.json.
//
// Usage: node bench/kernel.mjs [--events=N] [--packets=N] [--live-rng=1]   (run `pnpm build` first)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventBus, EventIds, Events, Rng, Scheduler } from '@nss/core';

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, Number(v)];
  }),
);
const TARGET_EVENTS = args.events || 10_000_000;
const PACKETS = args.packets || 20_000; // packets in flight at once (each has a hop and a deadline pending)
const HOPS_PER_PACKET = 5;
const LONG_HOP_PROBABILITY = 0.03;
const TARGET_RATE = 5_000_000;

const rng = new Rng(2024);
const scheduler = new Scheduler();

// Delays are drawn from seeded streams before the clock starts (pools cycled during the run), so the
// timing measures the kernel; `--live-rng=1` draws them during the run instead.
const LIVE_RNG = args['live-rng'] === 1;
const POOL = 1 << 20;
const hopPool = new Float64Array(POOL);
const deadlinePool = new Float64Array(POOL);
const delays = rng.stream('delays');
const deadlines = rng.stream('deadlines');
for (let i = 0; i < POOL; i++) {
  hopPool[i] = delays.next() < LONG_HOP_PROBABILITY ? delays.uniform(100, 10_000) : delays.exponential(1);
  deadlinePool[i] = deadlines.uniform(100, 10_000);
}
let hopIndex = 0;
let deadlineIndex = 0;

let executed = 0;
let scheduled = 0;
let cancelled = 0;
let deadlinesFired = 0;
let peakRss = process.memoryUsage.rss();
let pendingSum = 0;
let pendingSamples = 0;

/** One packet in flight; reused for the next packet once delivered, as a pool would. */
class Packet {
  constructor(id) {
    this.id = id;
    this.hop = 0;
    this.deadline = -1;
  }
}

function deadlineDelay() {
  if (LIVE_RNG) return deadlines.uniform(100, 10_000);
  return deadlinePool[deadlineIndex++ & (POOL - 1)];
}

function nextHopDelay() {
  if (LIVE_RNG) return delays.next() < LONG_HOP_PROBABILITY ? delays.uniform(100, 10_000) : delays.exponential(1);
  return hopPool[hopIndex++ & (POOL - 1)];
}

function startPacket(packet, s) {
  packet.hop = 0;
  packet.deadline = s.after(deadlineDelay(), onDeadline, packet);
  scheduled++;
}

function onHop(packet, s) {
  if (++executed >= TARGET_EVENTS) s.stop();
  if ((executed & 0xfffff) === 0) sample(s);
  if (++packet.hop === HOPS_PER_PACKET) {
    // Delivered: cancel the SLA deadline if it has not fired, and reuse the object for a new packet.
    if (packet.deadline !== -1 && s.cancel(packet.deadline)) cancelled++;
    startPacket(packet, s);
  }
  s.after(nextHopDelay(), onHop, packet);
  scheduled++;
}

function onDeadline(packet, s) {
  if (++executed >= TARGET_EVENTS) s.stop();
  deadlinesFired++;
  packet.deadline = -1;
}

function sample(s) {
  const rss = process.memoryUsage.rss();
  if (rss > peakRss) peakRss = rss;
  pendingSum += s.pending;
  pendingSamples++;
}

for (let i = 0; i < PACKETS; i++) {
  const packet = new Packet(i);
  startPacket(packet, scheduler);
  scheduler.after(nextHopDelay(), onHop, packet);
  scheduled++;
}

const t0 = process.hrtime.bigint();
const ran = scheduler.run();
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
sample(scheduler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

// The event bus's listener checks, on the packet hot path for every gated event: best of 5 × 2M calls.
const bus = new EventBus();
bus.on(Events.PACKET_PROCESSED, () => {});
const nsPerCall = (check) => {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    let hits = 0;
    const t = process.hrtime.bigint();
    for (let i = 0; i < 2_000_000; i++) if (check()) hits++;
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 2_000_000);
    if (hits !== 0) throw new Error('an event without listeners was reported as listened to');
  }
  return Number(best.toFixed(2));
};
const hasIdNs = nsPerCall(() => bus.hasId(EventIds.LINK_PACKET_ARRIVED));
const hasNs = nsPerCall(() => bus.has(Events.LINK_PACKET_ARRIVED));

const result = {
  benchmark: 'kernel',
  node: process.version,
  delays: LIVE_RNG ? 'drawn during the run' : 'pre-drawn pools',
  events: ran,
  seconds: Number(seconds.toFixed(3)),
  eventsPerSecond: Math.round(ran / seconds),
  peakRssMiB: Number((peakRss / 2 ** 20).toFixed(1)),
  scheduled,
  cancelled,
  cancelledFraction: Number((cancelled / scheduled).toFixed(4)),
  deadlinesFired,
  meanPending: Math.round(pendingSum / pendingSamples),
  pendingAtEnd: scheduler.pending,
  simulatedMs: Number(scheduler.now.toFixed(1)),
  targetEventsPerSecond: TARGET_RATE,
  targetMet: ran / seconds >= TARGET_RATE,
  busHasIdNs: hasIdNs,
  busHasNs: hasNs,
  date: new Date().toISOString(),
};

const rows = [
  ['events executed', ran.toLocaleString('en-US')],
  ['wall seconds', result.seconds.toFixed(3)],
  ['events / second', result.eventsPerSecond.toLocaleString('en-US')],
  ['peak RSS (MiB)', result.peakRssMiB.toFixed(1)],
  ['scheduled', scheduled.toLocaleString('en-US')],
  ['cancelled', `${cancelled.toLocaleString('en-US')} (${(100 * result.cancelledFraction).toFixed(1)} %)`],
  ['deadlines fired', deadlinesFired.toLocaleString('en-US')],
  ['mean pending', result.meanPending.toLocaleString('en-US')],
  ['target 5M events/s', result.targetMet ? 'met' : 'MISSED'],
  ['EventBus.hasId / has (ns)', `${hasIdNs} / ${hasNs}`],
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`kernel benchmark (node ${process.version}, delays ${result.delays})`);
for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'kernel.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(`  wrote ${out}`);
