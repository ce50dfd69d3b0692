import { describe, expect, it } from "vitest";
import type { PendingChange } from "./pending-changes";
import {
  changesToSave,
  parseSavedChanges,
  SAVED_CHANGE_MAX_AGE_MS,
  sharedChangeStorage,
  type TextStore,
} from "./saved-changes";

const NOW = 1_800_000_000_000;
const change: PendingChange = {
  key: "emulator|ap-northeast-1|snva-0000000000000000a",
  target: { source: "emulator", region: "ap-northeast-1" },
  action: {
    type: "associate-vpc",
    serviceNetworkId: "sn-0b615c0ed1ca34177",
    vpcId: "vpc-023cb195488e7d121",
    securityGroupIds: [],
    privateDnsEnabled: false,
  },
  kind: "vpcAssociation",
  id: "snva-0000000000000000a",
  clientToken: "token-1",
  status: "CREATE_IN_PROGRESS",
  phase: "pending",
  done: false,
  dnsEntries: [],
  startedAt: NOW - 1_000,
};
const saved = (changes: PendingChange[]): string => JSON.stringify(changesToSave(changes));

describe("saved changes in flight", () => {
  it("round-trips a change in flight, without its last poll error", () => {
    const text = saved([{ ...change, pollError: undefined }]);
    expect(parseSavedChanges(text, NOW)).toEqual([change]);
  });

  it("drops a change of an action type this console does not know (an older or newer format)", () => {
    const text = JSON.stringify([{ ...change, action: { ...change.action, type: "associate-everything" } }]);
    expect(parseSavedChanges(text, NOW)).toEqual([]);
  });

  it("keeps only what is still in flight and pollable", () => {
    const settled = { ...change, id: "snva-0000000000000000b", done: true, phase: "ready" as const };
    const rule = { ...change, id: "sgr-0000000000000000c", kind: "securityGroupRule" as const };
    expect(changesToSave([change, settled, rule]).map((c) => c.id)).toEqual([change.id]);
  });

  it("drops what it cannot trust: junk, another shape, a hand-edited id, an old change", () => {
    expect(parseSavedChanges(null, NOW)).toEqual([]);
    expect(parseSavedChanges("{not json", NOW)).toEqual([]);
    expect(parseSavedChanges('{"a":1}', NOW)).toEqual([]);
    expect(parseSavedChanges(JSON.stringify([{ ...change, id: "../../etc" }]), NOW)).toEqual([]);
    expect(parseSavedChanges(JSON.stringify([{ ...change, kind: "bucket" }]), NOW)).toEqual([]);
    expect(parseSavedChanges(JSON.stringify([{ ...change, target: "emulator" }]), NOW)).toEqual([]);
    expect(
      parseSavedChanges(JSON.stringify([{ ...change, startedAt: NOW - SAVED_CHANGE_MAX_AGE_MS - 1 }]), NOW),
    ).toEqual([]);
  });

  it("rebuilds the key from the target and id (never trusts a saved key)", () => {
    const [back] = parseSavedChanges(JSON.stringify([{ ...change, key: "other|x|y" }]), NOW);
    expect(back?.key).toBe(change.key);
  });

  it("two tabs share the store and lose neither's changes; each settles only its own", () => {
    let text: string | null = null;
    const store: TextStore = { read: () => text, write: (t) => (text = t) };
    const tabA = sharedChangeStorage(store, () => NOW);
    const tabB = sharedChangeStorage(store, () => NOW);
    const other = { ...change, id: "snva-0000000000000000b", key: "emulator|ap-northeast-1|snva-0000000000000000b" };
    tabA.save([change]);
    tabB.save([other]);
    expect(parseSavedChanges(text, NOW).map((c) => c.id)).toEqual([change.id, other.id]);
    // Tab A's change settles (and leaves its store): tab B's is still kept.
    tabA.save([]);
    expect(parseSavedChanges(text, NOW).map((c) => c.id)).toEqual([other.id]);
    tabB.save([]);
    expect(text).toBeNull();
  });
});
