import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One line of a {@link renderLineChartSvg} chart. */
export interface ChartSeries {
  /** Legend text. */
  readonly name: string;
  /** y values; x is the index. */
  readonly values: ArrayLike<number>;
  /** Stroke colour (CSS). */
  readonly color: string;
  /** Dashed line. Default false. */
  readonly dashed?: boolean;
}

/** Labels and size of a chart. */
export interface ChartOptions {
  /** Title above the plot. */
  readonly title: string;
  /** x-axis label. */
  readonly xLabel: string;
  /** y-axis label. */
  readonly yLabel: string;
  /** Width in pixels. Default 1200. */
  readonly width?: number;
  /** Height in pixels. Default 560. */
  readonly height?: number;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceTicks(lo: number, hi: number, count: number): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(v);
  return out;
}

/** A line chart as a standalone SVG document (x = index, shared y axis, legend, grid). */
export function renderLineChartSvg(series: readonly ChartSeries[], options: ChartOptions): string {
  const W = options.width ?? 1200;
  const H = options.height ?? 560;
  const m = { l: 90, r: 20, t: 50, b: 60 };
  let lo = Infinity;
  let hi = -Infinity;
  let len = 0;
  for (const s of series) {
    len = Math.max(len, s.values.length);
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) hi = lo + 1;
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const sx = (i: number): number => m.l + (len <= 1 ? 0 : (i / (len - 1)) * pw);
  const sy = (v: number): number => m.t + ph - ((v - lo) / (hi - lo)) * ph;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="28" text-anchor="middle" font-size="17">${esc(options.title)}</text>`,
  ];
  for (const v of niceTicks(lo, hi, 6)) {
    const y = sy(v).toFixed(1);
    parts.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${m.l - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${v.toLocaleString('en-US')}</text>`);
  }
  for (const v of niceTicks(0, Math.max(1, len - 1), 8)) {
    const x = sx(v).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${m.t}" y2="${m.t + ph}" stroke="#f0f0f0"/>`);
    parts.push(`<text x="${x}" y="${m.t + ph + 18}" text-anchor="middle">${v}</text>`);
  }
  parts.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`);
  parts.push(`<text x="${m.l + pw / 2}" y="${H - 15}" text-anchor="middle">${esc(options.xLabel)}</text>`);
  parts.push(`<text transform="translate(20 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle">${esc(options.yLabel)}</text>`);
  series.forEach((s, k) => {
    let d = '';
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) continue;
      d += `${d === '' ? 'M' : 'L'}${sx(i).toFixed(1)} ${sy(v).toFixed(1)}`;
    }
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="1.3"${s.dashed === true ? ' stroke-dasharray="5 3"' : ''}/>`);
    const ly = m.t + 14 + k * 18;
    parts.push(`<line x1="${m.l + 12}" x2="${m.l + 40}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed === true ? ' stroke-dasharray="5 3"' : ''}/>`);
    parts.push(`<text x="${m.l + 46}" y="${ly}" dominant-baseline="middle">${esc(s.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

/** Writes an SVG document atomically (temporary file, then rename); parent folders are created. */
export function writeSvg(file: string, svg: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, svg);
  renameSync(tmp, file);
}

/**
 * Writes the plot of actual vs predicted values for the last `lastN` points (default 1000), as the seed's
 * accuracy test does: actual in blue, prediction orange dashed.
 */
export function writeForecastPlot(
  file: string,
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: { lastN?: number; target?: string } = {},
): void {
  const n = Math.min(options.lastN ?? 1000, actual.length);
  const from = actual.length - n;
  const a = Array.from({ length: n }, (_, i) => actual[from + i]);
  const p = Array.from({ length: n }, (_, i) => predicted[from + i]);
  writeSvg(
    file,
    renderLineChartSvg(
      [
        { name: 'actual', values: a, color: '#1f77b4' },
        { name: 'predicted', values: p, color: '#ff7f0e', dashed: true },
      ],
      { title: `Traffic forecasting: actual vs predicted (last ${n} points)`, xLabel: 'Time step', yLabel: options.target ?? 'value' },
    ),
  );
}
