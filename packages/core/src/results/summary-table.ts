import type { Aggregated, RunSummary, Stat } from './aggregate.js';
import type { GroupSummary, RoundSummary } from './round-summary.js';

type Figure = number | null | Stat;
type Kind = 'count' | 'ms' | 'pct' | 'wh';

function isStat(x: Figure): x is Stat {
  return typeof x === 'object' && x !== null;
}

function formatValue(x: number, kind: Kind): string {
  switch (kind) {
    case 'count':
      return Number.isInteger(x) ? String(x) : x.toFixed(1);
    case 'ms':
      return x.toFixed(2);
    case 'pct':
      return `${(x * 100).toFixed(2)} %`;
    case 'wh':
      return x.toFixed(3);
  }
}

/** A figure of a round (`12`) or of a run (`12 ± 1.5`, mean ± 95 % CI half-width); `–` when absent. */
function cell(x: Figure, kind: Kind): string {
  if (!isStat(x)) return x === null ? '–' : formatValue(x, kind);
  if (x.mean === null) return '–';
  const m = formatValue(x.mean, kind);
  if (x.ci95 === null) return m;
  const half = (x.ci95[1] - x.ci95[0]) / 2;
  return `${m} ± ${formatValue(half, kind)}`;
}

/** Renders rows as an aligned table: first column left-aligned, the others as `align` says. */
function renderTable(rows: readonly (readonly string[])[], align: 'left' | 'right' = 'right'): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  const pad = (c: string, i: number): string =>
    i === 0 || align === 'left' ? c.padEnd(widths[i]) : c.padStart(widths[i]);
  return rows.map((row) => ('  ' + row.map(pad).join('  ')).trimEnd());
}

type AnyGroup = GroupSummary | Aggregated<GroupSummary>;

function groupRow(name: string, g: AnyGroup): string[] {
  return [
    name,
    cell(g.packets.created, 'count'),
    cell(g.packets.delivered, 'count'),
    cell(g.packets.dropped, 'count'),
    cell(g.packets.orphaned, 'count'),
    cell(g.packets.inFlight, 'count'),
    cell(g.delayMs.mean, 'ms'),
    cell(g.delayMs.p50, 'ms'),
    cell(g.delayMs.p95, 'ms'),
    cell(g.delayMs.p99, 'ms'),
    cell(g.delayMs.max, 'ms'),
    cell(g.sla.violated, 'count'),
    cell(g.sla.violationRate, 'pct'),
  ];
}

const GROUP_HEADER = [
  'created', 'delivered', 'dropped', 'orphaned', 'in flight', 'mean ms', 'p50', 'p95', 'p99', 'max', 'SLA viol.',
  'viol. rate',
];

function isRun(summary: RoundSummary | RunSummary): summary is RunSummary {
  return 'rounds' in summary;
}

/**
 * A compact, aligned plain-text table of a round's or a run's summary for the console: packets, delay
 * statistics, SLA, requests, energy and scaling, then one row per SFC type and per slice. For a run,
 * figures read `mean ± half-width of the 95 % CI`.
 */
export function formatSummaryTable(summary: RoundSummary | RunSummary): string {
  const lines: string[] = [];
  if (isRun(summary)) {
    const seeds = summary.seeds.join(', ');
    lines.push(
      `${summary.rounds} round${summary.rounds === 1 ? '' : 's'} (seeds ${seeds})` +
        `${summary.interrupted ? ', INTERRUPTED' : ''}: mean ± 95 % CI half-width`,
    );
  } else {
    lines.push(
      `Round ${summary.round} (seed ${summary.seed})${summary.interrupted ? ', INTERRUPTED' : ''}: ` +
        `${summary.simulatedTimeMs.toFixed(2)} ms simulated in ${(summary.wallTimeMs / 1000).toFixed(2)} s`,
    );
  }
  const s = summary;
  const p = s.packets;
  const d = s.delayMs;
  lines.push(
    ...renderTable([
      ['packets', `created ${cell(p.created, 'count')}`, `delivered ${cell(p.delivered, 'count')}`,
        `dropped ${cell(p.dropped, 'count')}`, `orphaned ${cell(p.orphaned, 'count')}`,
        `in flight ${cell(p.inFlight, 'count')}`],
      ['delay (ms)', `mean ${cell(d.mean, 'ms')}`, `p50 ${cell(d.p50, 'ms')}`, `p95 ${cell(d.p95, 'ms')}`,
        `p99 ${cell(d.p99, 'ms')}`, `max ${cell(d.max, 'ms')}`],
      ['SLA', `violated ${cell(s.sla.violated, 'count')}`, `delivered late ${cell(s.sla.deliveredLate, 'count')}`,
        `violation rate ${cell(s.sla.violationRate, 'pct')}`],
      ['requests', `total ${cell(s.requests.total, 'count')}`, `placed ${cell(s.requests.placed, 'count')}`,
        `rejected ${cell(s.requests.rejected, 'count')}`],
      ['energy (Wh)', `nodes ${cell(s.energy.nodesWh, 'wh')}`, `links ${cell(s.energy.linksWh, 'wh')}`],
      ['scaling', `up ${cell(s.scaling.up, 'count')}`, `down ${cell(s.scaling.down, 'count')}`,
        `failed ${cell(s.scaling.failed, 'count')}`],
    ], 'left'),
  );
  const perSfc = Object.entries(s.perSfc as Readonly<Record<string, AnyGroup>>);
  const perSlice = Object.entries(s.perSlice as Readonly<Record<string, AnyGroup>>);
  if (perSfc.length > 0) {
    lines.push('');
    lines.push(...renderTable([['SFC', ...GROUP_HEADER], ...perSfc.map(([name, g]) => groupRow(name, g))]));
  }
  if (perSlice.length > 0) {
    lines.push('');
    lines.push(...renderTable([['slice', ...GROUP_HEADER], ...perSlice.map(([name, g]) => groupRow(name, g))]));
  }
  return lines.join('\n') + '\n';
}
