import { type ConfigIssue, ConfigError } from '@nss/core';

/** Where HAProxy's runtime API listens: a unix socket file, or a TCP port (loopback unless configured). */
export type StatsSocketConfig =
  | {
      /** Path of the unix socket file. */
      readonly path: string;
      /** Octal file mode of the socket. Default `600` (owner only). */
      readonly mode?: string;
      /** Runtime API level. Default `admin` (needed to change servers). */
      readonly level?: 'user' | 'operator' | 'admin';
    }
  | {
      /** TCP address. Default `127.0.0.1`. */
      readonly host?: string;
      /** TCP port. */
      readonly port: number;
      /** Runtime API level. Default `admin`. */
      readonly level?: 'user' | 'operator' | 'admin';
    };

/** An HTTP health check run by HAProxy against every server of a backend (`option httpchk` + `check`). */
export interface HealthCheckConfig {
  /** Request path. Default `/`. */
  readonly path?: string;
  /** HTTP method. Default `GET`. */
  readonly method?: string;
  /** Status the answer must have; default: any 2xx or 3xx (HAProxy's default). */
  readonly expectStatus?: number;
  /** ms between two checks. Default 1000. */
  readonly intervalMs?: number;
  /** Consecutive successes before a server is up. Default 2. */
  readonly rise?: number;
  /** Consecutive failures before a server is down. Default 3. */
  readonly fall?: number;
}

/** One server line of a backend. */
export interface ServerConfig {
  /** Server name, unique in its backend (letters, digits, `_ . : -`). */
  readonly name: string;
  /** IP address or host name. */
  readonly address: string;
  /** TCP port, 1..65535. */
  readonly port: number;
  /** Weight 0..256. Default 1. */
  readonly weight?: number;
  /** Max concurrent sessions sent to it (extra requests queue in HAProxy). Default: no limit. */
  readonly maxconn?: number;
  /** Start in maintenance (enable it later through the runtime API). Default false. */
  readonly disabled?: boolean;
}

/**
 * `server-template` slots: `count` servers named `<prefix>1`..`<prefix>count`, in maintenance with a
 * placeholder address until the runtime API gives them an address and enables them. They are the
 * scale-out room of a backend that works without dynamic servers.
 */
export interface ServerSlotsConfig {
  /** Name prefix. Default `slot`. */
  readonly prefix?: string;
  /** Number of slots (≥ 1). */
  readonly count: number;
  /** Placeholder address. Default `127.0.0.1:1`. */
  readonly placeholder?: string;
}

/** Load-balancing algorithm. `add server` (dynamic servers) needs one of `roundrobin`, `leastconn`, `first`, `random`. */
export type BalanceAlgorithm = 'roundrobin' | 'leastconn' | 'first' | 'random' | 'static-rr';

/** A backend: the servers a frontend spreads requests over. */
export interface BackendConfig {
  /** Backend name (letters, digits, `_ . : -`). */
  readonly name: string;
  /** Default `roundrobin`. */
  readonly balance?: BalanceAlgorithm;
  /** Health check of every server (they really run: each server line gets `check`). Default: none. */
  readonly healthCheck?: HealthCheckConfig;
  /** Add `option forwardfor` (client IP in X-Forwarded-For). Default true in http mode. */
  readonly forwardFor?: boolean;
  /** Server lines, in order. */
  readonly servers: readonly ServerConfig[];
  /** `server-template` slots for scale-out. Default none. */
  readonly slots?: ServerSlotsConfig;
  /** Raw lines appended to the section, for what this renderer does not model. */
  readonly extra?: readonly string[];
}

/** A frontend: where clients connect. */
export interface FrontendConfig {
  /** Frontend name (letters, digits, `_ . : -`). */
  readonly name: string;
  /** Listening address. Default `127.0.0.1` (loopback only, unless configured). */
  readonly host?: string;
  /** Listening port. */
  readonly port: number;
  /** Backend receiving the requests. */
  readonly backend: string;
  /** Raw lines appended to the section. */
  readonly extra?: readonly string[];
}

/** Time-outs of the `defaults` section, in ms. */
export interface TimeoutsConfig {
  /** Default 2000. */
  readonly connect?: number;
  /** Default 30000. */
  readonly client?: number;
  /** Default 30000. */
  readonly server?: number;
  /** Max time a request waits in a queue. Default 10000. */
  readonly queue?: number;
}

