/**
 * The diagram's colours as CSS, generated from the one table of node-kind,
 * pattern and line colours (lib/node-kinds.ts, edge-styles.ts) and installed
 * once at start-up. A node or line only carries its class (`kind-vpc`,
 * `edge-endpoint-resource`); the rules here give the class its colour as a
 * custom property, which app.css uses for borders, icons and strokes. So the
 * CSS, the minimap, the legend and the exports cannot drift apart, and a new
 * kind gets its colour without a line of CSS.
 *
 * The class rules have no specificity (`:where`), so that any rule of app.css
 * (a tone of a VPC endpoint, a failing hop, a change in flight) still wins
 * wherever the generated style lands in the document.
 */
import { NODE_KIND_COLOR, PATTERN_COLOR } from "../../lib/node-kinds";
import { inkOnDark } from "./dark-ink";
import { EDGE_COLOR } from "./edge-styles";

/** The rules of one scheme, each ink passed through `ink` (as it is for light, lightened for dark). */
function schemeRules(ink: (color: string) => string): string[] {
  const rules = [
    `:root{--p1:${ink(PATTERN_COLOR.resourceEndpoint.ink)};--p2:${ink(PATTERN_COLOR.serviceNetworkEndpoint.ink)};--p3:${ink(PATTERN_COLOR.vpcAssociation.ink)}}`,
  ];
  for (const [kind, color] of Object.entries(NODE_KIND_COLOR))
    rules.push(`:where(.kind-${kind}){--kind-color:${ink(color.ink)}}`);
  for (const [variant, color] of Object.entries(EDGE_COLOR))
    rules.push(`:where(.edge-${variant}){--edge-color:${ink(color)}}`);
  return rules;
}

/** The light scheme's rules, then the same colours lightened for the dark scheme (prefers-color-scheme). */
export function diagramColorCss(): string {
  return [
    ...schemeRules((color) => color),
    `@media (prefers-color-scheme: dark){${schemeRules(inkOnDark).join("\n")}}`,
  ].join("\n");
}

/** Adds the generated rules to the page (once, before the first render). */
export function installDiagramColors(document: Document): void {
  const id = "atlas-diagram-colors";
  if (document.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = diagramColorCss();
  document.head.append(style);
}
