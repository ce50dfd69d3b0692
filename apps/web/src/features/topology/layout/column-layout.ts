/**
 * A column layout for graphs whose node kinds have a natural left-to-right
 * order (here: the direction traffic flows). It knows nothing of AWS: callers
 * give each node a column, a size and optionally a container; see
 * `topology-columns.ts` for the Lattice-specific columns.
 *
 * 1. Order inside each column by barycentre sweeps (down then up, a few
 *    times): a node moves towards the mean position of its neighbours in other
 *    columns. Children of one container stay contiguous and keep the
 *    container's order in every column; "anchored" nodes (a group's children
 *    drawn in the group's own column) follow their anchor.
 * 2. Lay each container out inside itself, then place top-level blocks
 *    (containers spanning several columns, or single nodes) column by column
 *    from the left: a block goes as close as it can to the mean height of its
 *    already-placed neighbours without overlapping what is above it in any of
 *    its columns (a skyline per column).
 *
 * O((N + E) · sweeps + N log N); ties are broken by id, so the same graph
 * always yields the same positions.
 */

import { runToEnd, type Steps } from "./steps";

export interface LayoutNodeInput {
  id: string;
  column: number;
  width: number;
  height: number;
  /** The container (by id) this node sits in. */
  container?: string | undefined;
  /** A node in the same column that this one hangs under (group → child). */
  anchor?: string | undefined;
  /** Order among the nodes under one anchor: lower first. */
  rank?: number | undefined;
  /**
   * Columns this top-level node may take instead of its own (inclusive): it
   * goes wherever the stack is lowest, so that many similar nodes tile the
   * range like masonry instead of forming one endless column.
   */
  tile?: readonly [number, number] | undefined;
}

export interface LayoutContainerInput {
  id: string;
  /** Columns the container covers, even where it has no child (keeps sibling containers aligned). */
  span: readonly [number, number];
}

export interface LayoutEdgeInput {
  source: string;
  target: string;
}

export interface LayoutOptions {
  columnGap: number;
  rowGap: number;
  /** Vertical gap between two top-level blocks. */
  blockGap: number;
  containerPadding: number;
  containerHeader: number;
  sweeps: number;
  /** Least width of each column (by index): blocks laid out apart keep their columns in line. */
  columnWidths?: readonly number[] | undefined;
}

const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  columnGap: 72,
  rowGap: 14,
  blockGap: 28,
  containerPadding: 16,
  containerHeader: 40,
  sweeps: 4,
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutResult {
  /** Absolute positions of nodes and containers. */
  rects: Map<string, Rect>;
  /** Left x and width of every column. */
  columns: Array<{ x: number; width: number }>;
  width: number;
  height: number;
}

