import { describe, expect, it } from 'vitest';
import { describeEnvironment } from './describe.js';
import { generateEnvironment } from './generate.js';
import { scenarioSpecs, TIMING } from '../testing/index.js';

describe('describeEnvironment', () => {
  const env = generateEnvironment(scenarioSpecs('L'), 7, TIMING);
  const d = describeEnvironment(env);

  it('counts entities, nodes by type and the arrival span', () => {
    expect(d.counts).toEqual({
      nodes: 8, links: 8 + 8 * 7, loopbacks: 8, vnfs: 4, sfcs: 3, slices: 3, users: 112, dataSources: 2, sfcRequests: 112,
    });
    expect(d.nodesByType.RAN + d.nodesByType.CORE + d.nodesByType.DEFAULT).toBe(8);
    expect(d.nodesByType.RAN).toBe(env.nodes.filter((n) => n.type === 'RAN').length);
    expect(d.arrivalSpan).toEqual({ first: 0, last: 2499 });
    expect(d.seed).toBe(7);
  });

  it('returns plain tables whose rows match their columns', () => {
    expect(d.tables.map((t) => t.title)).toEqual(['Nodes', 'Links', 'VNF types', 'SFC types', 'Users per node', 'SFC requests per SFC type']);
    for (const t of d.tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    const links = d.tables[1];
    expect(links.rows[0].slice(0, 3)).toEqual(['loopback', 8, '1 per node']);
    expect(links.rows[1].slice(0, 3)).toEqual(['inter-node', 56, '1']);
    const sfcs = d.tables[3];
    expect(sfcs.rows[0][2]).toBe(env.sfcs[0].vnfs.join(' → '));
    const perNode = d.tables[4];
    expect(perNode.rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(112);
    const perSfc = d.tables[5];
    expect(perSfc.rows.reduce((n, r) => n + Number(r[1]), 0)).toBe(112);
  });

  it('handles an environment without requests', () => {
    const empty = describeEnvironment({ ...env, users: [], sfcRequests: [] });
    expect(empty.arrivalSpan).toBeNull();
    expect(empty.tables[5].rows.every((r) => r[1] === 0 && r[2] === '-')).toBe(true);
  });
});
