/**
 * A row of buttons that is one stop of the Tab key (WAI-ARIA toolbar): the arrow keys, Home and End move among its
 * buttons, so a list of cards with three buttons each costs one Tab per card, not three.
 */
import { useRef, type ReactNode } from "react";
import { useRovingFocus } from "../roving";

export function Toolbar({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(ref, "horizontal", "button");
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      className={className}
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      {children}
    </div>
  );
}
