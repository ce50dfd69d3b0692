import { describe, expect, it } from "vitest";
import { droppable, planSlimming, type StyleDefaults, type StyledElement } from "./slim-styles";

const map = (entries: Record<string, string>) => new Map(Object.entries(entries));
const DIV_DEFAULTS: StyleDefaults = {
  values: map({ display: "block", color: "rgb(0, 0, 0)", "padding-top": "0px", "font-size": "16px" }),
  inherits: new Set(["color", "font-size"]),
};

describe("dropping computed styles that change nothing", () => {
  it("on the root keeps only what differs from the defaults", () => {
    const root: StyledElement = {
      tag: "div",
      style: map({ display: "block", color: "rgb(255, 0, 0)", "padding-top": "0px" }),
      children: [],
    };
    expect(droppable(root, undefined, DIV_DEFAULTS).sort()).toEqual(["display", "padding-top"]);
  });

  it("drops an inherited property equal to the parent's, even when it is not the default", () => {
    const child: StyledElement = { tag: "div", style: map({ color: "rgb(255, 0, 0)" }), children: [] };
    expect(droppable(child, map({ color: "rgb(255, 0, 0)" }), DIV_DEFAULTS)).toEqual(["color"]);
  });

  it("keeps an inherited default that the parent overrides: dropping it would inherit the parent's", () => {
    const child: StyledElement = { tag: "div", style: map({ color: "rgb(0, 0, 0)" }), children: [] };
    expect(droppable(child, map({ color: "rgb(255, 0, 0)" }), DIV_DEFAULTS)).toEqual([]);
  });

  it("keeps a non-inherited value equal to the parent's but not the default (padding is not inherited)", () => {
    const child: StyledElement = { tag: "div", style: map({ "padding-top": "8px" }), children: [] };
    expect(droppable(child, map({ "padding-top": "8px" }), DIV_DEFAULTS)).toEqual([]);
  });

  it("keeps a form control's colour equal to its parent's: its user-agent rule would set another", () => {
    const button: StyledElement = { tag: "button", style: map({ color: "rgb(255, 0, 0)" }), children: [] };
    const buttonDefaults: StyleDefaults = { values: map({ color: "rgb(0, 0, 0)" }), inherits: new Set() };
    expect(droppable(button, map({ color: "rgb(255, 0, 0)" }), buttonDefaults)).toEqual([]);
  });

  it("drops a property it does not know to be inherited only when it is both the default and the parent's", () => {
    const child: StyledElement = { tag: "div", style: map({ "padding-top": "0px" }), children: [] };
    expect(droppable(child, map({ "padding-top": "0px" }), DIV_DEFAULTS)).toEqual(["padding-top"]);
    expect(droppable(child, map({ "padding-top": "4px" }), DIV_DEFAULTS)).toEqual([]);
  });

  it("plans the whole tree against the parents' values as drawn", () => {
    const leaf: StyledElement = {
      tag: "span",
      style: map({ color: "rgb(255, 0, 0)", display: "inline" }),
      children: [],
    };
    const root: StyledElement = {
      tag: "div",
      style: map({ color: "rgb(255, 0, 0)", display: "block" }),
      children: [leaf],
    };
    const spanDefaults: StyleDefaults = { values: map({ display: "inline" }), inherits: new Set(["color"]) };
    const plan = planSlimming(root, (tag) => (tag === "span" ? spanDefaults : DIV_DEFAULTS));
    expect(plan.map((p) => [p.element.tag, p.drop.sort()])).toEqual([
      ["div", ["display"]],
      // display: inline is the span's default but not its parent's value (block): kept, not inherited anyway.
      ["span", ["color"]],
    ]);
  });
});
