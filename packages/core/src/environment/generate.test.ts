import { describe, expect, it } from 'vitest';
import { ConfigError, NssError } from '../errors.js';
import { generateEnvironment } from './generate.js';
import { PRIORITY_ORDERS } from './generate-sfcs.js';
import { saveEnvironment } from './save-load.js';
import { scenarioSpecs, smallSpecs, TIMING } from '../testing/index.js';

describe('generateEnvironment: determinism', () => {
  it.each(['S', 'M', 'L'] as const)('same specs and seed give byte-identical output (%s)', (size) => {
    const a = saveEnvironment(generateEnvironment(scenarioSpecs(size), 7, TIMING));
    const b = saveEnvironment(generateEnvironment(scenarioSpecs(size), 7, TIMING));
    expect(a).toBe(b);
  });

  it('another seed gives another environment', () => {
    const a = saveEnvironment(generateEnvironment(scenarioSpecs('L'), 7, TIMING));
    const b = saveEnvironment(generateEnvironment(scenarioSpecs('L'), 8, TIMING));
    expect(a).not.toBe(b);
  });

  it('records the seed', () => {
    expect(generateEnvironment(smallSpecs(), 'abc').seed).toBe('abc');
  });

  it('changing the number of users leaves VNFs, nodes, SFCs, links and data sources identical', () => {
    const a = generateEnvironment(scenarioSpecs('M'), 3, TIMING);
    const b = generateEnvironment(
      (() => {
        const s = scenarioSpecs('M');
        s.entities_number.users = 40;
        return s;
      })(),
      3,
      TIMING,
    );
    expect(b.users).toHaveLength(40);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.links).toEqual(a.links);
    expect(b.vnfs).toEqual(a.vnfs);
    expect(b.sfcs).toEqual(a.sfcs);
    expect(b.dataSources).toEqual(a.dataSources);
    // The first users are drawn from the same stream positions.
    expect(b.users.slice(0, a.users.length)).toEqual(a.users);
  });
});

