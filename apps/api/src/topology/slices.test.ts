import type { Action, ActionType } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { ACTION_KINDS } from "../actions/kinds/index.js";
import { parseSlice, settled, SLICES, TOUCHES, touches, type NetworkOf, type Slice } from "./slices.js";

/** One action of every kind; the compiler refuses a kind without one. */
const EXAMPLES: { [T in ActionType]: Extract<Action, { type: T }> } = {
  "associate-vpc": { type: "associate-vpc", serviceNetworkId: "sn-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" },
  "associate-resource": {
    type: "associate-resource",
    serviceNetworkId: "arn:aws:vpc-lattice:ap-northeast-1:111122223333:servicenetwork/sn-0123456789abcdef0",
    resourceConfigurationId: "rcfg-0123456789abcdef0",
  },
  "associate-service": {
    type: "associate-service",
    serviceNetworkId: "sn-0123456789abcdef0",
    serviceId: "svc-0123456789abcdef0",
  },
  "create-resource-endpoint": {
    type: "create-resource-endpoint",
    vpcId: "vpc-0123456789abcdef0",
    resourceConfigurationId: "rcfg-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0"],
  },
  "create-service-network-endpoint": {
    type: "create-service-network-endpoint",
    vpcId: "vpc-0123456789abcdef0",
    serviceNetworkId: "sn-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0"],
  },
  "remove-vpc-association": { type: "remove-vpc-association", associationId: "snva-0123456789abcdef0" },
  "remove-resource-association": { type: "remove-resource-association", associationId: "snra-0123456789abcdef0" },
  "remove-service-association": { type: "remove-service-association", associationId: "snsa-0123456789abcdef0" },
  "remove-endpoint": { type: "remove-endpoint", endpointId: "vpce-0123456789abcdef0" },
  "add-ingress-rule": {
    type: "add-ingress-rule",
    groupId: "sg-0123456789abcdef0",
    protocol: "tcp",
    port: 443,
    cidr: "10.0.0.0/16",
  },
  "update-vpc-association-dns": {
    type: "update-vpc-association-dns",
    associationId: "snva-0123456789abcdef0",
    privateDnsEnabled: true,
  },
  "start-domain-verification": { type: "start-domain-verification", domainName: "orders.example.com" },
};

/** The picture the change was planned on: every association and endpoint is on sn-0123456789abcdef0. */
const onNetwork: NetworkOf = () => "sn-0123456789abcdef0";

describe("slices", () => {
  it("every action kind has its entry, and touches at least one slice this server can re-read", () => {
    expect(Object.keys(TOUCHES).sort()).toEqual(Object.keys(ACTION_KINDS).sort());
    for (const type of Object.keys(ACTION_KINDS) as ActionType[]) {
      const slices = touches(EXAMPLES[type], { id: "x" }, onNetwork);
      expect(slices.length, type).toBeGreaterThan(0);
      for (const slice of slices) expect(parseSlice(slice), `${type}: ${slice}`).toBeDefined();
    }
  });

  it.each<[ActionType, Slice[]]>([
    ["associate-vpc", ["serviceNetworks", "vpcAssociations@sn-0123456789abcdef0"]],
    // A network named by its ARN is sliced by its id.
    ["associate-resource", ["serviceNetworks", "resourceAssociations@sn-0123456789abcdef0"]],
    ["associate-service", ["serviceNetworks", "serviceAssociations@sn-0123456789abcdef0"]],
    ["create-resource-endpoint", ["vpcEndpoints"]],
    ["create-service-network-endpoint", ["vpcEndpoints", "networkEndpoints@sn-0123456789abcdef0"]],
    ["remove-vpc-association", ["serviceNetworks", "vpcAssociations@sn-0123456789abcdef0"]],
    ["remove-resource-association", ["serviceNetworks", "resourceAssociations@sn-0123456789abcdef0"]],
    ["remove-service-association", ["serviceNetworks", "serviceAssociations@sn-0123456789abcdef0"]],
    ["remove-endpoint", ["vpcEndpoints", "networkEndpoints@sn-0123456789abcdef0"]],
    ["add-ingress-rule", ["securityGroups"]],
    ["update-vpc-association-dns", ["vpcAssociations@sn-0123456789abcdef0"]],
    ["start-domain-verification", ["domainVerifications"]],
  ])("%s touches %j", (type, expected) => {
    expect(touches(EXAMPLES[type], { id: "x" }, onNetwork)).toEqual(expected);
  });

  it("a removal whose network the picture does not say touches that slice of every network", () => {
    expect(touches(EXAMPLES["remove-service-association"])).toEqual(["serviceNetworks", "serviceAssociations"]);
    expect(touches(EXAMPLES["remove-endpoint"])).toEqual(["vpcEndpoints", "networkEndpoints"]);
    // A Resource endpoint is on no network.
    expect(touches(EXAMPLES["remove-endpoint"], undefined, () => "")).toEqual(["vpcEndpoints"]);
  });

  it("a settled change touches what its kind lives in", () => {
    expect(settled("vpcAssociation", "snva-1", onNetwork)).toEqual([
      "serviceNetworks",
      "vpcAssociations@sn-0123456789abcdef0",
    ]);
    expect(settled("resourceAssociation", "snra-1")).toEqual(["serviceNetworks", "resourceAssociations"]);
    expect(settled("serviceAssociation", "snsa-1", onNetwork)).toEqual([
      "serviceNetworks",
      "serviceAssociations@sn-0123456789abcdef0",
    ]);
    expect(settled("vpcEndpoint", "vpce-1", () => "")).toEqual(["vpcEndpoints"]);
  });

  it("parses the slices it names, and nothing else", () => {
    for (const name of SLICES) expect(parseSlice(name)).toEqual({ name });
    expect(parseSlice("serviceAssociations@sn-1")).toEqual({ name: "serviceAssociations", network: "sn-1" });
    expect(parseSlice("serviceNetworks@sn-1")).toBeUndefined();
    expect(parseSlice("serviceAssociations@")).toBeUndefined();
    expect(parseSlice("targetGroups")).toBeUndefined();
    expect(parseSlice("")).toBeUndefined();
  });
});
