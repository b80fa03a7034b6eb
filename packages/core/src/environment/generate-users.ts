import type { SpecsFile } from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { DataSource } from '../model/data-source.js';
import type { Node } from '../model/node.js';
import type { IngressEgress, User } from '../model/user.js';
import { NssError } from '../errors.js';
import { checkCounts, pick, sampleDistinct, type GenerationContext } from './generate-util.js';

/**
 * Users `u_0 … u_{U−1}` (model-spec §2.6). Each user is attached to a RAN node picked uniformly among
 * the RAN nodes — the reference attaches all users to one RAN node, reproduced with
 * `usersOnOneRanNode`. Per user: the node (corrected mode), k = pick(`sfc_request_num`), k distinct SFC
 * types, latency, bandwidth, loss rate, priority; then per requested SFC type the ingress node (the
 * user's node), an egress node picked among CORE nodes and a reference packet size picked from
 * `data_source.packet_size`.
 * @internal
 */
export function generateUsers(
  specs: SpecsFile,
  nodes: readonly Node[],
  sfcNames: readonly string[],
  stream: RandomStream,
  ctx: GenerationContext,
  usersOnOneRanNode: boolean,
): User[] {
  const u = specs.user;
  const count = specs.entities_number.users;
  if (count === 0) return [];
  const ran = nodes.filter((n) => n.type === 'RAN').map((n) => n.name);
  const core = nodes.filter((n) => n.type === 'CORE').map((n) => n.name);
  if (ran.length === 0 || core.length === 0) {
    throw new NssError(
      'NSS_CONFIG_INVALID',
      `cannot attach users: the generated topology has ${ran.length} RAN and ${core.length} CORE nodes; ` +
        'users need at least one of each (set entities_number.nodes to 2 or more: node 0 is always RAN and the last node CORE)',
    );
  }
  checkCounts(u.sfc_request_num, 0, sfcNames.length, ctx, '/user/sfc_request_num', `entities_number.sfcs = ${sfcNames.length}`);
  const sharedRan = usersOnOneRanNode ? stream.choice(ran) : undefined;
  const users: User[] = [];
  for (let i = 0; i < count; i++) {
    const node = sharedRan ?? stream.choice(ran);
    const sfcs = sampleDistinct(stream, sfcNames, u.sfc_request_num, ctx, '/user/sfc_request_num');
    const latency = pick(stream, u.latency, ctx, '/user/latency');
    const bandwidth = pick(stream, u.bandwidth, ctx, '/user/bandwidth');
    const lossRate = pick(stream, u.loss_rate, ctx, '/user/loss_rate');
    const priority = pick(stream, u.priority, ctx, '/user/priority');
    const sfcIngressEgress: Record<string, IngressEgress> = {};
    for (const sfc of sfcs) {
      const egressNode = stream.choice(core);
      const packetSize = pick(stream, specs.data_source.packet_size, ctx, '/data_source/packet_size');
      sfcIngressEgress[sfc] = { ingressNode: node, egressNode, packetSize };
    }
    users.push({ index: i, name: `u_${i}`, node, sfcs, latency, bandwidth, lossRate, priority, sfcIngressEgress });
  }
  return users;
}

/**
 * Data sources `src_0 …` (model-spec §2.7): packet size, packet interval, burst size and burst
 * interval, one pick each, in that order.
 * @internal
 */
export function generateDataSources(specs: SpecsFile, stream: RandomStream, ctx: GenerationContext): DataSource[] {
  const d = specs.data_source;
  const sources: DataSource[] = [];
  for (let i = 0; i < specs.entities_number.data_sources; i++) {
    const packetSize = pick(stream, d.packet_size, ctx, '/data_source/packet_size');
    const packetInterval = pick(stream, d.packet_interval, ctx, '/data_source/packet_interval');
    const packetsBurstSize = pick(stream, d.packets_burst_size, ctx, '/data_source/packets_burst_size');
    const packetsBurstInterval = pick(stream, d.packets_burst_interval, ctx, '/data_source/packets_burst_interval');
    sources.push({ index: i, name: `src_${i}`, packetSize, packetInterval, packetsBurstSize, packetsBurstInterval });
  }
  return sources;
}
