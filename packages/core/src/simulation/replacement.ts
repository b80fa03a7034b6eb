import type { Scheduler } from '../engine/scheduler.js';
import { Events } from '../events/catalogue.js';
import type { Lifecycle } from './lifecycle.js';
import type { PlacementRounds } from './placement-rounds.js';
import type { RoundState } from './round-state.js';
import type { RequestRuntime } from './runtime/request-runtime.js';

/**
 * Re-placement ("migration") of requests whose user moved and whose latency crossed the migration
 * threshold (model-spec §3.5): attempts at t0, t0 + slot, t0 + 4·slot, t0 + 11·slot, … (gaps 1, 3, 7 …
 * slots), at most `max_replacement_retries` attempts.
 */
export class Replacement {
  private readonly s: RoundState;
  private readonly sched: Scheduler;

  constructor(
    state: RoundState,
    private readonly rounds: PlacementRounds,
    private readonly lifecycle: Lifecycle,
  ) {
    this.s = state;
    this.sched = state.scheduler;
  }

  /** Queues a request for re-placement now (no-op when already waiting). */
  enqueue(req: RequestRuntime): void {
    if (req.replacement !== null) return;
    req.replacement = { retries: 0, nextTry: this.sched.now };
    this.sched.at(this.sched.now, this.attempt, req);
  }

  /** Cancels a waiting request (its latency fell back below the threshold). */
  cancel(req: RequestRuntime): void {
    req.replacement = null;
  }

  private readonly attempt = (req: RequestRuntime): void => {
    const st = req.replacement;
    if (st === null || st.nextTry !== this.sched.now) return; // cancelled or superseded
    const p = this.s.settings.placement;
    st.retries++;
    if (st.retries < p.maxReplacementRetries) {
      st.nextTry = this.sched.now + (2 ** st.retries - 1) * p.replacementBackoffSlotSize;
      this.sched.at(st.nextTry, this.attempt, req);
    } else {
      st.nextTry = Number.NaN; // exhausted: stays waiting, never retried ([Q-24] kept: no retry storm)
    }
    const old = req.sfcInstance;
    const oldIngress = req.ingressNode;
    req.ingressNode = req.user.node;
    const request = Object.freeze({ ...req.req, ingressNode: req.user.node });
    this.rounds.decide([request], (plan) => {
      this.rounds.apply([req], [request], plan);
      if (req.placed && req.sfcInstance !== null && req.sfcInstance !== old) {
        if (old !== null) {
          const others = old.reqs.some((r) => r !== req && r.sfcInstance === old);
          if (this.s.quirks.replacementDestroysSharedInstance || !others) this.lifecycle.destroySfcInstance(old);
          else old.reqs.splice(old.reqs.indexOf(req), 1);
        }
        req.replacements++;
        req.replacement = null;
        this.rounds.emitRequest(Events.SFC_REQUEST_REPLACED, req, -1, undefined);
      } else {
        req.placed = true;
        req.sfcInstance = old;
        req.ingressNode = oldIngress;
        this.rounds.emitRequest(Events.SFC_REQUEST_REPLACEMENT_FAILED, req, -1, req.rejectReason || undefined);
      }
    });
  };
}