interface Item {
  index: number;
  id: string;
  column: number;
  width: number;
  height: number;
  container: number; // -1 when top-level
  anchor: number; // -1 when none
  rank: number;
  tile: readonly [number, number] | undefined;
  position: number; // normalised order in its column, 0..1
  bary: number;
  order: number; // index in its column
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function layoutColumns(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  containers: readonly LayoutContainerInput[] = [],
  options: Partial<LayoutOptions> = {},
): LayoutResult {
  return runToEnd(layoutColumnsSteps(nodes, edges, containers, options));
}

/** layoutColumns as steps: it yields between phases and between sweeps (see steps.ts). */
export function* layoutColumnsSteps(
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  containers: readonly LayoutContainerInput[] = [],
  options: Partial<LayoutOptions> = {},
): Steps<LayoutResult> {
  const opt = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  containers = [...containers].sort(byId);
  const containerIndex = new Map<string, number>();
  containers.forEach((c, i) => containerIndex.set(c.id, i));

  // Items sorted by id first: every later tie falls back to this order.
  const sorted = [...nodes].sort(byId);
  const indexOf = new Map<string, number>();
  sorted.forEach((n, i) => indexOf.set(n.id, i));
  const items: Item[] = sorted.map((n, i) => ({
    index: i,
    id: n.id,
    column: n.column,
    width: n.width,
    height: n.height,
    container: n.container !== undefined ? (containerIndex.get(n.container) ?? -1) : -1,
    anchor: -1,
    rank: n.rank ?? 0,
    tile: n.tile && n.container === undefined ? n.tile : undefined,
    position: 0,
    bary: 0,
    order: 0,
  }));
  for (const n of sorted) {
    if (n.anchor === undefined) continue;
    const anchor = indexOf.get(n.anchor);
    const item = items[indexOf.get(n.id)!]!;
    const target = anchor !== undefined ? items[anchor]! : undefined;
    if (target && target.column === item.column && target.container === item.container && target.anchor === -1)
      item.anchor = target.index;
  }

  let maxColumn = 0;
  for (const it of items) maxColumn = Math.max(maxColumn, it.column + 1);
  for (const c of containers) maxColumn = Math.max(maxColumn, c.span[1] + 1);

  yield;
  // Neighbours in other columns, as compact adjacency (CSR) split into left and right.
  const leftCount = new Int32Array(items.length);
  const rightCount = new Int32Array(items.length);
  const pairs: Array<[number, number]> = [];
  for (const e of edges) {
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    const a = items[s]!;
    const b = items[t]!;
    if (a.column === b.column) continue;
    const [left, right] = a.column < b.column ? [s, t] : [t, s];
    pairs.push([left, right]);
    rightCount[left]! += 1;
    leftCount[right]! += 1;
  }
  // Input order must not matter, down to the order of floating-point sums.
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const leftStart = new Int32Array(items.length + 1);
  const rightStart = new Int32Array(items.length + 1);
  for (let i = 0; i < items.length; i++) {
    leftStart[i + 1] = leftStart[i]! + leftCount[i]!;
    rightStart[i + 1] = rightStart[i]! + rightCount[i]!;
  }
  const leftNeighbours = new Int32Array(pairs.length);
  const rightNeighbours = new Int32Array(pairs.length);
  const leftFill = leftStart.slice(0, items.length);
  const rightFill = rightStart.slice(0, items.length);
  for (const [left, right] of pairs) {
    leftNeighbours[leftFill[right]!++] = left;
    rightNeighbours[rightFill[left]!++] = right;
  }

  // Columns, initially in id order grouped by container.
  const columns: Item[][] = Array.from({ length: maxColumn }, () => []);
  for (const it of items) columns[it.column]!.push(it);
  const containerKey = new Float64Array(containers.length);
  const containerSum = new Float64Array(containers.length);
  const containerCount = new Int32Array(containers.length);
  containers.forEach((c, i) => (containerKey[i] = i / Math.max(1, containers.length)));

  // Sort keys, refreshed before every sort: container (or anchor group) first, then the group, then the node.
  const blockKey = new Float64Array(items.length);
  const groupBary = new Float64Array(items.length);
  const groupIndex = new Int32Array(items.length);
  const childRank = new Uint8Array(items.length);
  const refreshKeys = (): void => {
    for (const it of items) {
      const group = it.anchor >= 0 ? items[it.anchor]! : it;
      blockKey[it.index] = it.container >= 0 ? containerKey[it.container]! : group.bary;
      groupBary[it.index] = group.bary;
      groupIndex[it.index] = group.index;
      childRank[it.index] = it.anchor >= 0 ? 1 + it.rank : 0;
    }
  };
  const compare = (a: Item, b: Item): number => {
    const i = a.index;
    const j = b.index;
    return (
      blockKey[i]! - blockKey[j]! ||
      a.container - b.container ||
      groupBary[i]! - groupBary[j]! ||
      groupIndex[i]! - groupIndex[j]! ||
      childRank[i]! - childRank[j]! ||
      a.bary - b.bary ||
      i - j
    );
  };
  const renumber = (column: Item[]): void => {
    const n = column.length;
    for (let i = 0; i < n; i++) {
      const it = column[i]!;
      it.order = i;
      it.position = n > 1 ? i / (n - 1) : 0.5;
    }
  };
  for (const it of items) it.bary = it.index;
  refreshKeys();
  for (const column of columns) {
    column.sort(compare);
    renumber(column);
  }

  const updateContainerKeys = (): void => {
    containerSum.fill(0);
    containerCount.fill(0);
    for (const it of items) {
      if (it.container < 0) continue;
      containerSum[it.container]! += it.bary;
      containerCount[it.container]! += 1;
    }
    for (let c = 0; c < containers.length; c++)
      if (containerCount[c]! > 0) containerKey[c] = containerSum[c]! / containerCount[c]!;
  };

  const sweep = (column: Item[], start: Int32Array, neighbours: Int32Array): void => {
    for (const it of column) {
      const from = start[it.index]!;
      const to = start[it.index + 1]!;
      if (to === from) {
        it.bary = it.position;
        continue;
      }
      let sum = 0;
      for (let k = from; k < to; k++) sum += items[neighbours[k]!]!.position;
      it.bary = sum / (to - from);
    }
  };

  for (let s = 0; s < opt.sweeps; s++) {
    yield;
    const down = s % 2 === 0;
    for (let step = 0; step < maxColumn; step++) {
      const c = down ? step : maxColumn - 1 - step;
      const column = columns[c]!;
      if (column.length === 0) continue;
      if (down) sweep(column, leftStart, leftNeighbours);
      else sweep(column, rightStart, rightNeighbours);
    }
    updateContainerKeys();
    refreshKeys();
    for (const column of columns) {
      column.sort(compare);
      renumber(column);
    }
  }

  yield;
  // Column geometry: an empty column takes no room.
  const columnWidth = new Float64Array(maxColumn);
  for (const it of items) {
    const [from, to] = it.tile ?? [it.column, it.column];
    for (let c = from; c <= to; c++) columnWidth[c] = Math.max(columnWidth[c]!, it.width);
  }
  if (opt.columnWidths)
    for (let c = 0; c < maxColumn; c++) columnWidth[c] = Math.max(columnWidth[c]!, opt.columnWidths[c] ?? 0);
  const columnX = new Float64Array(maxColumn);
  let x = 0;
  for (let c = 0; c < maxColumn; c++) {
    columnX[c] = x;
    if (columnWidth[c]! > 0) x += columnWidth[c]! + opt.columnGap;
  }
  const totalWidth = Math.max(0, x - opt.columnGap);

  const rects = new Map<string, Rect>();
  const centreY = new Float64Array(items.length).fill(Number.NaN);

  // 1. Inside each container: the same skyline placement, relative to the container's top.
  const members: Item[][] = containers.map(() => []);
  for (const column of columns) for (const it of column) if (it.container >= 0) members[it.container]!.push(it);
  const relativeY = new Float64Array(items.length);
  const containerHeight = new Float64Array(containers.length);
  for (let ci = 0; ci < containers.length; ci++) {
    const inside = members[ci]!; // already in column-major, ordered form
    const skyline = new Map<number, number>();
    let bottom = 0;
    for (const it of inside) {
      const top = skyline.get(it.column) ?? 0;
      let desired = top;
      const from = leftStart[it.index]!;
      const to = leftStart[it.index + 1]!;
      let sum = 0;
      let count = 0;
      for (let k = from; k < to; k++) {
        const n = items[leftNeighbours[k]!]!;
        if (n.container === ci) {
          sum += relativeY[n.index]! + n.height / 2;
          count++;
        }
      }
      if (count > 0) desired = Math.max(top, sum / count - it.height / 2);
      relativeY[it.index] = desired;
      skyline.set(it.column, desired + it.height + opt.rowGap);
      bottom = Math.max(bottom, desired + it.height);
    }
    containerHeight[ci] = opt.containerHeader + opt.containerPadding * 2 + Math.max(bottom, 24);
  }

  yield;
  // 2. Top-level blocks, from the leftmost column to the right.
  interface Block {
    start: number;
    end: number;
    height: number;
    order: number;
    item?: Item;
    container?: number;
  }
  // Blocks that start in the same column are placed in the order of their (mean) position, so that an
  // unfolded VPC takes the place its chip had among the others.
  const blocks: Block[] = [];
  const positionSum = new Float64Array(containers.length);
  for (const column of columns) {
    for (const it of column) {
      if (it.container >= 0) {
        positionSum[it.container]! += it.position;
        continue;
      }
      const start = it.tile ? it.tile[0] : it.column;
      blocks.push({ start, end: it.tile ? it.tile[1] : it.column, height: it.height, order: it.position, item: it });
    }
  }
  containers.forEach((c, ci) => {
    const inside = members[ci]!;
    const start = Math.min(c.span[0], ...inside.map((m) => m.column));
    const end = Math.max(c.span[1], ...inside.map((m) => m.column));
    const order = inside.length > 0 ? positionSum[ci]! / inside.length : 0;
    blocks.push({ start, end, height: containerHeight[ci]!, order, container: ci });
  });
  blocks.sort((a, b) => a.start - b.start || a.order - b.order);

  const skyline = new Float64Array(maxColumn);
  const neighbourCentre = (it: Item): number | undefined => {
    let sum = 0;
    let count = 0;
    const scan = (start: Int32Array, list: Int32Array): void => {
      for (let k = start[it.index]!; k < start[it.index + 1]!; k++) {
        const n = list[k]!;
        if (items[n]!.container === it.container && it.container >= 0) continue;
        const y = centreY[n]!;
        if (!Number.isNaN(y)) {
          sum += y;
          count++;
        }
      }
    };
    scan(leftStart, leftNeighbours);
    scan(rightStart, rightNeighbours);
    return count > 0 ? sum / count : undefined;
  };

  let totalHeight = 0;
  for (const block of blocks) {
    if (block.item?.tile) {
      // Masonry: the lowest column of the range (the leftmost on ties).
      const [from, to] = block.item.tile;
      let best = from;
      for (let c = from + 1; c <= to; c++) if (skyline[c]! < skyline[best]!) best = c;
      block.start = best;
      block.end = best;
    }
    let top = 0;
    for (let c = block.start; c <= block.end; c++) top = Math.max(top, skyline[c]!);
    let desired: number | undefined;
    if (block.item) {
      const centre = neighbourCentre(block.item);
      if (centre !== undefined) desired = centre - block.height / 2;
    } else {
      let sum = 0;
      let count = 0;
      for (const m of members[block.container!]!) {
        const centre = neighbourCentre(m);
        if (centre === undefined) continue;
        sum += centre - (opt.containerHeader + opt.containerPadding + relativeY[m.index]! + m.height / 2);
        count++;
      }
      if (count > 0) desired = sum / count;
    }
    const y = desired !== undefined ? Math.max(top, desired) : top;
    const gap = block.container !== undefined ? opt.blockGap : opt.rowGap;
    for (let c = block.start; c <= block.end; c++) skyline[c] = y + block.height + gap;
    totalHeight = Math.max(totalHeight, y + block.height);

    if (block.item) {
      const it = block.item;
      rects.set(it.id, { x: columnX[block.start]!, y, width: it.width, height: it.height });
      centreY[it.index] = y + it.height / 2;
    } else {
      const ci = block.container!;
      const left = columnX[block.start]! - opt.containerPadding;
      const right = columnX[block.end]! + columnWidth[block.end]! + opt.containerPadding;
      rects.set(containers[ci]!.id, { x: left, y, width: Math.max(right - left, 200), height: block.height });
      for (const m of members[ci]!) {
        const my = y + opt.containerHeader + opt.containerPadding + relativeY[m.index]!;
        rects.set(m.id, { x: columnX[m.column]!, y: my, width: m.width, height: m.height });
        centreY[m.index] = my + m.height / 2;
      }
    }
  }

  return {
    rects,
    columns: Array.from(columnX, (cx, c) => ({ x: cx, width: columnWidth[c]! })),
    width: totalWidth,
    height: totalHeight,
  };
}
