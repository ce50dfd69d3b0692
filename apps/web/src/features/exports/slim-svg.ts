/**
 * The browser side of slim-styles.ts: parse the SVG that html-to-image wrote, learn each tag's default computed
 * style in a blank, hidden iframe (no stylesheet), drop the declarations that change nothing, write the SVG back.
 * Anything unexpected (a parse error, no iframe) leaves the SVG as it was: a larger file, never a wrong picture.
 */
import { planSlimming, type StyleDefaults, type StyledElement } from "./slim-styles";

const SVG_NS = "http://www.w3.org/2000/svg";

function styleOf(element: Element & ElementCSSInlineStyle): Map<string, string> {
  const out = new Map<string, string>();
  const style = element.style;
  for (let i = 0; i < style.length; i++) {
    const property = style.item(i);
    out.set(property, style.getPropertyValue(property));
  }
  return out;
}

const hasStyle = (element: Element): element is Element & ElementCSSInlineStyle =>
  "style" in element && element.getAttribute("style") !== null;

function treeOf(element: Element, elements: Map<StyledElement, Element & ElementCSSInlineStyle>): StyledElement[] {
  const children = [...element.children].flatMap((child) => treeOf(child, elements));
  if (!hasStyle(element)) return children;
  const node: StyledElement = {
    tag: `${element.namespaceURI} ${element.localName}`,
    style: styleOf(element),
    children,
  };
  elements.set(node, element);
  return [node];
}

/** Unlikely values of inherited properties: a probe that shows them inherits them from its parent. */
const MARKER = [
  "color: rgb(1, 2, 3)",
  "font-family: atlas-probe",
  "font-size: 13.37px",
  "font-weight: 300",
  "font-style: italic",
  "font-variant: small-caps",
  "line-height: 17.3px",
  "letter-spacing: 0.37px",
  "word-spacing: 0.77px",
  "text-align: right",
  "text-transform: uppercase",
  "text-indent: 3.3px",
  "text-shadow: rgb(1, 2, 3) 1px 1px 1px",
  "text-rendering: geometricprecision",
  "white-space: pre",
  "word-break: break-all",
  "overflow-wrap: anywhere",
  "cursor: crosshair",
  "pointer-events: none",
  "visibility: hidden",
  "list-style-type: square",
  "fill: rgb(1, 2, 3)",
  "fill-opacity: 0.37",
  "stroke: rgb(1, 2, 3)",
  "stroke-width: 3.3px",
  "stroke-opacity: 0.37",
  "stroke-dasharray: 3px, 7px",
  "stroke-linecap: round",
  "stroke-linejoin: bevel",
  "-webkit-font-smoothing: none",
].join(";");

function computedMap(view: Window, element: Element): Map<string, string> {
  const computed = view.getComputedStyle(element);
  const values = new Map<string, string>();
  for (let i = 0; i < computed.length; i++) {
    const property = computed.item(i);
    values.set(property, computed.getPropertyValue(property));
  }
  return values;
}

function defaultsIn(sandbox: Document): (tag: string) => StyleDefaults {
  const view = sandbox.defaultView!;
  const cache = new Map<string, StyleDefaults>();
  const plain = sandbox.createElement("div");
  const marked = sandbox.createElement("div");
  marked.setAttribute("style", MARKER);
  for (const holder of [plain, marked]) holder.append(sandbox.createElementNS(SVG_NS, "svg"));
  sandbox.body.append(plain, marked);
  const markedValues = computedMap(view, marked);
  const plainValues = computedMap(view, plain);
  return (tag) => {
    const known = cache.get(tag);
    if (known) return known;
    const [namespace, name] = tag.split(" ") as [string, string];
    const probe = (holder: HTMLElement): Map<string, string> => {
      const element = sandbox.createElementNS(namespace === "null" ? null : namespace, name);
      (namespace === SVG_NS && name !== "svg" ? holder.firstElementChild! : holder).append(element);
      const values = computedMap(view, element);
      element.remove();
      return values;
    };
    const values = probe(plain);
    const underMarker = probe(marked);
    const inherits = new Set<string>();
    for (const [property, value] of markedValues)
      if (value !== plainValues.get(property) && underMarker.get(property) === value) inherits.add(property);
    const defaults = { values, inherits };
    cache.set(tag, defaults);
    return defaults;
  };
}

/** The same picture in far fewer bytes. */
export function slimSvg(svgText: string): string {
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
  if (parsed.querySelector("parsererror")) return svgText;
  const iframe = document.createElement("iframe");
  iframe.setAttribute("aria-hidden", "true");
  iframe.tabIndex = -1;
  iframe.style.cssText = "position:fixed;left:-10000px;top:0;width:800px;height:600px;visibility:hidden;border:0";
  document.body.append(iframe);
  try {
    const sandbox = iframe.contentDocument;
    if (!sandbox?.body) return svgText;
    const elements = new Map<StyledElement, Element & ElementCSSInlineStyle>();
    const roots = [...parsed.querySelectorAll("foreignObject")].flatMap((f) =>
      [...f.children].flatMap((child) => treeOf(child, elements)),
    );
    const defaultsOf = defaultsIn(sandbox);
    for (const root of roots)
      for (const { element, drop } of planSlimming(root, defaultsOf)) {
        const target = elements.get(element)!;
        for (const property of drop) target.style.removeProperty(property);
      }
    return new XMLSerializer().serializeToString(parsed);
  } finally {
    iframe.remove();
  }
}
