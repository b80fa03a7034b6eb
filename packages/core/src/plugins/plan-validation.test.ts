import { describe, expect, it } from 'vitest';
import { PluginError } from '../errors.js';
import { tinyRequests as requests, tinyView as makeView } from '../testing/index.js';
import {
  type AcceptedPlacement,
  type CheckedPlacement,
  type RejectedPlacement,
  checkPlacementPlan,
} from './plan-validation.js';
import type { ChainDecision, PlacementDecision, PlacementPlan, VnfAssignment } from './placement.js';

const P = 'TestPlacement';
const [r0, r1, r2, r3] = requests;

const existing = (instance: string): VnfAssignment => ({ kind: 'existing', instance });
const fresh = (node: string, key?: string): VnfAssignment => (key === undefined ? { kind: 'new', node } : { kind: 'new', node, key });
const chain = (request: string, vnfs: VnfAssignment[], links: string[]): ChainDecision => ({ kind: 'chain', request, vnfs, links });

/** v_0 and v_1 both new: v_0 on n_0, v_1 on n_2 (the route n_0 -> n_0 -> n_2 -> n_2). */
const direct = (request: string, key0?: string): ChainDecision =>
  chain(request, [fresh('n_0', key0), fresh('n_2')], ['l_0_loopback', 'l_0_2_0', 'l_2_loopback']);

function check(decisions: PlacementDecision[], batch = requests, view = makeView()): CheckedPlacement[] {
  return checkPlacementPlan({ decisions }, batch, view, P);
}

function accepted(entry: CheckedPlacement | undefined): AcceptedPlacement {
  expect(entry?.status, entry?.status === 'accepted' ? '' : (entry as RejectedPlacement | undefined)?.reason).toBe('accepted');
  return entry as AcceptedPlacement;
}

function rejected(entry: CheckedPlacement | undefined, constraint: string): RejectedPlacement {
  expect(entry?.status).toBe('rejected');
  expect((entry as RejectedPlacement).constraint).toBe(constraint);
  return entry as RejectedPlacement;
}

describe('checkPlacementPlan: feasible plans', () => {
  it('accepts a chain of new instances and reports what it creates', () => {
    const [a] = check([direct('r_0')], [r0]);
    const ok = accepted(a);
    expect(ok.request).toBe('r_0');
    expect(ok.newInstances.map((n) => [n.node, n.vnf, n.position])).toEqual([
      ['n_0', 'v_0', 0],
      ['n_2', 'v_1', 1],
    ]);
    expect(ok.assignments.map((x) => x.kind)).toEqual(['new', 'new']);
  });

  it('accepts a chain reusing an existing instance with a free slot (and creates nothing for it)', () => {
    const [a] = check([chain('r_0', [existing('n_1_v_0_0'), fresh('n_2')], ['l_0_1_0', 'l_1_2_0', 'l_2_loopback'])], [r0]);
    const ok = accepted(a);
    expect(ok.newInstances).toHaveLength(1);
    expect(ok.assignments[0]).toEqual({ kind: 'existing', instance: 'n_1_v_0_0', node: 'n_1', vnf: 'v_0' });
  });

  it('returns entries in batch order although decisions come in another order', () => {
    const out = check([direct('r_1'), { kind: 'reject', request: 'r_0', reason: 'no room' }], [r0, r1]);
    expect(out.map((e) => e.request)).toEqual(['r_0', 'r_1']);
    const rej = rejected(out[0], 'plugin-rejected');
    expect(rej.reason).toBe(`${P} did not place r_0: no room`);
    accepted(out[1]);
  });

  it('accepts a share of an active, unlocked SFC instance with the same type and endpoints', () => {
    const [a] = check([{ kind: 'share', request: 'r_0', sfcInstance: 'si_0' }], [r0]);
    expect(accepted(a).newInstances).toEqual([]);
  });
});

