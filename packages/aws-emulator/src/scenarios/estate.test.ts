import { DescribeVpcEndpointAssociationsCommand } from "@aws-sdk/client-ec2";
import { ListAccountsCommand } from "@aws-sdk/client-organizations";
import {
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
} from "@aws-sdk/client-ram";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  ListResourceEndpointAssociationsCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServiceNetworksCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Clients, type Harness } from "../testing/harness.js";
import { ESTATE_ACCOUNTS as A, ESTATE_EXTERNAL_ID, ESTATE_IDS as I, ESTATE_ROLE } from "./estate.js";

const TOKYO = "ap-northeast-1";
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ scenario: "estate" });
});
afterAll(() => h.close());

/** The hub's way in: its own credentials (any key: the default account is the management account) assume the role. */
async function member(accountId: string, region = TOKYO): Promise<Clients> {
  const out = await h.sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${ESTATE_ROLE}`,
      RoleSessionName: "atlas-estate-test",
      ExternalId: ESTATE_EXTERNAL_ID,
    }),
  );
  const c = out.Credentials!;
  return h.clientsWith(
    { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
    region,
  );
}

const snArn = (id: string, region = TOKYO) => `arn:aws:vpc-lattice:${region}:${A.networking}:servicenetwork/${id}`;
const rcfgArn = (id: string) => `arn:aws:vpc-lattice:${TOKYO}:${A.data}:resourceconfiguration/${id}`;

describe("the estate scenario, read the way the console reads it", () => {
  it("the hub is the management account and lists the organization, one account suspended", async () => {
    expect((await h.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(A.hub);
    const { Accounts } = await h.organizations.send(new ListAccountsCommand({}));
    expect(Accounts?.map((a) => [a.Id, a.Status])).toEqual([
      [A.hub, "ACTIVE"],
      [A.networking, "ACTIVE"],
      [A.data, "ACTIVE"],
      [A.appResourceEndpoint, "ACTIVE"],
      [A.appServiceNetworkEndpoint, "ACTIVE"],
      [A.appVpcAssociation, "ACTIVE"],
      [A.legacy, "ACTIVE"],
      [A.retired, "SUSPENDED"],
    ]);
  });

  it("the hub assumes the read-only role in every readable member; the legacy and suspended ones refuse", async () => {
    for (const account of [
      A.networking,
      A.data,
      A.appResourceEndpoint,
      A.appServiceNetworkEndpoint,
      A.appVpcAssociation,
    ]) {
      const identity = await (await member(account)).sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Account).toBe(account);
      expect(identity.Arn).toBe(`arn:aws:sts::${account}:assumed-role/${ESTATE_ROLE}/atlas-estate-test`);
    }
    for (const account of [A.legacy, A.retired]) {
      const error = await sdkError(() => member(account));
      expect(error.name, account).toBe("AccessDenied");
    }
    const wrongId = await sdkError(() =>
      h.sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${A.data}:role/${ESTATE_ROLE}`,
          RoleSessionName: "atlas",
          ExternalId: "not-the-estate-id",
        }),
      ),
    );
    expect(wrongId.name).toBe("AccessDenied");
  });

  it("pattern 3: from the VPC-association account, the working name is the writer's snra- name of the data account's configuration", async () => {
    const app3 = await member(A.appVpcAssociation);
    const associations = await app3.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: await vpcOf(app3) }),
    );
    expect(associations.items).toMatchObject([
      {
        id: I.pattern3Association,
        serviceNetworkArn: snArn(I.platformNetwork),
        serviceNetworkName: "platform-net",
        createdBy: A.appVpcAssociation,
      },
    ]);
    const resources = await app3.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({
        serviceNetworkIdentifier: snArn(I.platformNetwork),
        includeChildren: true,
      }),
    );
    const writer = resources.items!.find((a) => a.id === I.ordersDbWriterAssociation)!;
    expect(writer.dnsEntry?.domainName).toBe(
      `${I.ordersDbWriterAssociation}.${I.ordersDbWriter}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`,
    );
    expect(writer.resourceConfigurationArn).toBe(rcfgArn(I.ordersDbWriter));
    expect(writer.privateDnsEntry?.domainName).toBe(
      "orders-aurora.cluster-c0estate0001.ap-northeast-1.rds.amazonaws.com",
    );
    expect(writer.arn).toContain(`:${A.appVpcAssociation}:servicenetworkresourceassociation/`);
    // The name resolves (129.224.0.0/17), found in the account that owns it.
    const dns = await h.control("GET", `/_emulator/dns?name=${writer.dnsEntry!.domainName}`);
    expect(dns.body.addresses[0]).toMatch(/^129\.224\.(\d|[1-9]\d|1[01]\d|12[0-7])\.\d+$/);
  });

  it("pattern 1: the Resource endpoint to the directly shared configuration has per-child names", async () => {
    const app1 = await member(A.appResourceEndpoint);
    const rows = await app1.ec2.send(
      new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [I.pattern1Endpoint] }),
    );
    const byChild = Object.fromEntries(rows.VpcEndpointAssociations!.map((r) => [r.AssociatedResourceArn, r]));
    expect(Object.keys(byChild).sort()).toEqual([rcfgArn(I.ordersDbWriter), rcfgArn(I.ordersDbReader)].sort());
    const writer = byChild[rcfgArn(I.ordersDbWriter)]!;
    expect(writer.ResourceConfigurationGroupArn).toBe(rcfgArn(I.ordersDb));
    expect(writer.DnsEntry?.DnsName).toMatch(
      new RegExp(
        `^${I.pattern1Endpoint}-snra-0[0-9a-f]{16}\\.${I.ordersDbWriter}\\.4232ccc\\.vpc-lattice-rsc\\.ap-northeast-1\\.on\\.aws$`,
      ),
    );
    expect(writer.PrivateDnsEntry?.DnsName).toBe("orders-aurora.cluster-c0estate0001.ap-northeast-1.rds.amazonaws.com");
    expect(writer.AssociatedResourceAccessibility).toBe("Accessible");
    // The data account sees the endpoint only by id and owner.
    const data = await member(A.data);
    const provider = await data.lattice.send(
      new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: I.ordersDb }),
    );
    expect(provider.items).toMatchObject([
      { vpcEndpointId: I.pattern1Endpoint, vpcEndpointOwner: A.appResourceEndpoint },
    ]);
  });

  it("pattern 2: the ServiceNetwork endpoint reaches every resource and service of the shared network", async () => {
    const app2 = await member(A.appServiceNetworkEndpoint);
    const rows = await app2.ec2.send(
      new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [I.pattern2Endpoint] }),
    );
    const names = rows.VpcEndpointAssociations!.map((r) => r.DnsEntry?.DnsName);
    expect(names).toContain(
      `${I.pattern2Endpoint}-${I.ordersDbWriterAssociation}.${I.ordersDbWriter}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`,
    );
    expect(names).toContain(
      `${I.pattern2Endpoint}-${I.billingApiAssociation}.${I.billingApi}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`,
    );
    expect(names.filter((n) => n?.includes(".vpc-lattice-svcs."))).toHaveLength(1);
    expect(rows.VpcEndpointAssociations!.every((r) => r.ServiceNetworkArn === snArn(I.platformNetwork))).toBe(true);
  });

  it("the networking account sees its consumers only as ids, including the unreadable legacy account", async () => {
    const networking = await member(A.networking);
    const vpcs = await networking.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: I.platformNetwork }),
    );
    expect(vpcs.items?.map((a) => [a.id, a.createdBy]).sort()).toEqual(
      [
        [I.pattern3Association, A.appVpcAssociation],
        [I.legacyAssociation, A.legacy],
      ].sort(),
    );
    for (const a of vpcs.items!) expect(a.arn).toContain(`:${A.networking}:servicenetworkvpcassociation/`);
    const endpoints = await networking.lattice.send(
      new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: I.platformNetwork }),
    );
    expect(endpoints.items).toMatchObject([
      { vpcEndpointId: I.pattern2Endpoint, vpcEndpointOwnerId: A.appServiceNetworkEndpoint },
    ]);
    // The data account's configurations appear in the network under the data account's ARNs.
    const resources = await networking.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: I.platformNetwork }),
    );
    expect(resources.items?.map((a) => a.resourceConfigurationArn).sort()).toEqual(
      [rcfgArn(I.ordersDb), rcfgArn(I.billingApi)].sort(),
    );
    // The private network is not shared: consumers do not list it.
    const app3 = await member(A.appVpcAssociation);
    const listed = (await app3.lattice.send(new ListServiceNetworksCommand({}))).items?.map((n) => n.arn);
    expect(listed).toEqual([snArn(I.platformNetwork)]);
  });

  it("RAM shows who shares what with whom, and the partner's invitation pending", async () => {
    const data = await member(A.data);
    const shares = await data.ram.send(new GetResourceSharesCommand({ resourceOwner: "SELF" }));
    expect(shares.resourceShares?.map((s) => s.name).sort()).toEqual([
      "billing-partner",
      "data-to-networking",
      "orders-db-direct",
    ]);
    const principals = await data.ram.send(new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL" }));
    expect(
      principals.resourceShareAssociations
        ?.map((p) => [p.resourceShareName, p.associatedEntity, p.status, p.external])
        .sort(),
    ).toEqual(
      [
        ["billing-partner", A.partner, "ASSOCIATING", true],
        ["data-to-networking", A.networking, "ASSOCIATED", false],
        ["orders-db-direct", A.appResourceEndpoint, "ASSOCIATED", false],
      ].sort(),
    );
    const app1 = await member(A.appResourceEndpoint);
    const received = await app1.ram.send(new ListResourcesCommand({ resourceOwner: "OTHER-ACCOUNTS" }));
    expect(received.resources?.map((r) => r.arn).sort()).toEqual(
      [rcfgArn(I.ordersDb), snArn(I.platformNetwork)].sort(),
    );
  });

  it("the second Region: an edge network with a service, associated from the pattern-2 account", async () => {
    const east = await member(A.appServiceNetworkEndpoint, "us-east-1");
    const networks = await east.lattice.send(new ListServiceNetworksCommand({}));
    expect(networks.items?.map((n) => [n.arn, n.numberOfAssociatedVPCs, n.numberOfAssociatedServices])).toEqual([
      [snArn(I.virginiaNetwork, "us-east-1"), 1, 1],
    ]);
  });
});

async function vpcOf(c: Clients): Promise<string> {
  const { DescribeVpcsCommand } = await import("@aws-sdk/client-ec2");
  const vpcs = await c.ec2.send(new DescribeVpcsCommand({}));
  return vpcs.Vpcs![0]!.VpcId!;
}
