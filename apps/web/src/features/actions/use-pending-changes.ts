/** React access to the one PendingChanges store of the app (see pending-changes.ts). */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { SourceTarget } from "../topology/target";
import type { PendingChange, PendingChanges } from "./pending-changes";

export const PendingChangesContext = createContext<PendingChanges | undefined>(undefined);

export function usePendingChangesStore(): PendingChanges {
  const store = useContext(PendingChangesContext);
  if (!store) throw new Error("PendingChangesContext is not provided");
  return store;
}

const NONE: readonly PendingChange[] = [];

/** The changes of one source/region (the same array until one of them changes). */
export function useTargetChanges(target: SourceTarget | undefined): readonly PendingChange[] {
  const store = usePendingChangesStore();
  return useSyncExternalStore(store.subscribe, () => (target ? store.forTarget(target) : NONE));
}

/** One change, by key (`${source}|${region}|${id}`). */
export function usePendingChange(key: string | undefined): PendingChange | undefined {
  const store = usePendingChangesStore();
  return useSyncExternalStore(store.subscribe, () => (key ? store.get(key) : undefined));
}