describe('checkPlacementPlan: node resources', () => {
  it('rejects a new instance on a node without enough CPU, with the numbers', () => {
    // n_0 has 5000 CPU, 2000 held by a shutting-down instance: 3000 free; v_1 needs 4000.
    const [a] = check([chain('r_0', [existing('n_1_v_0_0'), fresh('n_0')], ['l_0_1_0', 'l_1_0_0', 'l_0_2_0'])], [r0]);
    expect(rejected(a, 'insufficient-cpu').reason).toBe(`${P} placed v_1 of r_0 on n_0 with 3000 CPU free; it needs 4000`);
  });

  it('counts what earlier VNFs of the same chain took on a node', () => {
    const [a] = check([chain('r_0', [fresh('n_0'), fresh('n_0')], ['l_0_loopback', 'l_0_loopback', 'l_0_2_0'])], [r0]);
    expect(rejected(a, 'insufficient-cpu').reason).toBe(
      `${P} placed v_1 of r_0 on n_0 with 1000 CPU free (earlier VNFs of this chain took 2000); it needs 4000`,
    );
  });

  it('sees the CPU consumed by an earlier decision of the same plan', () => {
    const out = check([direct('r_0'), direct('r_1')], [r0, r1]);
    accepted(out[0]);
    const rej = rejected(out[1], 'insufficient-cpu');
    expect(rej.reason).toBe(`${P} placed v_0 of r_1 on n_0 with 1000 CPU free (earlier decisions of this plan took 2000); it needs 2000`);
  });

  it('rejects a new instance on a node without enough memory, also after earlier decisions', () => {
    // n_1: 2500 memory, 1000 used: 1500 free. v_1 needs 2000.
    const bad = chain('r_0', [existing('n_1_v_0_0'), fresh('n_1')], ['l_0_1_0', 'l_1_loopback', 'l_1_2_0']);
    expect(rejected(check([bad], [r0])[0], 'insufficient-memory').reason).toContain('n_1 with 1500 memory free; it needs 2000');
    // Two new v_0 on n_1 (1000 each): the second finds 500.
    const onN1 = (r: string) => chain(r, [fresh('n_1'), fresh('n_2')], ['l_0_1_0', 'l_1_2_0', 'l_2_loopback']);
    const out = check([onN1('r_0'), onN1('r_1')], [r0, r1], makeView({ computeLinkBandwidthLimit: false }));
    accepted(out[0]);
    expect(rejected(out[1], 'insufficient-memory').reason).toContain('500 memory free (earlier decisions of this plan took 1000)');
  });

  it('lets a rejected decision consume nothing', () => {
    const broken = chain('r_0', [fresh('n_0'), fresh('n_2')], ['l_0_loopback', 'l_0_1_0', 'l_2_loopback']); // wrong hop 1
    const out = check([broken, direct('r_1')], [r0, r1]);
    rejected(out[0], 'link-endpoints');
    accepted(out[1]); // the 2000 CPU of n_0 the broken decision would have taken is still free
  });

  it('rejects a node that cannot host the VNF type, and an unknown node', () => {
    const [a] = check([chain('r_0', [fresh('n_2'), fresh('n_2')], ['l_0_2_0', 'l_2_loopback', 'l_2_loopback'])], [r0]);
    expect(rejected(a, 'node-cannot-host').reason).toBe(`${P} placed v_0 of r_0 on n_2, which cannot host v_0 (it hosts v_1)`);
    const [b] = check([chain('r_0', [fresh('n_7'), fresh('n_2')], ['l_0_2_0', 'l_2_loopback', 'l_2_loopback'])], [r0]);
    rejected(b, 'unknown-node');
  });
});

describe('checkPlacementPlan: chain shape and links', () => {
  it('rejects a chain whose length differs from the SFC', () => {
    const [a] = check([chain('r_0', [fresh('n_0')], ['l_0_loopback', 'l_0_2_0'])], [r0]);
    expect(rejected(a, 'chain-length').reason).toBe(`${P} gave 1 VNF assignment for r_0, but its SFC s_0 is a chain of 2 (v_0, v_1)`);
  });

  it('rejects a wrong number of links', () => {
    const [a] = check([chain('r_0', [fresh('n_0'), fresh('n_2')], ['l_0_loopback', 'l_0_2_0'])], [r0]);
    expect(rejected(a, 'link-count').reason).toContain('gave 2 links for r_0, but a chain of 2 VNFs needs 3');
  });

  it('rejects an unknown link', () => {
    const [a] = check([chain('r_0', [fresh('n_0'), fresh('n_2')], ['l_0_loopback', 'l_9_9_0', 'l_2_loopback'])], [r0]);
    expect(rejected(a, 'unknown-link').reason).toBe(`${P} routed hop 1 of r_0 (v_0 on n_0 -> v_1 on n_2) over l_9_9_0, which is not a link`);
  });

  it('rejects links with the wrong endpoints, including a non-loopback between co-located VNFs', () => {
    const [a] = check([chain('r_0', [fresh('n_0'), fresh('n_2')], ['l_0_loopback', 'l_1_2_0', 'l_2_loopback'])], [r0]);
    expect(rejected(a, 'link-endpoints').reason).toContain('over l_1_2_0, which goes from n_1 to n_2; it needs a link from n_0 to n_2');
    const [d] = check([chain('r_0', [fresh('n_0'), fresh('n_2')], ['l_0_1_0', 'l_0_2_0', 'l_2_loopback'])], [r0]);
    expect(rejected(d, 'link-endpoints').reason).toContain('hop 0 of r_0 (ingress n_0 -> v_0 on n_0) over l_0_1_0, which goes from n_0 to n_1; it needs the loopback of n_0');
    const [e] = check([chain('r_0', [fresh('n_0'), fresh('n_2')], ['l_0_loopback', 'l_0_2_0', 'l_1_2_0'])], [r0]);
    expect(rejected(e, 'link-endpoints').reason).toContain('hop 2 of r_0 (v_1 on n_2 -> egress n_2)');
  });
});

