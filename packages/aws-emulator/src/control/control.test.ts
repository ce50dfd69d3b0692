import { CreateVpcCommand, DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { DescribeDBClustersCommand, DescribeDBInstancesCommand } from "@aws-sdk/client-rds";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateServiceNetworkVpcAssociationCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../testing/harness.js";

const REGION = "ap-northeast-1";
const ACCOUNT = "111122223333";
const WRITER = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const READER = "zenn-aurora-serverless-dev.cluster-ro-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const SERVICES = ["vpc-lattice", "ec2", "rds", "sts", "lambda", "organizations", "ram"];

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: "field-report" });
});
afterAll(() => h.close());

const reset = async (body?: unknown) => {
  const response = await h.control("POST", "/_emulator/reset", body);
  expect(response.status).toBe(200);
  return response.body;
};
const snNames = async (client = h.lattice) =>
  ((await client.send(new ListServiceNetworksCommand({}))).items ?? []).map((i) => i.name).sort();
/** A raw, SigV4-shaped request, for reading headers the SDK does not surface. */
const raw = (service: string, path: string, init: RequestInit = {}) =>
  fetch(`${h.url}${path}`, {
    ...init,
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=x`,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
const timed = async <T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("health, scenarios and DNS (field-report loaded at start)", () => {
  it("answers /_emulator/health and /_localstack/health alike", async () => {
    for (const path of ["/_emulator/health", "/_localstack/health", "/_emulator/health/"]) {
      const { status, body } = await h.control("GET", path);
      expect(status, path).toBe(200);
      expect(body.status).toBe("ok");
      expect(body.emulator).toBe("lattice-atlas");
      expect(Object.keys(body.services).sort()).toEqual([...SERVICES].sort());
      expect(Object.values(body.services)).toEqual(SERVICES.map(() => "running"));
      expect(body.scenario).toBe("field-report");
      expect(body.defaultAccountId).toBe(ACCOUNT);
      expect(body.defaultRegion).toBe(REGION);
    }
    const response = await fetch(`${h.url}/_emulator/health`);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
  });

  it("answers 404 JSON for an unknown control route", async () => {
    const { status, body } = await h.control("GET", "/_emulator/nothing-here");
    expect(status).toBe(404);
    expect(body.message).toContain("/_emulator/nothing-here");
  });

  it("lists the scenarios and the current one", async () => {
    const { status, body } = await h.control("GET", "/_emulator/scenarios");
    expect(status).toBe(200);
    expect(body.scenarios.map((s: { name: string }) => s.name)).toEqual([
      "field-report",
      "custom-domains",
      "empty",
      "large",
      "estate",
    ]);
    expect(body.scenarios.find((s: { name: string }) => s.name === "large").parameters).toHaveProperty(
      "serviceNetworks",
    );
    expect(body.current).toBe("field-report");
  });

  it("resolves the field-report Aurora writer endpoint to 10.0.143.144 in the provider VPC", async () => {
    // The name is the one RDS itself reports.
    const { DBClusters } = await h.rds.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: "zenn-aurora-serverless-dev" }),
    );
    expect(DBClusters![0]!.Endpoint).toBe(WRITER);
    expect(DBClusters![0]!.ReaderEndpoint).toBe(READER);
    const { DBInstances } = await h.rds.send(
      new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: ["zenn-aurora-serverless-dev"] }] }),
    );
    const providerVpc = DBInstances![0]!.DBSubnetGroup!.VpcId;

    const writer = await h.control("GET", `/_emulator/dns?name=${encodeURIComponent(WRITER)}`);
    expect(writer.status).toBe(200);
    expect(writer.body).toEqual({ name: WRITER, addresses: ["10.0.143.144"], kind: "rds-writer", vpcId: providerVpc });
    // Trailing dot and upper case are the same name.
    const fqdn = await h.control("GET", `/_emulator/dns?name=${encodeURIComponent(`${WRITER.toUpperCase()}.`)}`);
    expect(fqdn.body.addresses).toEqual(["10.0.143.144"]);

    const reader = await h.control("GET", `/_emulator/dns?name=${encodeURIComponent(READER)}`);
    expect(reader.status).toBe(200);
    expect(reader.body.kind).toBe("rds-reader");
    expect(reader.body.addresses).toHaveLength(1);
    expect(reader.body.addresses[0]).toMatch(/^10\.0\.1(2[89]|[34]\d|5\d)\.\d+$/);
    expect(reader.body.addresses[0]).not.toBe("10.0.143.144");

    const instance = await h.control(
      "GET",
      `/_emulator/dns?name=${encodeURIComponent(DBInstances![0]!.Endpoint!.Address!)}`,
    );
    expect(instance.body.kind).toBe("rds-instance");
  });

  it("resolves service-network names inside Lattice's blocks: resources in 129.224.0.0/17, services in 169.254.171.0/24", async () => {
    const snra = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
    const resource = await h.control("GET", `/_emulator/dns?name=${snra}`);
    expect(resource.body.kind).toBe("lattice-resource");
    const [a, b, c, d] = (resource.body.addresses[0] as string).split(".").map(Number) as [
      number,
      number,
      number,
      number,
    ];
    expect([a, b]).toEqual([129, 224]);
    expect(c).toBeLessThan(128);
    expect(d).toBeLessThan(256);
    const service = await h.control(
      "GET",
      "/_emulator/dns?name=zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws",
    );
    expect(service.body.addresses[0]).toMatch(/^169\.254\.171\.(\d|[1-9]\d|1\d\d|2[0-4]\d|25[0-5])$/);
  });

  it("answers, for a VPC, the private names its way in provisions before public ones", async () => {
    const vpcs = await h.ec2.send(
      new DescribeVpcsCommand({
        Filters: [{ Name: "tag:Name", Values: ["consumer-resource-endpoint-vpc", "consumer-sn-association-vpc"] }],
      }),
    );
    const vpcOf = (name: string) => vpcs.Vpcs!.find((v) => v.Tags?.some((t) => t.Value === name))!.VpcId!;
    // The Resource endpoint (private DNS on) gives the writer's RDS name a private zone: it resolves to the endpoint's interfaces.
    const viaEndpoint = await h.control(
      "GET",
      `/_emulator/dns?name=${encodeURIComponent(WRITER)}&vpcId=${vpcOf("consumer-resource-endpoint-vpc")}`,
    );
    expect(viaEndpoint.body.kind).toBe("vpc-endpoint");
    expect(viaEndpoint.body.via).toMatch(/^vpce-0[0-9a-f]{16}$/);
    expect(viaEndpoint.body.addresses).toHaveLength(2);
    expect(viaEndpoint.body.addresses.every((ip: string) => ip.startsWith("10.1."))).toBe(true);
    // The VPC association has private DNS off: the public answer (the instance, in the provider VPC).
    const publicAnswer = await h.control(
      "GET",
      `/_emulator/dns?name=${encodeURIComponent(WRITER)}&vpcId=${vpcOf("consumer-sn-association-vpc")}`,
    );
    expect(publicAnswer.body.addresses).toEqual(["10.0.143.144"]);
    const unknownVpc = await h.control(
      "GET",
      `/_emulator/dns?name=${encodeURIComponent(WRITER)}&vpcId=vpc-0000000000000000a`,
    );
    expect(unknownVpc.status).toBe(400);
  });

  it("answers NXDOMAIN (404) for a name it never issued and 400 without a name", async () => {
    const unknown = await h.control(
      "GET",
      `/_emulator/dns?name=nothing.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.addresses).toEqual([]);
    expect(unknown.body.message).toContain("NXDOMAIN");
    // The same writer name in another account does not exist.
    const otherAccount = await h.control(
      "GET",
      `/_emulator/dns?name=${encodeURIComponent(WRITER)}&accountId=210987654321`,
    );
    expect(otherAccount.status).toBe(404);
    const missing = await h.control("GET", "/_emulator/dns");
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain("name");
  });
});

