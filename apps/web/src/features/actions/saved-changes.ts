/**
 * Changes in flight outlive a reload: the store writes the ones AWS has not
 * settled yet to localStorage, and a console that opens again (this tab
 * reloaded, or another tab) picks their polls up where they stopped, so a
 * pending association still turns ACTIVE on screen without a manual refresh.
 * What comes back from storage is checked field by field: anything that is
 * not a change this console wrote (an older format, a hand edit) is dropped.
 */
import { isActionType } from "./kinds";
import type { ChangeStorage, PendingChange } from "./pending-changes";

const SAVED_CHANGES_KEY = "lattice-atlas.changes-in-flight.v1";
/** A change older than this is not picked up again: a refresh of the topology says how it ended. */
export const SAVED_CHANGE_MAX_AGE_MS = 60 * 60_000;
const MAX_SAVED = 50;

const KINDS = new Set(["vpcAssociation", "resourceAssociation", "serviceAssociation", "vpcEndpoint"]);
const AWS_ID = /^[a-z]+-[0-9a-z]{8,32}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length < 2048;

/** The changes worth picking up again: in flight (not settled), pollable, not too old. */
export function changesToSave(changes: readonly PendingChange[]): PendingChange[] {
  return changes
    .filter((c) => !c.done && KINDS.has(c.kind))
    .slice(-MAX_SAVED)
    .map(({ pollError: _pollError, ...rest }) => rest);
}

/** Parse what storage holds; never throws. */
export function parseSavedChanges(raw: string | null, now: number): PendingChange[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: PendingChange[] = [];
  for (const item of value.slice(0, MAX_SAVED)) {
    if (!isRecord(item) || !isRecord(item.target) || !isRecord(item.action)) continue;
    const { target, action } = item;
    if (!isText(target.source) || !isText(target.region) || !isText(action.type) || !isActionType(action.type))
      continue;
    if (!isText(item.kind) || !KINDS.has(item.kind) || !isText(item.id) || !AWS_ID.test(item.id)) continue;
    if (!isText(item.clientToken) || !isText(item.status) || item.done !== false) continue;
    if (typeof item.startedAt !== "number" || !(now - item.startedAt < SAVED_CHANGE_MAX_AGE_MS)) continue;
    const phase = item.phase === "deleting" ? "deleting" : "pending";
    out.push({
      key: `${target.source}|${target.region}|${item.id}`,
      target: { source: target.source, region: target.region },
      action: action as unknown as PendingChange["action"],
      kind: item.kind as PendingChange["kind"],
      id: item.id,
      arn: isText(item.arn) ? item.arn : undefined,
      clientToken: item.clientToken,
      requestId: isText(item.requestId) ? item.requestId : undefined,
      status: item.status,
      phase,
      done: false,
      dnsEntries: [],
      startedAt: item.startedAt,
    });
  }
  return out;
}

/** Where the saved changes live: localStorage in the browser, a string in tests. */
export interface TextStore {
  read(): string | null;
  write(text: string | null): void;
}

/**
 * Changes kept in a store that other tabs share. A tab decides only for the changes it has seen (made, or taken
 * back after a reload); the others' entries stay as they are, so two tabs making changes lose neither's.
 */
export function sharedChangeStorage(store: TextStore, now: () => number = () => Date.now()): ChangeStorage {
  const mine = new Set<string>();
  return {
    load() {
      const changes = parseSavedChanges(store.read(), now());
      for (const change of changes) mine.add(change.key);
      return changes;
    },
    save(changes) {
      for (const change of changes) mine.add(change.key);
      const ours = changesToSave(changes);
      const theirs = parseSavedChanges(store.read(), now()).filter((c) => !mine.has(c.key));
      const all = [...theirs, ...ours];
      const text = all.length > 0 ? JSON.stringify(changesToSave(all)) : null;
      if (text !== store.read()) store.write(text);
    },
  };
}

/** The browser's localStorage (absent or full: the console works on, it just forgets on reload). */
export function localChangeStorage(): ChangeStorage {
  const storage = (): Storage | undefined => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  };
  return sharedChangeStorage({
    read: () => {
      try {
        return storage()?.getItem(SAVED_CHANGES_KEY) ?? null;
      } catch {
        return null;
      }
    },
    write: (text) => {
      try {
        if (text === null) storage()?.removeItem(SAVED_CHANGES_KEY);
        else storage()?.setItem(SAVED_CHANGES_KEY, text);
      } catch {
        // Quota or privacy mode: nothing to do.
      }
    },
  });
}
