import { HaproxyError } from './errors.js';

/** Kind of a `show stat` row (HAProxy's `type` column: 0, 1, 2, 3). */
export type StatRowType = 'frontend' | 'backend' | 'server' | 'listener';

/**
 * One row of `show stat`, read by header name (HAProxy's column names, management guide §9.1). Numeric
 * columns that HAProxy leaves empty for this kind of row read as 0; `raw` holds every column as text,
 * including those not typed here.
 */
export interface StatRow {
  /** Proxy (frontend or backend) name. */
  readonly pxname: string;
  /** Service name: `FRONTEND`, `BACKEND`, or the server's name. */
  readonly svname: string;
  /** Row kind, from the `type` column. */
  readonly type: StatRowType;
  /** Requests queued now (not yet sent to a server). */
  readonly qcur: number;
  /** Highest qcur seen. */
  readonly qmax: number;
  /** Sessions now. */
  readonly scur: number;
  /** Highest scur seen. */
  readonly smax: number;
  /** Session limit (0 = none shown). */
  readonly slim: number;
  /** Sessions since start. */
  readonly stot: number;
  /** Bytes received. */
  readonly bin: number;
  /** Bytes sent. */
  readonly bout: number;
  /** Failed connection attempts to a server. */
  readonly econ: number;
  /** Response errors (a server closed or answered garbage). */
  readonly eresp: number;
  /** Connection retries. */
  readonly wretr: number;
  /** Redispatches to another server. */
  readonly wredis: number;
  /** `UP`, `DOWN`, `MAINT`, `DRAIN`, `NOLB`, `OPEN`, `UP 1/2`, `no check`, … */
  readonly status: string;
  /** Effective weight (servers), sum of weights (backends). */
  readonly weight: number;
  /** Active servers (backends) or 1/0 (servers). */
  readonly act: number;
  /** Backup servers (backends) or 1/0 (servers). */
  readonly bck: number;
  /** Failed health checks. */
  readonly chkfail: number;
  /** UP→DOWN transitions. */
  readonly chkdown: number;
  /** Seconds since the last status change. */
  readonly lastchg: number;
  /** Proxy id. */
  readonly iid: number;
  /** Server id. */
  readonly sid: number;
  /** Times the server was chosen by the load balancer. */
  readonly lbtot: number;
  /** Sessions per second over the last second. */
  readonly rate: number;
  /** Highest rate seen. */
  readonly rate_max: number;
  /** Last health check result (`L7OK`, `L4CON`, …; empty without checks). */
  readonly check_status: string;
  /** HTTP responses with a 1xx code. */
  readonly hrsp_1xx: number;
  /** HTTP responses with a 2xx code. */
  readonly hrsp_2xx: number;
  /** HTTP responses with a 3xx code. */
  readonly hrsp_3xx: number;
  /** HTTP responses with a 4xx code. */
  readonly hrsp_4xx: number;
  /** HTTP responses with a 5xx code. */
  readonly hrsp_5xx: number;
  /** HTTP responses with another code. */
  readonly hrsp_other: number;
  /** HTTP requests per second over the last second (frontends). */
  readonly req_rate: number;
  /** HTTP requests since start (frontends, backends, servers). */
  readonly req_tot: number;
  /** Transfers aborted by the client. */
  readonly cli_abrt: number;
  /** Transfers aborted by the server. */
  readonly srv_abrt: number;
  /** Mean queue time (ms) over the last 1024 requests. */
  readonly qtime: number;
  /** Mean connect time (ms) over the last 1024 requests. */
  readonly ctime: number;
  /** Mean response time (ms) over the last 1024 requests (HTTP only). */
  readonly rtime: number;
  /** Mean total session time (ms) over the last 1024 requests. */
  readonly ttime: number;
  /** Server address `ip:port` (servers). */
  readonly addr: string;
  /** Every column as HAProxy wrote it, by header name. */
  readonly raw: Readonly<Record<string, string>>;
}

const NUMERIC = [
  'qcur', 'qmax', 'scur', 'smax', 'slim', 'stot', 'bin', 'bout', 'econ', 'eresp', 'wretr', 'wredis', 'weight', 'act', 'bck',
  'chkfail', 'chkdown', 'lastchg', 'iid', 'sid', 'lbtot', 'rate', 'rate_max', 'hrsp_1xx', 'hrsp_2xx', 'hrsp_3xx', 'hrsp_4xx',
  'hrsp_5xx', 'hrsp_other', 'req_rate', 'req_tot', 'cli_abrt', 'srv_abrt', 'qtime', 'ctime', 'rtime', 'ttime',
] as const;
const TEXT = ['pxname', 'svname', 'status', 'check_status', 'addr'] as const;
const TYPES: readonly StatRowType[] = ['frontend', 'backend', 'server', 'listener'];

/**
 * Splits one CSV line (HAProxy quotes a field with `"` when it contains a comma or a quote, and doubles
 * inner quotes). Written here because HAProxy's CSV is one short line per proxy or server.
 */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  let field = '';
  let quoted = false;
  while (i < line.length) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
    i++;
  }
  fields.push(field);
  return fields;
}

