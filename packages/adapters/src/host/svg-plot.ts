/** One line of a plot. */
export interface PlotSeries {
  /** Legend label. */
  name: string;
  /** Points `[x, y]` in increasing x. */
  points: readonly (readonly [number, number])[];
}

/** What {@link renderLinePlotSvg} draws. */
export interface LinePlot {
  /** Title above the plot. */
  title: string;
  /** X-axis label. */
  xLabel: string;
  /** Y-axis label. */
  yLabel: string;
  /** The lines. */
  series: readonly PlotSeries[];
  /** Draw steps (hold each value until the next point) instead of straight segments. Default false. */
  step?: boolean;
  /** Fixed y range; default from 0 (or the minimum if negative) to a rounded maximum. */
  yRange?: readonly [number, number];
  /** Width and height in px. Default 800 × 450. */
  size?: readonly [number, number];
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "Nice" tick values covering [lo, hi] (1, 2 or 5 × 10^k steps, about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * Renders a line plot as a standalone SVG document (no dependency: the three monitor plots need only
 * axes, ticks, polylines and a legend).
 */
export function renderLinePlotSvg(plot: LinePlot): string {
  const [width, height] = plot.size ?? [800, 450];
  const m = { left: 70, right: 20, top: 40, bottom: 55 };
  const all = plot.series.flatMap((s) => s.points);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const xMin = xs.length > 0 ? Math.min(...xs) : 0;
  let xMax = xs.length > 0 ? Math.max(...xs) : 1;
  if (xMax <= xMin) xMax = xMin + 1;
  let [yMin, yMax] = plot.yRange ?? [Math.min(0, ...ys), Math.max(0, ...ys)];
  if (plot.yRange === undefined) {
    const ticks = niceTicks(yMin, yMax === yMin ? yMin + 1 : yMax);
    yMax = Math.max(yMax, ticks[ticks.length - 1] ?? yMax);
  }
  if (yMax <= yMin) yMax = yMin + 1;
  const w = width - m.left - m.right;
  const h = height - m.top - m.bottom;
  const sx = (x: number): number => m.left + ((x - xMin) / (xMax - xMin)) * w;
  const sy = (y: number): number => m.top + h - ((y - yMin) / (yMax - yMin)) * h;
  const f = (v: number): string => v.toFixed(2);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="16">${escapeXml(plot.title)}</text>`);
  for (const t of niceTicks(xMin, xMax)) {
    out.push(`<line x1="${f(sx(t))}" y1="${m.top}" x2="${f(sx(t))}" y2="${m.top + h}" stroke="#eee"/>`);
    out.push(`<text x="${f(sx(t))}" y="${m.top + h + 16}" text-anchor="middle">${t}</text>`);
  }
  for (const t of niceTicks(yMin, yMax)) {
    out.push(`<line x1="${m.left}" y1="${f(sy(t))}" x2="${m.left + w}" y2="${f(sy(t))}" stroke="#eee"/>`);
    out.push(`<text x="${m.left - 6}" y="${f(sy(t) + 4)}" text-anchor="end">${t}</text>`);
  }
  out.push(`<rect x="${m.left}" y="${m.top}" width="${w}" height="${h}" fill="none" stroke="black"/>`);
  out.push(`<text x="${m.left + w / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(plot.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${m.top + h / 2}) rotate(-90)" text-anchor="middle">${escapeXml(plot.yLabel)}</text>`);
  plot.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length] as string;
    const pts: string[] = [];
    s.points.forEach(([x, y], k) => {
      if (plot.step === true && k > 0) pts.push(`${f(sx(x))},${f(sy((s.points[k - 1] as readonly [number, number])[1]))}`);
      pts.push(`${f(sx(x))},${f(sy(y))}`);
    });
    out.push(`<polyline data-series="${escapeXml(s.name)}" fill="none" stroke="${color}" stroke-width="1.5" points="${pts.join(' ')}"/>`);
    const ly = m.top + 14 + i * 16;
    out.push(`<line x1="${m.left + w - 120}" y1="${ly - 4}" x2="${m.left + w - 100}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${m.left + w - 95}" y="${ly}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