/** A whole HAProxy configuration as {@link renderHaproxyConfig} writes it. */
export interface HaproxyConfig {
  /** The runtime API socket (needed by {@link HaproxyRuntime}). Default: none. */
  readonly statsSocket?: StatsSocketConfig;
  /** `pidfile` of the global section. Default: none. */
  readonly pidFile?: string;
  /** Global `maxconn`. Default: HAProxy's. */
  readonly maxconn?: number;
  /** `mode` of the defaults section. Default `http`. */
  readonly mode?: 'http' | 'tcp';
  /** Time-outs of the defaults section. */
  readonly timeouts?: TimeoutsConfig;
  /** Where clients connect. */
  readonly frontends: readonly FrontendConfig[];
  /** Server pools (at least one). */
  readonly backends: readonly BackendConfig[];
  /** Raw lines appended to the global section. */
  readonly globalExtra?: readonly string[];
}

const NAME = /^[A-Za-z0-9_.:-]+$/;
const FILE = '<haproxy config>';

/** Checks what HAProxy would reject or misread; every problem with its JSON path. */
function validate(config: HaproxyConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const bad = (path: string, expected: string, found: unknown): void => {
    issues.push({ file: FILE, path, expected, found: JSON.stringify(found) ?? String(found), severity: 'error' });
  };
  const port = (path: string, p: unknown): void => {
    if (!Number.isInteger(p) || (p as number) < 1 || (p as number) > 65535) bad(path, 'a TCP port, an integer in 1..65535', p);
  };
  const name = (path: string, n: unknown): void => {
    if (typeof n !== 'string' || !NAME.test(n)) bad(path, 'a name of letters, digits, "_", ".", ":" or "-"', n);
  };
  const positive = (path: string, n: unknown): void => {
    if (n !== undefined && (!Number.isInteger(n) || (n as number) < 1)) bad(path, 'an integer ≥ 1', n);
  };
  if (config.statsSocket !== undefined && 'port' in config.statsSocket) port('/statsSocket/port', config.statsSocket.port);
  if (config.statsSocket !== undefined && 'path' in config.statsSocket && !/^\S+$/.test(config.statsSocket.path)) {
    bad('/statsSocket/path', 'a file path without spaces', config.statsSocket.path);
  }
  const backends = new Set<string>();
  if (!Array.isArray(config.backends) || config.backends.length === 0) bad('/backends', 'at least one backend', config.backends);
  (config.backends ?? []).forEach((b, i) => {
    const at = `/backends/${i}`;
    name(`${at}/name`, b.name);
    if (backends.has(b.name)) bad(`${at}/name`, 'a backend name used once', b.name);
    backends.add(b.name);
    const servers = new Set<string>();
    (b.servers ?? []).forEach((s, j) => {
      name(`${at}/servers/${j}/name`, s.name);
      if (servers.has(s.name)) bad(`${at}/servers/${j}/name`, `a server name used once in backend ${b.name}`, s.name);
      servers.add(s.name);
      if (typeof s.address !== 'string' || !/^[A-Za-z0-9_.:-]+$/.test(s.address)) bad(`${at}/servers/${j}/address`, 'an IP address or host name', s.address);
      port(`${at}/servers/${j}/port`, s.port);
      if (s.weight !== undefined && (!Number.isInteger(s.weight) || s.weight < 0 || s.weight > 256)) {
        bad(`${at}/servers/${j}/weight`, 'an integer weight in 0..256', s.weight);
      }
      positive(`${at}/servers/${j}/maxconn`, s.maxconn);
    });
    if (b.slots !== undefined) {
      positive(`${at}/slots/count`, b.slots.count);
      if (b.slots.prefix !== undefined) name(`${at}/slots/prefix`, b.slots.prefix);
    }
    if ((b.servers ?? []).length === 0 && b.slots === undefined) bad(`${at}/servers`, 'at least one server or server slots', b.servers);
    const hc = b.healthCheck;
    if (hc !== undefined) {
      positive(`${at}/healthCheck/intervalMs`, hc.intervalMs);
      positive(`${at}/healthCheck/rise`, hc.rise);
      positive(`${at}/healthCheck/fall`, hc.fall);
      if (hc.path !== undefined && !/^\/\S*$/.test(hc.path)) bad(`${at}/healthCheck/path`, 'a path starting with "/" without spaces', hc.path);
    }
  });
  const frontends = new Set<string>();
  (config.frontends ?? []).forEach((f, i) => {
    const at = `/frontends/${i}`;
    name(`${at}/name`, f.name);
    if (frontends.has(f.name) || backends.has(f.name)) bad(`${at}/name`, 'a proxy name used once (frontends and backends share names)', f.name);
    frontends.add(f.name);
    port(`${at}/port`, f.port);
    if (!backends.has(f.backend)) bad(`${at}/backend`, `one of the backends (${[...backends].join(', ')})`, f.backend);
  });
  return issues;
}

