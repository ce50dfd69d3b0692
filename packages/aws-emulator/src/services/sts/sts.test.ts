import { DescribeVpcsCommand, CreateVpcCommand } from "@aws-sdk/client-ec2";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import {
  CreateServiceNetworkCommand,
  GetServiceNetworkCommand,
  ListServiceNetworksCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

const DEFAULT_ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "210987654321";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("STS GetCallerIdentity through the real STS client", () => {
  it("answers the default account for an ordinary access key", async () => {
    const identity = await h.sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(DEFAULT_ACCOUNT);
    expect(identity.Arn).toBe(`arn:aws:iam::${DEFAULT_ACCOUNT}:user/lattice-atlas`);
    expect(identity.UserId).toMatch(/^AIDA[A-Z0-9]+$/);
    expect(identity.$metadata.httpStatusCode).toBe(200);
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers the account a 12-digit access key id names, and only then", async () => {
    const other = await h.clientsFor(OTHER_ACCOUNT).sts.send(new GetCallerIdentityCommand({}));
    expect(other.Account).toBe(OTHER_ACCOUNT);
    expect(other.Arn).toBe(`arn:aws:iam::${OTHER_ACCOUNT}:user/lattice-atlas`);

    // Not twelve digits: the default account.
    for (const key of ["AKIAIOSFODNN7EXAMPLE", "12345678901", "1234567890123"]) {
      const identity = await h.clientsFor(key).sts.send(new GetCallerIdentityCommand({}));
      expect(identity.Account, key).toBe(DEFAULT_ACCOUNT);
    }
    // Any region answers; the account does not depend on it.
    const inVirginia = await h.clientsFor(OTHER_ACCOUNT, "us-east-1").sts.send(new GetCallerIdentityCommand({}));
    expect(inVirginia.Account).toBe(OTHER_ACCOUNT);
  });

  it("answers an unknown action with an awsQuery InvalidAction error", async () => {
    const response = await fetch(h.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization:
          "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=x",
      },
      body: "Action=AssumeNothing&Version=2011-06-15",
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain("<ErrorResponse");
    expect(text).toContain("<Code>InvalidAction</Code>");
    expect(text).toContain("<Type>Sender</Type>");
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
  });
});

describe("state per account and per region", () => {
  it("keeps a service network in the account and region that created it", async () => {
    const mine = h.clientsFor("test", "ap-northeast-1");
    const otherAccount = h.clientsFor(OTHER_ACCOUNT, "ap-northeast-1");
    const otherRegion = h.clientsFor("test", "us-west-2");
    const otherBoth = h.clientsFor(OTHER_ACCOUNT, "us-west-2");

    const created = await mine.lattice.send(new CreateServiceNetworkCommand({ name: "tenant-net" }));
    expect(created.arn).toBe(`arn:aws:vpc-lattice:ap-northeast-1:${DEFAULT_ACCOUNT}:servicenetwork/${created.id}`);

    const names = async (c: typeof mine) =>
      ((await c.lattice.send(new ListServiceNetworksCommand({}))).items ?? []).map((i) => i.name);
    expect(await names(mine)).toEqual(["tenant-net"]);
    expect(await names(otherAccount)).toEqual([]);
    expect(await names(otherRegion)).toEqual([]);
    expect(await names(otherBoth)).toEqual([]);

    // The same name is free in another account, which gets its own ARN.
    const theirs = await otherAccount.lattice.send(new CreateServiceNetworkCommand({ name: "tenant-net" }));
    expect(theirs.arn).toBe(`arn:aws:vpc-lattice:ap-northeast-1:${OTHER_ACCOUNT}:servicenetwork/${theirs.id}`);
    expect(theirs.id).not.toBe(created.id);
    const inRegion = await otherRegion.lattice.send(new CreateServiceNetworkCommand({ name: "west-net" }));
    expect(inRegion.arn).toBe(`arn:aws:vpc-lattice:us-west-2:${DEFAULT_ACCOUNT}:servicenetwork/${inRegion.id}`);

    expect(await names(mine)).toEqual(["tenant-net"]);
    expect(await names(otherAccount)).toEqual(["tenant-net"]);
    expect(await names(otherRegion)).toEqual(["west-net"]);
    expect(await names(otherBoth)).toEqual([]);

    // Another account cannot read the first account's network by id.
    const error = await sdkError(() =>
      otherAccount.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id })),
    );
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(404);
    // The harness's own client (access key "test") sees the default account's state.
    const own = await h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id }));
    expect(own.name).toBe("tenant-net");
  });

  it("keeps EC2 state per account as well", async () => {
    const other = h.clientsFor(OTHER_ACCOUNT);
    const vpc = await other.ec2.send(new CreateVpcCommand({ CidrBlock: "10.77.0.0/16" }));
    expect(vpc.Vpc?.OwnerId).toBe(OTHER_ACCOUNT);
    const theirs = await other.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.Vpc!.VpcId!] }));
    expect(theirs.Vpcs?.map((v) => v.CidrBlock)).toEqual(["10.77.0.0/16"]);
    const mine = await h.ec2.send(new DescribeVpcsCommand({}));
    expect((mine.Vpcs ?? []).map((v) => v.VpcId)).not.toContain(vpc.Vpc!.VpcId);
  });
});
