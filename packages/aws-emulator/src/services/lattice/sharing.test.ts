import {
  CreateVpcEndpointCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
} from "@aws-sdk/client-ec2";
import { CreateResourceShareCommand, DisassociateResourceShareCommand } from "@aws-sdk/client-ram";
import {
  CreateListenerCommand,
  CreateResourceConfigurationCommand,
  CreateResourceGatewayCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateServiceNetworkResourceAssociationCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  CreateTargetGroupCommand,
  DeleteResourceConfigurationCommand,
  DeleteResourceEndpointAssociationCommand,
  DeleteServiceNetworkCommand,
  DeleteServiceNetworkResourceAssociationCommand,
  DeleteServiceNetworkVpcAssociationCommand,
  GetAuthPolicyCommand,
  GetResourceConfigurationCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListListenersCommand,
  ListResourceConfigurationsCommand,
  ListResourceEndpointAssociationsCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  UpdateServiceNetworkCommand,
  UpdateServiceNetworkVpcAssociationCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Clients, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

const MANAGEMENT = "111122223333";
const NETWORKING = "222233334444";
const DATA = "333344445555";
const APP = "444455556666";
const OTHER_APP = "555566667777";

let h: Harness;
let networking: Clients;
let data: Clients;
let app: Clients;
let other: Clients;

/** What each test starts from: the data account's configurations, the networking account's networks and a service. */
interface World {
  snArn: string;
  snId: string;
  privateSnArn: string;
  serviceArn: string;
  configArn: string;
  configId: string;
  groupArn: string;
  childArns: string[];
  strictConfigArn: string;
  dataVpc: TestVpc;
  appVpc: TestVpc;
}
let w: World;

beforeAll(async () => {
  h = await startHarness();
  networking = h.clientsFor(NETWORKING);
  data = h.clientsFor(DATA);
  app = h.clientsFor(APP);
  other = h.clientsFor(OTHER_APP);
});
afterAll(() => h.close());

async function share(owner: Clients, name: string, resourceArns: string[], principals: string[]): Promise<string> {
  const out = await owner.ram.send(new CreateResourceShareCommand({ name, resourceArns, principals }));
  return out.resourceShare!.resourceShareArn!;
}

beforeEach(async () => {
  await h.control("POST", "/_emulator/reset", {});
  await h.control("PUT", "/_emulator/organization", {
    managementAccountId: MANAGEMENT,
    accounts: [NETWORKING, DATA, APP, OTHER_APP].map((id, i) => ({ id, name: `member-${i}` })),
  });
  const sn = await networking.lattice.send(new CreateServiceNetworkCommand({ name: "shared-net" }));
  const privateSn = await networking.lattice.send(
    new CreateServiceNetworkCommand({ name: "private-net", sharingConfig: { enabled: false } }),
  );
  const service = await networking.lattice.send(new CreateServiceCommand({ name: "orders" }));
  const tg = await networking.lattice.send(new CreateTargetGroupCommand({ name: "orders-tg", type: "LAMBDA" }));
  await networking.lattice.send(
    new CreateListenerCommand({
      serviceIdentifier: service.id,
      name: "http",
      protocol: "HTTP",
      defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } },
    }),
  );
  const dataVpc = await createTestVpc(data.ec2, 40);
  const gateway = await data.lattice.send(
    new CreateResourceGatewayCommand({
      name: "data-gw",
      vpcIdentifier: dataVpc.vpcId,
      subnetIds: dataVpc.subnetIds,
      securityGroupIds: [dataVpc.groupIds[0]!],
    }),
  );
  const config = await data.lattice.send(
    new CreateResourceConfigurationCommand({
      name: "orders-db",
      type: "SINGLE",
      resourceGatewayIdentifier: gateway.id,
      portRanges: ["5432"],
      resourceConfigurationDefinition: { dnsResource: { domainName: "orders-db.internal.example.com" } },
    }),
  );
  const group = await data.lattice.send(
    new CreateResourceConfigurationCommand({
      name: "caches",
      type: "GROUP",
      resourceGatewayIdentifier: gateway.id,
      portRanges: ["6379"],
    }),
  );
  const childArns: string[] = [];
  for (const name of ["cache-a", "cache-b"]) {
    const child = await data.lattice.send(
      new CreateResourceConfigurationCommand({
        name,
        type: "CHILD",
        resourceConfigurationGroupIdentifier: group.id,
        resourceConfigurationDefinition: { dnsResource: { domainName: `${name}.internal.example.com` } },
      }),
    );
    childArns.push(child.arn!);
  }
  const strict = await data.lattice.send(
    new CreateResourceConfigurationCommand({
      name: "strict-db",
      type: "SINGLE",
      resourceGatewayIdentifier: gateway.id,
      portRanges: ["5432"],
      allowAssociationToShareableServiceNetwork: false,
      resourceConfigurationDefinition: { ipResource: { ipAddress: "10.40.1.10" } },
    }),
  );
  const appVpc = await createTestVpc(app.ec2, 50);
  w = {
    snArn: sn.arn!,
    snId: sn.id!,
    privateSnArn: privateSn.arn!,
    serviceArn: service.arn!,
    configArn: config.arn!,
    configId: config.id!,
    groupArn: group.arn!,
    childArns,
    strictConfigArn: strict.arn!,
    dataVpc,
    appVpc,
  };
});

