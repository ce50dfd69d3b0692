import {
  CreateServiceNetworkCommand,
  DeleteAuthPolicyCommand,
  DeleteResourcePolicyCommand,
  GetAuthPolicyCommand,
  GetResourcePolicyCommand,
  ListTagsForResourceCommand,
  PutAuthPolicyCommand,
  PutResourcePolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

let h: Harness;
let network: { id: string; arn: string };
const policy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*" }],
});

beforeAll(async () => {
  h = await startHarness();
  const created = await h.lattice.send(
    new CreateServiceNetworkCommand({ name: "net-policies", authType: "AWS_IAM", tags: { env: "dev" } }),
  );
  network = { id: created.id!, arn: created.arn! };
});
afterAll(() => h.close());

describe("auth and resource policies, tags", () => {
  it("answers 200 without a policy when none is set, then stores, returns and deletes one", async () => {
    const empty = await h.lattice.send(new GetAuthPolicyCommand({ resourceIdentifier: network.id }));
    expect(empty.$metadata.httpStatusCode).toBe(200);
    expect(empty.policy).toBeUndefined();
    expect(empty.state).toBe("Active");
    const put = await h.lattice.send(new PutAuthPolicyCommand({ resourceIdentifier: network.arn, policy }));
    expect(put.policy).toBe(policy);
    const got = await h.lattice.send(new GetAuthPolicyCommand({ resourceIdentifier: network.id }));
    expect(JSON.parse(got.policy!)).toEqual(JSON.parse(policy));
    expect(got.createdAt).toBeInstanceOf(Date);
    await h.lattice.send(new DeleteAuthPolicyCommand({ resourceIdentifier: network.id }));
    const after = await h.lattice.send(new GetAuthPolicyCommand({ resourceIdentifier: network.id }));
    expect(after.policy).toBeUndefined();
    const invalid = await sdkError(() =>
      h.lattice.send(new PutAuthPolicyCommand({ resourceIdentifier: network.id, policy: "{not json" })),
    );
    expect(invalid.fieldList[0].name).toBe("policy");
  });

  it("keeps resource policies by ARN", async () => {
    const none = await h.lattice.send(new GetResourcePolicyCommand({ resourceArn: network.arn }));
    expect(none.policy).toBeUndefined();
    await h.lattice.send(new PutResourcePolicyCommand({ resourceArn: network.arn, policy }));
    expect((await h.lattice.send(new GetResourcePolicyCommand({ resourceArn: network.arn }))).policy).toBe(policy);
    await h.lattice.send(new DeleteResourcePolicyCommand({ resourceArn: network.arn }));
    const unknown = await sdkError(() =>
      h.lattice.send(
        new GetResourcePolicyCommand({
          resourceArn: "arn:aws:vpc-lattice:ap-northeast-1:111122223333:servicenetwork/sn-0123456789abcdef0",
        }),
      ),
    );
    expect(unknown.name).toBe("ResourceNotFoundException");
  });

  it("tags, lists and untags (repeated tagKeys query parameters)", async () => {
    expect((await h.lattice.send(new ListTagsForResourceCommand({ resourceArn: network.arn }))).tags).toEqual({
      env: "dev",
    });
    await h.lattice.send(
      new TagResourceCommand({ resourceArn: network.arn, tags: { team: "platform", "cost center": "42" } }),
    );
    await h.lattice.send(new UntagResourceCommand({ resourceArn: network.arn, tagKeys: ["env", "cost center"] }));
    expect((await h.lattice.send(new ListTagsForResourceCommand({ resourceArn: network.arn }))).tags).toEqual({
      team: "platform",
    });
    const missing = await sdkError(() =>
      h.lattice.send(
        new ListTagsForResourceCommand({
          resourceArn: "arn:aws:vpc-lattice:ap-northeast-1:111122223333:servicenetwork/sn-0fffffffffffffff0",
        }),
      ),
    );
    expect(missing.name).toBe("ResourceNotFoundException");
  });
});
