/**
 * The details read on demand (not with every discovery, which keeps its call count): a network's, service's or
 * configuration's access log subscriptions, and a service's listener rules (one ListRules per listener). Each read
 * that fails leaves its part out with a warning, like discovery.
 */
import type { GraphNode, LatticeDetails, Warning } from "@lattice-atlas/shared";
import { AwsFailure, type Readers } from "../aws/index.js";
import { warningFrom } from "./discover.js";

const LOGGED = new Set(["serviceNetwork", "service", "resourceConfiguration"]);

export async function readLatticeDetails(readers: Pick<Readers, "lattice">, node: GraphNode): Promise<LatticeDetails> {
  const warnings: Warning[] = [];
  const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof AwsFailure) || error.kind === "credentials") throw error;
      const warning = warningFrom(error);
      if (!warnings.some((w) => w.operation === warning.operation)) warnings.push(warning);
      return undefined;
    }
  };
  const arn = "arn" in node.data && typeof node.data.arn === "string" ? node.data.arn : node.id;
  const [accessLogs, listeners] = await Promise.all([
    LOGGED.has(node.kind) ? attempt(() => readers.lattice.listAccessLogSubscriptions(arn)) : undefined,
    node.kind === "service"
      ? Promise.all(
          node.data.listeners.map(async (l) => {
            const rules = await attempt(() => readers.lattice.listRules(arn, l.id));
            return {
              id: l.id,
              name: l.name,
              protocol: l.protocol,
              port: l.port,
              ...(rules ? { rules: [...rules].sort(byPriority) } : {}),
            };
          }),
        )
      : undefined,
  ]);
  return {
    id: node.id,
    ...(accessLogs ? { accessLogs } : {}),
    ...(listeners ? { listeners } : {}),
    warnings,
  };
}

/** By priority, the default rule (which has none) last. */
function byPriority(a: { priority?: number; isDefault: boolean }, b: { priority?: number; isDefault: boolean }) {
  if (a.isDefault !== b.isDefault) return a.isDefault ? 1 : -1;
  return (a.priority ?? 0) - (b.priority ?? 0);
}
