// Benchmark of the simulated edge computer (discrete-event model) and of the sliding-window fit.
// Needs the built packages (`pnpm --filter @nss/core build && pnpm --filter @nss/adapters build`), then:
//   node bench/run.mjs packages/adapters/test/openwhisk/edge-computer.bench.mjs
import { Rng } from '@nss/core';
import { EdgeComputer, SlidingLinearFit, raspberryConfig } from '@nss/adapters/openwhisk';

/** n Poisson arrivals at 36/s of clambda0 on 10,000 bytes (0.10004 s each, 4 workers): utilisation ≈ 0.9. */
function run(n) {
  const computer = new EdgeComputer(raspberryConfig());
  const arrivals = new Rng(1).stream('arrivals');
  let t = 0;
  let answered = 0;
  const submit = () => computer.submit({ lambda: 'clambda0', size: 10_000 }, () => answered++);
  for (let i = 0; i < n; i++) {
    t += arrivals.exponential(1 / 36);
    computer.scheduler.at(t, submit, undefined);
  }
  const start = performance.now();
  computer.scheduler.run();
  return { n, ms: performance.now() - start, answered };
}

run(20_000); // warm-up
console.log('| invocations | time (ms) | invocations/s | all answered |');
console.log('| --- | --- | --- | --- |');
for (const n of [100_000, 200_000, 400_000]) {
  const r = run(n);
  console.log(`| ${r.n} | ${r.ms.toFixed(0)} | ${Math.round((r.n / r.ms) * 1000)} | ${r.answered === r.n} |`);
}

const fit = new SlidingLinearFit({ windowSize: 50, stalePeriod: 10 });
const samples = 200_000;
const start = performance.now();
let sink = 0;
for (let i = 0; i < samples; i++) {
  fit.add(i % 1000, i % 7, i * 1e-4);
  fit.purge(i * 1e-4);
  sink += fit.predict(500);
}
console.log(`SlidingLinearFit (window 50) add + purge + predict: ${(((performance.now() - start) / samples) * 1000).toFixed(2)} µs per sample (${sink > 0})`);
