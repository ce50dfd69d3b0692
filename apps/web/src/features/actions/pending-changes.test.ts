import type { Action, ExecuteResponse, StatusResponse, Topology } from "@lattice-atlas/shared";
import { describe, expect, it, vi } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import {
  changeKey,
  createPendingChanges,
  reflectedIn,
  type ChangeStorage,
  type PendingChange,
} from "./pending-changes";
import { changesToSave, parseSavedChanges } from "./saved-changes";

/** A storage that is a string, as localStorage is: what one console saves, the next one loads. */
function memoryStorage(): ChangeStorage & { text: string } {
  const storage = {
    text: "",
    load: () => parseSavedChanges(storage.text, 0),
    save(changes: readonly PendingChange[]) {
      storage.text = JSON.stringify(changesToSave(changes));
    },
  };
  return storage;
}

const topology = fieldReport as unknown as Topology;
const tokyo = { source: "emulator", region: "ap-northeast-1" };
const virginia = { source: "emulator", region: "us-east-1" };

const associate: Action = {
  type: "associate-vpc",
  serviceNetworkId: "sn-0b615c0ed1ca34177",
  vpcId: "vpc-023cb195488e7d121",
  securityGroupIds: ["sg-01865685cfdf14862"],
  privateDnsEnabled: false,
};
const NEW_ID = "snva-0000000000000000a";

const executed = (
  id: string,
  status: string,
  kind: ExecuteResponse["resource"]["kind"] = "vpcAssociation",
): ExecuteResponse => ({
  resource: { kind, id, status },
  requestId: "req-1",
  replayed: false,
  clientToken: "token-1",
  warnings: [],
});

const answer = (
  phase: StatusResponse["phase"],
  status: string,
  extra: Partial<StatusResponse> = {},
): StatusResponse => ({
  kind: "vpcAssociation",
  id: NEW_ID,
  status,
  phase,
  done: phase === "ready" || phase === "failed" || phase === "deleted" || phase === "not-found",
  dnsEntries: [],
  checkedAt: new Date().toISOString(),
  ...extra,
});

/** A store whose polls run on a fake clock: `flush()` lets every pending promise resolve. */
function harness(answers: StatusResponse[], options: { deadlineMs?: number; storage?: ChangeStorage } = {}) {
  let now = 0;
  const reads: string[] = [];
  const settled: PendingChange[] = [];
  const store = createPendingChanges({
    readStatus: async (target, kind, id) => {
      reads.push(`${target.region}:${kind}:${id}`);
      return answers.length > 1 ? answers.shift()! : answers[0]!;
    },
    onSettled: (change) => settled.push(change),
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    ...(options.deadlineMs ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.storage ? { storage: options.storage } : {}),
  });
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
  };
  return { store, reads, settled, flush };
}

