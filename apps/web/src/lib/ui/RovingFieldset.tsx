/**
 * A fieldset of checkboxes that is one stop of the Tab key: the arrow keys (Home, End) move among its boxes and
 * Space ticks them, so a dozen filters are not in the way of the keyboard on its way to the diagram or the answer.
 */
import { useRef, type ReactNode } from "react";
import { useRovingFocus } from "../roving";

export function RovingFieldset({
  legend,
  className,
  children,
}: {
  legend: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFieldSetElement>(null);
  const roving = useRovingFocus(ref, "both", 'input[type="checkbox"]');
  return (
    <fieldset ref={ref} className={className} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
