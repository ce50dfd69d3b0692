/**
 * The view state lives in the address bar. Components read it with
 * useViewState() and change it with the returned updater: selection and focus
 * replace the history entry, anything else pushes one (Back undoes it).
 */
import { useCallback, useMemo, useRef, useSyncExternalStore } from "react";
import { parseViewState, serializeViewState, type ViewState } from "./url-state";

type Listener = () => void;
const listeners = new Set<Listener>();

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const getSearch = (): string => window.location.search;

export type ViewUpdate = Partial<ViewState> | ((current: ViewState) => Partial<ViewState>);

/** Fields whose change is not worth a Back-button step. */
const TRANSIENT: ReadonlyArray<keyof ViewState> = ["selected", "focus"];

export function navigateView(update: ViewUpdate, options: { replace?: boolean } = {}): void {
  const current = parseViewState(window.location.search);
  const patch = typeof update === "function" ? update(current) : update;
  const next = { ...current, ...patch };
  const search = serializeViewState(next);
  if (search === window.location.search || (search === "" && window.location.search === "")) return;
  const replace =
    options.replace ?? (Object.keys(patch) as Array<keyof ViewState>).every((key) => TRANSIENT.includes(key));
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  for (const listener of listeners) listener();
}

/** Lists equal to the previous view's keep their identity, so memoised consumers skip unrelated URL changes. */
function shareLists(next: ViewState, previous: ViewState | undefined): ViewState {
  if (!previous) return next;
  const keep = <T>(a: T[], b: T[]): T[] => (a.length === b.length && a.every((v, i) => v === b[i]) ? b : a);
  return {
    ...next,
    hiddenKinds: keep(next.hiddenKinds, previous.hiddenKinds),
    vpcs: keep(next.vpcs, previous.vpcs),
    serviceNetworks: keep(next.serviceNetworks, previous.serviceNetworks),
    statuses: keep(next.statuses, previous.statuses),
    accounts: keep(next.accounts, previous.accounts),
    regions: keep(next.regions, previous.regions),
    collapsed: keep(next.collapsed, previous.collapsed),
    expanded: keep(next.expanded, previous.expanded),
  };
}

export function useViewState(): [ViewState, (update: ViewUpdate, options?: { replace?: boolean }) => void] {
  const search = useSyncExternalStore(subscribe, getSearch, () => "");
  const previous = useRef<ViewState | undefined>(undefined);
  const view = useMemo(() => shareLists(parseViewState(search), previous.current), [search]);
  previous.current = view;
  const setView = useCallback(
    (update: ViewUpdate, options?: { replace?: boolean }) => navigateView(update, options),
    [],
  );
  return [view, setView];
}
