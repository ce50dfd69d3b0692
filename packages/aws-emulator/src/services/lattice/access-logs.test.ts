import {
  CreateAccessLogSubscriptionCommand,
  CreateResourceConfigurationCommand,
  CreateResourceGatewayCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  DeleteAccessLogSubscriptionCommand,
  DeleteServiceCommand,
  DeleteServiceNetworkCommand,
  GetAccessLogSubscriptionCommand,
  ListAccessLogSubscriptionsCommand,
  ListTagsForResourceCommand,
  UpdateAccessLogSubscriptionCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc } from "../../testing/network.js";

const REGION = "ap-northeast-1";
const ACCOUNT = "111122223333";
const BUCKET = "arn:aws:s3:::lattice-logs";
const LOG_GROUP = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/lattice/access`;
const FIREHOSE = `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/lattice-logs`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("access log subscriptions", () => {
  it("subscribe a service network per log type, a service and a resource configuration, by id or ARN", async () => {
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "logged-net" }));
    const service = await h.lattice.send(new CreateServiceCommand({ name: "logged-svc" }));
    const vpc = await createTestVpc(h.ec2, 1);
    const gateway = await h.lattice.send(
      new CreateResourceGatewayCommand({ name: "logged-gw", vpcIdentifier: vpc.vpcId, subnetIds: vpc.subnetIds }),
    );
    const config = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "logged-db",
        type: "SINGLE",
        resourceGatewayIdentifier: gateway.id,
        resourceConfigurationDefinition: { ipResource: { ipAddress: "10.1.0.10" } },
      }),
    );

    const services = await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({
        resourceIdentifier: sn.arn,
        destinationArn: LOG_GROUP,
        tags: { owner: "platform" },
      }),
    );
    expect(services.$metadata.httpStatusCode).toBe(201);
    expect(services).toMatchObject({
      resourceId: sn.id,
      resourceArn: sn.arn,
      destinationArn: LOG_GROUP,
      serviceNetworkLogType: "SERVICE",
    });
    expect(services.id).toMatch(/^als-0[0-9a-f]{16}$/);
    expect(services.arn).toBe(`arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:accesslogsubscription/${services.id}`);
    const resources = await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({
        resourceIdentifier: sn.id,
        destinationArn: BUCKET,
        serviceNetworkLogType: "RESOURCE",
      }),
    );
    // A second CloudWatch destination for RESOURCE logs is fine; a second one for SERVICE logs is not.
    await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({
        resourceIdentifier: sn.id,
        destinationArn: `${LOG_GROUP}-resources`,
        serviceNetworkLogType: "RESOURCE",
      }),
    );
    const twice = await sdkError(() =>
      h.lattice.send(
        new CreateAccessLogSubscriptionCommand({ resourceIdentifier: sn.id, destinationArn: `${LOG_GROUP}-other` }),
      ),
    );
    expect(twice.name).toBe("ConflictException");
    expect(twice.resourceId).toBe(services.id);

    const listed = await h.lattice.send(new ListAccessLogSubscriptionsCommand({ resourceIdentifier: sn.id }));
    expect(listed.items?.map((i) => [i.destinationArn, i.serviceNetworkLogType])).toEqual([
      [LOG_GROUP, "SERVICE"],
      [BUCKET, "RESOURCE"],
      [`${LOG_GROUP}-resources`, "RESOURCE"],
    ]);
    const got = await h.lattice.send(
      new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: resources.arn }),
    );
    expect(got.createdAt).toBeInstanceOf(Date);
    expect((await h.lattice.send(new ListTagsForResourceCommand({ resourceArn: services.arn }))).tags).toEqual({
      owner: "platform",
    });

    const onService = await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: service.arn, destinationArn: FIREHOSE }),
    );
    expect(onService.serviceNetworkLogType).toBeUndefined();
    const typedService = await sdkError(() =>
      h.lattice.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: service.id,
          destinationArn: BUCKET,
          serviceNetworkLogType: "SERVICE",
        }),
      ),
    );
    expect(typedService.fieldList[0].name).toBe("serviceNetworkLogType");
    const onConfig = await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: config.id, destinationArn: BUCKET }),
    );
    expect(onConfig.resourceArn).toBe(config.arn);

    const updated = await h.lattice.send(
      new UpdateAccessLogSubscriptionCommand({
        accessLogSubscriptionIdentifier: onService.id,
        destinationArn: `${FIREHOSE}-2`,
      }),
    );
    expect(updated.destinationArn).toBe(`${FIREHOSE}-2`);
    await h.lattice.send(new DeleteAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: onConfig.id }));
    const gone = await sdkError(() =>
      h.lattice.send(new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: onConfig.id })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(gone.resourceType).toBe("ACCESS_LOG_SUBSCRIPTION");
  });

  it("validates destinations and resources, and goes with the resource it logs", async () => {
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "short-lived" }));
    const badDestination = await sdkError(() =>
      h.lattice.send(
        new CreateAccessLogSubscriptionCommand({
          resourceIdentifier: sn.id,
          destinationArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:queue`,
        }),
      ),
    );
    expect(badDestination.name).toBe("ValidationException");
    expect(badDestination.fieldList[0].name).toBe("destinationArn");
    const badResource = await sdkError(() =>
      h.lattice.send(
        new CreateAccessLogSubscriptionCommand({ resourceIdentifier: "tg-0123456789abcdef0", destinationArn: BUCKET }),
      ),
    );
    expect(badResource.fieldList[0].name).toBe("resourceIdentifier");
    const missing = await sdkError(() =>
      h.lattice.send(
        new CreateAccessLogSubscriptionCommand({ resourceIdentifier: "svc-0123456789abcdef0", destinationArn: BUCKET }),
      ),
    );
    expect(missing.name).toBe("ResourceNotFoundException");

    const subscription = await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: sn.id, destinationArn: BUCKET, tags: { a: "b" } }),
    );
    await h.lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: sn.id }));
    const state = (await h.control("GET", "/_emulator/state")).body;
    expect(state.regions[0].lattice.accessLogSubscriptions[subscription.id!]).toBeUndefined();
    expect(state.regions[0].lattice.tags[subscription.arn!]).toBeUndefined();

    const service = await h.lattice.send(new CreateServiceCommand({ name: "short-svc" }));
    const onService = await h.lattice.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: service.id, destinationArn: BUCKET }),
    );
    await h.lattice.send(new DeleteServiceCommand({ serviceIdentifier: service.id }));
    const after = await sdkError(() =>
      h.lattice.send(new GetAccessLogSubscriptionCommand({ accessLogSubscriptionIdentifier: onService.id })),
    );
    expect(after.name).toBe("ResourceNotFoundException");
  });
});
