/** What the overview's nodes ask of the console: expand or fold one in place, select a thing (its details). */
import { createContext, useContext } from "react";

export interface OverviewActions {
  toggle(id: string): void;
  select(id: string): void;
}

const noop: OverviewActions = { toggle: () => undefined, select: () => undefined };

export const OverviewActionsContext = createContext<OverviewActions>(noop);

export const useOverviewActions = (): OverviewActions => useContext(OverviewActionsContext);