describe('checkPlacementPlan: existing VNF instances', () => {
  const via = (r: string, instance0: string, instance1?: string): ChainDecision =>
    chain(r, [existing(instance0), instance1 === undefined ? fresh('n_2') : existing(instance1)], ['l_0_1_0', 'l_1_2_0', 'l_2_loopback']);

  it('rejects an instance without a free share slot', () => {
    const [a] = check([via('r_0', 'n_1_v_0_0', 'n_2_v_1_0')], [r0]);
    expect(rejected(a, 'vnf-instance-full').reason).toBe(
      `${P} mapped v_1 of r_0 onto n_2_v_1_0, which has no free share slot (max_share 1; 1 SFC instance mapped)`,
    );
  });

  it('counts the share slots taken by earlier decisions', () => {
    const out = check([via('r_0', 'n_1_v_0_0'), via('r_1', 'n_1_v_0_0')], [r0, r1], makeView({ computeLinkBandwidthLimit: false }));
    accepted(out[0]);
    expect(rejected(out[1], 'vnf-instance-full').reason).toContain('1 more taken by earlier decisions of this plan');
  });

  it('rejects unknown, mistyped and shutting-down instances', () => {
    rejected(check([via('r_0', 'nope')], [r0])[0], 'unknown-vnf-instance');
    expect(rejected(check([via('r_0', 'n_2_v_1_0')], [r0])[0], 'vnf-type-mismatch').reason).toContain('an instance of v_1');
    const [c] = check([chain('r_0', [existing('n_0_v_0_0'), fresh('n_2')], ['l_0_loopback', 'l_0_2_0', 'l_2_loopback'])], [r0]);
    expect(rejected(c, 'vnf-instance-unavailable').reason).toContain('which is shutting-down');
  });
});

describe('checkPlacementPlan: sharing SFC instances', () => {
  const share = (sfcInstance: string): PlacementDecision => ({ kind: 'share', request: 'r_0', sfcInstance });

  it('rejects locked, inactive, unknown and mismatched SFC instances', () => {
    expect(rejected(check([share('si_1')], [r0])[0], 'sfc-instance-locked').reason).toContain('si_1, which is locked');
    expect(rejected(check([share('si_2')], [r0])[0], 'sfc-instance-inactive').reason).toBe(
      `${P} attached r_0 to SFC instance si_2, which is no longer active`,
    );
    rejected(check([share('si_9')], [r0])[0], 'unknown-sfc-instance');
    expect(rejected(check([share('si_3')], [r0])[0], 'ingress-egress-mismatch').reason).toContain(
      'runs from n_0 to n_1; r_0 goes from n_0 to n_2',
    );
  });

  it('rejects any share when sharing is disabled', () => {
    const [a] = check([share('si_0')], [r0], makeView({ shareSfcInstances: false }));
    expect(rejected(a, 'sharing-disabled').reason).toContain('sharing is disabled');
  });
});