const arnsOf = (items: Array<{ arn?: string | undefined }> | undefined) => (items ?? []).map((i) => i.arn);

describe("what a consumer sees of a shared network, service and configuration", () => {
  it("lists them with the owner's ARN, reads them by ARN but not by bare id", async () => {
    await share(networking, "nets", [w.snArn, w.serviceArn], [APP]);
    await share(data, "configs", [w.configArn, w.groupArn], [APP]);

    const networks = await app.lattice.send(new ListServiceNetworksCommand({}));
    expect(arnsOf(networks.items)).toEqual([w.snArn]);
    expect(networks.items?.[0]?.arn).toContain(`:${NETWORKING}:servicenetwork/`);
    expect(arnsOf((await app.lattice.send(new ListServicesCommand({}))).items)).toEqual([w.serviceArn]);
    const configs = await app.lattice.send(new ListResourceConfigurationsCommand({}));
    // The shared group brings its children (their ARNs name the endpoint rows a consumer sees).
    expect(arnsOf(configs.items).sort()).toEqual([w.configArn, w.groupArn, ...w.childArns].sort());
    const children = await app.lattice.send(
      new ListResourceConfigurationsCommand({ resourceConfigurationGroupIdentifier: w.groupArn }),
    );
    expect(arnsOf(children.items).sort()).toEqual([...w.childArns].sort());
    // Not shared with the other application account.
    expect((await other.lattice.send(new ListServiceNetworksCommand({}))).items).toEqual([]);

    const byArn = await app.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: w.snArn }));
    expect(byArn.name).toBe("shared-net");
    expect((await app.lattice.send(new GetServiceCommand({ serviceIdentifier: w.serviceArn }))).name).toBe("orders");
    expect(
      (await app.lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: w.childArns[0] })))
        .name,
    ).toBe("cache-a");
    const byId = await sdkError(() =>
      app.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: w.snId })),
    );
    expect([byId.name, byId.$metadata.httpStatusCode]).toEqual(["ResourceNotFoundException", 404]);
  });

  it("refuses another account's ARN that is not shared, and everything but reads and associations on shared ones", async () => {
    await share(networking, "nets", [w.snArn, w.serviceArn], [APP]);
    const denied = async (send: () => Promise<unknown>, what: string) => {
      const error = await sdkError(send);
      expect(error.name, what).toBe("AccessDeniedException");
      expect(error.$metadata.httpStatusCode, what).toBe(403);
      return error;
    };
    const notShared = await denied(
      () => app.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: w.privateSnArn })),
      "a network that is not shared",
    );
    expect(notShared.message).toBe(
      `User: arn:aws:iam::${APP}:user/lattice-atlas is not authorized to perform: vpc-lattice:GetServiceNetwork on resource: ${w.privateSnArn}`,
    );
    await denied(
      () => other.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: w.snArn })),
      "another consumer",
    );
    await denied(
      () =>
        app.lattice.send(new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: w.snArn, authType: "AWS_IAM" })),
      "update",
    );
    await denied(
      () => app.lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: w.snArn })),
      "delete",
    );
    await denied(() => app.lattice.send(new ListListenersCommand({ serviceIdentifier: w.serviceArn })), "listeners");
    await denied(() => app.lattice.send(new GetAuthPolicyCommand({ resourceIdentifier: w.snArn })), "auth policy");
    await denied(() => app.lattice.send(new ListTagsForResourceCommand({ resourceArn: w.serviceArn })), "tags");
  });
});