describe("reset and scenarios", () => {
  it("resets to an empty account, and to a named scenario", async () => {
    expect(await snNames()).toEqual(["zenn-service-network-dev"]);
    expect(await reset()).toEqual({ reset: true });
    expect(await snNames()).toEqual([]);
    expect(
      (await h.ec2.send(new DescribeVpcsCommand({}))).Vpcs?.filter((v) => v.CidrBlock === "10.0.0.0/16") ?? [],
    ).toEqual([]);
    expect((await h.control("GET", "/_emulator/health")).body.scenario).toBeNull();

    const loaded = await reset({ scenario: "field-report" });
    expect(loaded.reset).toBe(true);
    expect(loaded.scenario).toBe("field-report");
    expect(loaded.accountId).toBe(ACCOUNT);
    expect(loaded.region).toBe(REGION);
    expect(loaded.ids["zenn-service-network-dev"]).toMatch(/^sn-0[0-9a-f]{16}$/);
    expect(await snNames()).toEqual(["zenn-service-network-dev"]);
    const sn = await h.lattice.send(
      new GetServiceNetworkCommand({ serviceNetworkIdentifier: loaded.ids["zenn-service-network-dev"] }),
    );
    expect(sn.name).toBe("zenn-service-network-dev");
    expect((await h.control("GET", "/_emulator/health")).body.scenario).toBe("field-report");
  });

  it("rejects an unknown scenario and a non-JSON body with 400 JSON, leaving the state alone", async () => {
    const unknown = await h.control("POST", "/_emulator/reset", { scenario: "no-such-scenario" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("no-such-scenario");
    const badParams = await h.control("POST", "/_emulator/reset", {
      scenario: "large",
      params: { serviceNetworks: 0 },
    });
    expect(badParams.status).toBe(400);
    expect(badParams.body.message).toContain("serviceNetworks");
    const notJson = await h.control("POST", "/_emulator/reset", "{not json");
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toContain("JSON");
    // A rejected reset resets nothing.
    expect(await snNames()).toEqual(["zenn-service-network-dev"]);
    expect((await h.control("GET", "/_emulator/health")).body.scenario).toBe("field-report");
  });

  it("loads the large scenario with small parameters", async () => {
    const { status, body } = await h.control("POST", "/_emulator/scenarios/large", {
      serviceNetworks: 3,
      vpcs: 10,
      resourceConfigurations: 20,
      services: 4,
    });
    expect(status).toBe(200);
    expect(body.scenario).toBe("large");
    expect(body.region).toBe("us-east-1");
    const virginia = h.clientsFor("test", "us-east-1");
    expect(await snNames(virginia.lattice)).toEqual(["sn-net-000", "sn-net-001", "sn-net-002"]);
    const services = await virginia.lattice.send(new ListServicesCommand({}));
    expect(services.items).toHaveLength(4);
    const vpcs = await virginia.ec2.send(new DescribeVpcsCommand({}));
    expect(vpcs.Vpcs).toHaveLength(10);
    // Loading a scenario replaces the state: the field-report data is gone.
    expect(await snNames()).toEqual([]);
    expect((await h.control("GET", "/_emulator/scenarios")).body.current).toBe("large");
  });

  it("answers 400 JSON for bad large-scenario parameters", async () => {
    for (const params of [
      { serviceNetworks: 0 },
      { serviceNetworks: 51 },
      { vpcs: 1 },
      { services: 2.5 },
      { resourceConfigurations: "many" },
    ]) {
      const response = await fetch(`${h.url}/_emulator/scenarios/large`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
      });
      expect(response.status, JSON.stringify(params)).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as { message: string };
      expect(body.message).toMatch(/large scenario/);
    }
    const notObject = await h.control("POST", "/_emulator/scenarios/large", [1, 2]);
    expect(notObject.status).toBe(400);
    expect(notObject.body.message).toContain("JSON object");
    const unknown = await h.control("POST", "/_emulator/scenarios/nope", {});
    expect(unknown.status).toBe(400);
    // A failed load leaves the previous scenario in place.
    expect(await snNames(h.clientsFor("test", "us-east-1").lattice)).toHaveLength(3);
  });
});

describe("state export and import", () => {
  it("round-trips state: export, reset, import, then the SDK reads the same data", async () => {
    await reset();
    const sn = await h.lattice.send(
      new CreateServiceNetworkCommand({ name: "kept-net", authType: "AWS_IAM", tags: { keep: "yes" } }),
    );
    const svc = await h.lattice.send(new CreateServiceCommand({ name: "kept-svc" }));
    const other = h.clientsFor("210987654321", "eu-west-1");
    const foreign = await other.lattice.send(new CreateServiceNetworkCommand({ name: "foreign-net" }));

    const exported = await h.control("GET", "/_emulator/state");
    expect(exported.status).toBe(200);
    expect(exported.body.format).toBe("lattice-atlas-emulator-state");
    expect(exported.body.version).toBe(1);
    expect(
      exported.body.regions.map((r: { accountId: string; region: string }) => `${r.accountId}/${r.region}`).sort(),
    ).toEqual([`${ACCOUNT}/${REGION}`, `210987654321/eu-west-1`]);

    await reset();
    expect(await snNames()).toEqual([]);
    const gone = await sdkError(() =>
      h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");

    const imported = await h.control("PUT", "/_emulator/state", exported.body);
    expect(imported).toEqual({ status: 200, body: { imported: true } });
    const back = await h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.arn }));
    expect(back.id).toBe(sn.id);
    expect(back.name).toBe("kept-net");
    expect(back.authType).toBe("AWS_IAM");
    const service = await h.lattice.send(new GetServiceCommand({ serviceIdentifier: svc.id }));
    expect(service.name).toBe("kept-svc");
    expect(service.dnsEntry?.domainName).toBe(svc.dnsEntry?.domainName);
    expect(await snNames(other.lattice)).toEqual(["foreign-net"]);
    expect((await other.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: foreign.id }))).arn).toBe(
      foreign.arn,
    );
    expect((await h.control("GET", "/_emulator/health")).body.scenario).toBe("imported");

    // The id generator was restored too: a new network does not reuse an id.
    const fresh = await h.lattice.send(new CreateServiceNetworkCommand({ name: "fresh-net" }));
    expect([sn.id, foreign.id]).not.toContain(fresh.id);

    // A second export matches the first in what was imported.
    const again = await h.control("GET", "/_emulator/state");
    const mine = (body: {
      regions: Array<{ accountId: string; region: string; lattice: { serviceNetworks: Record<string, unknown> } }>;
    }) => body.regions.find((r) => r.accountId === ACCOUNT && r.region === REGION)!.lattice.serviceNetworks[sn.id!];
    expect(mine(again.body)).toEqual(mine(exported.body));
  });

  it("rejects something that is not a state export", async () => {
    const wrong = await h.control("PUT", "/_emulator/state", { format: "something-else", version: 1, regions: [] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain("lattice-atlas-emulator-state");
    // A well-formed envelope with a malformed region: 400 naming the field.
    const exported = (await h.control("GET", "/_emulator/state")).body;
    exported.regions[0].accountId = "not-an-account";
    const badRegion = await h.control("PUT", "/_emulator/state", exported);
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.message).toBe(
      'invalid state export: regions[0].accountId must be a 12-digit account id, got "not-an-account"',
    );
    // The state was left alone.
    expect(await snNames()).toEqual(["fresh-net", "kept-net"]);
  });

  it("exports and imports the simulated public DNS with the state, and checks its shape", async () => {
    await reset();
    await h.control("POST", "/_emulator/dns/txt", { name: "_abc.kept.example", value: "vpc-lattice:kept" });
    const exported = (await h.control("GET", "/_emulator/state")).body;
    expect(exported.publicDns).toEqual({ txt: [{ name: "_abc.kept.example", values: ["vpc-lattice:kept"] }] });
    await reset();
    expect((await h.control("GET", "/_emulator/dns/txt")).body.records).toEqual([]);
    expect((await h.control("PUT", "/_emulator/state", exported)).status).toBe(200);
    expect((await h.control("GET", "/_emulator/dns?name=_abc.kept.example&type=TXT")).body.values).toEqual([
      "vpc-lattice:kept",
    ]);
    const bad = await h.control("PUT", "/_emulator/state", { ...exported, publicDns: { txt: [{ name: 1 }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain("publicDns");
    expect((await h.control("DELETE", "/_emulator/dns/txt", { name: "_abc.kept.example" })).status).toBe(200);
    expect((await h.control("DELETE", "/_emulator/dns/txt", { name: "_abc.kept.example" })).status).toBe(404);
  });
});

describe("stats", () => {
  it("counts calls per operation and DELETE resets them", async () => {
    const cleared = await h.control("DELETE", "/_emulator/stats");
    expect(cleared.status).toBe(200);
    expect(cleared.body.total).toBe(0);
    expect(cleared.body.calls).toEqual({});

    for (let i = 0; i < 3; i++) await h.lattice.send(new ListServiceNetworksCommand({}));
    await h.lattice.send(new ListServicesCommand({}));
    await h.ec2.send(new DescribeVpcsCommand({}));
    await sdkError(() =>
      h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: "sn-0123456789abcdef0" })),
    );

    const { body } = await h.control("GET", "/_emulator/stats");
    expect(body.calls).toEqual({
      "ec2:DescribeVpcs": 1,
      "vpc-lattice:GetServiceNetwork": 1,
      "vpc-lattice:ListServiceNetworks": 3,
      "vpc-lattice:ListServices": 1,
    });
    expect(body.total).toBe(6);
    expect(body.inFlight).toBe(0);
    expect(body.peakInFlight).toBeGreaterThanOrEqual(1);
    // Control calls are not AWS calls.
    expect((await h.control("GET", "/_emulator/stats")).body.total).toBe(6);

    const reset = await h.control("DELETE", "/_emulator/stats");
    expect(reset.body.total).toBe(0);
    expect(reset.body.calls).toEqual({});
    expect((await h.control("GET", "/_emulator/stats")).body.calls).toEqual({});
  });
});

