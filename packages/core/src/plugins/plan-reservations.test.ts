import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng.js';
import type { Link } from '../model/link.js';
import type { SfcRequest } from '../model/sfc-request.js';
import type { Vnf } from '../model/vnf.js';
import { tinyEnvironment as environment, tinyRequests as requests, tinyView as makeView } from '../testing/index.js';
import type { InfrastructureView } from './infrastructure-view.js';
import { type PlannedVnfInstance, PlanReservations } from './plan-reservations.js';
import { checkPlacementPlan } from './plan-validation.js';
import type { ChainDecision, PlacementDecision, VnfAssignment } from './placement.js';

const [v0, v1] = environment.vnfs as [Vnf, Vnf];
const link = (name: string): Link => environment.links.find((l) => l.name === name) as Link;
const instance = (view: InfrastructureView, name: string) => view.vnfInstances.find((v) => v.name === name)!;

describe('PlanReservations: what the view leaves free', () => {
  it('starts from the free CPU, memory, bandwidth and share slots of the view', () => {
    const view = makeView();
    const r = new PlanReservations(view);
    // n_0: 5000 − 2000 (shutting-down v_0); n_1: 9000 − 2000 and 2500 − 1000; n_2: 30000 − 4000.
    expect([r.freeCpu('n_0'), r.freeCpu('n_1'), r.freeCpu('n_2')]).toEqual([3000, 7000, 26000]);
    expect(r.freeMem('n_1')).toBe(1500);
    expect(r.allocatedCpu('n_1')).toBe(2000);
    expect(r.freeBandwidth(link('l_1_2_0'))).toBe(50); // 150 − 100 booked by si_0
    expect(r.freeCpu('n_9')).toBe(0);
    expect(r.fits('n_9', { ...v0, cpu: 0, mem: 0 })).toBe(false);
  });

  it('tells which nodes can take a new instance: resources and the node VNF list', () => {
    const r = new PlanReservations(makeView());
    expect(r.canCreate('n_0', v0)).toBe(true);
    expect(r.fits('n_1', v1)).toBe(false); // 1500 memory free, v_1 needs 2000
    expect(r.fits('n_2', v0)).toBe(true);
    expect(r.canCreate('n_2', v0)).toBe(false); // n_2 hosts only v_1
  });

  it('reuses only starting or running instances that accept SFC instances and have a free slot', () => {
    const view = makeView();
    const r = new PlanReservations(view);
    expect(r.reusable(instance(view, 'n_0_v_0_0'))).toBe(false); // shutting down
    expect(r.reusable(instance(view, 'n_1_v_0_0'))).toBe(true); // 1 free slot
    expect(r.reusable(instance(view, 'n_2_v_1_0'))).toBe(false); // full
  });
});

describe('PlanReservations: reserving per request', () => {
  it('takes CPU, memory and a slot for a new instance, and gives them back on rollback', () => {
    const r = new PlanReservations(makeView());
    r.begin();
    const p = r.create('n_0', v0);
    expect(p).toEqual({ key: 'v_0@n_0#0', node: 'n_0', vnf: 'v_0' });
    expect([r.freeCpu('n_0'), r.freeMem('n_0'), r.allocatedCpu('n_0')]).toEqual([1000, 8000, 4000]);
    expect(r.freeSlotsOfPlanned(p)).toBe(1); // max_share 2, one taken by the creating request
    expect(r.canCreate('n_0', v0)).toBe(false);
    r.rollback();
    expect([r.freeCpu('n_0'), r.freeMem('n_0'), r.allocatedCpu('n_0')]).toEqual([3000, 9000, 2000]);
    expect(r.planned).toEqual([]);
    expect(r.plannedOf('v_0')).toEqual([]);
  });

  it('keeps what a committed request took; a later request shares the planned instance until its slots run out', () => {
    const r = new PlanReservations(makeView());
    r.begin();
    const p = r.create('n_0', v0);
    r.commit();
    r.begin();
    expect(r.reusablePlanned(p)).toBe(true);
    r.takePlanned(p);
    r.commit();
    expect(r.freeSlotsOfPlanned(p)).toBe(0);
    r.begin();
    expect(r.reusablePlanned(p)).toBe(false);
    r.rollback();
    expect(r.plannedOf('v_0')).toEqual([p]);
    expect(r.freeCpu('n_0')).toBe(1000);
  });

  it('takes one slot per instance per request, as the core does for a chain passing an instance twice', () => {
    const view = makeView();
    const r = new PlanReservations(view);
    const shared = instance(view, 'n_1_v_0_0');
    r.begin();
    r.takeExisting(shared);
    expect(r.freeSlotsOfExisting(shared)).toBe(0);
    expect(r.reusable(shared)).toBe(false);
    r.takeExisting(shared); // the chain passes it again: no second slot
    r.commit();
    expect(r.freeSlotsOfExisting(shared)).toBe(0);
    r.begin();
    const p = r.create('n_0', v0); // max_share 2: one slot taken by its creation
    r.takePlanned(p);
    expect(r.freeSlotsOfPlanned(p)).toBe(1);
    r.commit();
    r.begin();
    r.takePlanned(p);
    expect(r.freeSlotsOfPlanned(p)).toBe(0);
  });

  it('books bandwidth only with the limit on; a link with nothing free is not usable', () => {
    const on = new PlanReservations(makeView());
    on.begin();
    on.book(link('l_1_2_0'), 50);
    expect(on.usable(link('l_1_2_0'))).toBe(false);
    on.rollback();
    expect(on.usable(link('l_1_2_0'))).toBe(true);
    const off = new PlanReservations(makeView({ computeLinkBandwidthLimit: false }));
    off.book(link('l_1_2_0'), 500);
    expect(off.freeBandwidth(link('l_1_2_0'))).toBe(50);
    expect(off.usable(link('l_1_2_0'))).toBe(true);
  });

  it('counts changes in its version, and refuses to take slots of instances it does not know', () => {
    const view = makeView();
    const r = new PlanReservations(view);
    const before = r.version;
    r.begin();
    r.create('n_1', v0);
    expect(r.version).toBeGreaterThan(before);
    expect(() => r.takeExisting({ ...instance(view, 'n_1_v_0_0'), name: 'ghost' })).toThrow(/ghost is not a VNF instance of the view/);
    expect(() => r.create('n_9', v0)).toThrow(/n_9 is not a node of the view/);
  });
});

