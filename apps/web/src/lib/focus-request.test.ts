import { describe, expect, it } from "vitest";
import { requestFocus, takeFocusRequest } from "./focus-request";

describe("focus requests", () => {
  it("are taken once, by their own key only", () => {
    requestFocus("connect-answer");
    expect(takeFocusRequest("details")).toBe(false);
    expect(takeFocusRequest("connect-answer")).toBe(true);
    expect(takeFocusRequest("connect-answer")).toBe(false);
  });

  it("keep only the latest request", () => {
    requestFocus("a");
    requestFocus("b");
    expect(takeFocusRequest("a")).toBe(false);
    expect(takeFocusRequest("b")).toBe(true);
  });
});
