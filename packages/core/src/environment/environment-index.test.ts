import { describe, expect, it } from 'vitest';
import { NssError } from '../errors.js';
import type { EdgeEnvironment } from './edge-environment.js';
import { EnvironmentIndex } from './environment-index.js';
import { generateEnvironment } from './generate.js';
import { smallSpecs } from '../testing/index.js';
import { topologyGraph } from './topology.js';

const env = generateEnvironment(smallSpecs(), 4);
const index = new EnvironmentIndex(env);

describe('EnvironmentIndex', () => {
  it('finds every entity by name and by index', () => {
    for (const n of env.nodes) {
      expect(index.node(n.name)).toBe(n);
      expect(index.node(n.index)).toBe(n);
      expect(index.nodesByName.get(n.name)).toBe(n);
    }
    expect(index.link('l_0_1_0').source).toBe('n_0');
    expect(index.vnf('v_3').index).toBe(3);
    expect(index.sfc(2).name).toBe('s_2');
    expect(index.slice('sl_1').sfcs).toEqual(['s_1']);
    expect(index.user('u_6').index).toBe(6);
    expect(index.dataSource('src_2').index).toBe(2);
    expect(index.request('r_0')).toBe(env.sfcRequests[0]);
    expect(() => index.node('n_42')).toThrow(NssError);
    expect(() => index.node(-1)).toThrow(/unknown node -1/);
    expect(index.ranNodes.every((n) => n.type === 'RAN')).toBe(true);
    expect(index.coreNodes.at(-1)?.name).toBe('n_4');
  });

  it('linksBetween: the loopback for a = b, else the parallel links in counter order', () => {
    expect(index.linksBetween('n_2', 'n_2').map((l) => l.name)).toEqual(['l_2_loopback']);
    expect(index.loopback('n_3')?.name).toBe('l_3_loopback');
    for (const a of env.nodes) {
      for (const b of env.nodes) {
        if (a === b) continue;
        const links = index.linksBetween(a.name, b.name);
        const expected = env.links.filter((l) => l.source === a.name && l.target === b.name);
        expect(links.length).toBeGreaterThan(0);
        expect(links.map((l) => l.counter)).toEqual([...links.keys()]);
        expect(new Set(links)).toEqual(new Set(expected));
        expect(index.linksBetweenIndices(a.index, b.index)).toBe(links);
      }
    }
    expect(index.linksBetweenIndices(0, 99)).toEqual([]);
    expect(() => index.linksBetween('n_0', 'nope')).toThrow(NssError);
  });

  it('orders links by counter even when the environment lists them otherwise', () => {
    const reversed: EdgeEnvironment = { ...env, links: [...env.links].reverse().map((l, i) => ({ ...l, index: i })) };
    const idx = new EnvironmentIndex(reversed);
    for (const links of [idx.linksBetween('n_0', 'n_1'), idx.linksBetween('n_3', 'n_2')]) {
      expect(links.map((l) => l.counter)).toEqual([...links.keys()]);
    }
  });

  it('canHost and hostsOf follow the nodes’ VNF lists', () => {
    for (const n of env.nodes) {
      for (const v of env.vnfs) expect(index.canHost(n.name, v.name)).toBe(n.vnfs.includes(v.name));
    }
    for (const v of env.vnfs) {
      expect(index.hostsOf(v.name)).toEqual(env.nodes.filter((n) => n.vnfs.includes(v.name)));
      expect(index.hostsOf(v.name).length).toBeGreaterThan(0);
    }
  });

  it('similarity = |A ∩ B| / min(|A|, |B|)', () => {
    const e: EdgeEnvironment = {
      ...env,
      sfcs: [
        { ...env.sfcs[0], vnfs: ['v_0', 'v_1', 'v_2'] },
        { ...env.sfcs[1], vnfs: ['v_2', 'v_0'] },
        { ...env.sfcs[2], vnfs: ['v_3', 'v_4', 'v_5', 'v_1'] },
        { ...env.sfcs[3], vnfs: ['v_5'] },
      ],
    };
    const idx = new EnvironmentIndex(e);
    expect(idx.similarity('s_0', 's_1')).toBe(1);
    expect(idx.similarity('s_1', 's_0')).toBe(1);
    expect(idx.similarity('s_0', 's_2')).toBeCloseTo(1 / 3, 12);
    expect(idx.similarity('s_1', 's_2')).toBe(0);
    expect(idx.similarity('s_2', 's_3')).toBe(1);
    expect(idx.similarity('s_2', 's_2')).toBe(1);
  });

  it('sliceOf gives the SFC type’s slice', () => {
    expect(index.sliceOf('s_3').name).toBe('sl_3');
  });
});

describe('topologyGraph', () => {
  const graph = topologyGraph(env);

  it('has one node per Node and one edge per Link, keyed by name, loopbacks as self-loops', () => {
    expect(graph.order).toBe(env.nodes.length);
    expect(graph.size).toBe(env.links.length);
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.selfLoopCount).toBe(env.nodes.length);
    expect(graph.nodes()).toEqual(env.nodes.map((n) => n.name));
    expect(graph.getNodeAttributes('n_1')).toEqual(env.nodes[1]);
    const link = env.links[7];
    expect(graph.source(link.name)).toBe(link.source);
    expect(graph.target(link.name)).toBe(link.target);
    expect(graph.getEdgeAttributes(link.name)).toEqual(link);
    expect(graph.outEdges('n_0', 'n_1').sort()).toEqual(index.linksBetween('n_0', 'n_1').map((l) => l.name).sort());
  });

  it('attributes are copies: editing the graph leaves the environment unchanged', () => {
    graph.setNodeAttribute('n_0', 'cpu', -1);
    (graph.getNodeAttributes('n_0').vnfs as string[]).push('v_99');
    graph.setEdgeAttribute('l_0_1_0', 'bandwidth', 0);
    expect(env.nodes[0].cpu).not.toBe(-1);
    expect(env.nodes[0].vnfs).not.toContain('v_99');
    expect(index.link('l_0_1_0').bandwidth).toBeGreaterThan(0);
  });
});