describe('generateEnvironment: entities', () => {
  const specs = smallSpecs();
  const env = generateEnvironment(specs, 11);

  it('names and indices follow the reference patterns', () => {
    expect(env.vnfs.map((v) => v.name)).toEqual(['v_0', 'v_1', 'v_2', 'v_3', 'v_4', 'v_5']);
    expect(env.nodes.map((n) => n.name)).toEqual(['n_0', 'n_1', 'n_2', 'n_3', 'n_4']);
    expect(env.sfcs.map((s) => s.name)).toEqual(['s_0', 's_1', 's_2', 's_3']);
    expect(env.users.map((u) => u.name)).toEqual(['u_0', 'u_1', 'u_2', 'u_3', 'u_4', 'u_5', 'u_6']);
    expect(env.dataSources.map((d) => d.name)).toEqual(['src_0', 'src_1', 'src_2']);
    env.sfcRequests.forEach((r, i) => expect(r.name).toBe(`r_${i}`));
    for (const list of [env.nodes, env.links, env.vnfs, env.sfcs, env.slices, env.users, env.dataSources, env.sfcRequests]) {
      list.forEach((e, i) => expect(e.index).toBe(i));
    }
    for (const l of env.links) {
      expect(l.name).toBe(l.loopback ? `${l.source.replace('n_', 'l_')}_loopback` : `l_${l.source.slice(2)}_${l.target.slice(2)}_${l.counter}`);
    }
  });

  it('every drawn value comes from its candidate list', () => {
    for (const v of env.vnfs) {
      expect(specs.vnf.cpu).toContain(v.cpu);
      expect(specs.vnf.max_packet_queue).toContain(v.maxPacketQueue);
      expect(specs.vnf.resource_intensive).toContain(v.resourceIntensive);
    }
    for (const n of env.nodes) {
      expect(specs.node.cpu).toContain(n.cpu);
      expect(specs.node.group).toContain(n.group);
      expect(['A', 'B']).toContain(n.location);
    }
    for (const d of env.dataSources) expect(specs.data_source.packet_size).toContain(d.packetSize);
  });

  it('node 0 is RAN and the last node CORE, whatever the probabilities', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const e = generateEnvironment(smallSpecs((s) => Object.assign(s.node, { ran_node_prob: 0, core_node_prob: 0 })), seed);
      expect(e.nodes.map((n) => n.type)).toEqual(['RAN', 'DEFAULT', 'DEFAULT', 'DEFAULT', 'CORE']);
    }
    const allRan = generateEnvironment(smallSpecs((s) => Object.assign(s.node, { ran_node_prob: 1, core_node_prob: 0 })), 1);
    expect(allRan.nodes.map((n) => n.type)).toEqual(['RAN', 'RAN', 'RAN', 'RAN', 'CORE']);
  });

  it('energy_idle keeps only candidates below energy_max, else 70 %', () => {
    for (const n of env.nodes) {
      if (n.energyMax === 200) expect(n.energyIdle).toBe(100); // 250 is not below 200
      else expect([100, 250]).toContain(n.energyIdle);
    }
    const none = generateEnvironment(smallSpecs((s) => (s.node.energy_idle = [])), 1);
    for (const n of none.nodes) expect(n.energyIdle).toBe(n.energyMax === 200 ? 140 : 210);
  });

  it('location draws follow the catalogue probabilities', () => {
    const e = generateEnvironment(
      smallSpecs((s) => {
        s.entities_number.nodes = 150;
        s.entities_number.users = 0;
        s.node.location = [
          { key: 'rare', node_prob: 0.1 },
          { key: 'common', node_prob: 0.9 },
        ];
      }),
      5,
    );
    const rare = e.nodes.filter((n) => n.location === 'rare').length;
    expect(rare).toBeGreaterThan(4);
    expect(rare).toBeLessThan(30);
  });

  it('a location catalogue that does not sum to 1 is reported instead of crashing', () => {
    const bad = smallSpecs((s) => {
      s.entities_number.nodes = 50;
      s.node.location = [{ key: 'A', node_prob: 0.1 }];
    });
    expect(() => generateEnvironment(bad, 1)).toThrow(ConfigError);
    expect(() => generateEnvironment(bad, 1)).toThrow(/\/node\/location.*sum of 0\.1/);
  });

  it('every VNF type can be hosted by some node (coverage post-pass)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const e = generateEnvironment(
        smallSpecs((s) => {
          s.entities_number.vnfs = 12;
          s.node.vnf_num = [1];
        }),
        seed,
      );
      const hosted = new Set(e.nodes.flatMap((n) => n.vnfs));
      expect([...hosted].sort()).toEqual(e.vnfs.map((v) => v.name).sort());
      // 5 nodes with one VNF each cannot cover 12 types without the post-pass.
      expect(e.nodes.some((n) => n.vnfs.length > 1)).toBe(true);
      for (const n of e.nodes) expect(new Set(n.vnfs).size).toBe(n.vnfs.length);
    }
  });

  it('a vnf_num larger than the number of VNF types is a ConfigError with its path', () => {
    const bad = smallSpecs((s) => (s.node.vnf_num = [1, 9]));
    expect(() => generateEnvironment(bad, 1)).toThrow(/\/node\/vnf_num\/1: expected an integer between 0 and 6/);
  });
});

describe('generateEnvironment: links', () => {
  const env = generateEnvironment(smallSpecs(), 21);
  const mesh = env.links.filter((l) => !l.loopback);

  it('one loopback per node first, counter 1, no loss, no propagation, unlimited queue', () => {
    const loops = env.links.slice(0, 5);
    expect(loops.map((l) => l.name)).toEqual(['l_0_loopback', 'l_1_loopback', 'l_2_loopback', 'l_3_loopback', 'l_4_loopback']);
    for (const l of loops) {
      expect(l).toMatchObject({ loopback: true, counter: 1, lossRate: 0, propagation: 0, energyConsumption: 0, maxPacketQueue: -1, bandwidth: 100000 });
      expect(l.source).toBe(l.target);
    }
    expect(env.links.filter((l) => l.loopback)).toHaveLength(5);
  });

  it('full mesh: each ordered pair has the same number m ∈ num_links_between_nodes of parallel links', () => {
    const counts = new Map<string, number[]>();
    for (const l of mesh) {
      const key = `${l.source}>${l.target}`;
      counts.set(key, [...(counts.get(key) ?? []), l.counter]);
    }
    expect(counts.size).toBe(5 * 4);
    for (const [key, counters] of counts) {
      const [a, b] = key.split('>');
      expect(counters).toEqual([...Array(counters.length).keys()]);
      expect([1, 2, 3]).toContain(counters.length);
      expect(counts.get(`${b}>${a}`)).toHaveLength(counters.length);
    }
    // With 10 pairs drawing from {1,2,3}, the draws are not all equal.
    expect(new Set([...counts.values()].map((c) => c.length)).size).toBeGreaterThan(1);
  });

  it('a reverse link shares bandwidth, loss, propagation and energy with its forward link; queues drawn apart', () => {
    const byName = new Map(env.links.map((l) => [l.name, l]));
    let queuesDiffer = 0;
    for (const f of mesh.filter((l) => Number(l.source.slice(2)) < Number(l.target.slice(2)))) {
      const r = byName.get(`l_${f.target.slice(2)}_${f.source.slice(2)}_${f.counter}`);
      expect(r).toBeDefined();
      expect(r).toMatchObject({ bandwidth: f.bandwidth, lossRate: f.lossRate, propagation: f.propagation, energyConsumption: f.energyConsumption, counter: f.counter });
      if (r?.maxPacketQueue !== f.maxPacketQueue) queuesDiffer++;
    }
    expect(queuesDiffer).toBeGreaterThan(0);
  });

  it('links are ordered by index: forward then reverse per counter, pairs i < j in order', () => {
    expect(mesh[0].name).toBe('l_0_1_0');
    expect(mesh[1].name).toBe('l_1_0_0');
    expect(env.links.at(-1)?.name.startsWith('l_4_3_')).toBe(true);
  });
});

