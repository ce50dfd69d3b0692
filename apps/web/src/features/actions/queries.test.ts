import type { Action } from "@lattice-atlas/shared";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { connectKeys, reachableFromKeys } from "../connect/queries";
import { sourceKeys } from "../sources/queries";
import { topologyKeys } from "../topology/queries";
import { actionKeys, auditKeys, invalidateAfterChange, planQuery } from "./queries";

const tokyo = { source: "emulator", region: "ap-northeast-1" };
const virginia = { source: "emulator", region: "us-east-1" };
const action: Action = {
  type: "associate-service",
  serviceNetworkId: "sn-0b615c0ed1ca34177",
  serviceId: "svc-0a836c24f4bc2c8ea",
};

describe("action query keys", () => {
  it("key a plan by target, canonical action and token", () => {
    expect(planQuery(tokyo, action, "t1").queryKey).toEqual(actionKeys.plan(tokyo, action, "t1"));
    expect(
      actionKeys.plan(
        tokyo,
        { serviceId: action.serviceId, type: action.type, serviceNetworkId: action.serviceNetworkId } as Action,
        "t1",
      ),
    ).toEqual(actionKeys.plan(tokyo, action, "t1"));
    expect(actionKeys.plan(tokyo, action, "t1").slice(0, 3)).toEqual(actionKeys.plansFor(tokyo));
  });

  it("a settled change invalidates the topology, connect and reachable-from answers and plans of its target — nothing else", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const keys = {
      topology: topologyKeys.graph(tokyo),
      connect: connectKeys.answer(tokyo, "vpc-0a03953771bed5895"),
      reachableFrom: reachableFromKeys.answer(tokyo, "rcfg-01158845410b9f395"),
      plan: actionKeys.plan(tokyo, action, "t1"),
      otherTopology: topologyKeys.graph(virginia),
      otherConnect: connectKeys.answer(virginia, "vpc-1"),
      otherReachableFrom: reachableFromKeys.answer(virginia, "rcfg-01158845410b9f395"),
      otherPlan: actionKeys.plan(virginia, action, "t1"),
      sources: sourceKeys.list(),
      health: sourceKeys.health(),
      audit: auditKeys.list(25),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, { any: 1 });
    await invalidateAfterChange(client, tokyo);
    const stale = Object.entries(keys)
      .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
      .map(([name]) => name);
    expect(stale.sort()).toEqual(["connect", "plan", "reachableFrom", "topology"]);
  });
});
