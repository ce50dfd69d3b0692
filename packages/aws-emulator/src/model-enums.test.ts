/**
 * Every enum value the emulator answers with is one the SDK models list: a
 * tour of reads (and some writes) through the real SDK clients on the
 * field-report and custom-domains scenarios, each response walked along its
 * output schema (src/testing/model-enums.ts).
 */
import * as Ec2Model from "@aws-sdk/client-ec2";
import * as LambdaModel from "@aws-sdk/client-lambda";
import * as RdsModel from "@aws-sdk/client-rds";
import * as StsModel from "@aws-sdk/client-sts";
import * as LatticeModel from "@aws-sdk/client-vpc-lattice";
import { afterAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./testing/harness.js";
import { enumModel, enumViolations, outputSchema, type EnumModel, type EnumViolation } from "./testing/model-enums.js";

const {
  CreateNetworkAclCommand,
  CreateRouteTableCommand,
  CreateVpcEndpointCommand,
  DescribeAvailabilityZonesCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribePrefixListsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  GetManagedPrefixListEntriesCommand,
} = Ec2Model;
const { GetFunctionCommand, ListFunctionsCommand, ListVersionsByFunctionCommand } = LambdaModel;
const {
  DescribeDBClusterEndpointsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSubnetGroupsCommand,
} = RdsModel;
const L = LatticeModel;

interface Service {
  module: Record<string, unknown>;
  model: EnumModel;
}

const SERVICES: Record<string, Service> = {
  lattice: { module: LatticeModel, model: enumModel("@aws-sdk/client-vpc-lattice") },
  ec2: { module: Ec2Model, model: enumModel("@aws-sdk/client-ec2") },
  rds: { module: RdsModel, model: enumModel("@aws-sdk/client-rds") },
  lambda: { module: LambdaModel, model: enumModel("@aws-sdk/client-lambda") },
  sts: { module: StsModel, model: enumModel("@aws-sdk/client-sts") },
};

interface Checked {
  operations: Set<string>;
  enums: Set<string>;
  violations: Array<EnumViolation & { operation: string }>;
}

/** Checks every response of the harness's clients against the models. */
function watch(h: Harness): Checked {
  const checked: Checked = { operations: new Set(), enums: new Set(), violations: [] };
  for (const [key, service] of Object.entries(SERVICES)) {
    const client = h[key as keyof typeof SERVICES & keyof Harness] as {
      middlewareStack: { add: (...args: unknown[]) => void };
    };
    client.middlewareStack.add(
      (next: (args: unknown) => Promise<{ output: unknown }>, context: { commandName?: string }) =>
        async (args: unknown) => {
          const result = await next(args);
          const operation = (context.commandName ?? "").replace(/Command$/, "");
          checked.operations.add(`${key}:${operation}`);
          const found = enumViolations(
            service.model,
            outputSchema(service.module, operation),
            result.output,
            "",
            checked.enums,
          );
          checked.violations.push(...found.map((v) => ({ ...v, operation: `${key}:${operation}` })));
          return result;
        },
      { step: "initialize", name: "modelEnumCheck" },
    );
  }
  return checked;
}

/** Reads everything a console reads, plus a few writes whose answers carry enums. */
async function tour(h: Harness): Promise<void> {
  const { lattice, ec2, rds, lambda, sts } = h;
  await sts.send(new StsModel.GetCallerIdentityCommand({}));
  const networks = (await lattice.send(new L.ListServiceNetworksCommand({}))).items ?? [];
  for (const sn of networks) {
    await lattice.send(new L.GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id }));
    await lattice.send(new L.GetAuthPolicyCommand({ resourceIdentifier: sn.id }));
    await lattice.send(new L.ListAccessLogSubscriptionsCommand({ resourceIdentifier: sn.id }));
    await lattice.send(new L.ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: sn.id }));
    for (const a of (
      await lattice.send(new L.ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: sn.id }))
    ).items ?? [])
      await lattice.send(
        new L.GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: a.id }),
      );
    const snras = await lattice.send(
      new L.ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn.id, includeChildren: true }),
    );
    for (const a of snras.items ?? [])
      await lattice.send(
        new L.GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: a.id }),
      );
    for (const a of (
      await lattice.send(new L.ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: sn.id }))
    ).items ?? [])
      await lattice.send(
        new L.GetServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: a.id }),
      );
  }
  for (const service of (await lattice.send(new L.ListServicesCommand({}))).items ?? []) {
    await lattice.send(new L.GetServiceCommand({ serviceIdentifier: service.id }));
    for (const listener of (await lattice.send(new L.ListListenersCommand({ serviceIdentifier: service.id }))).items ??
      []) {
      const ids = { serviceIdentifier: service.id!, listenerIdentifier: listener.id! };
      await lattice.send(new L.GetListenerCommand(ids));
      for (const rule of (await lattice.send(new L.ListRulesCommand(ids))).items ?? [])
        await lattice.send(new L.GetRuleCommand({ ...ids, ruleIdentifier: rule.id }));
    }
  }
  for (const tg of (await lattice.send(new L.ListTargetGroupsCommand({}))).items ?? []) {
    await lattice.send(new L.GetTargetGroupCommand({ targetGroupIdentifier: tg.id }));
    await lattice.send(new L.ListTargetsCommand({ targetGroupIdentifier: tg.id }));
  }
  for (const gateway of (await lattice.send(new L.ListResourceGatewaysCommand({}))).items ?? [])
    await lattice.send(new L.GetResourceGatewayCommand({ resourceGatewayIdentifier: gateway.id }));
  for (const config of (await lattice.send(new L.ListResourceConfigurationsCommand({}))).items ?? []) {
    await lattice.send(new L.GetResourceConfigurationCommand({ resourceConfigurationIdentifier: config.id }));
    await lattice.send(new L.ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: config.id }));
  }
  for (const dv of (await lattice.send(new L.ListDomainVerificationsCommand({}))).items ?? [])
    await lattice.send(new L.GetDomainVerificationCommand({ domainVerificationIdentifier: dv.id }));

  const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
  for (const Attribute of ["enableDnsSupport", "enableDnsHostnames"] as const)
    await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcs[0]!.VpcId, Attribute }));
  const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
  await ec2.send(new DescribeSecurityGroupsCommand({}));
  await ec2.send(new DescribeSecurityGroupRulesCommand({}));
  await ec2.send(new DescribeNetworkInterfacesCommand({}));
  await ec2.send(new DescribeVpcEndpointsCommand({}));
  await ec2.send(new DescribeVpcEndpointAssociationsCommand({}));
  await ec2.send(new DescribeRouteTablesCommand({}));
  await ec2.send(new DescribeNetworkAclsCommand({}));
  await ec2.send(new DescribeAvailabilityZonesCommand({}));
  await ec2.send(new DescribePrefixListsCommand({}));
  for (const list of (await ec2.send(new DescribeManagedPrefixListsCommand({}))).PrefixLists ?? [])
    await ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: list.PrefixListId }));
  await rds.send(new DescribeDBClustersCommand({}));
  await rds.send(new DescribeDBInstancesCommand({}));
  await rds.send(new DescribeDBClusterEndpointsCommand({}));
  await rds.send(new DescribeDBSubnetGroupsCommand({}));
  for (const fn of (await lambda.send(new ListFunctionsCommand({}))).Functions ?? []) {
    await lambda.send(new GetFunctionCommand({ FunctionName: fn.FunctionName }));
    await lambda.send(new ListVersionsByFunctionCommand({ FunctionName: fn.FunctionName }));
  }

  // Writes: create answers carry enums of their own.
  const vpc = vpcs.find((v) => v.Tags?.some((t) => t.Value === "consumer"))!;
  await ec2.send(new CreateRouteTableCommand({ VpcId: vpc.VpcId }));
  await ec2.send(new CreateNetworkAclCommand({ VpcId: vpc.VpcId }));
  const sn = await lattice.send(new L.CreateServiceNetworkCommand({ name: "tour-network", authType: "AWS_IAM" }));
  await lattice.send(
    new L.CreateAccessLogSubscriptionCommand({ resourceIdentifier: sn.id, destinationArn: "arn:aws:s3:::tour-logs" }),
  );
  await lattice.send(new L.StartDomainVerificationCommand({ domainName: "tour.example.net" }));
  await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: vpc.VpcId,
      VpcEndpointType: "ServiceNetwork",
      ServiceNetworkArn: sn.arn,
      SubnetIds: subnets.filter((s) => s.VpcId === vpc.VpcId).map((s) => s.SubnetId!),
      PrivateDnsEnabled: true,
    }),
  );
  const service = await lattice.send(new L.CreateServiceCommand({ name: "tour-service" }));
  await lattice.send(
    new L.CreateListenerCommand({
      serviceIdentifier: service.id,
      name: "http",
      protocol: "HTTP",
      defaultAction: { fixedResponse: { statusCode: 404 } },
    }),
  );
}

