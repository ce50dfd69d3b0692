import { describe, expect, it } from "vitest";
import type { ExportModel, ExportNode } from "./export-model";
import { mermaidComment, mermaidText, toMermaid } from "./mermaid";

/** Mermaid's own directive pattern (mermaid/src/utils.ts): what it would read as `%%{init: …}%%`. */
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;

const INJECTED = `db %%{init: {"theme":"dark","securityLevel":"loose","startOnLoad":true}}%% x`;

const rect = { x: 0, y: 0, width: 100, height: 40 };
const node = (id: string, title: string, lines: string[] = []): ExportNode => ({
  id,
  kind: "resourceConfiguration",
  title,
  lines,
  dnsNames: [],
  rect,
  container: false,
});

function hostileModel(): ExportModel {
  return {
    source: { id: "emulator", kind: "emulator", label: `acct %%{init: {"theme":"forest"}}%%` },
    region: "ap-northeast-1",
    accountId: "111122223333",
    nodes: [
      node("rcfg-1", INJECTED, [
        "%%{ init: { 'flowchart': { 'htmlLabels': true } } }%%",
        "%% comment",
        "`markdown` **x**",
      ]),
      node("rcfg-2", "line\u2028separated\u2029para\u202etxet\u0000nul\r\n%%{init: {}}%%"),
    ],
    edges: [{ id: "e1", source: "rcfg-1", target: "rcfg-2", variant: "sg-rule", label: "%%{init: {}}%%" }],
    bounds: { width: 200, height: 100 },
  } as unknown as ExportModel;
}

describe("Mermaid export: a name is text, never a directive", () => {
  it("no %%{…}%% directive can come out of a resource name, a source label or the title", () => {
    const text = toMermaid(hostileModel(), { title: `%%{init: {"theme":"dark"}}%%\nflowchart TB\n  x-->y` });
    expect([...text.matchAll(DIRECTIVE)]).toEqual([]);
    expect(text).not.toContain("%%{");
    // `%%` only opens our own two comment lines.
    const lines = text.split("\n");
    for (const line of lines) if (line.includes("%%")) expect(line.startsWith("%% "), line).toBe(true);
    expect(lines.filter((l) => l.startsWith("%%"))).toHaveLength(2);
    expect(text).toContain("#37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;");
  });

  it("separators, control and direction-override characters cannot start a line or hide text", () => {
    const text = toMermaid(hostileModel());
    for (const hidden of ["\u2028", "\u2029", "\u202e", "\u0000", "\r"]) expect(text).not.toContain(hidden);
    // Every label stays one quoted string: an even number of quotes on each line.
    for (const line of text.split("\n")) expect((line.match(/"/g) ?? []).length % 2, line).toBe(0);
    expect(mermaidText("a\u2028b")).toBe("a b");
  });

  it("backticks (Markdown strings, the end of a fenced block) are entity codes", () => {
    expect(mermaidText("```mermaid")).toBe("#96;#96;#96;mermaid");
    expect(toMermaid(hostileModel())).not.toContain("`");
  });

  it("a comment is one line without %", () => {
    expect(mermaidComment("50% done\n%%{init: {}}%%")).toBe("%% 50#37; done #37;#37;{init: {}}#37;#37;");
  });
});