/**
 * Parses the answer of `show stat` (CSV with a `# pxname,svname,…` header, in any column order) into typed rows, reading
 * each column by its header name, so it works whatever the column order or the HAProxy version. Throws
 * {@link HaproxyError} `command-failed` when the text has no such header (e.g. an error message).
 */
export function parseShowStat(text: string): StatRow[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const head = lines.findIndex((l) => l.startsWith('# ') && /(^|,)pxname(,|$)/.test(l.slice(2)));
  if (head < 0) {
    throw new HaproxyError('command-failed', `show stat answered without its "# pxname,svname,..." header: ${JSON.stringify(text.slice(0, 200))}`, {
      command: 'show stat',
      haproxyMessage: text.trim(),
    });
  }
  const header = splitCsvLine(lines[head].slice(2));
  return lines.slice(head + 1).map((line) => {
    const values = splitCsvLine(line);
    const raw: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name !== '') raw[name] = values[i] ?? '';
    });
    const row: Record<string, unknown> = { raw };
    for (const k of NUMERIC) {
      const n = Number(raw[k] ?? '');
      row[k] = raw[k] === undefined || raw[k] === '' || !Number.isFinite(n) ? 0 : n;
    }
    for (const k of TEXT) row[k] = raw[k] ?? '';
    const t = Number(raw.type);
    row.type = TYPES[t] ?? (raw.svname === 'FRONTEND' ? 'frontend' : raw.svname === 'BACKEND' ? 'backend' : 'server');
    return row as unknown as StatRow;
  });
}

/** HAProxy's operational state of a server (`srv_op_state`: 0..3). */
export type ServerOperationalState = 'stopped' | 'starting' | 'running' | 'stopping';

/** One server of `show servers state`, typed. */
export interface ServerStateRow {
  /** Backend id (`be_id`). */
  readonly backendId: number;
  /** Backend name (`be_name`). */
  readonly backend: string;
  /** Server id (`srv_id`). */
  readonly serverId: number;
  /** Server name (`srv_name`). */
  readonly server: string;
  /** IP address (`srv_addr`). */
  readonly address: string;
  /** TCP port (`srv_port`). */
  readonly port: number;
  /** `srv_op_state` decoded. */
  readonly operationalState: ServerOperationalState;
  /** `srv_admin_state` bit field as HAProxy gives it. */
  readonly adminState: number;
  /** In maintenance: forced (0x01), inherited (0x02), from the configuration (0x04, until enabled) or DNS (0x20). */
  readonly maintenance: boolean;
  /** Draining (0x08 forced, 0x10 inherited): no new sessions, existing ones finish. */
  readonly draining: boolean;
  /** Current user weight (`srv_uweight`). */
  readonly weight: number;
  /** Initial weight from the configuration (`srv_iweight`). */
  readonly initialWeight: number;
  /** Seconds since the last state change. */
  readonly secondsSinceChange: number;
  /** Every column as HAProxy wrote it, by header name. */
  readonly raw: Readonly<Record<string, string>>;
}

const OP_STATES: readonly ServerOperationalState[] = ['stopped', 'starting', 'running', 'stopping'];

/**
 * Parses the answer of `show servers state [backend]` (format version 1: a version line, a `# be_id
 * be_name …` header, space-separated rows) by header name. The configuration maintenance flag (0x04)
 * stays set on a `server-template` slot after `set server … state ready`, so `maintenance` reads only
 * the forced, inherited and DNS flags; a slot never enabled is seen as `maintenance` through its 0x01.
 */
export function parseServersState(text: string): ServerStateRow[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const head = lines.findIndex((l) => l.startsWith('# be_id'));
  if (head < 0) {
    throw new HaproxyError('command-failed', `show servers state answered without its "# be_id ..." header: ${JSON.stringify(text.slice(0, 200))}`, {
      command: 'show servers state',
      haproxyMessage: text.trim(),
    });
  }
  const header = lines[head].slice(2).trim().split(/\s+/);
  return lines.slice(head + 1).map((line) => {
    const values = line.trim().split(/\s+/);
    const raw: Record<string, string> = {};
    header.forEach((name, i) => {
      raw[name] = values[i] ?? '';
    });
    const admin = Number(raw.srv_admin_state);
    return {
      backendId: Number(raw.be_id),
      backend: raw.be_name,
      serverId: Number(raw.srv_id),
      server: raw.srv_name,
      address: raw.srv_addr,
      port: Number(raw.srv_port),
      operationalState: OP_STATES[Number(raw.srv_op_state)] ?? 'stopped',
      adminState: admin,
      maintenance: (admin & (0x01 | 0x02 | 0x20)) !== 0,
      draining: (admin & (0x08 | 0x10)) !== 0,
      weight: Number(raw.srv_uweight),
      initialWeight: Number(raw.srv_iweight),
      secondsSinceChange: Number(raw.srv_time_since_last_change),
      raw,
    };
  });
}