const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

describe("enum values in the emulator's answers", () => {
  it("are the SDK models' values (the walk catches one that is not)", () => {
    const ec2 = SERVICES.ec2!;
    const violations = enumViolations(ec2.model, outputSchema(ec2.module, "DescribeVpcEndpoints"), {
      VpcEndpoints: [{ VpcEndpointId: "vpce-1", IpAddressType: "IPV4", State: "Available" }],
    });
    expect(violations).toEqual([
      expect.objectContaining({ path: "VpcEndpoints[0].IpAddressType", value: "IPV4", enumName: "IpAddressType" }),
    ]);
  });

  for (const scenario of ["field-report", "custom-domains"]) {
    it(`stay within the models on the ${scenario} scenario`, async () => {
      const h = await startHarness({ scenario });
      harnesses.push(h);
      const checked = watch(h);
      await tour(h);
      expect(checked.violations).toEqual([]);
      // The walk met the enums that matter here (so it cannot pass by checking nothing).
      for (const name of [
        "ServiceNetworkResourceAssociationStatus",
        "ServiceNetworkVpcAssociationStatus",
        "ResourceConfigurationType",
        "ResourceConfigDnsResolution",
        "ListenerProtocol",
        "TargetStatus",
        "State",
        "IpAddressType",
        "VpcEndpointType",
        "NetworkInterfaceType",
        "VerificationStatus",
      ]) {
        expect(checked.enums, name).toContain(name);
      }
      expect(checked.operations.size).toBeGreaterThan(45);
    });
  }
});