describe("a consumer's VPC association with a shared network", () => {
  it("exists in both accounts with local ARNs, createdBy the consumer; either side deletes it", async () => {
    await share(networking, "nets", [w.snArn], [APP]);
    const created = await app.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: w.snArn,
        vpcIdentifier: w.appVpc.vpcId,
        securityGroupIds: [w.appVpc.groupIds[0]!],
      }),
    );
    expect(created.arn).toBe(`arn:aws:vpc-lattice:ap-northeast-1:${APP}:servicenetworkvpcassociation/${created.id}`);
    expect(created.createdBy).toBe(APP);

    const mine = await app.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: w.appVpc.vpcId }),
    );
    expect(mine.items).toMatchObject([
      {
        id: created.id,
        serviceNetworkArn: w.snArn,
        serviceNetworkName: "shared-net",
        status: "ACTIVE",
        createdBy: APP,
      },
    ]);
    const ownerView = await networking.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
    );
    expect(ownerView.items).toMatchObject([
      {
        id: created.id,
        arn: `arn:aws:vpc-lattice:ap-northeast-1:${NETWORKING}:servicenetworkvpcassociation/${created.id}`,
        vpcId: w.appVpc.vpcId,
        createdBy: APP,
        status: "ACTIVE",
      },
    ]);
    const ownerGet = await networking.lattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.id }),
    );
    expect(ownerGet.securityGroupIds).toEqual([w.appVpc.groupIds[0]]);
    for (const c of [networking, app]) {
      const sn = await c.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: w.snArn }));
      expect(sn.numberOfAssociatedVPCs).toBe(1);
    }
    const busy = await sdkError(() =>
      networking.lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: w.snId })),
    );
    expect(busy.name).toBe("ConflictException");
    // Only the VPC's owner changes the association's security groups (they are in its VPC).
    const update = await sdkError(() =>
      networking.lattice.send(
        new UpdateServiceNetworkVpcAssociationCommand({
          serviceNetworkVpcAssociationIdentifier: created.id,
          securityGroupIds: ["sg-0123456789abcdef0"],
        }),
      ),
    );
    expect(update.name).toBe("AccessDeniedException");
    await app.lattice.send(
      new UpdateServiceNetworkVpcAssociationCommand({
        serviceNetworkVpcAssociationIdentifier: created.id,
        securityGroupIds: [w.appVpc.groupIds[1]!],
      }),
    );
    const synced = await networking.lattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.id }),
    );
    expect(synced.securityGroupIds).toEqual([w.appVpc.groupIds[1]]);

    // The owner removes the consumer's association: both copies go.
    await networking.lattice.send(
      new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.id }),
    );
    expect(
      (await app.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: w.appVpc.vpcId }))).items,
    ).toEqual([]);
    expect(
      (
        await networking.lattice.send(
          new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
        )
      ).items,
    ).toEqual([]);
  });

  it("keeps one network per VPC across accounts", async () => {
    await share(networking, "nets", [w.snArn], [APP]);
    const own = await app.lattice.send(new CreateServiceNetworkCommand({ name: "own-net" }));
    await app.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: own.id,
        vpcIdentifier: w.appVpc.vpcId,
      }),
    );
    const second = await sdkError(() =>
      app.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: w.snArn,
          vpcIdentifier: w.appVpc.vpcId,
        }),
      ),
    );
    expect(second.name).toBe("ConflictException");
  });
});

