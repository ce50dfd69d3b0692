/**
 * Grows a laid-out diagram so that every box holds its text, keeping the
 * layout's arrangement: what was left of, above or inside something stays so.
 *
 * Each axis gets one monotone map F from old to new coordinates, piecewise
 * linear between the breakpoints (every box's edges). It gives each box at least
 * the length it asks for (F(end) − F(start) ≥ need) and never shrinks a stretch
 * that a box covers (F(b) − F(a) ≥ b − a); a stretch no box covers (the columns
 * a filter emptied inside a VPC, a blank band) keeps at most `maxGap`. A
 * longest-path pass over the breakpoints in order, O(N log N). Because one map
 * serves every box, boxes that did not overlap still do not, columns stay
 * aligned and children stay in their containers.
 */

/** One box's demand on one axis: old start and end, and the length it needs. */
export interface AxisDemand {
  start: number;
  end: number;
  need: number;
  /** A box (not a container or a header): the stretches it covers keep their length. */
  solid?: boolean | undefined;
}

/** The map of one axis: old coordinate (a breakpoint or anything between) → new. */
export type AxisMap = (value: number) => number;

export function fitAxis(
  demands: readonly AxisDemand[],
  extent: readonly [number, number],
  maxGap = Number.POSITIVE_INFINITY,
): AxisMap {
  const points = new Set<number>([extent[0], extent[1]]);
  for (const d of demands) {
    if (!(d.end >= d.start)) throw new Error(`fitAxis: a demand ends (${d.end}) before it starts (${d.start})`);
    points.add(d.start);
    points.add(d.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const indexOf = new Map(sorted.map((v, i) => [v, i]));
  const endingAt: AxisDemand[][] = sorted.map(() => []);
  // How many solid boxes cover the stretch that starts at each breakpoint.
  const opening = new Int32Array(sorted.length + 1);
  for (const d of demands) {
    endingAt[indexOf.get(d.end)!]!.push(d);
    if (d.solid && d.end > d.start) {
      opening[indexOf.get(d.start)!]! += 1;
      opening[indexOf.get(d.end)!]! -= 1;
    }
  }
  const mapped = new Float64Array(sorted.length);
  mapped[0] = sorted[0]!;
  let covering = opening[0]!;
  for (let k = 1; k < sorted.length; k++) {
    const length = sorted[k]! - sorted[k - 1]!;
    let value = mapped[k - 1]! + (covering > 0 ? length : Math.min(length, maxGap));
    covering += opening[k]!;
    for (const d of endingAt[k]!) value = Math.max(value, mapped[indexOf.get(d.start)!]! + d.need);
    mapped[k] = value;
  }
  return (value: number): number => {
    const exact = indexOf.get(value);
    if (exact !== undefined) return mapped[exact]!;
    // Between breakpoints: linear; outside: shifted.
    let lo = 0;
    let hi = sorted.length - 1;
    if (value <= sorted[lo]!) return mapped[lo]! - (sorted[lo]! - value);
    if (value >= sorted[hi]!) return mapped[hi]! + (value - sorted[hi]!);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= value) lo = mid;
      else hi = mid;
    }
    const t = (value - sorted[lo]!) / (sorted[hi]! - sorted[lo]!);
    return mapped[lo]! + t * (mapped[hi]! - mapped[lo]!);
  };
}

export interface FitRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FitBox {
  id: string;
  rect: FitRect;
  /** The size its content needs. */
  need: { width: number; height: number };
  /** The container it sits in (its content then starts below the container's header). */
  parentId?: string | undefined;
  /** A container: its header (text at the top) needs this much height above its first child. */
  header?: number | undefined;
}

export interface FitResult {
  rects: Map<string, FitRect>;
  width: number;
  height: number;
}

/** Space between a container's header and its first child. */
const HEADER_GAP = 8;
/** The most an empty stretch keeps: the layout's gap between columns. */
const MAX_GAP = 72;

/**
 * New rectangles for every box. A box takes its whole new column span (columns stay aligned) and, vertically, the
 * height it needs, centred in its new span (lines still meet it where they did); a container takes its whole new span.
 */
export function fitLayout(boxes: readonly FitBox[], bounds: { width: number; height: number }): FitResult {
  const xs: AxisDemand[] = [];
  const ys: AxisDemand[] = [];
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const firstChildTop = new Map<string, number>();
  for (const box of boxes) {
    const { x, y, width, height } = box.rect;
    xs.push({ start: x, end: x + width, need: box.need.width, solid: box.header === undefined });
    ys.push({ start: y, end: y + height, need: box.need.height, solid: box.header === undefined });
    if (box.parentId && byId.has(box.parentId))
      firstChildTop.set(box.parentId, Math.min(firstChildTop.get(box.parentId) ?? Infinity, y));
  }
  for (const box of boxes) {
    const top = firstChildTop.get(box.id);
    if (top !== undefined && box.header !== undefined)
      ys.push({ start: box.rect.y, end: Math.max(top, box.rect.y), need: box.header + HEADER_GAP });
  }
  // Containers reach a padding beyond the layout's bounds (and left of 0): the extent is what is drawn.
  const extent = (list: AxisDemand[], size: number): [number, number] => [
    Math.min(0, ...list.map((d) => d.start)),
    Math.max(size, ...list.map((d) => d.end)),
  ];
  const [x0, x1] = extent(xs, bounds.width);
  const [y0, y1] = extent(ys, bounds.height);
  const mapX = fitAxis(xs, [x0, x1], MAX_GAP);
  const mapY = fitAxis(ys, [y0, y1], MAX_GAP);
  const fx = (v: number): number => mapX(v) - mapX(x0);
  const fy = (v: number): number => mapY(v) - mapY(y0);
  const rects = new Map<string, FitRect>();
  for (const box of boxes) {
    const { x, y, width, height } = box.rect;
    const left = fx(x);
    const top = fy(y);
    const span = fy(y + height) - top;
    const container = firstChildTop.has(box.id);
    const h = container ? span : box.need.height;
    rects.set(box.id, { x: left, y: container ? top : top + (span - h) / 2, width: fx(x + width) - left, height: h });
  }
  return { rects, width: fx(x1), height: fy(y1) };
}