describe("pending changes store", () => {
  it("records an execution at once as in flight, with AWS's status word", () => {
    const { store } = harness([answer("pending", "CREATE_IN_PROGRESS")]);
    const change = store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    expect(change).toMatchObject({
      key: changeKey(tokyo, NEW_ID),
      phase: "pending",
      done: false,
      status: "CREATE_IN_PROGRESS",
    });
    expect(store.forTarget(tokyo)).toEqual([change]);
    expect(store.forTarget(virginia)).toEqual([]);
    store.stopAll();
  });

  it("polls until AWS settles it, keeps its DNS names, and settles exactly once", async () => {
    const dns = [{ name: "snra-1.rcfg-1.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws", private: false }];
    const { store, reads, settled, flush } = harness([
      answer("pending", "CREATE_IN_PROGRESS"),
      answer("ready", "ACTIVE", { dnsEntries: dns }),
    ]);
    store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    await flush();
    const change = store.get(changeKey(tokyo, NEW_ID));
    expect(change).toMatchObject({ phase: "ready", done: true, status: "ACTIVE", dnsEntries: dns });
    expect(reads).toEqual([`ap-northeast-1:vpcAssociation:${NEW_ID}`, `ap-northeast-1:vpcAssociation:${NEW_ID}`]);
    expect(settled.map((c) => c.status)).toEqual(["ACTIVE"]);
  });

  it("does not notify for polls that say nothing new (no re-merge of the diagram)", async () => {
    const { store, flush } = harness([
      answer("pending", "CREATE_IN_PROGRESS"),
      answer("pending", "CREATE_IN_PROGRESS"),
      answer("pending", "CREATE_IN_PROGRESS"),
      answer("ready", "ACTIVE"),
    ]);
    const listener = vi.fn();
    store.subscribe(listener);
    store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    const before = store.forTarget(tokyo);
    await flush();
    // One notification for track, one for ACTIVE: the three identical polls changed nothing.
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.forTarget(tokyo)).not.toBe(before);
  });

  it("keeps a failure with its reason and the recovery AWS suggests", async () => {
    const recovery = {
      label: "Delete the failed association",
      action: { type: "remove-vpc-association", associationId: NEW_ID } as Action,
    };
    const { store, settled, flush } = harness([
      answer("failed", "CREATE_FAILED", {
        failureCode: "InternalFailure",
        failureReason: "Injected failure",
        recovery,
      }),
    ]);
    store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    await flush();
    expect(store.get(changeKey(tokyo, NEW_ID))).toMatchObject({
      phase: "failed",
      failureReason: "Injected failure",
      recovery,
    });
    expect(settled).toHaveLength(1);
  });

  it("gives up at the deadline ('still in progress'), without settling, and resumes on demand", async () => {
    const answers = [answer("pending", "CREATE_IN_PROGRESS")];
    const { store, settled, flush } = harness(answers, { deadlineMs: 10_000 });
    store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    await flush();
    expect(store.get(changeKey(tokyo, NEW_ID))?.phase).toBe("timeout");
    expect(settled).toHaveLength(0);
    answers.splice(0, answers.length, answer("ready", "ACTIVE"));
    store.resume(changeKey(tokyo, NEW_ID));
    await flush();
    expect(store.get(changeKey(tokyo, NEW_ID))?.phase).toBe("ready");
    expect(settled).toHaveLength(1);
  });

  it("settles a rule at once (nothing to poll)", () => {
    const { store, reads, settled } = harness([]);
    const rule: Action = {
      type: "add-ingress-rule",
      groupId: "sg-01865685cfdf14862",
      protocol: "tcp",
      port: 443,
      cidr: "10.1.0.0/16",
    };
    store.track(tokyo, rule, executed("sgr-0123", "active", "securityGroupRule"));
    expect(reads).toEqual([]);
    expect(settled).toHaveLength(1);
    expect(store.get(changeKey(tokyo, "sgr-0123"))).toMatchObject({ phase: "ready", done: true });
  });

  it("prunes a settled change once the topology shows its result, and only then", async () => {
    const { store, flush } = harness([answer("ready", "ACTIVE")]);
    store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    await flush();
    store.prune(tokyo, topology);
    expect(store.get(changeKey(tokyo, NEW_ID))).toBeDefined();
    const refetched: Topology = {
      ...topology,
      nodes: [
        ...topology.nodes,
        { ...topology.nodes.find((n) => n.kind === "vpcAssociation")!, id: NEW_ID, status: "ACTIVE" },
      ],
    };
    store.prune(virginia, refetched);
    expect(store.get(changeKey(tokyo, NEW_ID))).toBeDefined();
    store.prune(tokyo, refetched);
    expect(store.get(changeKey(tokyo, NEW_ID))).toBeUndefined();
  });

  it("knows when a removal or a rule is reflected", () => {
    const base = {
      key: "k",
      target: tokyo,
      kind: "vpcAssociation" as const,
      clientToken: "t",
      dnsEntries: [],
      startedAt: 0,
    };
    const removal: PendingChange = {
      ...base,
      id: "snva-0c7568464798463a6",
      action: { type: "remove-vpc-association", associationId: "snva-0c7568464798463a6" },
      status: "DELETED",
      phase: "deleted",
      done: true,
    };
    expect(reflectedIn(removal, topology)).toBe(false);
    expect(reflectedIn(removal, { ...topology, nodes: topology.nodes.filter((n) => n.id !== removal.id) })).toBe(true);
    const rule: PendingChange = {
      ...base,
      kind: "securityGroupRule",
      id: "sgr-1",
      action: {
        type: "add-ingress-rule",
        groupId: "sg-0ba37e309b4a5fb94",
        protocol: "tcp",
        port: 5432,
        sourceGroupId: "sg-01865685cfdf14862",
      },
      status: "active",
      phase: "ready",
      done: true,
    };
    // The field report's endpoint group already admits CloudShell SG on 5432.
    expect(reflectedIn(rule, topology)).toBe(true);
    expect(reflectedIn({ ...rule, action: { ...rule.action, port: 6543 } as Action }, topology)).toBe(false);
  });

  it("dismiss forgets an entry and stops its poll", async () => {
    const { store, reads, flush } = harness([answer("pending", "CREATE_IN_PROGRESS")]);
    store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    store.dismiss(changeKey(tokyo, NEW_ID));
    await flush();
    expect(store.all()).toEqual([]);
    expect(reads.length).toBeLessThanOrEqual(1);
  });

  it("a change in flight outlives a reload: the next console polls it again until ACTIVE, then forgets it", async () => {
    const storage = memoryStorage();
    const first = harness([answer("pending", "CREATE_IN_PROGRESS")], { storage, deadlineMs: 1_000 });
    first.store.track(tokyo, associate, executed(NEW_ID, "CREATE_IN_PROGRESS"));
    first.store.stopAll();
    expect(JSON.parse(storage.text)).toHaveLength(1);

    const dns = [{ name: "snra-1.rcfg-1.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws", private: false }];
    const second = harness([answer("ready", "ACTIVE", { dnsEntries: dns })], { storage });
    second.store.restore();
    second.store.restore(); // twice (React's strict mode): one entry, one poll
    await second.flush();
    expect(second.reads).toEqual([`ap-northeast-1:vpcAssociation:${NEW_ID}`]);
    expect(second.store.get(changeKey(tokyo, NEW_ID))).toMatchObject({
      phase: "ready",
      status: "ACTIVE",
      dnsEntries: dns,
    });
    expect(second.settled).toHaveLength(1);
    // Settled: nothing left to pick up after another reload.
    expect(JSON.parse(storage.text)).toEqual([]);
  });
});
