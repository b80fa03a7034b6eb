import type { SpecsFile } from '../config/index.js';
import type { RandomStream } from '../engine/rng.js';
import type { Vnf } from '../model/vnf.js';
import { pick, type GenerationContext } from './generate-util.js';

/**
 * VNF types `v_0 … v_{V−1}` (model-spec §2.2): every field is one uniform pick from its list, drawn in
 * the reference's order. `resource_intensive` defaults to `"CPU"` when the list is absent.
 * @internal
 */
export function generateVnfs(specs: SpecsFile, stream: RandomStream, ctx: GenerationContext): Vnf[] {
  const v = specs.vnf;
  const vnfs: Vnf[] = [];
  for (let i = 0; i < specs.entities_number.vnfs; i++) {
    const resourceIntensive =
      v.resource_intensive === undefined ? 'CPU' : pick(stream, v.resource_intensive, ctx, '/vnf/resource_intensive');
    const cpu = pick(stream, v.cpu, ctx, '/vnf/cpu');
    const mem = pick(stream, v.mem, ctx, '/vnf/mem');
    const maxShare = pick(stream, v.max_share, ctx, '/vnf/max_share');
    const minBandwidth = pick(stream, v.min_bandwidth, ctx, '/vnf/min_bandwidth');
    const packetMemDemand = pick(stream, v.packet_mem_demand, ctx, '/vnf/packet_mem_demand');
    const remoteDataAccessCost = pick(stream, v.remote_data_access_cost, ctx, '/vnf/remote_data_access_cost');
    const remoteDataAccessProb = pick(stream, v.remote_data_access_prob, ctx, '/vnf/remote_data_access_prob');
    const packetCpuDemand = pick(stream, v.packet_cpu_demand, ctx, '/vnf/packet_cpu_demand');
    const packetNetworkDemand = pick(stream, v.packet_network_demand, ctx, '/vnf/packet_network_demand');
    const startupIpt = pick(stream, v.startup_ipt, ctx, '/vnf/startup_ipt');
    const shutdownIpt = pick(stream, v.shutdown_ipt, ctx, '/vnf/shutdown_ipt');
    const timeout = pick(stream, v.timeout, ctx, '/vnf/timeout');
    const maxPacketQueue = pick(stream, v.max_packet_queue, ctx, '/vnf/max_packet_queue');
    vnfs.push({
      index: i,
      name: `v_${i}`,
      cpu,
      mem,
      maxShare,
      minBandwidth,
      packetMemDemand,
      remoteDataAccessCost,
      remoteDataAccessProb,
      packetCpuDemand,
      packetNetworkDemand,
      startupIpt,
      shutdownIpt,
      timeout,
      maxPacketQueue,
      resourceIntensive,
    });
  }
  return vnfs;
}
