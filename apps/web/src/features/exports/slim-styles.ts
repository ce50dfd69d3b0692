/**
 * html-to-image writes every element's whole computed style into the SVG (some 350 properties each), which makes
 * a 31-node diagram a 2.5 MB file. Most of those declarations say what the element would have anyway. This drops
 * a declaration when removing it cannot change what is drawn:
 *  - it equals the element's default (its tag with no stylesheet) AND its parent's value: whether the property is
 *    inherited or not, the element ends up with that same value;
 *  - or the element inherits the property (measured per tag) and it equals the parent's value;
 *  - on the root, it equals the default: the SVG image has no stylesheet, so nothing else comes from above.
 * Pure: styles in, the properties to drop out. The browser adapter (slim-svg.ts) reads and writes the DOM.
 */

export type StyleMap = ReadonlyMap<string, string>;

export interface StyledElement {
  /** Namespace and local name: the key of the defaults. */
  tag: string;
  style: StyleMap;
  children: readonly StyledElement[];
}

/** What an element gets with no declaration of its own: its tag's values, and which properties it inherits. */
export interface StyleDefaults {
  /** Computed with no stylesheet: the user agent's rules for the tag, the initial values, or inherited ones. */
  values: StyleMap;
  /** Properties the tag takes from its parent: measured, so a form control (whose user-agent rules set its font,
   * colour and alignment) is not mistaken for a plain box. */
  inherits: ReadonlySet<string>;
}

/** The declarations of `element` that can go, given its parent's style (undefined on the root). */
export function droppable(element: StyledElement, parent: StyleMap | undefined, defaults: StyleDefaults): string[] {
  const out: string[] = [];
  for (const [property, value] of element.style) {
    const isDefault = defaults.values.get(property) === value;
    const fromParent = parent?.get(property) === value;
    if (parent === undefined ? isDefault : (isDefault && fromParent) || (fromParent && defaults.inherits.has(property)))
      out.push(property);
  }
  return out;
}

/** Every element with what it can drop, parents before children. */
export function planSlimming(
  root: StyledElement,
  defaultsOf: (tag: string) => StyleDefaults,
): Array<{ element: StyledElement; drop: string[] }> {
  const plan: Array<{ element: StyledElement; drop: string[] }> = [];
  const visit = (element: StyledElement, parent: StyleMap | undefined): void => {
    plan.push({ element, drop: droppable(element, parent, defaultsOf(element.tag)) });
    // Children are judged against the parent's values as drawn, which dropping does not change.
    for (const child of element.children) visit(child, element.style);
  };
  visit(root, undefined);
  return plan;
}
