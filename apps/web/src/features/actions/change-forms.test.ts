import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { indexTopology } from "../topology/topology-index";
import {
  MAX_SECURITY_GROUPS,
  defaultForm,
  formFromAction,
  formToAction,
  suggestedGroups,
  toggleGroup,
  withType,
  withVpc,
} from "./change-forms";

const index = indexTopology(fieldReport as unknown as Topology);
const ids = {
  network: "sn-0b615c0ed1ca34177",
  resourceEndpointVpc: "vpc-023cb195488e7d121",
  networkEndpointVpc: "vpc-061137ab7c3ac2069",
  associationVpc: "vpc-0a03953771bed5895",
  groupConfig: "rcfg-0d3f5b7a9c1e2f486",
  writerConfig: "rcfg-01158845410b9f395",
  service: "svc-0a836c24f4bc2c8ea",
  resourceEndpointGroup: "sg-0ba37e309b4a5fb94",
  cloudShellGroup: "sg-01865685cfdf14862",
  associationGroup: "sg-0a56b13a32342e90a",
};

describe("forms: prefilled sensibly", () => {
  it("a ServiceNetwork endpoint takes one subnet in every zone of the VPC, and the groups its Lattice entries use", () => {
    const form = defaultForm(
      { type: "create-service-network-endpoint", vpcId: ids.resourceEndpointVpc, serviceNetworkId: ids.network },
      index,
    );
    expect(form.subnetByZone).toEqual({
      "ap-northeast-1a": "subnet-0a6bfa2a468cb071d",
      "ap-northeast-1c": "subnet-02939e6a43ab1000b",
    });
    expect(form.securityGroupIds).toEqual([ids.resourceEndpointGroup]);
    expect(form.privateDnsEnabled).toBe(true);
  });

  it("a VPC association starts with private DNS off and the VPC's association groups", () => {
    const form = defaultForm(
      { type: "associate-vpc", vpcId: ids.associationVpc, serviceNetworkId: ids.network },
      index,
    );
    expect(form.privateDnsEnabled).toBe(false);
    expect(form.securityGroupIds).toEqual([ids.associationGroup]);
    expect(form.subnetByZone).toEqual({});
  });

  it("fills an open end with the first candidate (a menu on a configuration picks a network)", () => {
    const form = defaultForm({ type: "associate-resource", resourceConfigurationId: ids.groupConfig }, index);
    expect(form.serviceNetworkId).toBe(ids.network);
    const fromNetwork = defaultForm({ type: "associate-resource", serviceNetworkId: ids.network }, index);
    // Never a CHILD configuration: its GROUP is what gets associated.
    expect(fromNetwork.resourceConfigurationId).toBe(ids.groupConfig);
  });

  it("suggests no more than five groups", () => {
    expect(suggestedGroups(index, ids.resourceEndpointVpc).length).toBeLessThanOrEqual(MAX_SECURITY_GROUPS);
  });
});

