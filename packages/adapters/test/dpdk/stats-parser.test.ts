import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePortStats, parsePortStatsStrict, PortStatsStream, StatsParseError, stripTerminalCodes } from '@nss/adapters/dpdk';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// Captured once from dpdk-testpmd 22.11 (null vdevs): `show port stats all` ×3 around `start`, and 30 s of --stats-period 1.
const interactive = fixture('testpmd-interactive.txt');
const periodic = fixture('testpmd-stats-period.txt');

// Every field a distinct value, in testpmd 22.11's layout, to check each label lands in its own field.
const distinct = [
  '  ######################## NIC statistics for port 3  ########################',
  '  RX-packets: 11         RX-missed: 12         RX-bytes:  13',
  '  RX-errors: 14',
  '  RX-nombuf:  15        ',
  '  TX-packets: 16         TX-errors: 17         TX-bytes:  18',
  '',
  '  Throughput (since last show)',
  '  Rx-pps:           19          Rx-bps:           20',
  '  Tx-pps:           21          Tx-bps:           22',
  '  ############################################################################',
  '',
].join('\n');

describe('parsePortStats', () => {
  it('maps every label of a block to its own field', () => {
    expect(parsePortStatsStrict(distinct)).toEqual([
      { port: 3, rxPackets: 11, rxMissed: 12, rxBytes: 13, rxErrors: 14, rxNoMbuf: 15, txPackets: 16, txErrors: 17, txBytes: 18, rxPps: 19, rxBps: 20, txPps: 21, txBps: 22 },
    ]);
  });

  it('reads the interactive answers of real testpmd, ignoring prompts, echo and the forward report', () => {
    const blocks = parsePortStatsStrict(interactive);
    expect(blocks.map((b) => b.port)).toEqual([0, 1, 0, 1, 0, 1]);
    // before `start`: all zero
    expect(blocks.slice(0, 2).every((b) => b.rxPackets === 0 && b.txPackets === 0 && b.rxPps === 0)).toBe(true);
    // second show, port 0 (values as printed in the capture)
    expect(blocks[2]).toMatchObject({ port: 0, rxPackets: 37189440, txPackets: 36976416, rxPps: 10571204, txPps: 10510651, rxMissed: 0 });
    expect(blocks[5]).toMatchObject({ port: 1, rxPackets: 56731488, txPackets: 56384864 });
    // io forwarding between two ports: what port 0 receives, port 1 sends, so counters only grow
    for (const port of [0, 1]) {
      const seq = blocks.filter((b) => b.port === port).map((b) => b.rxPackets);
      expect(seq).toEqual([...seq].sort((a, b) => a - b));
    }
    // the `stop` report's "Forward statistics" blocks carry RX-packets too but are not NIC blocks
    expect(blocks).toHaveLength(6);
  });

  it('reads the --stats-period screens, clear-screen escape codes included', () => {
    expect(periodic).toContain('\u001b[2J');
    const blocks = parsePortStatsStrict(periodic);
    expect(blocks).toHaveLength(60);
    expect(blocks[0]).toMatchObject({ port: 0, rxPackets: 324736, txPackets: 96 });
    expect(blocks[3]).toMatchObject({ port: 1, rxPackets: 16908512 });
    const port0 = blocks.filter((b) => b.port === 0).map((b) => b.txPackets);
    for (let i = 1; i < port0.length; i++) expect(port0[i]).toBeGreaterThanOrEqual(port0[i - 1] as number);
  });

  it('removes CSI sequences and carriage returns only', () => {
    expect(stripTerminalCodes('\u001b[2J\u001b[1;1Habc\r\n\u001b[0mdef')).toBe('abc\ndef');
  });

  it('keeps an unfinished block as rest, and the strict form rejects it naming the port', () => {
    const cut = distinct.slice(0, distinct.indexOf('Throughput'));
    const { blocks, rest } = parsePortStats(cut);
    expect(blocks).toEqual([]);
    expect(rest).toContain('NIC statistics for port 3');
    expect(() => parsePortStatsStrict(cut)).toThrowError(StatsParseError);
    expect(() => parsePortStatsStrict(cut)).toThrowError(/port 3 is truncated/);
  });

  it('rejects a closed block that lacks fields, listing them', () => {
    const gutted = distinct.replace(/ {2}Rx-pps.*\n {2}Tx-pps.*\n/, '');
    expect(() => parsePortStats(gutted)).toThrowError(/lacks rxPps, rxBps, txPps, txBps/);
  });

  it('rejects a block interrupted by the next header', () => {
    const cut = distinct.slice(0, distinct.indexOf('  TX-packets')) + distinct.replace('port 3', 'port 4');
    expect(() => parsePortStats(cut)).toThrowError(/port 3 is truncated: a new block for port 4/);
  });
});

describe('PortStatsStream', () => {
  it('gives the same blocks whatever the chunking', () => {
    const whole = parsePortStatsStrict(periodic);
    for (const size of [1, 7, 64, 1000]) {
      const stream = new PortStatsStream();
      const got = [];
      for (let i = 0; i < periodic.length; i += size) got.push(...stream.push(periodic.slice(i, i + size)));
      stream.end();
      expect(got).toEqual(whole);
    }
  });

  it('end() reports a block cut by the end of the stream', () => {
    const stream = new PortStatsStream();
    const text = interactive.slice(0, interactive.indexOf('Tx-pps'));
    const got = stream.push(text);
    expect(got.length).toBeLessThan(6);
    expect(() => stream.end()).toThrowError(StatsParseError);
  });
});
