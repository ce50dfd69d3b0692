/**
 * An estate drawn account by account: each account's nodes are laid out as a block of their own (the column layout,
 * with every block given the same column widths so that columns line up from block to block), and the blocks are
 * stacked top to bottom under a header, in the order given. Edges between accounts (a shared network, an association
 * to another account's network) are drawn but do not pull nodes across blocks.
 */
import {
  layoutColumnsSteps,
  type LayoutContainerInput,
  type LayoutEdgeInput,
  type LayoutNodeInput,
  type LayoutOptions,
  type LayoutResult,
  type Rect,
} from "./column-layout";
import type { Steps } from "./steps";

export interface AccountBlockInput {
  accountId: string;
  /** Shown in the frame's header. */
  label: string;
}

export interface AccountFrame extends AccountBlockInput {
  rect: Rect;
  /** How many nodes the block holds. */
  count: number;
}

export interface AccountLayoutResult extends LayoutResult {
  frames: AccountFrame[];
}

export const ACCOUNT_FRAME = { header: 44, padding: 20, gap: 56 } as const;

export function* layoutAccountBlocksSteps(
  blocks: readonly AccountBlockInput[],
  /** The account each node and container belongs to (a container's children go with it). */
  accountOf: (id: string) => string,
  nodes: readonly LayoutNodeInput[],
  edges: readonly LayoutEdgeInput[],
  containers: readonly LayoutContainerInput[] = [],
  options: Partial<LayoutOptions> = {},
): Steps<AccountLayoutResult> {
  // One width per column for every block: the widest thing any block puts there.
  const columnWidths: number[] = [];
  for (const n of nodes) {
    const [from, to] = n.tile && n.container === undefined ? n.tile : [n.column, n.column];
    for (let c = from; c <= to; c++) columnWidths[c] = Math.max(columnWidths[c] ?? 0, n.width);
  }

  const containerAccount = new Map(containers.map((c) => [c.id, accountOf(c.id)]));
  const blockOf = (n: LayoutNodeInput): string =>
    (n.container !== undefined ? containerAccount.get(n.container) : undefined) ?? accountOf(n.id);
  const nodesBy = new Map<string, LayoutNodeInput[]>();
  const nodeBlock = new Map<string, string>();
  for (const n of nodes) {
    const account = blockOf(n);
    nodeBlock.set(n.id, account);
    const list = nodesBy.get(account);
    if (list) list.push(n);
    else nodesBy.set(account, [n]);
  }
  // An anchor in another block would be ignored by that block's layout: drop it rather than leave it dangling.
  const inBlock = (n: LayoutNodeInput, account: string): LayoutNodeInput =>
    n.anchor !== undefined && nodeBlock.get(n.anchor) !== account ? { ...n, anchor: undefined } : n;

  const rects = new Map<string, Rect>();
  const frames: AccountFrame[] = [];
  let y = 0;
  let width = 0;
  let columns: LayoutResult["columns"] = [];
  for (const block of blocks) {
    const members = nodesBy.get(block.accountId);
    if (!members || members.length === 0) continue;
    const ids = new Set(members.map((n) => n.id));
    const layout = yield* layoutColumnsSteps(
      members.map((n) => inBlock(n, block.accountId)),
      edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
      containers.filter((c) => containerAccount.get(c.id) === block.accountId),
      { ...options, columnWidths },
    );
    const top = y + ACCOUNT_FRAME.header;
    for (const [id, r] of layout.rects) rects.set(id, { ...r, y: r.y + top });
    if (layout.columns.length > columns.length) columns = layout.columns;
    frames.push({
      ...block,
      count: members.length,
      rect: {
        x: -ACCOUNT_FRAME.padding,
        y,
        width: layout.width + 2 * ACCOUNT_FRAME.padding,
        height: layout.height + ACCOUNT_FRAME.header + ACCOUNT_FRAME.padding,
      },
    });
    width = Math.max(width, layout.width);
    y = top + layout.height + ACCOUNT_FRAME.padding + ACCOUNT_FRAME.gap;
  }
  // Frames as wide as the widest block: one ruled column of accounts.
  for (const frame of frames) frame.rect.width = width + 2 * ACCOUNT_FRAME.padding;
  return { rects, frames, columns, width, height: Math.max(0, y - ACCOUNT_FRAME.gap) };
}
