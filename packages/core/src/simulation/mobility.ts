import { readFileSync } from 'node:fs';
import type { Scheduler } from '../engine/scheduler.js';
import { InputFileError } from '../errors.js';
import { EventIds, Events } from '../events/catalogue.js';
import type { RoundState } from './round-state.js';

/** One scheduled move of a user to a node. */
export interface UserMove {
  /** Time of the move (ms, after rescaling). */
  readonly time: number;
  readonly user: string;
  readonly node: string;
}

/**
 * A user-mobility file (model-spec §5.8): `;`-separated with columns `UID`, `NID`, `TransitionTime`.
 * Times are rescaled onto the run: t' = ceil(TransitionTime · total_time / max(TransitionTime)). Unlike
 * the reference (which ignores unknown users and quits on unknown nodes at move time), every unknown
 * user or node is an error with its line and column, before the run starts.
 */
export class MobilityPlan {
  private constructor(readonly moves: readonly UserMove[]) {}

  static parse(
    text: string,
    file: string,
    totalTime: number,
    knownUsers: ReadonlySet<string>,
    knownNodes: ReadonlySet<string>,
  ): MobilityPlan {
    const lines = text.split(/\r?\n/);
    const header = (lines[0] ?? '').split(';').map((h) => h.trim());
    const cols = ['UID', 'NID', 'TransitionTime'].map((h) => header.indexOf(h));
    if (cols.some((c) => c < 0)) {
      throw new InputFileError(file, `header must name the columns UID;NID;TransitionTime; found "${lines[0] ?? ''}"`, {
        line: 1,
      });
    }
    const raw: { t: number; user: string; node: string }[] = [];
    for (let i = 1; i < lines.length; i++) {
      if (lines[i].trim() === '') continue;
      const f = lines[i].split(';').map((x) => x.trim());
      const line = i + 1;
      const user = f[cols[0]] ?? '';
      const node = f[cols[1]] ?? '';
      const t = Number(f[cols[2]]);
      if (!knownUsers.has(user)) {
        throw new InputFileError(file, `unknown user "${user}" (the environment has ${knownUsers.size} users, u_0 …)`, {
          line,
          column: cols[0] + 1,
        });
      }
      if (!knownNodes.has(node)) {
        throw new InputFileError(file, `unknown node "${node}" (the environment has ${knownNodes.size} nodes, n_0 …)`, {
          line,
          column: cols[1] + 1,
        });
      }
      if (!Number.isFinite(t) || t < 0 || (f[cols[2]] ?? '') === '') {
        throw new InputFileError(file, `TransitionTime must be a number ≥ 0, found "${f[cols[2]] ?? ''}"`, {
          line,
          column: cols[2] + 1,
        });
      }
      raw.push({ t, user, node });
    }
    const max = raw.reduce((m, r) => Math.max(m, r.t), 0);
    const moves = raw
      .map((r) => ({ time: max > 0 ? Math.ceil((r.t * totalTime) / max) : 0, user: r.user, node: r.node }))
      .map((m, i) => ({ ...m, i }))
      .sort((a, b) => a.time - b.time || a.i - b.i)
      .map(({ time, user, node }) => ({ time, user, node }));
    return new MobilityPlan(moves);
  }

  static read(
    path: string,
    totalTime: number,
    knownUsers: ReadonlySet<string>,
    knownNodes: ReadonlySet<string>,
  ): MobilityPlan {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new InputFileError(path, `cannot read the user-mobility file (${(e as Error).message})`, { cause: e });
    }
    return MobilityPlan.parse(text, path, totalTime, knownUsers, knownNodes);
  }
}

/** Applies a mobility plan during a round: moves users and logs `USER_MOVED` (§5.8). */
export class UserMobility {
  private readonly sched: Scheduler;

  constructor(
    private readonly s: RoundState,
    private readonly plan: MobilityPlan,
  ) {
    this.sched = s.scheduler;
  }

  start(): void {
    for (const m of this.plan.moves) if (m.time < this.s.settings.totalTime) this.sched.at(m.time, this.move, m);
  }

  private readonly move = (m: UserMove): void => {
    const user = this.s.userByName.get(m.user)!;
    if (user.node === m.node) return;
    const origin = user.node;
    user.node = m.node;
    const bus = this.s.bus;
    if (bus.hasId(EventIds.USER_MOVED)) {
      bus.emit(Events.USER_MOVED, { time: this.sched.now, user: m.user, originNode: origin, destinyNode: m.node });
    }
  };
}
