import { textWidth } from './chart-text.js';

/** A mark to draw on one timeline row: where, and what it is called. */
export interface MarkItem {
  readonly x: number;
  readonly label: string;
}

/** Marks that would sit on one another become one mark, labelled with their count. */
export interface Cluster {
  readonly x: number;
  readonly items: readonly MarkItem[];
  /** Empty when there was no room for it: the mark is then listed in the chart's note. */
  readonly label: string;
  readonly side: 'above' | 'below';
}

/** The time axis as pixels, estimated the way Chart.js lays it out. */
export interface Scale {
  readonly lo: number;
  readonly hi: number;
  readonly left: number;
  readonly right: number;
}

export const markRadius = 5;
const gap = 6;

function toPixel(scale: Scale, x: number): number {
  return scale.left + ((x - scale.lo) / (scale.hi - scale.lo)) * (scale.right - scale.left);
}

/**
 * Where labels go: the gap above row `i` is gap `i`, the one below it gap `i + 1`, so a label
 * under one row and a label over the next compete for the same room. The last gap is the time
 * axis's own labels, never free.
 */
export class LabelGaps {
  private readonly taken = new Map<number, [number, number][]>();

  constructor(private readonly rows: number) {}

  claim(row: number, side: 'above' | 'below', span: [number, number]): boolean {
    const gap = side === 'above' ? row : row + 1;
    if (gap >= this.rows) return false;
    const used = this.taken.get(gap) ?? [];
    if (!used.every(([a, b]) => span[1] <= a || span[0] >= b)) return false;
    this.taken.set(gap, [...used, span]);
    return true;
  }
}

/**
 * Marks of one row, merged where they would overlap (closer than a mark's width: the same year,
 * or 45 papers in one year) and labelled where the label fits, on the first of `sides` with
 * room, never over another label. `count` words a merged mark: "3 papers".
 */
export function placeMarks(
  items: readonly MarkItem[],
  scale: Scale,
  count: (n: number) => string,
  sides: readonly ('above' | 'below')[],
  row: number,
  gaps: LabelGaps,
): Cluster[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const groups: MarkItem[][] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    if (last && toPixel(scale, item.x) - toPixel(scale, last[0]!.x) < markRadius * 2 + 1) last.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const x = group[0]!.x;
    const text = group.length === 1 ? group[0]!.label : count(group.length);
    const width = textWidth(text);
    const centre = Math.min(Math.max(toPixel(scale, x), scale.left + width / 2), scale.right + 20 - width / 2);
    const span: [number, number] = [centre - width / 2 - gap / 2, centre + width / 2 + gap / 2];
    for (const side of sides) {
      if (text && gaps.claim(row, side, span)) return { x, items: group, label: text, side };
    }
    return { x, items: group, label: '', side: sides[0] ?? 'above' };
  });
}