describe("resource associations across accounts", () => {
  it("the networking account associates the data account's configuration: both list it, the consumer sees its snra- name", async () => {
    await share(data, "to-networking", [w.configArn, w.groupArn, w.strictConfigArn], [NETWORKING]);
    await share(networking, "nets", [w.snArn], [APP]);
    const snra = await networking.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: w.snId,
        resourceConfigurationIdentifier: w.configArn,
      }),
    );
    expect(snra.createdBy).toBe(NETWORKING);
    await networking.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: w.snId,
        resourceConfigurationIdentifier: w.groupArn,
      }),
    );
    const ownerView = await networking.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: w.snId, includeChildren: true }),
    );
    const named = ownerView.items!.filter((a) => a.dnsEntry);
    expect(named.map((a) => a.resourceConfigurationName).sort()).toEqual(["cache-a", "cache-b", "orders-db"]);
    const direct = ownerView.items!.find((a) => a.id === snra.id)!;
    expect(direct.resourceConfigurationArn).toBe(w.configArn);
    expect(direct.dnsEntry?.domainName).toBe(`${snra.id}.${w.configId}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`);

    // The configuration owner lists the association too, under its own account's ARN.
    const dataView = await data.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ resourceConfigurationIdentifier: w.configId }),
    );
    expect(dataView.items).toMatchObject([
      {
        id: snra.id,
        arn: `arn:aws:vpc-lattice:ap-northeast-1:${DATA}:servicenetworkresourceassociation/${snra.id}`,
        serviceNetworkArn: w.snArn,
        serviceNetworkName: "shared-net",
        createdBy: NETWORKING,
      },
    ]);
    const inUse = await sdkError(() =>
      data.lattice.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: w.configId })),
    );
    expect(inUse.name).toBe("ConflictException");

    // A consumer of the network reads its resource associations (for their names), with ARNs in its own account.
    const consumerView = await app.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: w.snArn, includeChildren: true }),
    );
    const seen = consumerView.items!.find((a) => a.id === snra.id)!;
    expect(seen.arn).toBe(`arn:aws:vpc-lattice:ap-northeast-1:${APP}:servicenetworkresourceassociation/${snra.id}`);
    expect(seen.dnsEntry?.domainName).toBe(direct.dnsEntry?.domainName);
    expect(seen.resourceConfigurationArn).toContain(`:${DATA}:resourceconfiguration/`);

    // The configuration owner deletes it from its side: gone from the network's too.
    await data.lattice.send(
      new DeleteServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: snra.id }),
    );
    const after = await networking.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
    );
    expect(after.items!.map((a) => a.id)).not.toContain(snra.id);
  });

  it("applies allowAssociationToShareableServiceNetwork across accounts, and needs the caller to own one side", async () => {
    await share(data, "to-networking", [w.strictConfigArn, w.configArn], [NETWORKING, APP]);
    await share(networking, "nets", [w.snArn], [APP]);
    const strict = await sdkError(() =>
      networking.lattice.send(
        new CreateServiceNetworkResourceAssociationCommand({
          serviceNetworkIdentifier: w.snId,
          resourceConfigurationIdentifier: w.strictConfigArn,
        }),
      ),
    );
    expect(strict.name).toBe("ConflictException");
    expect(strict.message).toContain("does not allow association to shareable service networks");
    const privateNet = await networking.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: w.privateSnArn,
        resourceConfigurationIdentifier: w.strictConfigArn,
      }),
    );
    expect(privateNet.status).toBe("CREATE_IN_PROGRESS");
    const neither = await sdkError(() =>
      app.lattice.send(
        new CreateServiceNetworkResourceAssociationCommand({
          serviceNetworkIdentifier: w.snArn,
          resourceConfigurationIdentifier: w.configArn,
        }),
      ),
    );
    expect(neither.name).toBe("AccessDeniedException");
    expect(neither.message).toContain("The caller must own either the service network or the resource configuration");
  });

  it("a service shared with the networking account is associated there and listed by its owner", async () => {
    const service = await data.lattice.send(new CreateServiceCommand({ name: "reports" }));
    await share(data, "svc", [service.arn!], [NETWORKING]);
    await share(networking, "nets", [w.snArn], [APP]);
    const snsa = await networking.lattice.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceNetworkIdentifier: w.snId,
        serviceIdentifier: service.arn,
      }),
    );
    const ownerView = await data.lattice.send(
      new ListServiceNetworkServiceAssociationsCommand({ serviceIdentifier: service.id }),
    );
    expect(ownerView.items).toMatchObject([
      { id: snsa.id, serviceNetworkArn: w.snArn, createdBy: NETWORKING, arn: expect.stringContaining(`:${DATA}:`) },
    ]);
    const consumerView = await app.lattice.send(
      new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: w.snArn }),
    );
    expect(consumerView.items).toMatchObject([
      { id: snsa.id, serviceName: "reports", arn: expect.stringContaining(`:${APP}:`) },
    ]);
    expect(consumerView.items?.[0]?.dnsEntry?.domainName).toMatch(
      /^reports-0[0-9a-f]{16}\.7d67968\.vpc-lattice-svcs\./,
    );
  });
});

