/**
 * Opt-in (ATLAS_TERRAFORM=1, `npm run test:terraform`): the real Terraform AWS
 * provider applies the field-report topology (and, second, what Lattice and the
 * VPC gained since: rules, TLS passthrough, access logs, prefix-list rules,
 * network ACLs, route tables) to an empty emulator, plans no changes, and
 * destroys back to an empty account. It takes minutes (the
 * provider waits between RDS polls), so the default test run skips it.
 */
import { readFileSync } from "node:fs";
import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { DescribeDBClustersCommand, DescribeDBSubnetGroupsCommand, RDSClient } from "@aws-sdk/client-rds";
import {
  ListResourceConfigurationsCommand,
  ListResourceGatewaysCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  VPCLatticeClient,
} from "@aws-sdk/client-vpc-lattice";
import { describe, expect, it } from "vitest";
import { emulatorProviderBlock, startTerraform, terraformAvailability } from "./terraform.js";

const optedIn = /^(1|true|yes)$/i.test(process.env.ATLAS_TERRAFORM ?? "");
const availability = optedIn ? await terraformAvailability() : undefined;
const reason = !optedIn
  ? "set ATLAS_TERRAFORM=1 (npm run test:terraform) to run it"
  : availability && !availability.available
    ? availability.reason
    : undefined;

/** An empty zip archive: the provider reads the file, the emulator stores its hash and size. */
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);

describe("the Terraform harness", () => {
  it("says why terraform cannot run: no binary, no provider mirror", async () => {
    const noBinary = await terraformAvailability({ binary: "/nonexistent/terraform" });
    expect(noBinary).toMatchObject({ available: false });
    expect(!noBinary.available && noBinary.reason).toContain("/nonexistent/terraform");
    if ((await terraformAvailability()).available) {
      const noMirror = await terraformAvailability({ mirror: "/nonexistent/mirror" });
      expect(!noMirror.available && noMirror.reason).toContain(
        "/nonexistent/mirror/registry.terraform.io/hashicorp/aws",
      );
    }
  });

  it("points every emulated service of the provider at the emulator, with no credential or metadata lookups", () => {
    const block = emulatorProviderBlock({ url: "http://127.0.0.1:4599", region: "us-east-1" });
    for (const service of ["ec2", "lambda", "rds", "sts", "vpclattice"]) {
      expect(block).toMatch(new RegExp(`\\n    ${service} += "http://127\\.0\\.0\\.1:4599"`));
    }
    expect(block).toContain('region                      = "us-east-1"');
    expect(block).toContain("skip_credentials_validation = true");
    expect(block).toContain("skip_metadata_api_check     = true");
  });
});

describe("Terraform against the emulator", () => {
  if (reason) {
    it.skip(`applies, plans and destroys the field-report topology and the 2026 features — skipped: ${reason}`, () =>
      undefined);
    return;
  }

  it(
    "applies the field-report topology, plans no changes, and destroys back to an empty account",
    async () => {
      const tf = await startTerraform({
        config: readFileSync(new URL("./fixtures/field-report.tf", import.meta.url), "utf8"),
        files: { "function.zip": EMPTY_ZIP },
      });
      const config = {
        region: "ap-northeast-1",
        endpoint: tf.emulator.url,
        credentials: { accessKeyId: "test", secretAccessKey: "test" },
        maxAttempts: 1,
      };
      const ec2 = new EC2Client(config);
      const lattice = new VPCLatticeClient(config);
      const rds = new RDSClient(config);
      const lambda = new LambdaClient(config);
      try {
        await tf.init();
        await tf.validate();
        await tf.apply();
        const outputs = await tf.outputs();
        expect(outputs.writer_endpoint).toMatch(
          /^zenn-aurora-serverless-dev\.cluster-[a-z0-9]{12}\.ap-northeast-1\.rds\.amazonaws\.com$/,
        );
        expect(outputs.service_dns).toMatch(/^zenn-vpc-lattice-service-dev-0[0-9a-f]{16}\.7d67968\.vpc-lattice-svcs\./);
        // The Resource endpoint reaches the writer and the reader, each with its private (RDS) name.
        expect(outputs.resource_endpoint_dns).toEqual(
          expect.arrayContaining([
            expect.stringMatching(
              /^vpce-0[0-9a-f]{16}-snra-0[0-9a-f]{16}\.rcfg-0[0-9a-f]{16}\.4232ccc\.vpc-lattice-rsc\./,
            ),
            outputs.writer_endpoint,
          ]),
        );
        expect((await lattice.send(new ListServiceNetworksCommand({}))).items).toHaveLength(1);

        const plan = await tf.plan();
        expect(plan.changes, plan.stdout).toBe(false);

        await tf.destroy();
        expect(await tf.stateList()).toEqual([]);
        expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
        expect((await ec2.send(new DescribeSubnetsCommand({}))).Subnets).toEqual([]);
        expect((await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups).toEqual([]);
        expect((await lattice.send(new ListServiceNetworksCommand({}))).items).toEqual([]);
        expect((await lattice.send(new ListServicesCommand({}))).items).toEqual([]);
        expect((await lattice.send(new ListTargetGroupsCommand({}))).items).toEqual([]);
        expect((await lattice.send(new ListResourceGatewaysCommand({}))).items).toEqual([]);
        expect((await lattice.send(new ListResourceConfigurationsCommand({}))).items).toEqual([]);
        expect((await rds.send(new DescribeDBClustersCommand({}))).DBClusters).toEqual([]);
        expect((await rds.send(new DescribeDBSubnetGroupsCommand({}))).DBSubnetGroups).toEqual([]);
        expect((await lambda.send(new ListFunctionsCommand({}))).Functions).toEqual([]);
        const state = (await (await fetch(`${tf.emulator.url}/_emulator/state`)).json()) as {
          regions: Array<{ ec2: Record<string, object>; lattice: Record<string, object> }>;
        };
        for (const region of state.regions) {
          for (const [name, records] of Object.entries({ ...region.ec2, ...region.lattice })) {
            expect(Object.keys(records), name).toEqual([]);
          }
        }
      } finally {
        for (const client of [ec2, lattice, rds, lambda]) client.destroy();
        await tf.close();
      }
    },
    25 * 60_000,
  );

  it(
    "applies the 2026 Lattice features (rules, TLS passthrough, access logs, prefix list rules, NACLs, route tables), plans no changes, destroys them",
    async () => {
      const tf = await startTerraform({
        config: readFileSync(new URL("./fixtures/lattice-2026.tf", import.meta.url), "utf8"),
      });
      try {
        await tf.init();
        await tf.validate();
        await tf.apply();
        const outputs = await tf.outputs();
        expect([...(outputs.lattice_prefix_list_cidrs as string[])].sort()).toEqual([
          "129.224.0.0/17",
          "169.254.171.0/24",
        ]);
        expect(outputs.rule_arn).toMatch(/\/listener\/listener-0[0-9a-f]{16}\/rule\/rule-0[0-9a-f]{16}$/);
        const plan = await tf.plan();
        expect(plan.changes, plan.stdout).toBe(false);
        await tf.destroy();
        expect(await tf.stateList()).toEqual([]);
        const state = (await (await fetch(`${tf.emulator.url}/_emulator/state`)).json()) as {
          regions: Array<{ ec2: Record<string, object>; lattice: Record<string, object> }>;
        };
        for (const region of state.regions) {
          for (const [name, records] of Object.entries({ ...region.ec2, ...region.lattice })) {
            expect(Object.keys(records), name).toEqual([]);
          }
        }
      } finally {
        await tf.close();
      }
    },
    15 * 60_000,
  );
});
