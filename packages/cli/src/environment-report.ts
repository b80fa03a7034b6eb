/**
 * The console description of an environment (`nss generate`): one line of counts, then the tables of
 * `describeEnvironment` (nodes, links, VNF types, SFC types, users per node, requests per SFC type).
 */
import { type EdgeEnvironment, describeEnvironment } from '@nss/core';
import { renderTitledTable } from './tables.js';
import { plural } from './text.js';

/** The description of `env` as text: a summary line and the tables, separated by blank lines. */
export function formatEnvironment(env: EdgeEnvironment): string {
  const d = describeEnvironment(env);
  const c = d.counts;
  const t = d.nodesByType;
  const seed = d.seed === null ? 'imported' : `seed ${JSON.stringify(d.seed)}`;
  const arrivals = d.arrivalSpan === null ? '' : ` (arrivals ${d.arrivalSpan.first}–${d.arrivalSpan.last} ms)`;
  const summary =
    `Environment (${seed}): ${plural(c.nodes, 'node')} (${t.RAN} RAN, ${t.DEFAULT} DEFAULT, ${t.CORE} CORE), ` +
    `${plural(c.links, 'link')} (${plural(c.loopbacks, 'loopback')}), ${plural(c.vnfs, 'VNF type')}, ` +
    `${plural(c.sfcs, 'SFC type')}, ${plural(c.slices, 'slice')}, ${plural(c.users, 'user')}, ` +
    `${plural(c.dataSources, 'data source')}, ${plural(c.sfcRequests, 'SFC request')}${arrivals}`;
  const tables = d.tables.map((table) => renderTitledTable(table.title, table.columns, table.rows));
  return [summary, ...tables].join('\n\n');
}
