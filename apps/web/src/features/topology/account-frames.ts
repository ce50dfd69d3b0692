/**
 * Which account frames an estate's diagram draws: one per account that owns something shown, in the estate's own
 * order (the hub first, as the summary lists them), named as the organization names them. A single account (or a
 * topology that is not an estate) draws no frame.
 */
import type { GraphNode, Topology } from "@lattice-atlas/shared";
import type { AccountBlockInput } from "./layout/account-blocks";

export interface AccountBlocks {
  blocks: AccountBlockInput[];
  accountOf: (id: string) => string;
}

export function accountOfNode(node: GraphNode, fallback: string): string {
  if (node.kind === "account") return node.data.accountId;
  return node.accountId ?? fallback;
}

export function accountBlocksFor(
  topology: Topology,
  byId: ReadonlyMap<string, GraphNode>,
  shown: Iterable<string>,
): AccountBlocks | undefined {
  const summary = topology.estate;
  if (!summary) return undefined;
  const owner = new Map<string, string>();
  for (const id of shown) {
    const node = byId.get(id);
    if (node) owner.set(id, accountOfNode(node, topology.accountId));
  }
  const used = new Set(owner.values());
  if (used.size < 2) return undefined;
  const names = new Map(summary.accounts.map((a) => [a.accountId, a.name]));
  const order = [
    ...summary.accounts.map((a) => a.accountId).filter((a) => used.has(a)),
    ...[...used].filter((a) => !names.has(a)).sort(),
  ];
  return {
    blocks: order.map((accountId) => {
      const name = names.get(accountId);
      return { accountId, label: name ? `${name} · ${accountId}` : `account ${accountId}` };
    }),
    accountOf: (id) => owner.get(id) ?? topology.accountId,
  };
}