describe("VPC endpoints to shared networks and configurations", () => {
  it("a ServiceNetwork endpoint: the consumer sees per-association names, the owner only the endpoint id and owner", async () => {
    await share(data, "to-networking", [w.configArn], [NETWORKING]);
    await share(networking, "nets", [w.snArn], [APP]);
    const snra = await networking.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: w.snId,
        resourceConfigurationIdentifier: w.configArn,
      }),
    );
    const created = await app.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "ServiceNetwork",
        VpcId: w.appVpc.vpcId,
        ServiceNetworkArn: w.snArn,
        SubnetIds: w.appVpc.subnetIds,
        SecurityGroupIds: [w.appVpc.groupIds[0]!],
      }),
    );
    const vpce = created.VpcEndpoint!.VpcEndpointId!;
    const rows = await app.ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [vpce] }));
    expect(rows.VpcEndpointAssociations).toMatchObject([
      {
        ServiceNetworkArn: w.snArn,
        ServiceNetworkName: "shared-net",
        AssociatedResourceArn: w.configArn,
        AssociatedResourceAccessibility: "Accessible",
        DnsEntry: { DnsName: `${vpce}-${snra.id}.${w.configId}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws` },
      },
    ]);
    const ownerView = await networking.lattice.send(
      new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
    );
    expect(ownerView.items).toMatchObject([
      { vpcEndpointId: vpce, vpcEndpointOwnerId: APP, vpcId: w.appVpc.vpcId, state: "ACTIVE" },
    ]);
    // The consumer's own listing, by the shared ARN.
    const consumerView = await app.lattice.send(
      new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: w.snArn }),
    );
    expect(consumerView.items?.map((i) => i.vpcEndpointId)).toEqual([vpce]);
    const busy = await sdkError(() =>
      networking.lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: w.snId })),
    );
    expect(busy.name).toBe("ConflictException");
    // Only shared networks: the private one is refused by EC2.
    const refused = await sdkError(() =>
      app.ec2.send(
        new CreateVpcEndpointCommand({
          VpcEndpointType: "ServiceNetwork",
          VpcId: w.appVpc.vpcId,
          ServiceNetworkArn: w.privateSnArn,
          SubnetIds: w.appVpc.subnetIds,
        }),
      ),
    );
    expect(refused.name).toBe("InvalidParameter");
  });

  it("a Resource endpoint to a configuration shared straight with the consumer; the provider disconnects it", async () => {
    await share(data, "direct", [w.configArn, w.groupArn], [APP]);
    const created = await app.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "Resource",
        VpcId: w.appVpc.vpcId,
        ResourceConfigurationArn: w.groupArn,
        SubnetIds: w.appVpc.subnetIds,
        SecurityGroupIds: [w.appVpc.groupIds[0]!],
      }),
    );
    const vpce = created.VpcEndpoint!.VpcEndpointId!;
    const rows = await app.ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [vpce] }));
    expect(rows.VpcEndpointAssociations?.map((r) => r.AssociatedResourceArn).sort()).toEqual([...w.childArns].sort());
    for (const row of rows.VpcEndpointAssociations!) {
      expect(row.ResourceConfigurationGroupArn).toBe(w.groupArn);
      expect(row.DnsEntry?.DnsName).toMatch(
        new RegExp(`^${vpce}-snra-0[0-9a-f]{16}\\.rcfg-0[0-9a-f]{16}\\.4232ccc\\.vpc-lattice-rsc\\.`),
      );
    }
    const provider = await data.lattice.send(
      new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: w.groupArn }),
    );
    expect(provider.items).toHaveLength(1);
    const rea = provider.items![0]!;
    expect(rea).toMatchObject({
      vpcEndpointId: vpce,
      vpcEndpointOwner: APP,
      createdBy: APP,
      resourceConfigurationArn: w.groupArn,
    });
    expect(rea.arn).toBe(`arn:aws:vpc-lattice:ap-northeast-1:${DATA}:resourceendpointassociation/${rea.id}`);
    const consumer = await app.lattice.send(
      new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: w.groupArn }),
    );
    expect(consumer.items?.map((i) => [i.id, i.arn?.split(":")[4]])).toEqual([[rea.id, APP]]);
    const groupInUse = await sdkError(() =>
      data.lattice.send(
        new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: w.groupArn.split("/")[1] }),
      ),
    );
    expect(groupInUse.name).toBe("ConflictException");

    await data.lattice.send(
      new DeleteResourceEndpointAssociationCommand({ resourceEndpointAssociationIdentifier: rea.id }),
    );
    const endpoint = await app.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [vpce] }));
    expect(endpoint.VpcEndpoints?.[0]?.State).toBe("Rejected");
  });
});

