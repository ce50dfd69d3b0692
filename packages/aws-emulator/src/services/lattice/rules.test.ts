import {
  BatchUpdateRuleCommand,
  CreateListenerCommand,
  CreateRuleCommand,
  CreateServiceCommand,
  CreateTargetGroupCommand,
  DeleteListenerCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  GetRuleCommand,
  ListRulesCommand,
  ListTagsForResourceCommand,
  UpdateRuleCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

let h: Harness;
let vpc: TestVpc;

beforeAll(async () => {
  h = await startHarness();
  vpc = await createTestVpc(h.ec2, 0);
});
afterAll(() => h.close());

async function targetGroup(name: string, protocol: "HTTP" | "TCP" = "HTTP") {
  return h.lattice.send(
    new CreateTargetGroupCommand({
      name,
      type: "IP",
      config: { port: protocol === "TCP" ? 8443 : 80, protocol, vpcIdentifier: vpc.vpcId },
    }),
  );
}

async function httpService(name: string) {
  const service = await h.lattice.send(new CreateServiceCommand({ name }));
  const tg = await targetGroup(`${name}-default`);
  const listener = await h.lattice.send(
    new CreateListenerCommand({
      serviceIdentifier: service.id,
      name: "http",
      protocol: "HTTP",
      defaultAction: { fixedResponse: { statusCode: 404 } },
    }),
  );
  return { service, tg, listener, ids: { serviceIdentifier: service.id!, listenerIdentifier: listener.id! } };
}

describe("listener rules", () => {
  it("creates, reads, lists (default rule last), updates and deletes rules; the default rule stands for the listener", async () => {
    const { service, tg, listener, ids } = await httpService("rules-svc");
    const created = await h.lattice.send(
      new CreateRuleCommand({
        ...ids,
        name: "api",
        priority: 10,
        match: { httpMatch: { method: "GET", pathMatch: { match: { prefix: "/api" }, caseSensitive: false } } },
        action: { forward: { targetGroups: [{ targetGroupIdentifier: tg.arn!, weight: 50 }] } },
        tags: { team: "payments" },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^rule-0[0-9a-f]{16}$/);
    expect(created.arn).toBe(`${listener.arn}/rule/${created.id}`);
    expect(created.action).toEqual({ forward: { targetGroups: [{ targetGroupIdentifier: tg.id, weight: 50 }] } });

    const got = await h.lattice.send(new GetRuleCommand({ ...ids, ruleIdentifier: created.arn }));
    expect(got).toMatchObject({ name: "api", priority: 10, isDefault: false });
    expect(got.createdAt).toBeInstanceOf(Date);

    const list = await h.lattice.send(new ListRulesCommand(ids));
    expect(list.items?.map((r) => [r.name, r.isDefault, r.priority])).toEqual([
      ["api", false, 10],
      ["default", true, undefined],
    ]);
    const defaultId = list.items![1]!.id!;
    const defaultRule = await h.lattice.send(new GetRuleCommand({ ...ids, ruleIdentifier: defaultId }));
    expect(defaultRule.action).toEqual({ fixedResponse: { statusCode: 404 } });
    const changeDefault = await sdkError(() =>
      h.lattice.send(new UpdateRuleCommand({ ...ids, ruleIdentifier: defaultId, priority: 5 })),
    );
    expect(changeDefault.name).toBe("ValidationException");
    expect(changeDefault.fieldList?.[0]?.name).toBe("ruleIdentifier");

    const updated = await h.lattice.send(
      new UpdateRuleCommand({
        ...ids,
        ruleIdentifier: created.id,
        match: { httpMatch: { headerMatches: [{ name: "x-tenant", match: { exact: "blue" } }] } },
        action: { fixedResponse: { statusCode: 503 } },
      }),
    );
    expect(updated.match).toEqual({ httpMatch: { headerMatches: [{ name: "x-tenant", match: { exact: "blue" } }] } });
    expect(updated.priority).toBe(10);

    const tags = await h.lattice.send(new ListTagsForResourceCommand({ resourceArn: created.arn }));
    expect(tags.tags).toEqual({ team: "payments" });
    await h.lattice.send(new DeleteRuleCommand({ ...ids, ruleIdentifier: created.id }));
    const gone = await sdkError(() => h.lattice.send(new GetRuleCommand({ ...ids, ruleIdentifier: created.id })));
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(gone.resourceType).toBe("RULE");
    const state = (await h.control("GET", "/_emulator/state")).body;
    expect(Object.keys(state.regions[0].lattice.tags)).not.toContain(created.arn);
    expect(service.id).toBeDefined();
  });

  it("validates matches, priorities and names, and keeps names and priorities unique per listener", async () => {
    const { tg, ids } = await httpService("rules-checks");
    const action = { forward: { targetGroups: [{ targetGroupIdentifier: tg.id! }] } };
    const bad = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: "rule-bad",
          priority: 0,
          match: { httpMatch: { pathMatch: { match: { exact: "no-slash" } } } },
          action,
        }),
      ),
    );
    expect(bad.name).toBe("ValidationException");
    expect(bad.fieldList.map((f: { name: string }) => f.name)).toContain("name");

    const badPath = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: "bad-path",
          priority: 1,
          match: { httpMatch: { pathMatch: { match: { exact: "no-slash" } } } },
          action,
        }),
      ),
    );
    expect(badPath.fieldList.map((f: { name: string }) => f.name)).toEqual(["match.httpMatch.pathMatch.match.exact"]);
    const badPriority = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: "bad-prio",
          priority: 2001,
          match: { httpMatch: { method: "GET" } },
          action,
        }),
      ),
    );
    expect(badPriority.fieldList.map((f: { name: string }) => f.name)).toEqual(["priority"]);
    const tooManyHeaders = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: "headers",
          priority: 1,
          match: {
            httpMatch: {
              headerMatches: Array.from({ length: 6 }, (_, i) => ({ name: `h${i}`, match: { exact: "v" } })),
            },
          },
          action,
        }),
      ),
    );
    expect(tooManyHeaders.fieldList.map((f: { name: string }) => f.name)).toEqual(["match.httpMatch.headerMatches"]);

    await h.lattice.send(
      new CreateRuleCommand({ ...ids, name: "first", priority: 1, match: { httpMatch: { method: "GET" } }, action }),
    );
    const samePriority = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({ ...ids, name: "second", priority: 1, match: { httpMatch: { method: "PUT" } }, action }),
      ),
    );
    expect(samePriority.name).toBe("ConflictException");
    const sameName = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({ ...ids, name: "first", priority: 2, match: { httpMatch: { method: "PUT" } }, action }),
      ),
    );
    expect(sameName.name).toBe("ConflictException");

    // A target group a rule forwards to cannot go, and cannot serve another service.
    const inUse = await sdkError(() => h.lattice.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: tg.id })));
    expect(inUse.name).toBe("ConflictException");
    const other = await httpService("rules-other");
    const borrowed = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...other.ids,
          name: "borrow",
          priority: 1,
          match: { httpMatch: { method: "GET" } },
          action,
        }),
      ),
    );
    expect(borrowed.name).toBe("ConflictException");
  });

  it("enforces the rules-per-listener quota", async () => {
    const { ids } = await httpService("rules-quota");
    for (let i = 1; i <= 10; i++) {
      await h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: `rule${i}`.replace("rule", "quota-"),
          priority: i,
          match: { httpMatch: { pathMatch: { match: { exact: `/p${i}` } } } },
          action: { fixedResponse: { statusCode: 200 } },
        }),
      );
    }
    const over = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: "quota-11",
          priority: 11,
          match: { httpMatch: { method: "GET" } },
          action: { fixedResponse: { statusCode: 200 } },
        }),
      ),
    );
    expect(over.name).toBe("ServiceQuotaExceededException");
    expect(over.$metadata.httpStatusCode).toBe(402);
    expect(over.serviceCode).toBe("vpc-lattice");
  });

  it("swaps priorities in one BatchUpdateRule, reports unknown rules per item and refuses a clash", async () => {
    const { ids } = await httpService("rules-batch");
    const rule = (name: string, priority: number) =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name,
          priority,
          match: { httpMatch: { pathMatch: { match: { prefix: `/${name}` } } } },
          action: { fixedResponse: { statusCode: 200 } },
        }),
      );
    const a = await rule("alpha", 1);
    const b = await rule("bravo", 2);
    const c = await rule("charlie", 3);
    const swapped = await h.lattice.send(
      new BatchUpdateRuleCommand({
        ...ids,
        rules: [
          { ruleIdentifier: a.id, priority: 2 },
          { ruleIdentifier: b.arn, priority: 1 },
          { ruleIdentifier: "rule-0aaaaaaaaaaaaaaaa", priority: 9 },
        ],
      }),
    );
    expect(swapped.successful?.map((r) => [r.name, r.priority])).toEqual([
      ["alpha", 2],
      ["bravo", 1],
    ]);
    expect(swapped.unsuccessful).toEqual([
      expect.objectContaining({ ruleIdentifier: "rule-0aaaaaaaaaaaaaaaa", failureCode: "ResourceNotFoundException" }),
    ]);
    const clash = await sdkError(() =>
      h.lattice.send(new BatchUpdateRuleCommand({ ...ids, rules: [{ ruleIdentifier: c.id, priority: 1 }] })),
    );
    expect(clash.name).toBe("ConflictException");
    const list = await h.lattice.send(new ListRulesCommand(ids));
    expect(list.items?.map((r) => r.name)).toEqual(["bravo", "alpha", "charlie", "default"]);
  });

  it("deleting a listener takes its rules and their tags with it", async () => {
    const { ids } = await httpService("rules-cascade");
    const created = await h.lattice.send(
      new CreateRuleCommand({
        ...ids,
        name: "tagged",
        priority: 1,
        match: { httpMatch: { method: "GET" } },
        action: { fixedResponse: { statusCode: 200 } },
        tags: { k: "v" },
      }),
    );
    await h.lattice.send(new DeleteListenerCommand(ids));
    const state = (await h.control("GET", "/_emulator/state")).body;
    expect(state.regions[0].lattice.rules[created.id!]).toBeUndefined();
    expect(state.regions[0].lattice.tags[created.arn!]).toBeUndefined();
  });
});

