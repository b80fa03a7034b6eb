/** Config rendering and validation, stat parsing and the live mapping: pure functions, no haproxy. */
import { ConfigError } from '@nss/core';
import { describe, expect, it } from 'vitest';
import {
  HaproxyError,
  cpuOfWeight,
  parseServersState,
  parseShowStat,
  renderHaproxyConfig,
  resolveLiveMapping,
  splitCsvLine,
  splitInstance,
  weightOfCpu,
} from '../../src/haproxy/index.js';

describe('renderHaproxyConfig', () => {
  const base = {
    statsSocket: { path: '/tmp/x.sock' },
    frontends: [{ name: 'web', port: 8080, backend: 'app' }],
    backends: [
      {
        name: 'app',
        healthCheck: { path: '/health', intervalMs: 500 },
        servers: [
          { name: 'a', address: '127.0.0.1', port: 9001, weight: 10 },
          { name: 'b', address: '127.0.0.1', port: 9002, maxconn: 4, disabled: true },
        ],
        slots: { count: 3 },
      },
    ],
  };

  it('binds to loopback, puts `check` on every server line and slot, and writes the admin socket', () => {
    const text = renderHaproxyConfig(base);
    expect(text).toContain('stats socket /tmp/x.sock mode 600 level admin');
    expect(text).toContain('bind 127.0.0.1:8080');
    expect(text).toContain('option httpchk GET /health');
    expect(text).toContain('server a 127.0.0.1:9001 weight 10 check inter 500 rise 2 fall 3');
    expect(text).toContain('server b 127.0.0.1:9002 weight 1 maxconn 4 check inter 500 rise 2 fall 3 disabled');
    expect(text).toContain('server-template slot 1-3 127.0.0.1:1 check inter 500 rise 2 fall 3 disabled');
    expect(text).not.toMatch(/bind \*|0\.0\.0\.0/);
  });

  it('lists every problem with its JSON path', () => {
    let error: unknown;
    try {
      renderHaproxyConfig({
        frontends: [{ name: 'web', port: 70000, backend: 'nope' }],
        backends: [
          {
            name: 'app',
            servers: [
              { name: 'a', address: '127.0.0.1', port: 9001, weight: 300 },
              { name: 'a', address: '127.0.0.1', port: 9002 },
            ],
          },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['/backends/0/servers/0/weight', '/backends/0/servers/1/name', '/frontends/0/backend', '/frontends/0/port']);
    expect((error as ConfigError).message).toContain('one of the backends (app)');
  });
});

describe('parseShowStat', () => {
  it('reads columns by header name, whatever their order, and unquotes CSV fields', () => {
    const text = [
      '# svname,pxname,type,scur,status,check_desc,rtime,weight',
      'FRONTEND,web,0,3,OPEN,,,',
      'a,app,2,2,UP,"Layer7 check passed, ""200 OK""",12,10',
      'BACKEND,app,1,2,UP,,12,10',
      '',
    ].join('\n');
    const rows = parseShowStat(text);
    expect(rows.map((r) => [r.pxname, r.svname, r.type])).toEqual([
      ['web', 'FRONTEND', 'frontend'],
      ['app', 'a', 'server'],
      ['app', 'BACKEND', 'backend'],
    ]);
    expect(rows[1].scur).toBe(2);
    expect(rows[1].rtime).toBe(12);
    expect(rows[1].weight).toBe(10);
    expect(rows[1].raw.check_desc).toBe('Layer7 check passed, "200 OK"');
    expect(rows[0].rtime).toBe(0); // empty → 0
    expect(rows[0].qcur).toBe(0); // absent column → 0
  });

  it('rejects an answer without a header (an error message) with a typed error', () => {
    expect(() => parseShowStat('Unknown command.\n')).toThrow(HaproxyError);
  });

  it('splits a CSV line with empty trailing fields', () => {
    expect(splitCsvLine('a,,"b,c",')).toEqual(['a', '', 'b,c', '']);
  });
});

describe('parseServersState', () => {
  it('decodes operational and admin states', () => {
    const text = [
      '1',
      '# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord',
      '3 app 1 slot1 127.0.0.1 0 5 1 1 2 1 0 0 14 0 0 0 - 1 -',
      '3 app 2 slot2 127.0.0.1 2 4 10 1 2 1 0 0 14 0 0 0 - 9005 -',
      '3 app 4 a 127.0.0.1 2 8 10 10 2 6 3 4 6 0 0 0 - 9001 -',
      '',
    ].join('\n');
    const s = parseServersState(text);
    expect(s.map((x) => [x.server, x.operationalState, x.maintenance, x.draining, x.port, x.weight])).toEqual([
      ['slot1', 'stopped', true, false, 1, 1], // 0x01|0x04: forced maintenance
      ['slot2', 'running', false, false, 9005, 10], // 0x04 alone: configured disabled, since enabled
      ['a', 'running', false, true, 9001, 10], // 0x08: draining
    ]);
  });
});

describe('live mapping', () => {
  it('maps weight to CPU and back (serverWeight stands for serverCpu)', () => {
    const m = resolveLiveMapping({ serverCpu: 100, serverWeight: 10 });
    expect(cpuOfWeight(10, m)).toBe(100);
    expect(cpuOfWeight(25, m)).toBe(250);
    expect(weightOfCpu(110, m)).toBe(11); // basic-cpu's +10 %
    expect(weightOfCpu(1e9, m)).toBe(256); // HAProxy's maximum
    for (let w = 0; w <= 256; w++) expect(weightOfCpu(cpuOfWeight(w, m), m)).toBe(w);
  });

  it('rejects a weight out of range and splits instance names', () => {
    expect(() => resolveLiveMapping({ serverWeight: 0 })).toThrow(/1\.\.256/);
    expect(splitInstance('app/nss1')).toEqual({ backend: 'app', server: 'nss1' });
    expect(splitInstance('app')).toBeUndefined();
    expect(splitInstance('app/')).toBeUndefined();
  });
});
