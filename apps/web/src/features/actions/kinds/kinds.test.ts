import type { Action, GraphNode, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../../topology/fixtures/field-report.json";
import { indexTopology } from "../../topology/topology-index";
import { defaultForm, formFromAction, formToAction } from "../change-forms";
import {
  ACTION_KINDS,
  actionKind,
  actionLabel,
  actionSubject,
  intentForConnect,
  intentsFor,
  managedBy,
  isActionType,
  isCreateType,
  recreateFor,
  removalFor,
  undoAction,
} from ".";

const topology = fieldReport as unknown as Topology;
const index = indexTopology(topology);
const ids = {
  network: "sn-0b615c0ed1ca34177",
  resourceEndpointVpc: "vpc-023cb195488e7d121",
  service: "svc-0a836c24f4bc2c8ea",
};

describe("the action-kind table", () => {
  it("has one module per action type, each under its own type", () => {
    for (const [type, kind] of Object.entries(ACTION_KINDS)) expect(kind.type).toBe(type);
    expect(isActionType("associate-vpc")).toBe(true);
    expect(isActionType("toString")).toBe(false);
    expect(actionLabel("delete-everything")).toBe("delete-everything");
  });

  it("gives each creation a form, each removal the node kind it removes", () => {
    for (const kind of Object.values(ACTION_KINDS)) {
      if (kind.removal) expect("removes" in kind && kind.removes.kind).toBeTruthy();
      expect(isCreateType(kind.type)).toBe("create" in kind);
    }
  });

  it("undoes every creation by the removal of what it made, and nothing else", () => {
    for (const kind of Object.values(ACTION_KINDS)) {
      const undo = undoAction(kind.type, "x-1");
      if (isCreateType(kind.type)) {
        expect(undo, kind.type).toBeDefined();
        expect(actionKind(undo!.type).removal).toBe(true);
      } else expect(undo, kind.type).toBeUndefined();
    }
    expect(undoAction("associate-vpc", "snva-0123456789abcdef0")).toEqual({
      type: "remove-vpc-association",
      associationId: "snva-0123456789abcdef0",
    });
    expect(undoAction("create-resource-endpoint", "vpce-0123456789abcdef0")).toEqual({
      type: "remove-endpoint",
      endpointId: "vpce-0123456789abcdef0",
    });
    expect(undoAction("associate-resource", undefined)).toBeUndefined();
    expect(undoAction("no-such-kind", "snra-1")).toBeUndefined();
  });

  it("maps every creation's form to its action and back: defaults, then the action as a form again", () => {
    for (const kind of Object.values(ACTION_KINDS)) {
      if (!isCreateType(kind.type)) continue;
      const form = defaultForm({ type: kind.type }, index);
      const result = formToAction(form, index);
      expect(result.ok, kind.type).toBe(true);
      if (!result.ok) continue;
      expect(result.action.type).toBe(kind.type);
      expect(formToAction(formFromAction(result.action, index)!, index)).toEqual(result);
    }
  });

  it("offers “delete and recreate” for every failed creation discovery can show", () => {
    const sample = (kind: GraphNode["kind"]): GraphNode => topology.nodes.find((n) => n.kind === kind)!;
    const recreated: Array<Action["type"] | undefined> = (
      ["vpcAssociation", "resourceAssociation", "serviceAssociation", "vpcEndpoint"] as const
    ).map((kind) => recreateFor(sample(kind))?.type);
    expect(recreated.slice(0, 3)).toEqual(["associate-vpc", "associate-resource", "associate-service"]);
    expect(recreated[3]).toMatch(/^create-(resource|service-network)-endpoint$/);
    expect(recreateFor(sample("vpc"))).toBeUndefined();
  });

  it("labels the confirm button per kind, and its progress", () => {
    expect(actionKind("remove-endpoint").confirm).toBe("Delete endpoint");
    expect(actionKind("remove-vpc-association").confirming).toBe("Removing…");
    expect(actionKind("add-ingress-rule").confirming).toBe("Adding…");
    expect(actionKind("create-resource-endpoint").confirm).toBe("Create endpoint");
  });
});

describe("intents", () => {
  it("offers per kind what makes sense", () => {
    expect(intentsFor({ kind: "vpc", id: ids.resourceEndpointVpc }).map((i) => i.intent.type)).toEqual([
      "associate-vpc",
      "create-service-network-endpoint",
      "create-resource-endpoint",
    ]);
    expect(intentsFor({ kind: "service", id: ids.service }).map((i) => i.label)).toEqual(["Add to a service network…"]);
    expect(intentsFor({ kind: "vpcAssociation", id: "snva-1" })).toEqual([]);
    expect(removalFor({ kind: "vpcEndpoint", id: "vpce-1" })).toEqual({
      type: "remove-endpoint",
      endpointId: "vpce-1",
    });
    expect(removalFor({ kind: "vpc", id: "vpc-1" })).toBeUndefined();
  });

  it("offers nothing on what AWS manages, and says who manages it", () => {
    const configuration = { kind: "resourceConfiguration", id: "rcfg-1" };
    expect(intentsFor({ ...configuration, data: { amazonManaged: false } })).not.toEqual([]);
    expect(intentsFor({ ...configuration, data: { amazonManaged: true } })).toEqual([]);
    expect(managedBy({ ...configuration, data: { amazonManaged: true } })).toBe("AWS");
    expect(managedBy({ kind: "resourceGateway", data: { managedBy: "events.amazonaws.com" } })).toBe(
      "events.amazonaws.com",
    );
    expect(managedBy({ kind: "resourceAssociation", data: { isManaged: true } })).toBe("its parent association");
    expect(managedBy({ kind: "resourceAssociation", data: { isManaged: false } })).toBeUndefined();
  });

  it("reads a drag onto a network by what was dragged", () => {
    expect(intentForConnect(ids.resourceEndpointVpc, "vpc", ids.network)).toEqual({
      type: "associate-vpc",
      vpcId: ids.resourceEndpointVpc,
      serviceNetworkId: ids.network,
    });
    expect(intentForConnect(ids.service, "service", ids.network)?.type).toBe("associate-service");
    expect(intentForConnect("sg-1", "securityGroup", ids.network)).toBeUndefined();
  });

  it("summarises an action's input by ids for the audit log", () => {
    expect(
      actionSubject({
        type: "associate-vpc",
        vpcId: "vpc-1",
        serviceNetworkId: "arn:aws:vpc-lattice:r:1:servicenetwork/sn-1",
      }),
    ).toBe("vpc-1 → sn-1");
    expect(actionSubject({ type: "add-ingress-rule", groupId: "sg-1", port: 443, cidr: "10.1.0.0/16" })).toBe(
      "TCP 443 from 10.1.0.0/16 into sg-1",
    );
  });
});