describe('generateEnvironment: SFC types and slices', () => {
  it('chains are distinct VNF types with a length drawn from vnf_num', () => {
    const env = generateEnvironment(smallSpecs((s) => (s.entities_number.sfcs = 30)), 3);
    const lengths = new Set<number>();
    for (const s of env.sfcs) {
      expect(new Set(s.vnfs).size).toBe(s.vnfs.length);
      expect([2, 3, 4]).toContain(s.vnfs.length);
      for (const v of s.vnfs) expect(v).toMatch(/^v_[0-5]$/);
      lengths.add(s.vnfs.length);
    }
    expect(lengths.size).toBe(3);
  });

  it('priorities_order codes map to the reference orders', () => {
    for (const code of [1, 2, 3] as const) {
      const env = generateEnvironment(smallSpecs((s) => (s.sfc.priorities_order = [code])), 1);
      for (const s of env.sfcs) expect(s.prioritiesOrder).toEqual(PRIORITY_ORDERS[code]);
    }
    expect(PRIORITY_ORDERS[1]).toEqual(['latency', 'capacity', 'energy']);
    expect(PRIORITY_ORDERS[2]).toEqual(['capacity', 'latency', 'energy']);
    expect(PRIORITY_ORDERS[3]).toEqual(['energy', 'latency', 'capacity']);
  });

  it('without priorities_order each SFC type gets a random permutation', () => {
    const env = generateEnvironment(smallSpecs((s) => (s.entities_number.sfcs = 40)), 1);
    const seen = new Set(env.sfcs.map((s) => s.prioritiesOrder.join(',')));
    for (const s of env.sfcs) expect([...s.prioritiesOrder].sort()).toEqual(['capacity', 'energy', 'latency']);
    expect(seen.size).toBeGreaterThan(3);
  });

  it('an invalid priorities_order code is reported', () => {
    const bad = smallSpecs((s) => (s.sfc.priorities_order = [1, 4 as 1]));
    expect(() => generateEnvironment(bad, 1)).toThrow(/\/sfc\/priorities_order\/1: expected 1, 2 or 3, found 4/);
  });

  it('by default one slice sl_i per SFC type s_i', () => {
    const env = generateEnvironment(smallSpecs(), 1);
    expect(env.slices.map((s) => [s.name, s.sfcs])).toEqual([
      ['sl_0', ['s_0']],
      ['sl_1', ['s_1']],
      ['sl_2', ['s_2']],
      ['sl_3', ['s_3']],
    ]);
    expect(env.sfcs.map((s) => s.slice)).toEqual(['sl_0', 'sl_1', 'sl_2', 'sl_3']);
  });

  it('explicit slices group SFC types; unlisted types get their own slice', () => {
    const env = generateEnvironment(
      smallSpecs((s) => (s.slices = [{ name: 'embb', sfcs: ['s_2', 's_0'] }, { name: 'sl_1', sfcs: ['s_3'] }])),
      1,
    );
    expect(env.slices.map((s) => [s.name, s.sfcs])).toEqual([
      ['embb', ['s_2', 's_0']],
      ['sl_1', ['s_3']],
      ['sl_1_1', ['s_1']],
    ]);
    expect(env.sfcs.map((s) => s.slice)).toEqual(['embb', 'sl_1_1', 'embb', 'sl_1']);
  });

  it('slices naming unknown or repeated SFC types are reported together', () => {
    const bad = smallSpecs((s) => (s.slices = [{ name: 'a', sfcs: ['s_0', 's_9'] }, { name: 'a', sfcs: ['s_0'] }]));
    try {
      generateEnvironment(bad, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.path)).toEqual(['/slices/0/sfcs/1', '/slices/1/name', '/slices/1/sfcs/0']);
    }
  });
});

