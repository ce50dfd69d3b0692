/**
 * What nodes on the canvas can ask of the app (fold a container, open "Connect
 * from", open the menu of changes for a node). Provided once with stable
 * callbacks, so that nodes never re-render because of it and never receive
 * callbacks through their data.
 */
import { createContext, useContext } from "react";

export interface TopologyActions {
  toggleCollapsed(id: string): void;
  connectFrom(vpcId: string): void;
  /** The "+" of a node: the changes it can start, as a menu anchored on the button. */
  openChangeMenu(id: string, anchor: HTMLElement): void;
}

const noop: TopologyActions = {
  toggleCollapsed: () => undefined,
  connectFrom: () => undefined,
  openChangeMenu: () => undefined,
};

export const TopologyActionsContext = createContext<TopologyActions>(noop);

export function useTopologyActions(): TopologyActions {
  return useContext(TopologyActionsContext);
}
