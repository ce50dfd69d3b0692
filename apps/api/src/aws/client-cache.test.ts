import { describe, expect, it } from "vitest";
import { ClientCache } from "./client-cache.js";
import { createAwsClients, type AwsClients } from "./clients.js";

/** Real SDK client sets (no call is made), with their destroy() counted. */
function tracked(destroyed: string[]) {
  return (name: string) => (): AwsClients => {
    const clients = createAwsClients({ kind: "emulator", endpoint: "http://127.0.0.1:1" }, "us-east-1");
    const destroy = clients.destroy;
    return {
      ...clients,
      destroy: () => {
        destroyed.push(name);
        destroy();
      },
    };
  };
}

describe("the client cache", () => {
  it("keeps at most its bound of sets and destroys the least recently used one on eviction", () => {
    const destroyed: string[] = [];
    const make = tracked(destroyed);
    const cache = new ClientCache(2);
    const ana = cache.get("ana|111122223333|us-east-1", make("ana"));
    cache.get("bo|111122223333|us-east-1", make("bo"));
    // A hit answers the same set and makes it the newest.
    expect(cache.get("ana|111122223333|us-east-1", make("ana-again"))).toBe(ana);
    cache.get("cy|111122223333|us-east-1", make("cy"));
    expect(destroyed).toEqual(["bo"]);
    expect(cache.size).toBe(2);
    // bo is made again (a new set); ana, now the oldest, goes.
    cache.get("bo|111122223333|us-east-1", make("bo-2"));
    expect(destroyed).toEqual(["bo", "ana"]);
    cache.clear();
    expect(destroyed.sort()).toEqual(["ana", "bo", "bo-2", "cy"]);
    expect(cache.size).toBe(0);
  });

  it("refuses a bound below one set", () => {
    expect(() => new ClientCache(0)).toThrow(/at least 1/);
  });
});