/** The `check …` keywords of a server line for a backend's health check ('' without one). */
export function checkKeywords(healthCheck: HealthCheckConfig | undefined): string {
  if (healthCheck === undefined) return '';
  return ` check inter ${healthCheck.intervalMs ?? 1000} rise ${healthCheck.rise ?? 2} fall ${healthCheck.fall ?? 3}`;
}

function renderServer(s: ServerConfig, healthCheck: HealthCheckConfig | undefined): string {
  let line = `  server ${s.name} ${s.address}:${s.port} weight ${s.weight ?? 1}`;
  if (s.maxconn !== undefined) line += ` maxconn ${s.maxconn}`;
  line += checkKeywords(healthCheck);
  if (s.disabled === true) line += ' disabled';
  return line;
}

/**
 * Renders an HAProxy configuration file (HAProxy 2.6 syntax) from a typed description: a global section
 * with the runtime API socket, defaults (mode, time-outs), one `frontend` per entry bound to loopback
 * unless a host is given, one `backend` per entry with its balance algorithm, an HTTP health check that
 * really runs (every server line carries `check`), its servers and its `server-template` slots.
 *
 * Throws `ConfigError` (from `@nss/core`) listing every problem with its JSON path (duplicate names,
 * bad ports or weights, a frontend naming an unknown backend). The text is not checked by HAProxy
 * itself: pass it to {@link checkHaproxyConfig}.
 */
export function renderHaproxyConfig(config: HaproxyConfig): string {
  const issues = validate(config);
  if (issues.length > 0) throw new ConfigError(issues);
  const mode = config.mode ?? 'http';
  const t = config.timeouts ?? {};
  const lines: string[] = ['# rendered by @nss/adapters/haproxy', 'global'];
  const socket = config.statsSocket;
  if (socket !== undefined) {
    if ('path' in socket) {
      lines.push(`  stats socket ${socket.path} mode ${socket.mode ?? '600'} level ${socket.level ?? 'admin'}`);
    } else {
      lines.push(`  stats socket ipv4@${socket.host ?? '127.0.0.1'}:${socket.port} level ${socket.level ?? 'admin'}`);
    }
  }
  if (config.pidFile !== undefined) lines.push(`  pidfile ${config.pidFile}`);
  if (config.maxconn !== undefined) lines.push(`  maxconn ${config.maxconn}`);
  for (const l of config.globalExtra ?? []) lines.push(`  ${l}`);
  lines.push(
    '',
    'defaults',
    `  mode ${mode}`,
    `  timeout connect ${t.connect ?? 2000}ms`,
    `  timeout client ${t.client ?? 30000}ms`,
    `  timeout server ${t.server ?? 30000}ms`,
    `  timeout queue ${t.queue ?? 10000}ms`,
  );
  for (const f of config.frontends) {
    lines.push('', `frontend ${f.name}`, `  bind ${f.host ?? '127.0.0.1'}:${f.port}`, `  default_backend ${f.backend}`);
    for (const l of f.extra ?? []) lines.push(`  ${l}`);
  }
  for (const b of config.backends) {
    lines.push('', `backend ${b.name}`, `  balance ${b.balance ?? 'roundrobin'}`);
    if (mode === 'http' && (b.forwardFor ?? true)) lines.push('  option forwardfor');
    const hc = b.healthCheck;
    if (hc !== undefined) {
      if (mode === 'http') {
        lines.push(`  option httpchk ${hc.method ?? 'GET'} ${hc.path ?? '/'}`);
        if (hc.expectStatus !== undefined) lines.push(`  http-check expect status ${hc.expectStatus}`);
      }
    }
    for (const s of b.servers) lines.push(renderServer(s, hc));
    if (b.slots !== undefined) {
      lines.push(`  server-template ${b.slots.prefix ?? 'slot'} 1-${b.slots.count} ${b.slots.placeholder ?? '127.0.0.1:1'}${checkKeywords(hc)} disabled`);
    }
    for (const l of b.extra ?? []) lines.push(`  ${l}`);
  }
  return `${lines.join('\n')}\n`;
}