describe('generateEnvironment: users and requests', () => {
  const specs = smallSpecs((s) => {
    s.entities_number.nodes = 10;
    s.entities_number.users = 60;
    s.node.ran_node_prob = 0.4;
  });
  const env = generateEnvironment(specs, 5);
  const types = new Map(env.nodes.map((n) => [n.name, n.type]));

  it('ingress nodes are RAN (the user node) and egress nodes CORE', () => {
    for (const u of env.users) {
      expect(types.get(u.node)).toBe('RAN');
      expect(Object.keys(u.sfcIngressEgress)).toEqual(u.sfcs);
      for (const io of Object.values(u.sfcIngressEgress)) {
        expect(io.ingressNode).toBe(u.node);
        expect(types.get(io.egressNode)).toBe('CORE');
        expect([50, 100]).toContain(io.packetSize);
      }
      expect(new Set(u.sfcs).size).toBe(u.sfcs.length);
      expect([1, 2, 3]).toContain(u.sfcs.length);
    }
  });

  it('by default users spread over the RAN nodes [Q-4 corrected]; the option reproduces one RAN node', () => {
    expect(env.nodes.filter((n) => n.type === 'RAN').length).toBeGreaterThan(1);
    expect(new Set(env.users.map((u) => u.node)).size).toBeGreaterThan(1);
    const reference = generateEnvironment(specs, 5, undefined, { usersOnOneRanNode: true });
    expect(new Set(reference.users.map((u) => u.node)).size).toBe(1);
    expect(types.get(reference.users[0].node)).toBe('RAN');
  });

  it('requests are user-major, one per requested SFC type, with the user’s ingress/egress', () => {
    expect(env.sfcRequests).toHaveLength(env.users.reduce((n, u) => n + u.sfcs.length, 0));
    const expected = env.users.flatMap((u) => u.sfcs.map((sfc) => [u.name, sfc]));
    expect(env.sfcRequests.map((r) => [r.user, r.sfc])).toEqual(expected);
    const users = new Map(env.users.map((u) => [u.name, u]));
    for (const r of env.sfcRequests) {
      const u = users.get(r.user);
      expect(u?.sfcIngressEgress[r.sfc]).toMatchObject({ ingressNode: r.ingressNode, egressNode: r.egressNode });
      expect(Number.isInteger(r.priority)).toBe(true);
      expect(r.priority).toBeGreaterThanOrEqual(0);
      expect(r.priority).toBeLessThanOrEqual(u?.priority ?? -1);
      expect([3000, 6000]).toContain(r.duration);
      expect(['src_0', 'src_1', 'src_2']).toContain(r.dataSource);
    }
  });

  it('a topology without a RAN node cannot attach users', () => {
    const one = smallSpecs((s) => (s.entities_number.nodes = 1));
    expect(() => generateEnvironment(one, 1)).toThrow(NssError);
    expect(() => generateEnvironment(one, 1)).toThrow(/0 RAN and 1 CORE/);
  });

  it('without max_arrival_time the arrival bound comes from the simulation timing, else a clear error', () => {
    const noBound = smallSpecs((s) => delete s.sfc_requests.max_arrival_time);
    expect(() => generateEnvironment(noBound, 1)).toThrow(/set sfc_requests\.max_arrival_time or give the simulation parameters/);
    const e = generateEnvironment(noBound, 1, TIMING);
    expect(e.sfcRequests.at(-1)?.arrivalTime).toBe(TIMING.totalTime - TIMING.timeWindow - 1);
    const bounded = generateEnvironment(smallSpecs(), 1, TIMING);
    expect(bounded.sfcRequests.at(-1)?.arrivalTime).toBe(1999);
  });

  it('linear arrivals go through the generator and must match the request count [Q-6 corrected]', () => {
    const linear = smallSpecs((s) => {
      s.user.sfc_request_num = [2];
      s.entities_number.users = 3; // 6 requests
      s.sfc_requests = { arrival: 'linear', duration: [100], increase_requests_per_window: 2, max_arrival_time: 1000 };
    });
    const e = generateEnvironment(linear, 1, TIMING); // W = 2 windows of 500 ms: 2 + 4 = 6 instants
    expect(e.sfcRequests.map((r) => r.arrivalTime)).toEqual([0, 0, 500, 500, 500, 500]);
    linear.entities_number.users = 2;
    expect(() => generateEnvironment(linear, 1, TIMING)).toThrow(/6 arrival instants for 4 SFC requests/);
  });
});
