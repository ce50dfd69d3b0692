import { describe, expect, it } from "vitest";
import { signInUrl } from "./sign-in";

describe("sign-in URL", () => {
  it("comes back to the page and its view state", () => {
    expect(signInUrl({ pathname: "/v/v123", search: "?vpc=vpc-1", hash: "" })).toBe(
      "/auth/login?returnTo=%2Fv%2Fv123%3Fvpc%3Dvpc-1",
    );
  });
  it("never to another site", () => {
    expect(signInUrl({ pathname: "//evil.example", search: "", hash: "" })).toBe("/auth/login?returnTo=%2F");
  });
});
