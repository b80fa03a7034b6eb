import { describe, expect, it } from 'vitest';
import { ConfigError, InputFileError, NssError } from '../errors.js';
import { EnvironmentIndex } from './environment-index.js';
import { generateEnvironment } from './generate.js';
import { importReferenceEntities } from './reference-import.js';
import { loadEnvironment, saveEnvironment } from './save-load.js';
import { smallSpecs } from '../testing/index.js';

/** A hand-written saved-entities file of the reference (model-spec §10.6): 2 nodes, 2 VNFs, 1 SFC, 1 user. */
function referenceFile(): Record<string, unknown[]> {
  const link = (name: string, source: string, target: string, counter: number, bandwidth: number, propagation: number) => ({
    name, bandwidth, loss_rate: 0, counter, source, target, propagation, energy_consumption: source === target ? 0 : 13,
  });
  return {
    users: [
      {
        name: 'u_0', sfcs: ['s_0'], latency: 0, bandwidth: 100, loss_rate: 0, node: 'n_0', priority: 2,
        sfc_ingress_egress: { s_0: { ingress_node: 'n_0', egress_node: 'n_1', packet_size: 50 } },
      },
    ],
    sfcs: [
      { name: 's_0', vnfs: ['v_1', 'v_0'], max_latency: 30, priorities_order: ['SfcPriority.capacity', 'LATENCY', 'energy'], timeout: 1000 },
      { name: 's_1', vnfs: ['v_0'], max_latency: 15, priorities_order: [3, 1, 2], timeout: 500 },
    ],
    vnfs: ['v_0', 'v_1'].map((name, i) => ({
      name, cpu: 100 * (i + 1), mem: 10, max_share: 2, min_bandwidth: 0, packet_mem_demand: 1, remote_data_access_cost: 3,
      remote_data_access_prob: 0.1, packet_cpu_demand: 1, packet_network_demand: 1, startup_ipt: 4000, shutdown_ipt: 4000,
      timeout: 1000, max_packet_queue: 100, resource_intensive: 'CPU',
    })),
    nodes: [
      { name: 'n_0', group: 1, node_type: 'NodeType.RAN', cpu: 1000, mem: 1000, vnfs: ['v_0'], energy_max: 200, energy_idle: 140, disk_delay: 5, location: 'A' },
      { name: 'n_1', group: 'g', node_type: 'CORE', cpu: 2000, mem: 1000, vnfs: ['v_1', 'v_0'], energy_max: 300, energy_idle: 150, disk_delay: 5, location: 'B' },
    ],
    links: [
      link('l_0_loopback', 'n_0', 'n_0', 1, 1e7, 0),
      link('l_1_loopback', 'n_1', 'n_1', 1, 1e7, 0),
      link('l_0_1_0', 'n_0', 'n_1', 0, 1000, 2),
      link('l_1_0_0', 'n_1', 'n_0', 0, 1000, 2),
      link('l_0_1_1', 'n_0', 'n_1', 1, 2000, 1),
      link('l_1_0_1', 'n_1', 'n_0', 1, 2000, 1),
    ],
    data_sources: [{ name: 'src_0', packet_size: 50, packet_interval: 2, packets_burst_interval: 100, packets_burst_size: 4 }],
    sfc_requests: [
      { name: 'r_0', user: 'u_0', sfc: 's_0', data_source: 'src_0', priority: 1, arrival_time: 17, ingress_node: 'n_0', egress_node: 'n_1', duration: 3000, placed: false },
    ],
  };
}

