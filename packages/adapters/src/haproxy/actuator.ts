import { type MonitorView, type ScalingAction, checkScalingActions } from '@nss/core';
import { HaproxyError } from './errors.js';
import { type LiveMapping, type ResolvedLiveMapping, resolveLiveMapping, splitInstance, weightOfCpu } from './live-mapping.js';
import type { HaproxyRuntime, RuntimeCheck } from './runtime.js';

/** Address of a backend server the actuator may add. */
export interface ServerAddress {
  /** IP address. */
  readonly address: string;
  /** TCP port. */
  readonly port: number;
}

/**
 * What the actuator does with a `vertical` action:
 * - `weight`: the server's weight follows its CPU target (weight = cpu / serverCpu × serverWeight), so
 *   traffic is shared in proportion to capacity (when something else, e.g. a cgroup, resizes the server);
 * - `horizontal`: a CPU scale-up of a server of backend B adds a server to B (at most one per backend
 *   per {@link HaproxyActuator.apply}), a scale-down removes that server while B keeps `minServers` —
 *   a live pool grows by servers, not by CPU.
 */
export type VerticalMode = 'weight' | 'horizontal';

/** Options of {@link HaproxyActuator}. */
export interface ActuatorOptions extends LiveMapping {
  /** The runtime API client to act through. */
  readonly runtime: HaproxyRuntime;
  /** Default `weight`. */
  readonly vertical?: VerticalMode;
  /**
   * Gives the address of a new server of a backend (e.g. starts a process and returns its port). Without
   * it, scale-out only re-enables servers in maintenance that already have an address.
   */
  readonly provision?: (backend: string) => Promise<ServerAddress>;
  /** Called after a server was removed (e.g. to stop its process). */
  readonly release?: (backend: string, server: string, address: ServerAddress) => Promise<void>;
  /** Health check of added servers. Default none. */
  readonly check?: RuntimeCheck;
  /** Prefix of `server-template` slots (reused first on scale-out). Default `slot`. */
  readonly slotPrefix?: string;
  /** Name prefix of servers added at run time (`<prefix><n>`). Default `nss`. */
  readonly namePrefix?: string;
  /** ms a drained server may take to finish its sessions before removal fails. Default 30000. */
  readonly drainTimeoutMs?: number;
  /** Servers a backend keeps at least (a removal below is refused). Default 1. */
  readonly minServers?: number;
  /** Name used in the reasons of refused actions. Default `haproxy-actuator`. */
  readonly strategy?: string;
}

/** What happened to one action. */
export interface ActuationResult {
  /** The action as the strategy gave it. */
  readonly action: ScalingAction;
  /** `applied`; `refused` (by the core's checks or the actuator's rules, nothing changed); `failed` (HAProxy refused). */
  readonly status: 'applied' | 'refused' | 'failed';
  /** What was done, or why not. */
  readonly detail: string;
  /** The server acted on, `<backend>/<server>`, when there is one. */
  readonly server?: string;
  /** The error, when `failed`. */
  readonly error?: HaproxyError;
}

/**
 * Applies a scaling strategy's decisions to a live HAProxy pool (see {@link LiveMapping} for the
 * names): `add-instance` of VNF type B → a server added to backend B (a free `server-template` slot
 * given an address and enabled, else `add server`), `remove-instance` of `B/S` → S drained, its sessions
 * awaited, then deleted (or left in maintenance when HAProxy cannot delete it, e.g. a slot or a server
 * of the configuration), `vertical` → see {@link VerticalMode}. Dispatch weights go through
 * {@link HaproxyActuator.applyWeights}.
 *
 * With the view the actions were decided on, they are first checked by the core
 * (`checkScalingActions`): a refused action changes nothing, as in the simulator.
 */
export class HaproxyActuator {
  private readonly options: ActuatorOptions;
  private readonly mapping: ResolvedLiveMapping;
  private readonly runtime: HaproxyRuntime;
  private added = 0;

  constructor(options: ActuatorOptions) {
    this.options = options;
    this.runtime = options.runtime;
    this.mapping = resolveLiveMapping(options);
  }

