import { CreateFunctionCommand } from "@aws-sdk/client-lambda";
import {
  CreateListenerCommand,
  CreateServiceCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteTargetGroupCommand,
  DeregisterTargetsCommand,
  GetListenerCommand,
  GetServiceCommand,
  GetTargetGroupCommand,
  ListListenersCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  RegisterTargetsCommand,
  UpdateListenerCommand,
  UpdateServiceCommand,
  UpdateTargetGroupCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

let h: Harness;
let vpc: TestVpc;
let functionArn: string;

beforeAll(async () => {
  h = await startHarness();
  vpc = await createTestVpc(h.ec2, 0);
  const fn = await h.lambda.send(
    new CreateFunctionCommand({
      FunctionName: "hello",
      Role: "arn:aws:iam::111122223333:role/hello",
      Runtime: "nodejs20.x",
      Handler: "index.handler",
      Code: { ZipFile: new Uint8Array([1, 2, 3]) },
    }),
  );
  functionArn = fn.FunctionArn!;
});
afterAll(() => h.close());

describe("Lattice services, listeners, target groups and targets", () => {
  it("wires a Lambda target group behind an HTTPS listener and reports the target healthy", async () => {
    const service = await h.lattice.send(new CreateServiceCommand({ name: "hello-svc", authType: "AWS_IAM" }));
    expect(service.$metadata.httpStatusCode).toBe(201);
    expect(service.dnsEntry?.domainName).toBe(
      `hello-svc-${service.id!.slice(4)}.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws`,
    );
    const got = await h.lattice.send(new GetServiceCommand({ serviceIdentifier: service.arn }));
    expect(got.status).toBe("ACTIVE");
    expect(got.authType).toBe("AWS_IAM");

    const tg = await h.lattice.send(new CreateTargetGroupCommand({ name: "hello-targets", type: "LAMBDA" }));
    expect(tg.id).toMatch(/^tg-0[0-9a-f]{16}$/);
    await h.lattice.send(new RegisterTargetsCommand({ targetGroupIdentifier: tg.id, targets: [{ id: functionArn }] }));
    const unused = await h.lattice.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id }));
    expect(unused.items?.[0]?.status).toBe("UNUSED");

    const listener = await h.lattice.send(
      new CreateListenerCommand({
        serviceIdentifier: service.id,
        name: "https",
        protocol: "HTTPS",
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.arn }] } },
      }),
    );
    expect(listener.port).toBe(443);
    expect(listener.arn).toBe(`${service.arn}/listener/${listener.id}`);
    const byArn = await h.lattice.send(
      new GetListenerCommand({ serviceIdentifier: service.id, listenerIdentifier: listener.arn }),
    );
    expect(byArn.defaultAction).toEqual({ forward: { targetGroups: [{ targetGroupIdentifier: tg.id, weight: 100 }] } });
    const listeners = await h.lattice.send(new ListListenersCommand({ serviceIdentifier: service.id }));
    expect(listeners.items?.map((l) => l.name)).toEqual(["https"]);

    const targets = await h.lattice.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id }));
    expect(targets.items).toEqual([{ id: functionArn, status: "HEALTHY" }]);
    const group = await h.lattice.send(new GetTargetGroupCommand({ targetGroupIdentifier: tg.id }));
    expect(group.serviceArns).toEqual([service.arn]);

    const inUse = await sdkError(() => h.lattice.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: tg.id })));
    expect(inUse.name).toBe("ConflictException");

    const other = await h.lattice.send(new CreateServiceCommand({ name: "other-svc" }));
    const reuse = await sdkError(() =>
      h.lattice.send(
        new CreateListenerCommand({
          serviceIdentifier: other.id,
          name: "http",
          protocol: "HTTP",
          defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg.id }] } },
        }),
      ),
    );
    expect(reuse.name).toBe("ConflictException");
    expect(reuse.message).toMatch(/only one service/);

    await h.lattice.send(
      new UpdateListenerCommand({
        serviceIdentifier: service.id,
        listenerIdentifier: listener.id,
        defaultAction: { fixedResponse: { statusCode: 404 } },
      }),
    );
    await h.lattice.send(new DeleteListenerCommand({ serviceIdentifier: service.id, listenerIdentifier: listener.id }));
    const deleted = await h.lattice.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: tg.id }));
    expect(deleted.status).toBe("DELETE_IN_PROGRESS");
  });

  it("checks target kinds and registers/deregisters IP targets", async () => {
    const tg = await h.lattice.send(
      new CreateTargetGroupCommand({
        name: "ip-targets",
        type: "IP",
        config: { port: 8080, protocol: "HTTP", vpcIdentifier: vpc.vpcId },
      }),
    );
    const noConfig = await sdkError(() =>
      h.lattice.send(new CreateTargetGroupCommand({ name: "ip-noconfig", type: "IP" })),
    );
    expect(noConfig.name).toBe("ValidationException");
    const badLambda = await sdkError(() =>
      h.lattice.send(
        new RegisterTargetsCommand({ targetGroupIdentifier: tg.id, targets: [{ id: "i-0123456789abcdef0" }] }),
      ),
    );
    expect(badLambda.name).toBe("ValidationException");
    const registered = await h.lattice.send(
      new RegisterTargetsCommand({
        targetGroupIdentifier: tg.id,
        targets: [{ id: "10.0.1.5" }, { id: "10.0.1.6", port: 9090 }],
      }),
    );
    expect(registered.successful).toHaveLength(2);
    const listed = await h.lattice.send(new ListTargetsCommand({ targetGroupIdentifier: tg.id, maxResults: 1 }));
    expect(listed.items).toHaveLength(1);
    expect(listed.nextToken).toBeDefined();
    const out = await h.lattice.send(
      new DeregisterTargetsCommand({ targetGroupIdentifier: tg.id, targets: [{ id: "10.0.1.5" }, { id: "10.9.9.9" }] }),
    );
    expect(out.successful?.map((t) => t.id)).toEqual(["10.0.1.5"]);
    expect(out.unsuccessful?.map((t) => t.id)).toEqual(["10.9.9.9"]);
    const byVpc = await h.lattice.send(new ListTargetGroupsCommand({ vpcIdentifier: vpc.vpcId }));
    expect(byVpc.items?.map((t) => t.id)).toEqual([tg.id]);
    const updated = await h.lattice.send(
      new UpdateTargetGroupCommand({ targetGroupIdentifier: tg.id, healthCheck: { enabled: true, path: "/health" } }),
    );
    expect((updated.config?.healthCheck as { path?: string }).path).toBe("/health");
  });

  it("holds a service to two listeners (ServiceQuotaExceededException, HTTP 402)", async () => {
    const service = await h.lattice.send(new CreateServiceCommand({ name: "busy-svc" }));
    const fixed = { fixedResponse: { statusCode: 200 } };
    await h.lattice.send(
      new CreateListenerCommand({
        serviceIdentifier: service.id,
        name: "one",
        protocol: "HTTP",
        port: 80,
        defaultAction: fixed,
      }),
    );
    await h.lattice.send(
      new CreateListenerCommand({
        serviceIdentifier: service.id,
        name: "two",
        protocol: "HTTPS",
        port: 443,
        defaultAction: fixed,
      }),
    );
    const third = await sdkError(() =>
      h.lattice.send(
        new CreateListenerCommand({
          serviceIdentifier: service.id,
          name: "three",
          protocol: "HTTP",
          port: 8080,
          defaultAction: fixed,
        }),
      ),
    );
    expect(third.name).toBe("ServiceQuotaExceededException");
    expect(third.$metadata.httpStatusCode).toBe(402);
    expect(third.quotaCode).toMatch(/^L-/);
    expect(third.serviceCode).toBe("vpc-lattice");
  });

  it("lists and updates services, and rejects reserved and duplicate names", async () => {
    const listed = await h.lattice.send(new ListServicesCommand({}));
    expect(listed.items?.map((s) => s.name)).toContain("hello-svc");
    const service = listed.items!.find((s) => s.name === "hello-svc")!;
    const updated = await h.lattice.send(new UpdateServiceCommand({ serviceIdentifier: service.id, authType: "NONE" }));
    expect(updated.authType).toBe("NONE");
    const reserved = await sdkError(() => h.lattice.send(new CreateServiceCommand({ name: "svc-prefixed" })));
    expect(reserved.fieldList[0].name).toBe("name");
    const duplicate = await sdkError(() => h.lattice.send(new CreateServiceCommand({ name: "hello-svc" })));
    expect(duplicate.name).toBe("ConflictException");
  });
});
