import type { SpecsFile } from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { Link } from '../model/link.js';
import { checkCounts, pick, type GenerationContext } from './generate-util.js';

/**
 * Links (model-spec §2.5). First one loopback per node, `l_{i}_loopback` (counter 1, loss 0,
 * propagation 0, energy 0, unlimited queue); then for every pair i < j (i outer, j inner) m =
 * pick(`num_links_between_nodes`) parallel links each way: forward `l_{i}_{j}_{k}` and reverse
 * `l_{j}_{i}_{k}`, the reverse sharing bandwidth, loss rate, propagation and energy with the forward
 * link but drawing its own `max_packet_queue` (`[-1]` when the list is absent). Ordered by index.
 * @internal
 */
export function generateLinks(
  specs: SpecsFile,
  nodeCount: number,
  stream: RandomStream,
  ctx: GenerationContext,
): Link[] {
  const l = specs.link;
  checkCounts(l.num_links_between_nodes, 1, Number.MAX_SAFE_INTEGER, ctx, '/link/num_links_between_nodes', 'parallel links per node pair');
  const queues = l.max_packet_queue ?? [-1];
  const links: Link[] = [];
  for (let i = 0; i < nodeCount; i++) {
    links.push({
      index: links.length,
      name: `l_${i}_loopback`,
      source: `n_${i}`,
      target: `n_${i}`,
      counter: 1,
      bandwidth: pick(stream, l.loopback_bandwidth, ctx, '/link/loopback_bandwidth'),
      lossRate: 0,
      propagation: 0,
      energyConsumption: 0,
      maxPacketQueue: -1,
      loopback: true,
    });
  }
  for (let i = 0; i < nodeCount; i++) {
    for (let j = i + 1; j < nodeCount; j++) {
      const m = pick(stream, l.num_links_between_nodes, ctx, '/link/num_links_between_nodes');
      for (let k = 0; k < m; k++) {
        const bandwidth = pick(stream, l.bandwidth, ctx, '/link/bandwidth');
        const lossRate = pick(stream, l.loss_rate, ctx, '/link/loss_rate');
        const propagation = pick(stream, l.propagation, ctx, '/link/propagation');
        const energyConsumption = pick(stream, l.energy_consumption, ctx, '/link/energy_consumption');
        const forwardQueue = pick(stream, queues, ctx, '/link/max_packet_queue');
        const reverseQueue = pick(stream, queues, ctx, '/link/max_packet_queue');
        const shared = { counter: k, bandwidth, lossRate, propagation, energyConsumption, loopback: false };
        links.push({
          index: links.length,
          name: `l_${i}_${j}_${k}`,
          source: `n_${i}`,
          target: `n_${j}`,
          ...shared,
          maxPacketQueue: forwardQueue,
        });
        links.push({
          index: links.length,
          name: `l_${j}_${i}_${k}`,
          source: `n_${j}`,
          target: `n_${i}`,
          ...shared,
          maxPacketQueue: reverseQueue,
        });
      }
    }
  }
  return links;
}