describe('importReferenceEntities', () => {
  it('maps a saved-entities file to an EdgeEnvironment', () => {
    const env = importReferenceEntities(JSON.stringify(referenceFile()), 'entities.json');
    expect(env.seed).toBeNull();
    expect(env.format).toBe('nss-environment');
    expect(env.nodes.map((n) => [n.name, n.type, n.energyIdle, n.location, n.group])).toEqual([
      ['n_0', 'RAN', 140, 'A', 1],
      ['n_1', 'CORE', 150, 'B', 'g'],
    ]);
    expect(env.links.every((l) => l.maxPacketQueue === -1)).toBe(true);
    expect(env.links.map((l) => l.loopback)).toEqual([true, true, false, false, false, false]);
    expect(env.links[4]).toMatchObject({ index: 4, counter: 1, bandwidth: 2000, propagation: 1, energyConsumption: 13, lossRate: 0 });
    expect(env.sfcs[0].prioritiesOrder).toEqual(['capacity', 'latency', 'energy']);
    expect(env.sfcs[1].prioritiesOrder).toEqual(['energy', 'latency', 'capacity']);
    expect(env.slices).toEqual([
      { index: 0, name: 'sl_0', sfcs: ['s_0'] },
      { index: 1, name: 'sl_1', sfcs: ['s_1'] },
    ]);
    expect(env.sfcs.map((s) => s.slice)).toEqual(['sl_0', 'sl_1']);
    expect(env.users[0].sfcIngressEgress).toEqual({ s_0: { ingressNode: 'n_0', egressNode: 'n_1', packetSize: 50 } });
    expect(env.sfcRequests[0]).toEqual({
      index: 0, name: 'r_0', user: 'u_0', sfc: 's_0', dataSource: 'src_0', priority: 1, arrivalTime: 17,
      ingressNode: 'n_0', egressNode: 'n_1', duration: 3000,
    });
    expect(env.vnfs[1]).toMatchObject({ cpu: 200, maxShare: 2, startupIpt: 4000, maxPacketQueue: 100, resourceIntensive: 'CPU' });
  });

  it('the imported environment saves, loads and is usable by the index', () => {
    const env = importReferenceEntities(referenceFile());
    const text = saveEnvironment(env);
    expect(saveEnvironment(loadEnvironment(text))).toBe(text);
    const index = new EnvironmentIndex(env);
    expect(index.linksBetween('n_1', 'n_0').map((l) => l.name)).toEqual(['l_1_0_0', 'l_1_0_1']);
    expect(index.canHost('n_0', 'v_1')).toBe(false);
  });

  it('reports every missing or mistyped field and broken reference with snake_case paths', () => {
    const file = referenceFile();
    delete (file.vnfs[0] as Record<string, unknown>).cpu;
    (file.nodes[1] as Record<string, unknown>).node_type = 'EDGE';
    (file.sfcs[0] as Record<string, unknown>).priorities_order = ['latency', 'speed'];
    (file.links[2] as Record<string, unknown>).bandwidth = '1000';
    try {
      importReferenceEntities(file, 'entities.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.path)).toEqual([
        '/vnfs/0/cpu',
        '/nodes/1/node_type',
        '/links/2/bandwidth',
        '/sfcs/0/priorities_order/1',
      ]);
    }
    const dangling = referenceFile();
    (dangling.sfc_requests[0] as Record<string, unknown>).data_source = 'src_7';
    (dangling.links[3] as Record<string, unknown>).source = 'n_5';
    try {
      importReferenceEntities(dangling);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).issues.map((i) => i.path)).toEqual(['/links/3/source', '/sfc_requests/0/data_source']);
    }
  });

  it('rejects files that are not in the reference format with a clear message', () => {
    const nss = saveEnvironment(generateEnvironment(smallSpecs(), 1));
    expect(() => importReferenceEntities(nss)).toThrow(/nss-environment file.*loadEnvironment/);
    expect(() => importReferenceEntities({ hello: 'world' }, 'x.json')).toThrow(
      "x.json: not a 5GNSS saved-entities file: missing keys 'nodes', 'links', 'vnfs', 'sfcs', 'users', 'data_sources', 'sfc_requests'",
    );
    const noNodes = referenceFile();
    delete (noNodes as Record<string, unknown>).nodes;
    expect(() => importReferenceEntities(noNodes)).toThrow("not a 5GNSS saved-entities file: missing key 'nodes'");
    expect(() => importReferenceEntities([1, 2])).toThrow(NssError);
    expect(() => importReferenceEntities('{"nodes": [')).toThrow(InputFileError);
  });
});
