/**
 * The Connect service: the answer from the domain core, with what the names
 * that fail really resolve to, when the source can tell (a handful per answer).
 */
import type { ConnectAnswer, ReachableFromAnswer } from "@lattice-atlas/shared";
import { cidrContains } from "../lattice/cidr.js";
import { answerConnect } from "../lattice/connect.js";
import { answerReachableFrom } from "../lattice/reachable-from.js";
import type { SourceRegistry } from "../sources/registry.js";
import type { TopologyService } from "../topology/service.js";

const RESOLVED_PER_ANSWER = 25;

export function createConnectService(deps: { topology: TopologyService; registry: SourceRegistry }) {
  return {
    async answer(sourceId: string, region: string, from: string, to?: string): Promise<ConnectAnswer> {
      const index = await deps.topology.index(sourceId, region);
      const answer = answerConnect(index, from, to);
      const source = await deps.registry.get(sourceId);
      // A snapshot reads no AWS: its answer is the frozen one.
      if (source.kind === "snapshot") return answer;
      const clients = deps.registry.clients(source, region);
      const pending = answer.reachable
        .flatMap((target) => target.notWorking.filter((h) => h.privateDns))
        .slice(0, RESOLVED_PER_ANSWER);
      await Promise.all(
        pending.map(async (hostname) => {
          const addresses = await clients.resolveHostname(hostname.hostname).catch(() => []);
          if (addresses.length === 0) return;
          hostname.resolvesTo = addresses;
          const owner = index
            .of("vpc")
            .find((v) => v.id !== from && addresses.some((address) => cidrContains(v.data.cidr, address)));
          const where = owner ? ` in ${owner.label} (${owner.id})` : "";
          // Say which name resolves to what: this (failing) name, to the resource's own address.
          hostname.reason =
            `${hostname.reason ?? ""} Here ${hostname.hostname} resolves to ${addresses.join(", ")}, the resource's own address${where}.`.trim();
        }),
      );
      return answer;
    },

    async reachableFrom(sourceId: string, region: string, to: string): Promise<ReachableFromAnswer> {
      return answerReachableFrom(await deps.topology.index(sourceId, region), to);
    },
  };
}

export type ConnectService = ReturnType<typeof createConnectService>;
