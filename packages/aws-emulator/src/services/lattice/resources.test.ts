import { CreateDBClusterCommand, CreateDBInstanceCommand, CreateDBSubnetGroupCommand } from "@aws-sdk/client-rds";
import {
  CreateResourceConfigurationCommand,
  CreateResourceGatewayCommand,
  DeleteResourceConfigurationCommand,
  DeleteResourceGatewayCommand,
  GetResourceConfigurationCommand,
  GetResourceGatewayCommand,
  ListResourceConfigurationsCommand,
  ListResourceGatewaysCommand,
  UpdateResourceConfigurationCommand,
  UpdateResourceGatewayCommand,
} from "@aws-sdk/client-vpc-lattice";
import { DescribeNetworkInterfacesCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

let h: Harness;
let provider: TestVpc;
let gatewayId: string;

beforeAll(async () => {
  h = await startHarness();
  provider = await createTestVpc(h.ec2, 0);
  const gateway = await h.lattice.send(
    new CreateResourceGatewayCommand({
      name: "gw-main",
      vpcIdentifier: provider.vpcId,
      subnetIds: provider.subnetIds,
      securityGroupIds: [provider.groupIds[0]!],
    }),
  );
  gatewayId = gateway.id!;
});
afterAll(() => h.close());

describe("resource gateways", () => {
  it("creates ENIs in each subnet, reads back by id and ARN, lists, updates groups", async () => {
    const got = await h.lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gatewayId }));
    expect(got.vpcId).toBe(provider.vpcId);
    expect(got.status).toBe("ACTIVE");
    expect(got.subnetIds).toEqual(provider.subnetIds);
    expect(got.resourceConfigDnsResolution).toBe("PUBLIC");
    const byArn = await h.lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: got.arn }));
    expect(byArn.id).toBe(gatewayId);

    const enis = await h.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "description", Values: [`*${gatewayId}`] }] }),
    );
    expect(enis.NetworkInterfaces?.map((n) => n.SubnetId).sort()).toEqual([...provider.subnetIds].sort());

    const listed = await h.lattice.send(new ListResourceGatewaysCommand({}));
    expect(listed.items?.find((g) => g.id === gatewayId)?.vpcIdentifier).toBe(provider.vpcId);

    const updated = await h.lattice.send(
      new UpdateResourceGatewayCommand({
        resourceGatewayIdentifier: gatewayId,
        securityGroupIds: [provider.groupIds[1]!],
      }),
    );
    expect(updated.securityGroupIds).toEqual([provider.groupIds[1]]);
  });

  it("fills in the VPC's default security group when none is given, and rejects foreign subnets and groups", async () => {
    const other = await createTestVpc(h.ec2, 1);
    const withDefault = await h.lattice.send(
      new CreateResourceGatewayCommand({
        name: "gw-default",
        vpcIdentifier: other.vpcId,
        subnetIds: [other.subnetIds[0]!],
      }),
    );
    expect(withDefault.securityGroupIds).toHaveLength(1);
    const foreign = await sdkError(() =>
      h.lattice.send(
        new CreateResourceGatewayCommand({
          name: "gw-bad",
          vpcIdentifier: other.vpcId,
          subnetIds: [provider.subnetIds[0]!],
        }),
      ),
    );
    expect(foreign.name).toBe("ValidationException");
    const missingVpc = await sdkError(() =>
      h.lattice.send(
        new CreateResourceGatewayCommand({
          name: "gw-novpc",
          vpcIdentifier: "vpc-0123456789abcdef0",
          subnetIds: [other.subnetIds[0]!],
        }),
      ),
    );
    expect(missingVpc.name).toBe("ResourceNotFoundException");
  });
});

