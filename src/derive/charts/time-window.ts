/**
 * The years a timeline shows. Whole years, a little wider than the data, so a mark on the last
 * day of 1999 is not cut in half at the edge. A few dates far from the rest (a role from 0000 to
 * 9999) would squash everyone else's career into a sliver, so the window follows where most of
 * the dates lie; what falls outside is cut at the edge and said in the chart's note.
 */
export function timeWindow(xs: readonly number[]): { lo: number; hi: number; step: number } {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
  const q1 = at(0.25);
  const q3 = at(0.75);
  const reach = Math.max(3 * (q3 - q1), 15);
  const first = Math.max(sorted[0]!, q1 - reach);
  const last = Math.min(sorted.at(-1)!, q3 + reach);
  const pad = Math.max(0.25, (last - first) * 0.02);
  const lo = Math.floor(first - pad);
  const hi = Math.max(Math.ceil(last + pad), lo + 2);
  const span = hi - lo;
  const step = span > 60 ? 10 : span > 30 ? 5 : span > 14 ? 2 : 1;
  return { lo, hi, step };
}
