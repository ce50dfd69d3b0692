/**
 * The "+" menu of a node: the changes it can start. One menu for the whole
 * canvas, anchored on the button that opened it; arrow keys move, Enter
 * picks, Escape closes and gives the focus back to the button.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import { indexTopology } from "../../topology/topology-index";
import { intentsFor, type ChangeIntent } from "../kinds";

export interface ChangeMenuState {
  nodeId: string;
  anchor: HTMLElement;
}

interface ChangeMenuProps {
  state: ChangeMenuState;
  topology: Topology;
  onChoose(intent: ChangeIntent, anchor: HTMLElement): void;
  onClose(): void;
}

export function ChangeMenu({ state, topology, onChoose, onClose }: ChangeMenuProps) {
  const node = indexTopology(topology).byId.get(state.nodeId);
  const items = node ? intentsFor(node) : [];
  const menu = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | undefined>(undefined);

  useLayoutEffect(() => {
    const rect = state.anchor.getBoundingClientRect();
    const width = 290;
    setPosition({
      top: Math.min(rect.bottom + 4, window.innerHeight - 40 * items.length - 40),
      left: Math.max(8, Math.min(rect.left, window.innerWidth - width - 8)),
    });
  }, [state.anchor, items.length]);

  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
  }, [position]);

  // A press anywhere else, or the canvas moving under the anchor, closes it.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node) && event.target !== state.anchor) onClose();
    };
    const onWheel = (): void => onClose();
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("wheel", onWheel, { capture: true, passive: true });
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("wheel", onWheel, { capture: true });
    };
  }, [onClose, state.anchor]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number): void => buttons[(i + buttons.length) % buttons.length]?.focus();
    if (event.key === "ArrowDown") focus(at + 1);
    else if (event.key === "ArrowUp") focus(at - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(buttons.length - 1);
    else if (event.key === "Escape") {
      onClose();
      state.anchor.focus();
    } else if (event.key === "Tab") onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  if (!node || items.length === 0) return null;
  return (
    <div
      ref={menu}
      className="change-menu"
      role="menu"
      aria-label={`Changes for ${node.label}`}
      data-testid="change-menu"
      style={position ? { top: position.top, left: position.left } : { visibility: "hidden" }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="change-menu__item"
          data-testid="change-menu-item"
          data-intent={item.intent.type}
          onClick={() => onChoose(item.intent, state.anchor)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
