/**
 * Skip links, first in the Tab order and shown only when focused: straight to "Connect from…" (the VPC that is
 * current, or the first) and to the side panel when one is open (its selected tab), past the filters and the diagram.
 */
import type { MouseEvent } from "react";
import "./skip-links.css";

interface SkipLink {
  target: string;
  label: string;
  /** What takes the focus in the target (the first focusable one if none matches). */
  focus: string;
}

const CONNECT: SkipLink = {
  target: "connect-from",
  label: "Skip to Connect from…",
  focus: '[data-roving][tabindex="0"]',
};
const PANEL: SkipLink = {
  target: "side-panel",
  label: "Skip to the side panel",
  focus: "[role='tab'][aria-selected='true']",
};

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, [tabindex]:not([tabindex="-1"])';

/** Moves the focus into the element with this id: its chosen element, else its first focusable one, else itself. */
export function focusInto(id: string, preferred: string): boolean {
  const root = document.getElementById(id);
  if (!root) return false;
  const el = root.querySelector<HTMLElement>(preferred) ?? root.querySelector<HTMLElement>(FOCUSABLE) ?? root;
  if (el === root && root.tabIndex < 0) root.tabIndex = -1;
  el.focus();
  return document.activeElement === el;
}

export function SkipLinks({ panelOpen }: { panelOpen: boolean }) {
  const links = panelOpen ? [CONNECT, PANEL] : [CONNECT];
  const go = (link: SkipLink) => (event: MouseEvent) => {
    if (focusInto(link.target, link.focus)) event.preventDefault();
  };
  return (
    <nav className="skip-links" aria-label="Skip links" data-testid="skip-links">
      {links.map((link) => (
        <a key={link.target} href={`#${link.target}`} className="skip-link" onClick={go(link)}>
          {link.label}
        </a>
      ))}
    </nav>
  );
}
