import { DescribeVpcsCommand } from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { CreateServiceNetworkCommand, ListServiceNetworksCommand } from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness, type TestCredentials } from "../../testing/harness.js";

const HUB = "111122223333";
const MEMBER = "222233334444";
const OUTSIDER = "999988887777";
const ROLE = `arn:aws:iam::${MEMBER}:role/LatticeAtlasReadOnly`;
const EXTERNAL_ID = "atlas-test-external-id";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control("POST", "/_emulator/reset", {});
  const created = await h.control("POST", "/_emulator/iam/roles", {
    accountId: MEMBER,
    roleName: "LatticeAtlasReadOnly",
    trustedPrincipals: [`arn:aws:iam::${HUB}:root`],
    externalId: EXTERNAL_ID,
  });
  expect(created.status).toBe(200);
});

const assume = (input: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}, sts = h.sts) =>
  sts.send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: "atlas-jane", ExternalId: EXTERNAL_ID, ...input }));

const credentialsOf = (out: Awaited<ReturnType<typeof assume>>): TestCredentials => ({
  accessKeyId: out.Credentials!.AccessKeyId!,
  secretAccessKey: out.Credentials!.SecretAccessKey!,
  sessionToken: out.Credentials!.SessionToken!,
});

describe("STS AssumeRole through the real STS client", () => {
  it("issues AWS-shaped temporary credentials for a trusted caller with the external id", async () => {
    const before = Date.now();
    const out = await assume({ DurationSeconds: 1800 });
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(c.SecretAccessKey!.length).toBeGreaterThanOrEqual(40);
    expect(c.SessionToken).toMatch(/^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/=]{100,}$/);
    expect(c.Expiration).toBeInstanceOf(Date);
    const lifetime = c.Expiration!.getTime() - before;
    expect(lifetime).toBeGreaterThan(1790_000);
    expect(lifetime).toBeLessThan(1810_000);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${MEMBER}:assumed-role/LatticeAtlasReadOnly/atlas-jane`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:atlas-jane$/);
    // Each call issues new credentials.
    const again = await assume();
    expect(again.Credentials!.AccessKeyId).not.toBe(c.AccessKeyId);
  });

  it("selects the role's account on later calls, and GetCallerIdentity names the assumed role", async () => {
    const member = h.clientsWith(credentialsOf(await assume()));
    const identity = await member.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(MEMBER);
    expect(identity.Arn).toBe(`arn:aws:sts::${MEMBER}:assumed-role/LatticeAtlasReadOnly/atlas-jane`);
    expect(identity.UserId).toMatch(/^AROA[A-Z0-9]{17}:atlas-jane$/);

    const created = await member.lattice.send(new CreateServiceNetworkCommand({ name: "member-net" }));
    expect(created.arn).toContain(`:${MEMBER}:servicenetwork/`);
    // The stats name who made each call, as CloudTrail's userIdentity.arn does.
    const { callers } = (await h.control("GET", "/_emulator/stats")).body as {
      callers: Record<string, Record<string, number>>;
    };
    expect(callers[`arn:aws:sts::${MEMBER}:assumed-role/LatticeAtlasReadOnly/atlas-jane`]).toMatchObject({
      "sts:GetCallerIdentity": 1,
      "vpc-lattice:CreateServiceNetwork": 1,
    });
    expect(callers[`arn:aws:iam::${HUB}:user/lattice-atlas`]).toMatchObject({ "sts:AssumeRole": 1 });
    const names = async (c: typeof member) =>
      ((await c.lattice.send(new ListServiceNetworksCommand({}))).items ?? []).map((i) => i.name);
    expect(await names(h.clientsFor(MEMBER))).toEqual(["member-net"]);
    expect(await names(h)).toEqual([]);
    // Another region: the same account.
    const west = h.clientsWith(credentialsOf(await assume()), "us-west-2");
    expect((await west.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(MEMBER);
  });

  it("refuses with AccessDenied, as AWS words it, when the role is missing", async () => {
    const missing = `arn:aws:iam::${MEMBER}:role/NoSuchRole`;
    const error = await sdkError(() => assume({ RoleArn: missing }));
    expect(error.name).toBe("AccessDenied");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::${HUB}:user/lattice-atlas is not authorized to perform: sts:AssumeRole on resource: ${missing}`,
    );
  });

  it("refuses a missing or wrong external id, and a principal the trust policy does not name", async () => {
    for (const input of [{ ExternalId: undefined }, { ExternalId: "wrong-external-id" }]) {
      const error = await sdkError(() => assume(input));
      expect(error.name, JSON.stringify(input)).toBe("AccessDenied");
    }
    const outsider = await sdkError(() => assume({}, h.clientsFor(OUTSIDER).sts));
    expect(outsider.name).toBe("AccessDenied");
    expect(outsider.message).toContain(`arn:aws:iam::${OUTSIDER}:user/lattice-atlas is not authorized`);
  });

  it("evaluates role principals (role chaining) and an explicit Deny", async () => {
    await h.control("POST", "/_emulator/iam/roles", {
      accountId: HUB,
      roleName: "AtlasHub",
      trustedPrincipals: [HUB],
    });
    await h.control("POST", "/_emulator/iam/roles", {
      accountId: MEMBER,
      roleName: "ChainTarget",
      maxSessionDuration: 7200,
      assumeRolePolicyDocument: {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${HUB}:role/AtlasHub` }, Action: "sts:AssumeRole" },
          {
            Effect: "Deny",
            Principal: { AWS: "*" },
            Action: "sts:*",
            Condition: { StringEquals: { "sts:ExternalId": "blocked" } },
          },
        ],
      },
    });
    const target = `arn:aws:iam::${MEMBER}:role/ChainTarget`;
    // The plain user of the hub account is not the hub role.
    expect((await sdkError(() => assume({ RoleArn: target, ExternalId: undefined }))).name).toBe("AccessDenied");
    const hub = h.clientsWith(
      credentialsOf(await assume({ RoleArn: `arn:aws:iam::${HUB}:role/AtlasHub`, ExternalId: undefined })),
    );
    const chained = await assume({ RoleArn: target, ExternalId: undefined }, hub.sts);
    expect(chained.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${MEMBER}:assumed-role/ChainTarget/atlas-jane`);
    expect((await sdkError(() => assume({ RoleArn: target, ExternalId: "blocked" }, hub.sts))).name).toBe(
      "AccessDenied",
    );
    // Role chaining caps the session at one hour, whatever the role allows.
    const long = await sdkError(() =>
      assume({ RoleArn: target, ExternalId: undefined, DurationSeconds: 7200 }, hub.sts),
    );
    expect(long.name).toBe("ValidationError");
    expect(long.message).toContain("1 hour session limit for roles assumed by role chaining");
  });

  it("validates RoleArn, RoleSessionName, DurationSeconds and ExternalId as STS does", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { RoleSessionName: "a" },
        "at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
      ],
      [
        { RoleSessionName: "jane doe" },
        "at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern",
      ],
      [{ RoleSessionName: "x".repeat(65) }, "Member must have length less than or equal to 64"],
      [
        { DurationSeconds: 899 },
        "at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      ],
      [{ DurationSeconds: 43201 }, "Member must have value less than or equal to 43200"],
      [{ DurationSeconds: 7200 }, "exceeds the MaxSessionDuration set for this role"],
      [{ ExternalId: "has space" }, "at 'externalId' failed to satisfy constraint"],
      [
        { ExternalId: "x" },
        "at 'externalId' failed to satisfy constraint: Member must have length greater than or equal to 2",
      ],
      [{ RoleArn: "arn:aws:iam::1:role" }, "at 'roleArn' failed to satisfy constraint"],
      [{ RoleArn: `arn:aws:iam::${MEMBER}:user/not-a-role` }, "is not a valid role ARN"],
    ];
    for (const [input, message] of cases) {
      const error = await sdkError(() => assume(input));
      expect(error.name, JSON.stringify(input)).toBe("ValidationError");
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message, JSON.stringify(input)).toContain(message);
    }
    // Two problems at once are reported together.
    const both = await sdkError(() => assume({ RoleSessionName: "a", DurationSeconds: 1 }));
    expect(both.message).toMatch(/^2 validation errors detected: /);
  });

  it("refuses a suspended member account", async () => {
    await h.control("PUT", "/_emulator/organization", {
      managementAccountId: HUB,
      accounts: [{ id: MEMBER, name: "suspended", status: "SUSPENDED" }],
    });
    expect((await sdkError(() => assume())).name).toBe("AccessDenied");
  });
});

