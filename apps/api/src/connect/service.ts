/** Connect answers with what the names that fail resolve to, when the source can tell. */
import type { ConnectAnswer } from "@lattice-atlas/shared";
import type { SourceRegistry } from "../sources/registry.js";
import type { TopologyService } from "../topology/service.js";
import { answerConnect } from "./hostnames.js";

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function cidrContains(cidr: string, ip: string): boolean {
  const [base, bits] = cidr.split("/");
  if (!base || bits === undefined || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false;
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToInt(base) / size) * size;
  const value = ipToInt(ip);
  return value >= start && value < start + size;
}

export function createConnectService(deps: { topology: TopologyService; registry: SourceRegistry }) {
  return {
    async answer(sourceId: string, region: string, from: string, to?: string): Promise<ConnectAnswer> {
      const index = await deps.topology.index(sourceId, region);
      const answer = answerConnect(index, from, to);
      const source = await deps.registry.get(sourceId);
      const clients = deps.registry.clients(source, region);
      const fromVpc = index.get(from, "vpc");
      // Explain the names that fail with where they really point (a handful per answer).
      const pending = answer.reachable.flatMap((target) => target.notWorking.filter((h) => h.privateDns)).slice(0, 25);
      await Promise.all(
        pending.map(async (hostname) => {
          const addresses = await clients.resolveHostname(hostname.hostname).catch(() => []);
          if (addresses.length === 0) return;
          hostname.resolvesTo = addresses;
          const owner = index
            .of("vpc")
            .find((v) => v.id !== fromVpc?.id && addresses.some((a) => cidrContains(v.data.cidr, a)));
          const where = owner ? `, inside ${owner.label} (${owner.id})` : "";
          hostname.reason = `${hostname.reason ?? ""} It resolves to ${addresses.join(", ")}${where}.`.trim();
        }),
      );
      return answer;
    },
  };
}

export type ConnectService = ReturnType<typeof createConnectService>;
