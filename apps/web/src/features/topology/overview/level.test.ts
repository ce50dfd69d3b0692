import { describe, expect, it } from "vitest";
import { diagramLevel, drawsEveryNode } from "./level";

describe("diagram level", () => {
  it("opens large topologies on the overview and small ones on every node, unless the URL says", () => {
    expect(diagramLevel({}, 7138)).toBe("overview");
    expect(diagramLevel({}, 120)).toBe("detail");
    expect(diagramLevel({ level: "detail" }, 7138)).toBe("detail");
    expect(diagramLevel({ level: "overview" }, 120)).toBe("overview");
  });

  it("lays out every node only when that diagram is on screen", () => {
    expect(drawsEveryNode({}, 120)).toBe(true);
    expect(drawsEveryNode({}, 7138)).toBe(false);
    expect(drawsEveryNode({ level: "detail" }, 7138)).toBe(true);
    expect(drawsEveryNode({ level: "detail", display: "table" }, 7138)).toBe(false);
  });
});