describe("TLS_PASSTHROUGH listeners", () => {
  it("need a custom domain on the service and TCP target groups, and allow no rules besides the default one", async () => {
    const tcp = await targetGroup("tls-tcp", "TCP");
    const http = await targetGroup("tls-http");
    const plain = await h.lattice.send(new CreateServiceCommand({ name: "tls-plain" }));
    const noDomain = await sdkError(() =>
      h.lattice.send(
        new CreateListenerCommand({
          serviceIdentifier: plain.id,
          name: "tls",
          protocol: "TLS_PASSTHROUGH",
          defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tcp.id! }] } },
        }),
      ),
    );
    expect(noDomain.name).toBe("ValidationException");
    expect(noDomain.message).toContain("custom domain");

    const named = await h.lattice.send(
      new CreateServiceCommand({ name: "tls-named", customDomainName: "pass.example.com" }),
    );
    const toHttp = await sdkError(() =>
      h.lattice.send(
        new CreateListenerCommand({
          serviceIdentifier: named.id,
          name: "tls",
          protocol: "TLS_PASSTHROUGH",
          defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: http.id! }] } },
        }),
      ),
    );
    expect(toHttp.fieldList[0].name).toBe("defaultAction.forward.targetGroups.1.targetGroupIdentifier");
    const fixed = await sdkError(() =>
      h.lattice.send(
        new CreateListenerCommand({
          serviceIdentifier: named.id,
          name: "tls",
          protocol: "TLS_PASSTHROUGH",
          defaultAction: { fixedResponse: { statusCode: 200 } },
        }),
      ),
    );
    expect(fixed.name).toBe("ValidationException");
    const listener = await h.lattice.send(
      new CreateListenerCommand({
        serviceIdentifier: named.id,
        name: "tls",
        protocol: "TLS_PASSTHROUGH",
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tcp.id! }] } },
      }),
    );
    expect(listener).toMatchObject({ protocol: "TLS_PASSTHROUGH", port: 443 });
    const ids = { serviceIdentifier: named.id!, listenerIdentifier: listener.id! };
    const rule = await sdkError(() =>
      h.lattice.send(
        new CreateRuleCommand({
          ...ids,
          name: "not-allowed",
          priority: 1,
          match: { httpMatch: { method: "GET" } },
          action: { forward: { targetGroups: [{ targetGroupIdentifier: tcp.id! }] } },
        }),
      ),
    );
    expect(rule.name).toBe("ValidationException");
    expect(rule.message).toContain("default rule");
    const rules = await h.lattice.send(new ListRulesCommand(ids));
    expect(rules.items?.map((r) => r.isDefault)).toEqual([true]);

    // An HTTP listener never forwards to a TCP target group.
    const spare = await targetGroup("tls-spare", "TCP");
    const httpListener = await sdkError(() =>
      h.lattice.send(
        new CreateListenerCommand({
          serviceIdentifier: plain.id,
          name: "http",
          protocol: "HTTP",
          defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: spare.id! }] } },
        }),
      ),
    );
    expect(httpListener.name).toBe("ValidationException");
  });
});
