#!/usr/bin/env node
// Cost of one dispatch decision: select() of each simulator plugin over 2, 4 and 16 candidates, and
// ForwardingTable.choose() of each seed policy over 2 and 16 destinations. Median of 7 runs of 1M calls.
//
//   pnpm --filter @nss/dispatch build && node bench/run.mjs packages/dispatch/bench/select.bench.mjs
import { performance } from 'node:perf_hooks';
import { Rng, instantiate } from '@nss/core';
import { ForwardingTable, dispatchPlugins } from '../dist/index.js';

const CALLS = 1_000_000;
const RUNS = 7;

function candidates(n) {
  return Array.from({ length: n }, (_, i) => ({
    index: i, name: `n_${i}_v_0_1`, vnf: 'v_0', node: `n_${i}`, cpu: 1000 * (1 + (i % 3)), mem: 100, cpuLoad: 0,
    memLoad: 0, queue: i % 4, busySlots: i % 2, slots: 1, sfcInstances: [], state: 'running',
    acceptSfcInstances: true, createdAt: 0, readyAt: 0,
  }));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return (median(runs) * 1e6) / CALLS; // ns per call
}

const rows = [];
for (const plugin of dispatchPlugins) {
  for (const n of [2, 4, 16]) {
    const c = candidates(n);
    const policy = instantiate(plugin, {}, { rng: new Rng(1).stream('bench') });
    const ctx = { time: 0, request: 'r_0', vnf: 'v_0', size: 10 };
    let sink = 0;
    const ns = time(() => {
      for (let i = 0; i < CALLS; i++) {
        ctx.time = i * 0.01;
        const k = policy.select(c, ctx);
        if (policy.served) policy.served(c[k].name, 1 + (k % 3), ctx.time);
        sink += k;
      }
    });
    rows.push({ what: `plugin ${plugin.name}`, n, nsPerCall: Number(ns.toFixed(1)), sink: sink % 7 });
  }
}
for (const type of ['random', 'least-impedance', 'round-robin', 'proportional-fairness']) {
  for (const n of [2, 16]) {
    const table = new ForwardingTable({ type });
    for (let i = 0; i < n; i++) table.change('f', `d${i}`, 0.1 + 0.01 * i, { now: 0 });
    const rng = new Rng(1).stream('bench');
    let sink = 0;
    const ns = time(() => {
      for (let i = 0; i < CALLS; i++) {
        const d = table.choose('f', i * 1e-5, rng);
        sink += d.length;
      }
    });
    rows.push({ what: `table ${type}`, n, nsPerCall: Number(ns.toFixed(1)), sink: sink % 7 });
  }
}
console.table(rows.map(({ sink, ...r }) => r));