  /** Applies the actions in order; resolves with one result per action (after translation, see {@link VerticalMode}). */
  async apply(actions: readonly ScalingAction[], view?: MonitorView): Promise<ActuationResult[]> {
    const translated = this.translate(actions, view);
    const results: ActuationResult[] = [];
    const verdicts = view === undefined ? undefined : checkScalingActions(translated.map((t) => t.action), view, this.options.strategy ?? 'haproxy-actuator');
    for (let i = 0; i < translated.length; i++) {
      const { action, refused } = translated[i];
      if (refused !== undefined) {
        results.push({ action, status: 'refused', detail: refused });
        continue;
      }
      const verdict = verdicts?.[i];
      if (verdict !== undefined && verdict.status === 'rejected') {
        results.push({ action, status: 'refused', detail: `${verdict.constraint}: ${verdict.reason}` });
        continue;
      }
      try {
        results.push(await this.applyOne(action));
      } catch (error) {
        if (!(error instanceof HaproxyError)) throw error;
        results.push({ action, status: 'failed', detail: error.message, error });
      }
    }
    return results;
  }

  private translate(actions: readonly ScalingAction[], view: MonitorView | undefined): { action: ScalingAction; refused?: string }[] {
    if ((this.options.vertical ?? 'weight') === 'weight') return actions.map((action) => ({ action }));
    const out: { action: ScalingAction; refused?: string }[] = [];
    const adding = new Set<string>();
    const live = new Map<string, number>();
    for (const v of view?.vnfInstances ?? []) if (v.state !== 'shutting-down') live.set(v.vnf, (live.get(v.vnf) ?? 0) + 1);
    for (const a of actions) {
      if (a?.kind !== 'vertical' || a.cpu === undefined) {
        out.push({ action: a });
        continue;
      }
      const target = splitInstance(a.instance);
      const current = view?.vnfInstances.find((v) => v.name === a.instance);
      if (target === undefined) {
        out.push({ action: a, refused: `instance ${String(a.instance)} is not "<backend>/<server>"` });
      } else if (current === undefined || a.cpu > current.cpu) {
        if (adding.has(target.backend)) continue; // one new server per backend per cycle
        adding.add(target.backend);
        out.push({ action: { kind: 'add-instance', vnf: target.backend, node: this.mapping.node, reason: a.reason ?? `scale-up of ${a.instance}` } });
      } else if (a.cpu < current.cpu) {
        const n = live.get(target.backend) ?? 0;
        if (n <= (this.options.minServers ?? 1)) continue;
        live.set(target.backend, n - 1);
        out.push({ action: { kind: 'remove-instance', instance: a.instance, reason: a.reason ?? `scale-down of ${a.instance}` } });
      }
    }
    return out;
  }

  private async applyOne(action: ScalingAction): Promise<ActuationResult> {
    switch (action.kind) {
      case 'add-instance':
        return this.scaleOut(action);
      case 'remove-instance':
        return this.scaleIn(action);
      case 'vertical': {
        const target = splitInstance(action.instance);
        if (target === undefined) return { action, status: 'refused', detail: `instance ${String(action.instance)} is not "<backend>/<server>"` };
        if (action.cpu === undefined) return { action, status: 'refused', detail: 'only the CPU of a live server maps to HAProxy (its weight); memory is not applied' };
        const weight = weightOfCpu(action.cpu, this.mapping);
        await this.runtime.setWeight(target.backend, target.server, weight);
        return { action, status: 'applied', detail: `weight of ${action.instance} set to ${weight}`, server: action.instance };
      }
      default:
        return { action, status: 'refused', detail: `not a scaling action: ${JSON.stringify(action)}` };
    }
  }