describe("resource configurations", () => {
  it("creates a SINGLE DNS configuration with the observed defaults", async () => {
    const created = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "db-single",
        type: "SINGLE",
        resourceGatewayIdentifier: gatewayId,
        resourceConfigurationDefinition: {
          dnsResource: { domainName: "db.internal.example.com", ipAddressType: "IPV4" },
        },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^rcfg-0[0-9a-f]{16}$/);
    expect(created.portRanges).toEqual(["1-65535"]);
    expect(created.protocol).toBe("TCP");
    expect(created.allowAssociationToShareableServiceNetwork).toBe(true);
    const got = await h.lattice.send(
      new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: created.arn }),
    );
    expect(got.resourceConfigurationDefinition).toEqual({
      dnsResource: { domainName: "db.internal.example.com", ipAddressType: "IPV4" },
    });
    expect(got.resourceGatewayId).toBe(gatewayId);
    expect(got.status).toBe("ACTIVE");

    const updated = await h.lattice.send(
      new UpdateResourceConfigurationCommand({ resourceConfigurationIdentifier: created.id, portRanges: ["5432"] }),
    );
    expect(updated.portRanges).toEqual(["5432"]);
  });

  it("creates GROUP and CHILD configurations; children inherit the gateway and list by group", async () => {
    const group = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "apis",
        type: "GROUP",
        resourceGatewayIdentifier: gatewayId,
        portRanges: ["443"],
        groupDomain: "example.internal",
      }),
    );
    const child = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "apis-orders",
        type: "CHILD",
        resourceConfigurationGroupIdentifier: group.id,
        resourceConfigurationDefinition: { ipResource: { ipAddress: "10.0.5.10" } },
      }),
    );
    expect(child.resourceGatewayId).toBe(gatewayId);
    expect(child.resourceConfigurationGroupId).toBe(group.id);
    const children = await h.lattice.send(
      new ListResourceConfigurationsCommand({ resourceConfigurationGroupIdentifier: group.arn }),
    );
    expect(children.items?.map((c) => c.id)).toEqual([child.id]);
    const busy = await sdkError(() =>
      h.lattice.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: group.id })),
    );
    expect(busy.name).toBe("ConflictException");
  });

  it("turns an Aurora cluster ARN into AWS-managed writer and reader children", async () => {
    await h.rds.send(
      new CreateDBSubnetGroupCommand({
        DBSubnetGroupName: "aurora-subnets",
        DBSubnetGroupDescription: "x",
        SubnetIds: provider.subnetIds,
      }),
    );
    const cluster = await h.rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "orders-db",
        Engine: "aurora-postgresql",
        DBSubnetGroupName: "aurora-subnets",
        VpcSecurityGroupIds: [provider.groupIds[1]!],
      }),
    );
    await h.rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "orders-db-1",
        DBClusterIdentifier: "orders-db",
        Engine: "aurora-postgresql",
        DBInstanceClass: "db.r6g.large",
      }),
    );
    const arn = cluster.DBCluster!.DBClusterArn!;
    const parent = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "orders-db",
        type: "ARN",
        resourceGatewayIdentifier: gatewayId,
        resourceConfigurationDefinition: { arnResource: { arn } },
      }),
    );
    expect(parent.portRanges).toEqual(["5432"]);
    const children = await h.lattice.send(
      new ListResourceConfigurationsCommand({ resourceConfigurationGroupIdentifier: parent.id }),
    );
    expect(children.items).toHaveLength(2);
    expect(children.items?.every((c) => c.amazonManaged && c.type === "CHILD")).toBe(true);
    const definitions = await Promise.all(
      children.items!.map((c) =>
        h.lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: c.id })),
      ),
    );
    expect(
      definitions
        .map(
          (d) => (d.resourceConfigurationDefinition as { dnsResource: { domainName: string } }).dnsResource.domainName,
        )
        .sort(),
    ).toEqual([cluster.DBCluster!.Endpoint, cluster.DBCluster!.ReaderEndpoint].sort());
    const managed = await sdkError(() =>
      h.lattice.send(
        new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: children.items![0]!.id }),
      ),
    );
    expect(managed.name).toBe("ValidationException");

    await h.lattice.send(new DeleteResourceConfigurationCommand({ resourceConfigurationIdentifier: parent.id }));
    const after = await h.lattice.send(new ListResourceConfigurationsCommand({ resourceGatewayIdentifier: gatewayId }));
    expect(after.items?.some((c) => c.resourceConfigurationGroupId === parent.id || c.id === parent.id)).toBe(false);
  });

  it("validates types, definitions, port ranges and references", async () => {
    const noGateway = await sdkError(() =>
      h.lattice.send(new CreateResourceConfigurationCommand({ name: "x-single", type: "SINGLE" })),
    );
    expect(noGateway.name).toBe("ValidationException");
    expect(noGateway.fieldList.map((f: { name: string }) => f.name)).toContain("resourceGatewayIdentifier");

    const publicIp = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "x-public",
          type: "SINGLE",
          resourceGatewayIdentifier: gatewayId,
          resourceConfigurationDefinition: { ipResource: { ipAddress: "8.8.8.8" } },
        }),
      ),
    );
    expect(publicIp.fieldList[0].name).toBe("resourceConfigurationDefinition.ipResource.ipAddress");

    const badPorts = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "x-ports",
          type: "SINGLE",
          resourceGatewayIdentifier: gatewayId,
          portRanges: ["70000"],
          resourceConfigurationDefinition: { ipResource: { ipAddress: "10.0.0.9" } },
        }),
      ),
    );
    expect(badPorts.fieldList[0].name).toBe("portRanges.1");

    const notRds = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "x-arn",
          type: "ARN",
          resourceGatewayIdentifier: gatewayId,
          resourceConfigurationDefinition: { arnResource: { arn: "arn:aws:s3:::bucket" } },
        }),
      ),
    );
    expect(notRds.name).toBe("ValidationException");

    const cidrOnPublicGateway = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "x-cidr",
          type: "CIDR",
          resourceGatewayIdentifier: gatewayId,
          resourceConfigurationDefinition: { cidrResource: { cidrRanges: ["10.0.0.0/24"] } },
        }),
      ),
    );
    expect(cidrOnPublicGateway.name).toBe("ValidationException");

    const reservedName = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "rcfg-abc",
          type: "GROUP",
          resourceGatewayIdentifier: gatewayId,
        }),
      ),
    );
    expect(reservedName.fieldList[0].name).toBe("name");
  });

  it("keeps a gateway that still serves configurations, then deletes it with DELETE_IN_PROGRESS", async () => {
    const busy = await sdkError(() =>
      h.lattice.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: gatewayId })),
    );
    expect(busy.name).toBe("ConflictException");
    const spare = await createTestVpc(h.ec2, 2);
    const gateway = await h.lattice.send(
      new CreateResourceGatewayCommand({ name: "gw-spare", vpcIdentifier: spare.vpcId, subnetIds: spare.subnetIds }),
    );
    const deleted = await h.lattice.send(new DeleteResourceGatewayCommand({ resourceGatewayIdentifier: gateway.arn }));
    expect(deleted.status).toBe("DELETE_IN_PROGRESS");
    const gone = await sdkError(() =>
      h.lattice.send(new GetResourceGatewayCommand({ resourceGatewayIdentifier: gateway.id })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
    const enis = await h.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "vpc-id", Values: [spare.vpcId] }] }),
    );
    expect(enis.NetworkInterfaces).toHaveLength(0);
  });
});