describe("forms → actions", () => {
  it("maps an association form to associate-vpc, groups and private DNS included", () => {
    const form = defaultForm(
      { type: "associate-vpc", vpcId: ids.resourceEndpointVpc, serviceNetworkId: ids.network },
      index,
    );
    expect(formToAction({ ...form, securityGroupIds: [ids.cloudShellGroup] })).toEqual({
      ok: true,
      action: {
        type: "associate-vpc",
        serviceNetworkId: ids.network,
        vpcId: ids.resourceEndpointVpc,
        securityGroupIds: [ids.cloudShellGroup],
        privateDnsEnabled: false,
      },
    });
  });

  it("sends no securityGroupIds member for none, and subnets in zone order", () => {
    const form = defaultForm(
      { type: "create-resource-endpoint", vpcId: ids.networkEndpointVpc, resourceConfigurationId: ids.groupConfig },
      index,
    );
    const result = formToAction({
      ...form,
      securityGroupIds: [],
      privateDnsEnabled: false,
      subnetByZone: { "ap-northeast-1c": "subnet-0c96e68a3e04f7491", "ap-northeast-1a": "subnet-01c706755a24d79e2" },
    });
    expect(result).toEqual({
      ok: true,
      action: {
        type: "create-resource-endpoint",
        vpcId: ids.networkEndpointVpc,
        resourceConfigurationId: ids.groupConfig,
        subnetIds: ["subnet-01c706755a24d79e2", "subnet-0c96e68a3e04f7491"],
        privateDnsEnabled: false,
      },
    });
  });

  it("drops a zone left empty, and says what is missing when no subnet is left", () => {
    const form = defaultForm(
      { type: "create-service-network-endpoint", vpcId: ids.resourceEndpointVpc, serviceNetworkId: ids.network },
      index,
    );
    const one = formToAction({ ...form, subnetByZone: { ...form.subnetByZone, "ap-northeast-1c": "" } });
    expect(one.ok && "subnetIds" in one.action ? one.action.subnetIds : []).toEqual(["subnet-0a6bfa2a468cb071d"]);
    expect(formToAction({ ...form, subnetByZone: { "ap-northeast-1a": "", "ap-northeast-1c": "" } })).toEqual({
      ok: false,
      missing: "Choose at least one subnet (one per Availability Zone).",
    });
    expect(formToAction({ ...form, serviceNetworkId: "" })).toMatchObject({
      ok: false,
      missing: "Choose a service network.",
    });
  });

  it("adds DNS options only with private DNS on and a preference chosen", () => {
    const form = defaultForm(
      { type: "create-service-network-endpoint", vpcId: ids.resourceEndpointVpc, serviceNetworkId: ids.network },
      index,
    );
    const withDomains = formToAction({
      ...form,
      dnsPreference: "SPECIFIED_DOMAINS_ONLY",
      specifiedDomains: "db.example.com, *.svc.example.com\ndb.example.com",
    });
    expect(withDomains.ok && "dnsOptions" in withDomains.action ? withDomains.action.dnsOptions : undefined).toEqual({
      privateDnsPreference: "SPECIFIED_DOMAINS_ONLY",
      privateDnsSpecifiedDomains: ["db.example.com", "*.svc.example.com"],
    });
    const off = formToAction({ ...form, privateDnsEnabled: false, dnsPreference: "ALL_DOMAINS" });
    expect(off.ok && "dnsOptions" in off.action).toBe(false);
  });

  it("leaves privateDnsEnabled out for an ARN configuration (always on), and sends it otherwise", () => {
    const form = defaultForm(
      { type: "associate-resource", resourceConfigurationId: ids.groupConfig, serviceNetworkId: ids.network },
      index,
    );
    expect(formToAction(form, index)).toEqual({
      ok: true,
      action: { type: "associate-resource", serviceNetworkId: ids.network, resourceConfigurationId: ids.groupConfig },
    });
    expect(formToAction({ ...form, privateDnsEnabled: false })).toMatchObject({ action: { privateDnsEnabled: false } });
  });

  it("maps a service form to associate-service", () => {
    const form = defaultForm({ type: "associate-service", serviceId: ids.service }, index);
    expect(formToAction(form)).toEqual({
      ok: true,
      action: { type: "associate-service", serviceNetworkId: ids.network, serviceId: ids.service },
    });
  });

  it("caps the groups at five", () => {
    let form = defaultForm({ type: "associate-vpc", vpcId: ids.resourceEndpointVpc }, index);
    form = { ...form, securityGroupIds: ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5"] };
    expect(toggleGroup(form, "sg-6").securityGroupIds).toHaveLength(5);
    expect(toggleGroup(form, "sg-3").securityGroupIds).toEqual(["sg-1", "sg-2", "sg-4", "sg-5"]);
  });

  it("another VPC brings its own subnets and groups; another type keeps the ends and groups", () => {
    const form = defaultForm(
      { type: "create-service-network-endpoint", vpcId: ids.resourceEndpointVpc, serviceNetworkId: ids.network },
      index,
    );
    const moved = withVpc(form, ids.associationVpc, index);
    expect(Object.values(moved.subnetByZone)).toEqual(["subnet-0e810cf38892d8df9", "subnet-03f2e783e953bcce0"]);
    expect(moved.securityGroupIds).toEqual([ids.associationGroup]);
    const asAssociation = withType(moved, "associate-vpc", index);
    expect(asAssociation).toMatchObject({
      type: "associate-vpc",
      vpcId: ids.associationVpc,
      serviceNetworkId: ids.network,
      securityGroupIds: [ids.associationGroup],
    });
  });

  it("round-trips an alternative (the ServiceNetwork endpoint preflight offers) through the form", () => {
    const alternative = {
      type: "create-service-network-endpoint" as const,
      vpcId: ids.associationVpc,
      serviceNetworkId: ids.network,
      subnetIds: ["subnet-0e810cf38892d8df9", "subnet-03f2e783e953bcce0"],
      securityGroupIds: [ids.associationGroup],
    };
    const form = formFromAction(alternative, index)!;
    expect(formToAction(form)).toEqual({ ok: true, action: { ...alternative, privateDnsEnabled: true } });
    expect(formFromAction({ type: "remove-endpoint", endpointId: "vpce-00c3d5450f87e1973" }, index)).toBeUndefined();
  });
});