describe("temporary credentials on later calls", () => {
  it("expire: each protocol answers with its own expired-token error", async () => {
    const credentials = credentialsOf(await assume());
    const member = h.clientsWith(credentials);
    await member.ec2.send(new DescribeVpcsCommand({}));
    const expired = await h.control("POST", "/_emulator/sessions/expire", { accessKeyId: credentials.accessKeyId });
    expect(expired.body).toEqual({ expired: [credentials.accessKeyId] });
    const sts = await sdkError(() => member.sts.send(new GetCallerIdentityCommand({})));
    expect([sts.name, sts.$metadata.httpStatusCode]).toEqual(["ExpiredToken", 400]);
    const lattice = await sdkError(() => member.lattice.send(new ListServiceNetworksCommand({})));
    expect([lattice.name, lattice.$metadata.httpStatusCode]).toEqual(["ExpiredTokenException", 403]);
    const ec2 = await sdkError(() => member.ec2.send(new DescribeVpcsCommand({})));
    expect(ec2.name).toBe("RequestExpired");
  });

  it("need their own session token", async () => {
    const credentials = credentialsOf(await assume());
    const forged = h.clientsWith({ ...credentials, sessionToken: "IQoJb3JpZ2luX2VjForged" });
    const sts = await sdkError(() => forged.sts.send(new GetCallerIdentityCommand({})));
    expect([sts.name, sts.$metadata.httpStatusCode]).toEqual(["InvalidClientTokenId", 403]);
    const lattice = await sdkError(() => forged.lattice.send(new ListServiceNetworksCommand({})));
    expect(lattice.name).toBe("UnrecognizedClientException");
    const ec2 = await sdkError(() => forged.ec2.send(new DescribeVpcsCommand({})));
    expect([ec2.name, ec2.$metadata.httpStatusCode]).toEqual(["AuthFailure", 401]);
    const bare = h.clientsWith({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey });
    expect((await sdkError(() => bare.sts.send(new GetCallerIdentityCommand({})))).name).toBe("InvalidClientTokenId");
  });

  it("outlive a reset and are listed without secrets", async () => {
    const credentials = credentialsOf(await assume());
    await h.control("POST", "/_emulator/reset", {});
    const member = h.clientsWith(credentials);
    expect((await member.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(MEMBER);
    const listed = await h.control("GET", "/_emulator/sessions");
    const session = listed.body.sessions.find(
      (s: { accessKeyId: string }) => s.accessKeyId === credentials.accessKeyId,
    );
    expect(session).toMatchObject({ accountId: MEMBER, roleName: "LatticeAtlasReadOnly", sessionName: "atlas-jane" });
    expect(JSON.stringify(listed.body)).not.toContain(credentials.sessionToken);
  });

  it("a session key the emulator never issued is an ordinary key (the default account)", async () => {
    const stranger = h.clientsWith({ accessKeyId: "ASIAAAAAAAAAAAAAAAAA", secretAccessKey: "x", sessionToken: "y" });
    expect((await stranger.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(HUB);
  });
});