  private async scaleOut(action: Extract<ScalingAction, { kind: 'add-instance' }>): Promise<ActuationResult> {
    const backend = action.vnf;
    const states = await this.runtime.showServersState(backend);
    const slotPrefix = this.options.slotPrefix ?? 'slot';
    const inMaintenance = states.filter((s) => s.maintenance);
    if (this.options.provision === undefined) {
      const spare = inMaintenance.find((s) => !(s.server.startsWith(slotPrefix) && s.port === 1));
      if (spare === undefined) {
        return { action, status: 'refused', detail: `backend ${backend} has no server in maintenance to enable and no provision callback to start one` };
      }
      await this.runtime.enableServer(backend, spare.server);
      await this.runtime.setWeight(backend, spare.server, this.mapping.serverWeight);
      return { action, status: 'applied', detail: `enabled ${backend}/${spare.server} (${spare.address}:${spare.port})`, server: `${backend}/${spare.server}` };
    }
    const address = await this.options.provision(backend);
    const slot = inMaintenance.find((s) => s.server.startsWith(slotPrefix));
    if (slot !== undefined) {
      await this.runtime.setAddress(backend, slot.server, address.address, address.port);
      await this.runtime.setWeight(backend, slot.server, this.mapping.serverWeight);
      await this.runtime.enableServer(backend, slot.server);
      return { action, status: 'applied', detail: `slot ${backend}/${slot.server} set to ${address.address}:${address.port} and enabled`, server: `${backend}/${slot.server}` };
    }
    const names = new Set(states.map((s) => s.server));
    let name: string;
    do name = `${this.options.namePrefix ?? 'nss'}${++this.added}`;
    while (names.has(name));
    await this.runtime.addServer(backend, name, { ...address, weight: this.mapping.serverWeight, check: this.options.check });
    return { action, status: 'applied', detail: `added ${backend}/${name} at ${address.address}:${address.port}`, server: `${backend}/${name}` };
  }

  private async scaleIn(action: Extract<ScalingAction, { kind: 'remove-instance' }>): Promise<ActuationResult> {
    const target = splitInstance(action.instance);
    if (target === undefined) return { action, status: 'refused', detail: `instance ${String(action.instance)} is not "<backend>/<server>"` };
    const { backend, server } = target;
    const states = await this.runtime.showServersState(backend);
    const me = states.find((s) => s.server === server);
    if (me === undefined) throw new HaproxyError('no-such-server', `backend ${backend} has no server ${server} to remove`);
    const serving = states.filter((s) => !s.maintenance && !s.draining).length;
    if (serving - 1 < (this.options.minServers ?? 1) && !me.maintenance && !me.draining) {
      return { action, status: 'refused', detail: `removing ${action.instance} would leave backend ${backend} below ${this.options.minServers ?? 1} servers` };
    }
    await this.runtime.drainServer(backend, server);
    const waited = await this.runtime.waitForNoSessions(backend, server, { timeoutMs: this.options.drainTimeoutMs ?? 30_000 });
    let how: string;
    try {
      await this.runtime.deleteServer(backend, server);
      how = 'deleted';
    } catch (error) {
      if (!(error instanceof HaproxyError) || error.kind !== 'command-failed') throw error;
      how = `left in maintenance (HAProxy: ${error.haproxyMessage ?? error.message})`;
    }
    await this.options.release?.(backend, server, { address: me.address, port: me.port });
    return { action, status: 'applied', detail: `drained ${action.instance} (${waited} ms for its sessions), ${how}`, server: action.instance };
  }

  /**
   * Applies dispatch weights (any non-negative numbers, e.g. a dispatch policy's 0.106 / 0.109) to a
   * backend's servers: scaled so the largest becomes 256 (HAProxy's maximum, for the finest split) and
   * rounded; a positive weight never rounds to 0. Resolves with the integer weights set.
   */
  async applyWeights(backend: string, weights: Readonly<Record<string, number>>): Promise<Record<string, number>> {
    const entries = Object.entries(weights);
    for (const [server, w] of entries) {
      if (!Number.isFinite(w) || w < 0) throw new HaproxyError('command-failed', `dispatch weight of ${backend}/${server} must be a finite number ≥ 0, got ${w}`);
    }
    const max = Math.max(0, ...entries.map(([, w]) => w));
    const applied: Record<string, number> = {};
    for (const [server, w] of entries) {
      const weight = max === 0 ? 0 : w === 0 ? 0 : Math.max(1, Math.round((w / max) * 256));
      await this.runtime.setWeight(backend, server, weight);
      applied[server] = weight;
    }
    return applied;
  }
}
