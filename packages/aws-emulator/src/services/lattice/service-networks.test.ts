import {
  CreateServiceNetworkCommand,
  DeleteServiceNetworkCommand,
  GetServiceNetworkCommand,
  ListServiceNetworksCommand,
  UpdateServiceNetworkCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("service networks through the real VPC Lattice client", () => {
  it("creates, reads by id and by ARN, updates, lists with paging and deletes", async () => {
    const created = await h.lattice.send(
      new CreateServiceNetworkCommand({ name: "net-alpha", authType: "AWS_IAM", tags: { team: "a" } }),
    );
    expect(created.id).toMatch(/^sn-0[0-9a-f]{16}$/);
    expect(created.arn).toBe(`arn:aws:vpc-lattice:ap-northeast-1:111122223333:servicenetwork/${created.id}`);
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const byId = await h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id }));
    const byArn = await h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.arn }));
    expect(byArn.id).toBe(byId.id);
    expect(byId.authType).toBe("AWS_IAM");
    expect(byId.createdAt).toBeInstanceOf(Date);
    expect(byId.numberOfAssociatedVPCs).toBe(0);

    const updated = await h.lattice.send(
      new UpdateServiceNetworkCommand({ serviceNetworkIdentifier: created.id, authType: "NONE" }),
    );
    expect(updated.authType).toBe("NONE");

    for (const name of ["net-beta", "net-gamma"]) await h.lattice.send(new CreateServiceNetworkCommand({ name }));
    const first = await h.lattice.send(new ListServiceNetworksCommand({ maxResults: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const second = await h.lattice.send(new ListServiceNetworksCommand({ maxResults: 2, nextToken: first.nextToken }));
    expect(second.items?.map((i) => i.name)).toEqual(["net-gamma"]);
    expect(second.nextToken).toBeUndefined();

    const deleted = await h.lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: created.arn }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const gone = await sdkError(() =>
      h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: created.id })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(gone.$metadata.httpStatusCode).toBe(404);
    expect(gone.resourceId).toBe(created.id);
  });

  it("answers ValidationException with a fieldList for bad names, ids and page sizes", async () => {
    const badName = await sdkError(() => h.lattice.send(new CreateServiceNetworkCommand({ name: "Bad_Name" })));
    expect(badName.name).toBe("ValidationException");
    expect(badName.$metadata.httpStatusCode).toBe(400);
    expect(badName.reason).toBe("fieldValidationFailed");
    expect(badName.fieldList).toEqual([expect.objectContaining({ name: "name" })]);

    const badId = await sdkError(() =>
      h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: "sn-XYZ" })),
    );
    expect(badId.name).toBe("ValidationException");
    expect(badId.fieldList[0].name).toBe("serviceNetworkIdentifier");

    const badPage = await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({ maxResults: 500 })));
    expect(badPage.fieldList[0].name).toBe("maxResults");

    const badToken = await sdkError(() => h.lattice.send(new ListServiceNetworksCommand({ nextToken: "garbage" })));
    expect(badToken.name).toBe("ValidationException");

    const missing = await sdkError(() => h.lattice.send(new CreateServiceNetworkCommand({} as never)));
    expect(missing.name).toBe("ValidationException");
    expect(missing.fieldList[0].name).toBe("name");
  });

  it("rejects a duplicate name with ConflictException", async () => {
    await h.lattice.send(new CreateServiceNetworkCommand({ name: "net-unique" }));
    const error = await sdkError(() => h.lattice.send(new CreateServiceNetworkCommand({ name: "net-unique" })));
    expect(error.name).toBe("ConflictException");
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it("replays a clientToken without creating twice, and rejects the token with other parameters", async () => {
    const first = await h.lattice.send(new CreateServiceNetworkCommand({ name: "net-token", clientToken: "token-1" }));
    const again = await h.lattice.send(new CreateServiceNetworkCommand({ name: "net-token", clientToken: "token-1" }));
    expect(again.id).toBe(first.id);
    const all = await h.lattice.send(new ListServiceNetworksCommand({}));
    expect(all.items?.filter((i) => i.name === "net-token")).toHaveLength(1);
    const mismatch = await sdkError(() =>
      h.lattice.send(new CreateServiceNetworkCommand({ name: "net-token-2", clientToken: "token-1" })),
    );
    expect(mismatch.name).toBe("ConflictException");
    // Nested parameters count too: same token, same name, other tags.
    await h.lattice.send(
      new CreateServiceNetworkCommand({ name: "net-tags", clientToken: "token-2", tags: { team: "a" } }),
    );
    const nested = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkCommand({ name: "net-tags", clientToken: "token-2", tags: { team: "b" } }),
      ),
    );
    expect(nested.name).toBe("ConflictException");
  });

  it("never answers in HTML: an unknown route is a typed error with a request id", async () => {
    const response = await fetch(`${h.url}/no-such-thing`, {
      headers: {
        authorization:
          "AWS4-HMAC-SHA256 Credential=test/20261129/ap-northeast-1/vpc-lattice/aws4_request, SignedHeaders=host, Signature=x",
      },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});