describe("when the owner stops sharing", () => {
  async function associated() {
    const shareArn = await share(networking, "nets", [w.snArn], [APP]);
    const association = await app.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: w.snArn,
        vpcIdentifier: w.appVpc.vpcId,
      }),
    );
    const endpointVpc = await createTestVpc(app.ec2, 51);
    const endpoint = await app.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "ServiceNetwork",
        VpcId: endpointVpc.vpcId,
        ServiceNetworkArn: w.snArn,
        SubnetIds: endpointVpc.subnetIds,
      }),
    );
    const service = await networking.lattice.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceNetworkIdentifier: w.snId,
        serviceIdentifier: w.serviceArn,
      }),
    );
    expect(service.status).toBe("CREATE_IN_PROGRESS");
    await networking.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: shareArn, principals: [APP] }));
    return { association, vpce: endpoint.VpcEndpoint!.VpcEndpointId! };
  }

  it("the consumer loses the listing and the reads; by default its existing association stays in both accounts", async () => {
    const { association, vpce } = await associated();
    expect((await app.lattice.send(new ListServiceNetworksCommand({}))).items).toEqual([]);
    const read = await sdkError(() =>
      app.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: w.snArn })),
    );
    expect(read.name).toBe("AccessDeniedException");
    const create = await sdkError(() =>
      app.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: w.snArn,
          vpcIdentifier: w.appVpc.vpcId,
        }),
      ),
    );
    expect(create.name).toBe("AccessDeniedException");
    const mine = await app.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: w.appVpc.vpcId }),
    );
    expect(mine.items?.map((a) => [a.id, a.status])).toEqual([[association.id, "ACTIVE"]]);
    const ownerView = await networking.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
    );
    expect(ownerView.items?.map((a) => a.id)).toEqual([association.id]);
    const rows = await app.ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [vpce] }));
    expect(rows.VpcEndpointAssociations?.map((r) => r.AssociatedResourceAccessibility)).toEqual(["Inaccessible"]);
    // The consumer may still delete its own association.
    await app.lattice.send(
      new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: association.id }),
    );
    expect(
      (
        await networking.lattice.send(
          new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
        )
      ).items,
    ).toEqual([]);
  });

  it("with unsharedAssociations=delete, the consumer's associations go from both accounts", async () => {
    expect((await h.control("PUT", "/_emulator/sharing", { unsharedAssociations: "delete" })).status).toBe(200);
    await associated();
    expect(
      (await app.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: w.appVpc.vpcId }))).items,
    ).toEqual([]);
    expect(
      (
        await networking.lattice.send(
          new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: w.snId }),
        )
      ).items,
    ).toEqual([]);
    const bad = await h.control("PUT", "/_emulator/sharing", { unsharedAssociations: "sometimes" });
    expect(bad.status).toBe(400);
  });
});