/** A candidate assignment of one chain position. */
type Option = { kind: 'existing'; name: string } | { kind: 'planned'; planned: PlannedVnfInstance } | { kind: 'new'; node: string };

/** Every assignment the core could be asked about for `vnf` (feasible or not). */
function options(view: InfrastructureView, r: PlanReservations, vnf: Vnf): Option[] {
  return [
    ...view.vnfInstances.filter((i) => i.vnf === vnf.name).map((i): Option => ({ kind: 'existing', name: i.name })),
    ...r.plannedOf(vnf.name).map((planned): Option => ({ kind: 'planned', planned })),
    ...environment.nodes.map((n): Option => ({ kind: 'new', node: n.name })),
  ];
}

/**
 * Reserves a candidate chain through `r` (inside an open request) and returns the decision and
 * whether the reservations found every step feasible.
 */
function reserve(view: InfrastructureView, r: PlanReservations, request: SfcRequest, choice: readonly Option[], links: readonly Link[]) {
  let feasible = true;
  const vnfs: VnfAssignment[] = [];
  const chain = [v0, v1];
  choice.forEach((o, k) => {
    if (o.kind === 'existing') {
      const inst = instance(view, o.name);
      feasible &&= r.reusable(inst);
      r.takeExisting(inst);
      vnfs.push({ kind: 'existing', instance: o.name });
    } else if (o.kind === 'planned') {
      feasible &&= r.reusablePlanned(o.planned) && o.planned.vnf === chain[k].name;
      r.takePlanned(o.planned);
      vnfs.push({ kind: 'new', node: o.planned.node, key: o.planned.key });
    } else {
      feasible &&= r.canCreate(o.node, chain[k]);
      vnfs.push({ kind: 'new', node: o.node, key: r.create(o.node, chain[k]).key });
    }
  });
  links.forEach((l, h) => {
    feasible &&= r.usable(l);
    r.book(l, h === 0 ? 0 : chain[h - 1].minBandwidth);
  });
  const decision: ChainDecision = { kind: 'chain', request: request.name, vnfs, links: links.map((l) => l.name) };
  return { decision, feasible };
}

describe('PlanReservations agrees with the core plan validation', () => {
  it('on every candidate chain of seeded random plans: feasible for the reservations iff the core accepts it', () => {
    const batch: SfcRequest[] = Array.from({ length: 8 }, (_, i) => ({ ...requests[0], index: i, name: `r_${i}` }));
    let accepted = 0;
    let refused = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const limit = seed % 3 !== 0;
      const view = makeView({ computeLinkBandwidthLimit: limit, freeBandwidth: seed % 2 === 0 ? { l_0_1_0: 150 } : {} });
      const rng = new Rng(seed).stream('plan');
      const r = new PlanReservations(view);
      const decisions: PlacementDecision[] = [];
      batch.forEach((request, i) => {
        const feasibleOnes: { choice: Option[]; links: Link[] }[] = [];
        for (const o0 of options(view, r, v0)) {
          for (const o1 of options(view, r, v1)) {
            const nodeOf = (o: Option) => (o.kind === 'existing' ? instance(view, o.name).node : o.kind === 'planned' ? o.planned.node : o.node);
            const path = [request.ingressNode, nodeOf(o0), nodeOf(o1), request.egressNode];
            const hopLinks = [0, 1, 2].map((h) => view.linksBetween(path[h], path[h + 1]));
            if (hopLinks.some((ls) => ls.length === 0)) continue; // the core would refuse it for its links; no choice to make
            const links = hopLinks.map((ls) => ls[0]);
            r.begin();
            const { decision, feasible } = reserve(view, r, request, [o0, o1], links);
            r.rollback();
            const verdict = checkPlacementPlan({ decisions: [...decisions, decision] }, batch.slice(0, i + 1), view, 'test')[i];
            expect(verdict.status === 'accepted', `${JSON.stringify(decision)}: ${verdict.status === 'rejected' ? verdict.reason : ''}`).toBe(feasible);
            if (feasible) {
              accepted++;
              feasibleOnes.push({ choice: [o0, o1], links });
            } else refused++;
          }
        }
        if (feasibleOnes.length === 0) {
          decisions.push({ kind: 'reject', request: request.name, reason: 'nothing fits' });
          return;
        }
        const pick = rng.choice(feasibleOnes);
        r.begin();
        decisions.push(reserve(view, r, request, pick.choice, pick.links).decision);
        r.commit();
      });
      // The plan built through the reservations is accepted whole.
      const checked = checkPlacementPlan({ decisions }, batch, view, 'test');
      for (const [i, c] of checked.entries()) expect(c.status).toBe(decisions[i].kind === 'reject' ? 'rejected' : 'accepted');
    }
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});