describe("faults", () => {
  beforeEach(async () => {
    await reset();
  });

  it("fails exactly the named operation with ThrottlingException 429; others still work", async () => {
    const put = await h.control("PUT", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListServiceNetworks", error: { code: "ThrottlingException" } },
    ]);
    expect(put.status).toBe(200);
    expect(put.body).toEqual([
      { service: "vpc-lattice", operation: "ListServiceNetworks", error: { code: "ThrottlingException" } },
    ]);

    const error = await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({})));
    expect(error.name).toBe("ThrottlingException");
    expect(error.$metadata.httpStatusCode).toBe(429);
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toContain("ListServiceNetworks");
    // The rule has no count: it keeps failing.
    expect((await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({})))).name).toBe("ThrottlingException");

    const services = await h.lattice.send(new ListServicesCommand({}));
    expect(services.items).toEqual([]);
    const created = await h.lattice.send(new CreateServiceNetworkCommand({ name: "still-works" }));
    expect(created.name).toBe("still-works");
    await h.ec2.send(new DescribeVpcsCommand({}));

    const stats = (await h.control("GET", "/_emulator/stats")).body;
    expect(stats.faults).toEqual({ "vpc-lattice:ListServiceNetworks": 2 });
    expect(stats.calls["vpc-lattice:ListServiceNetworks"]).toBe(2);
  });

  it("speaks each service's protocol: EC2 RequestLimitExceeded 503, RDS Throttling 400", async () => {
    await h.control("PUT", "/_emulator/faults", [
      { service: "ec2", operation: "DescribeVpcs", error: { code: "RequestLimitExceeded" } },
      { service: "rds", operation: "DescribeDBClusters", error: { code: "Throttling" } },
    ]);
    const ec2 = await sdkError(() => h.ec2.send(new DescribeVpcsCommand({})));
    expect(ec2.name).toBe("RequestLimitExceeded");
    expect(ec2.$metadata.httpStatusCode).toBe(503);
    const rds = await sdkError(() => h.rds.send(new DescribeDBClustersCommand({})));
    expect(rds.name).toBe("Throttling");
    expect(rds.$metadata.httpStatusCode).toBe(400);
    expect(rds.message).toContain("DescribeDBClusters");
    // Other operations of the same services are untouched.
    expect((await h.rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? []).toEqual([]);
    const vpc = await h.ec2.send(new CreateVpcCommand({ CidrBlock: "10.50.0.0/16" }));
    expect(vpc.Vpc?.VpcId).toMatch(/^vpc-/);
  });

  it("honours an explicit statusCode: AccessDeniedException 403 on a Lattice operation", async () => {
    await h.control("PUT", "/_emulator/faults", [
      { service: "lattice", operation: "ListServices", error: { code: "AccessDeniedException", statusCode: 403 } },
    ]);
    const rules = (await h.control("GET", "/_emulator/faults")).body;
    expect(rules[0].service).toBe("vpc-lattice");
    const error = await sdkError(() => h.lattice.send(new ListServicesCommand({})));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/lattice-atlas is not authorized to perform: vpc-lattice:ListServices`,
    );
    // The caller's own account appears in the message.
    const other = await sdkError(() => h.clientsFor("210987654321").lattice.send(new ListServicesCommand({})));
    expect(other.message).toContain("arn:aws:iam::210987654321:user/lattice-atlas");
    expect(await snNames()).toEqual([]);
  });

  it("fills the members an error shape requires and passes extra fields through", async () => {
    await h.control("PUT", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "CreateServiceNetwork",
        error: { code: "ServiceQuotaExceededException", statusCode: 402, fields: { quotaCode: "L-5E0B1C2D" } },
      },
      { service: "vpc-lattice", operation: "ListServices", error: { code: "ValidationException", statusCode: 400 } },
    ]);
    const quota = (await sdkError(() =>
      h.lattice.send(new CreateServiceNetworkCommand({ name: "over-quota" })),
    )) as Error & {
      quotaCode?: string;
      serviceCode?: string;
      resourceType?: string;
      $metadata: { httpStatusCode?: number };
    };
    expect(quota.name).toBe("ServiceQuotaExceededException");
    expect(quota.$metadata.httpStatusCode).toBe(402);
    expect(quota.quotaCode).toBe("L-5E0B1C2D");
    expect(quota.serviceCode).toBe("vpc-lattice");
    expect(quota.resourceType).toBe("UNKNOWN");
    const validation = (await sdkError(() => h.lattice.send(new ListServicesCommand({})))) as Error & {
      reason?: string;
    };
    expect(validation.name).toBe("ValidationException");
    expect(validation.reason).toBe("other");
    expect(await snNames()).toEqual([]);

    const bad = await h.control("PUT", "/_emulator/faults", [{ error: { code: "ThrottlingException", fields: [1] } }]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("error.fields must be an object");
  });

  it("uses the service's throttling error when a rule names no error", async () => {
    await h.control("PUT", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListServices" },
      { service: "ec2", operation: "DescribeVpcs" },
      { service: "lambda", operation: "ListFunctions" },
      { service: "sts" },
    ]);
    const lambda = await sdkError(() => h.lambda.send(new ListFunctionsCommand({})));
    expect(lambda.name).toBe("TooManyRequestsException");
    expect(lambda.$metadata.httpStatusCode).toBe(429);
    const sts = await sdkError(() => h.sts.send(new GetCallerIdentityCommand({})));
    expect(sts.name).toBe("Throttling");
    expect(sts.$metadata.httpStatusCode).toBe(400);
    const lattice = await sdkError(() => h.lattice.send(new ListServicesCommand({})));
    expect(lattice.name).toBe("ThrottlingException");
    expect(lattice.$metadata.httpStatusCode).toBe(429);
    const ec2 = await sdkError(() => h.ec2.send(new DescribeVpcsCommand({})));
    expect(ec2.name).toBe("RequestLimitExceeded");
    expect(ec2.$metadata.httpStatusCode).toBe(503);
  });

  it("fails exactly the next N calls with count, then removes the rule", async () => {
    await h.control("PUT", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListServiceNetworks", count: 2, error: { code: "ThrottlingException" } },
    ]);
    expect((await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({})))).name).toBe("ThrottlingException");
    expect((await h.control("GET", "/_emulator/faults")).body[0].count).toBe(1);
    expect((await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({})))).name).toBe("ThrottlingException");
    expect((await h.control("GET", "/_emulator/faults")).body).toEqual([]);
    const third = await h.lattice.send(new ListServiceNetworksCommand({}));
    expect(third.items).toEqual([]);
    expect((await h.control("GET", "/_emulator/stats")).body.faults).toEqual({ "vpc-lattice:ListServiceNetworks": 2 });
  });

  it("sets Retry-After from retryAfterSeconds in restJson1 and awsQuery answers", async () => {
    await h.control("PUT", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListServiceNetworks",
        error: { code: "ThrottlingException", retryAfterSeconds: 7 },
      },
      {
        service: "rds",
        operation: "DescribeDBClusters",
        error: { code: "Throttling", retryAfterSeconds: 3, message: "slow down" },
      },
    ]);
    const lattice = await raw("vpc-lattice", "/servicenetworks");
    expect(lattice.status).toBe(429);
    expect(lattice.headers.get("retry-after")).toBe("7");
    expect(lattice.headers.get("x-amzn-errortype")).toBe("ThrottlingException");
    expect(((await lattice.json()) as { message: string }).message).toContain("ListServiceNetworks");

    const rds = await raw("rds", "/", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=DescribeDBClusters&Version=2014-10-31",
    });
    expect(rds.status).toBe(400);
    expect(rds.headers.get("retry-after")).toBe("3");
    const xml = await rds.text();
    expect(xml).toContain("<Code>Throttling</Code>");
    expect(xml).toContain("<Message>slow down</Message>");

    // The SDK still sees the typed error.
    const error = await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({})));
    expect(error.name).toBe("ThrottlingException");
  });

  it("PATCH appends rules, DELETE with a body removes one, DELETE without a body clears", async () => {
    const a = { service: "vpc-lattice", operation: "ListServiceNetworks", error: { code: "ThrottlingException" } };
    const b = { service: "vpc-lattice", operation: "ListServices", error: { code: "AccessDeniedException" } };
    await h.control("PUT", "/_emulator/faults", [a]);
    const patched = await h.control("PATCH", "/_emulator/faults", [b]);
    expect(patched.body).toEqual([a, b]);
    expect((await sdkError(() => h.lattice.send(new ListServicesCommand({})))).$metadata.httpStatusCode).toBe(403);

    const removed = await h.control("DELETE", "/_emulator/faults", [a]);
    expect(removed.body).toEqual([b]);
    expect((await h.lattice.send(new ListServiceNetworksCommand({}))).items).toEqual([]);
    expect((await sdkError(() => h.lattice.send(new ListServicesCommand({})))).name).toBe("AccessDeniedException");

    const cleared = await h.control("DELETE", "/_emulator/faults");
    expect(cleared.body).toEqual([]);
    expect((await h.lattice.send(new ListServicesCommand({}))).items).toEqual([]);
  });

  it("matches rules on region and account", async () => {
    await h.control("PUT", "/_emulator/faults", [
      { service: "vpc-lattice", region: "us-west-2", error: { code: "ThrottlingException" } },
      { service: "vpc-lattice", accountId: "210987654321", error: { code: "AccessDeniedException" } },
    ]);
    expect(await snNames()).toEqual([]);
    expect(
      (await sdkError(() => h.clientsFor("test", "us-west-2").lattice.send(new ListServiceNetworksCommand({})))).name,
    ).toBe("ThrottlingException");
    expect(
      (await sdkError(() => h.clientsFor("210987654321").lattice.send(new ListServiceNetworksCommand({})))).name,
    ).toBe("AccessDeniedException");
  });

  it("rejects malformed rules with 400 and keeps the old ones", async () => {
    const keep = [{ service: "ec2", operation: "DescribeVpcs" }];
    await h.control("PUT", "/_emulator/faults", keep);
    for (const bad of [
      { service: "ec2" },
      [{ probability: 2 }],
      [{ count: 0 }],
      [{ count: 1.5 }],
      ["rule"],
      [{ error: "boom" }],
      [{ error: { statusCode: "abc" } }],
      [{ error: { statusCode: 42 } }],
      [{ error: { code: 5 } }],
      [{ error: { retryAfterSeconds: "soon" } }],
      [{ latencyMs: -100 }],
      [{ service: 7 }],
    ]) {
      const response = await h.control("PUT", "/_emulator/faults", bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(typeof response.body.message).toBe("string");
    }
    expect((await h.control("GET", "/_emulator/faults")).body).toEqual(keep);
  });

  it("effects add latency to every call", async () => {
    const put = await h.control("PUT", "/_emulator/effects", { latencyMs: 150 });
    expect(put.body).toEqual({ latencyMs: 150, jitterMs: 0 });
    expect((await h.control("GET", "/_emulator/effects")).body).toEqual({ latencyMs: 150, jitterMs: 0 });
    const slow = await timed(() => h.lattice.send(new ListServiceNetworksCommand({})));
    expect(slow.ms).toBeGreaterThanOrEqual(140);
    expect(slow.value.items).toEqual([]);
    const slowEc2 = await timed(() => h.ec2.send(new DescribeVpcsCommand({})));
    expect(slowEc2.ms).toBeGreaterThanOrEqual(140);
    // Setting 0 removes the delay.
    await h.control("PUT", "/_emulator/effects", { latencyMs: 0 });
    expect((await h.control("GET", "/_emulator/effects")).body).toEqual({ latencyMs: 0, jitterMs: 0 });
    const fast = await timed(() => h.lattice.send(new ListServiceNetworksCommand({})));
    expect(fast.ms).toBeLessThan(140);
    expect((await h.control("PUT", "/_emulator/effects", { latencyMs: -5 })).status).toBe(400);
  });

  it("a rule's latencyMs delays only its operation and does not fail it", async () => {
    await h.control("PUT", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListServices", latencyMs: 300 },
    ]);
    const slow = await timed(() => h.lattice.send(new ListServicesCommand({})));
    expect(slow.ms).toBeGreaterThanOrEqual(290);
    expect(slow.value.items).toEqual([]);
    const other = await timed(() => h.lattice.send(new ListServiceNetworksCommand({})));
    expect(other.ms).toBeLessThan(250);
    // A latency-only rule stays in place (it has no count) and failed nothing.
    expect((await h.control("GET", "/_emulator/stats")).body.faults).toEqual({});
  });

  it("reset clears faults and effects", async () => {
    await h.control("PUT", "/_emulator/faults", [{ service: "vpc-lattice" }]);
    await h.control("PUT", "/_emulator/effects", { latencyMs: 500 });
    await reset();
    expect((await h.control("GET", "/_emulator/faults")).body).toEqual([]);
    expect((await h.control("GET", "/_emulator/effects")).body).toEqual({ latencyMs: 0, jitterMs: 0 });
    const call = await timed(() => h.lattice.send(new ListServiceNetworksCommand({})));
    expect(call.ms).toBeLessThan(400);
  });
});

describe("transitions", () => {
  let cidr = 60;
  const network = async () => {
    const vpc = await h.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${cidr++}.0.0/16` }));
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: `transit-${cidr}` }));
    return { vpcId: vpc.Vpc!.VpcId!, snId: sn.id! };
  };
  const associate = async (n: { vpcId: string; snId: string }) =>
    h.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({ serviceNetworkIdentifier: n.snId, vpcIdentifier: n.vpcId }),
    );
  const getAssociation = (id: string) =>
    h.lattice.send(new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: id }));

  beforeEach(async () => {
    await reset();
  });

  it("is instant by default: the next call sees ACTIVE", async () => {
    const created = await associate(await network());
    expect(created.status).toBe("CREATE_IN_PROGRESS");
    expect((await getAssociation(created.id!)).status).toBe("ACTIVE");
  });

  it("delays a kind: CREATE_IN_PROGRESS at once, ACTIVE after the delay", async () => {
    const put = await h.control("PUT", "/_emulator/transitions", { delays: { ServiceNetworkVpcAssociation: 300 } });
    expect(put.status).toBe(200);
    expect(put.body.delays).toEqual({ ServiceNetworkVpcAssociation: 300 });
    const settings = (await h.control("GET", "/_emulator/transitions")).body;
    expect(settings.delays).toEqual({ ServiceNetworkVpcAssociation: 300 });
    expect(settings.kinds).toContain("ServiceNetworkVpcAssociation");

    const created = await associate(await network());
    expect(created.status).toBe("CREATE_IN_PROGRESS");
    expect((await getAssociation(created.id!)).status).toBe("CREATE_IN_PROGRESS");
    await sleep(400);
    const later = await getAssociation(created.id!);
    expect(later.status).toBe("ACTIVE");
    expect(later.failureCode).toBeUndefined();
    expect(later.lastUpdatedAt!.getTime()).toBeGreaterThan(later.createdAt!.getTime());
  });

  it("fails the next creation of a kind with failureCode and failureMessage, then recovers", async () => {
    await h.control("PUT", "/_emulator/transitions", {
      failures: { ServiceNetworkVpcAssociation: { count: 1, code: "ValidationError", message: "boom" } },
    });
    const failed = await associate(await network());
    expect(failed.status).toBe("CREATE_IN_PROGRESS");
    const read = await getAssociation(failed.id!);
    expect(read.status).toBe("CREATE_FAILED");
    expect(read.failureCode).toBe("ValidationError");
    expect(read.failureMessage).toBe("boom");
    // The failure was for one creation only.
    expect((await h.control("GET", "/_emulator/transitions")).body.failures).toEqual({});
    const next = await associate(await network());
    const ok = await getAssociation(next.id!);
    expect(ok.status).toBe("ACTIVE");
    expect(ok.failureCode).toBeUndefined();
  });

  it("rejects an unknown kind with 400 and keeps the old settings", async () => {
    await h.control("PUT", "/_emulator/transitions", { delays: { ServiceNetworkVpcAssociation: 50 } });
    for (const bad of [{ delays: { NoSuchKind: 100 } }, { failures: { NoSuchKind: { count: 1 } } }]) {
      const response = await h.control("PUT", "/_emulator/transitions", bad);
      expect(response.status).toBe(400);
      expect(response.body.message).toContain("NoSuchKind");
      expect(response.body.message).toContain("ServiceNetworkVpcAssociation");
    }
    expect((await h.control("GET", "/_emulator/transitions")).body.delays).toEqual({
      ServiceNetworkVpcAssociation: 50,
    });
  });

  it("rejects delays and counts that are not non-negative numbers (they would never settle)", async () => {
    for (const bad of [
      { delays: { ServiceNetworkVpcAssociation: "soon" } },
      { delays: { ServiceNetworkVpcAssociation: -1 } },
      { defaultDelayMs: "x" },
      { failures: { ServiceNetworkVpcAssociation: { count: "two" } } },
      { failures: { ServiceNetworkVpcAssociation: { count: 0 } } },
    ]) {
      const response = await h.control("PUT", "/_emulator/transitions", bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await h.control("GET", "/_emulator/transitions")).body).toMatchObject({
      defaultDelayMs: 0,
      delays: {},
      failures: {},
    });
    const created = await associate(await network());
    expect((await getAssociation(created.id!)).status).toBe("ACTIVE");
  });

  it("applies defaultDelayMs to every kind without its own delay", async () => {
    await h.control("PUT", "/_emulator/transitions", {
      defaultDelayMs: 200,
      delays: { ServiceNetworkVpcAssociation: 0 },
    });
    const n = await network();
    const created = await associate(n);
    expect((await getAssociation(created.id!)).status).toBe("ACTIVE");
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "delayed-svc-net" }));
    const svc = await h.lattice.send(new CreateServiceCommand({ name: "delayed-svc" }));
    expect((await h.lattice.send(new GetServiceCommand({ serviceIdentifier: svc.id }))).status).toBe(
      "CREATE_IN_PROGRESS",
    );
    await sleep(250);
    expect((await h.lattice.send(new GetServiceCommand({ serviceIdentifier: svc.id }))).status).toBe("ACTIVE");
    expect(sn.name).toBe("delayed-svc-net");
  });
});

describe("two emulators in one process", () => {
  it("report their own scenario", async () => {
    await reset({ scenario: "field-report" });
    const second = await startHarness();
    try {
      const mine = (await h.control("GET", "/_emulator/health")).body;
      const theirs = (await second.control("GET", "/_emulator/health")).body;
      expect(mine.scenario).toBe("field-report");
      expect(theirs.scenario).toBeNull();
      expect((await second.control("GET", "/_emulator/scenarios")).body.current).toBeNull();
      expect(await snNames(second.lattice)).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