describe('checkPlacementPlan: link bandwidth', () => {
  // l_1_2_0 has 150 bandwidth, 100 booked by si_0: 50 free. Each chain through it books v_0's 100.
  const viaN1 = (r: string) => chain(r, [fresh('n_1'), fresh('n_2')], ['l_0_1_0', 'l_1_2_0', 'l_2_loopback']);

  it('books the leaving VNF min_bandwidth so a later hop finds the link exhausted when the limit is on', () => {
    const out = check([viaN1('r_0'), { ...viaN1('r_1'), vnfs: [existing('n_1_v_0_0'), fresh('n_2')] }], [r0, r1]);
    accepted(out[0]);
    expect(rejected(out[1], 'insufficient-bandwidth').reason).toBe(
      `${P} routed hop 1 of r_1 (v_0 on n_1 -> v_1 on n_2) over l_1_2_0 with -50 bandwidth free (earlier decisions of this plan took 100) (compute_link_bw_limit is on)`,
    );
  });

  it('accepts the same plan when the limit is off', () => {
    const out = check([viaN1('r_0'), { ...viaN1('r_1'), vnfs: [existing('n_1_v_0_0'), fresh('n_2')] }], [r0, r1], makeView({ computeLinkBandwidthLimit: false }));
    accepted(out[0]);
    accepted(out[1]);
  });

  it('books nothing on the ingress hop', () => {
    // l_0_1_0 has 1 free: if the ingress hop booked anything, the second request would find it exhausted.
    const view = makeView({ freeBandwidth: { l_0_1_0: 1, l_1_2_0: 1000 } });
    const a = chain('r_0', [existing('n_1_v_0_0'), fresh('n_2')], ['l_0_1_0', 'l_1_2_0', 'l_2_loopback']);
    const out = check([a, viaN1('r_1')], [r0, r1], view);
    accepted(out[0]);
    accepted(out[1]);
  });

  it('does not route the ingress hop over a link with no free bandwidth while the limit is on', () => {
    const [a] = check([viaN1('r_0')], [r0], makeView({ freeBandwidth: { l_0_1_0: 0 } }));
    expect(rejected(a, 'insufficient-bandwidth').reason).toContain('hop 0 of r_0 (ingress n_0 -> v_0 on n_1) over l_0_1_0 with 0 bandwidth free');
    accepted(check([viaN1('r_0')], [r0], makeView({ freeBandwidth: { l_0_1_0: 0 }, computeLinkBandwidthLimit: false }))[0]);
  });
});

describe('checkPlacementPlan: bookkeeping of decisions', () => {
  it('rejects requests without a decision, ignores duplicates and unknown requests (after the batch)', () => {
    const out = check([direct('r_1'), { kind: 'reject', request: 'r_1', reason: 'again' }, direct('r_9')], [r0, r1]);
    expect(out).toHaveLength(4);
    expect(rejected(out[0], 'no-decision').reason).toBe(`${P} returned no decision for r_0`);
    accepted(out[1]);
    expect(out[2]).toMatchObject({ status: 'ignored', request: 'r_1', constraint: 'duplicate-decision' });
    expect(out[3]).toMatchObject({ status: 'ignored', request: 'r_9', constraint: 'unknown-request' });
    expect((out[3] as { reason: string }).reason).toContain('r_9, which is not one of the 2 requests of this round (r_0, r_1)');
  });

  it('rejects a malformed decision and throws on something that is not a plan', () => {
    const [a] = check([{ kind: 'teleport', request: 'r_0' } as unknown as PlacementDecision], [r0]);
    rejected(a, 'malformed-decision');
    expect(() => checkPlacementPlan({} as PlacementPlan, [r0], makeView(), P)).toThrow(PluginError);
  });
});

describe('checkPlacementPlan: new-instance keys', () => {
  it('lets two requests share a new instance: CPU is consumed once, share slots like max_share', () => {
    // n_0 has 3000 CPU free: two separate v_0 instances (2000 each) would not fit.
    const out = check([direct('r_0', 'A'), direct('r_1', 'A'), direct('r_2', 'A')], [r0, r1, r2]);
    const first = accepted(out[0]);
    const second = accepted(out[1]);
    expect(first.newInstances.map((n) => n.key)).toContain('A');
    expect(second.newInstances.map((n) => n.key)).not.toContain('A');
    expect(second.assignments[0]).toEqual({ kind: 'new', key: 'A', node: 'n_0', vnf: 'v_0', created: false });
    // v_0 has max_share 2: a third request cannot use it.
    expect(rejected(out[2], 'vnf-instance-full').reason).toContain('the new instance "A" on n_0');
  });

  it('rejects a key reused for another node or VNF type', () => {
    const other = chain('r_1', [fresh('n_1', 'A'), fresh('n_2')], ['l_0_1_0', 'l_1_2_0', 'l_2_loopback']);
    const out = check([direct('r_0', 'A'), other], [r0, r1]);
    expect(rejected(out[1], 'new-instance-key-conflict').reason).toContain('already denotes a new v_0 instance on n_0 (created for r_0)');
  });

  it('creates a keyed instance with the first accepted decision that uses the key', () => {
    const broken = { ...direct('r_0', 'B'), links: ['l_0_loopback'] };
    const out = check([broken, direct('r_1', 'B'), direct('r_3')], [r0, r1, r3]);
    rejected(out[0], 'link-count');
    expect(accepted(out[1]).newInstances.map((n) => n.key)).toContain('B');
    rejected(out[2], 'insufficient-cpu');
  });
});
