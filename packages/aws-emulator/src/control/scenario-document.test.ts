import { ListServiceNetworksCommand } from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: "field-report" });
});
afterAll(() => h.close());

describe("POST /_emulator/scenario-document", () => {
  it("loads a scenario given as data, with the ids it names", async () => {
    const doc = {
      name: "tiny",
      description: "one network",
      region: "ap-northeast-1",
      vpcs: [
        { name: "vpc-0aaaaaaaaaaaaaaa1", id: "vpc-0aaaaaaaaaaaaaaa1", label: "app", cidr: "10.9.0.0/16", subnets: [] },
      ],
      serviceNetworks: [{ name: "tiny-net", id: "sn-0aaaaaaaaaaaaaaa2" }],
    };
    const response = await h.control("POST", "/_emulator/scenario-document", doc);
    expect(response.status).toBe(200);
    const networks = await h.lattice.send(new ListServiceNetworksCommand({}));
    expect(networks.items?.map((n) => n.id)).toEqual(["sn-0aaaaaaaaaaaaaaa2"]);
  });

  it("refuses a document that does not load, and leaves the state as it was", async () => {
    const before = await h.lattice.send(new ListServiceNetworksCommand({}));
    const response = await h.control("POST", "/_emulator/scenario-document", {
      name: "broken",
      region: "ap-northeast-1",
      vpcs: [],
      serviceNetworks: [{ name: "Not_A_Valid_Name" }],
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/name/);
    const after = await h.lattice.send(new ListServiceNetworksCommand({}));
    expect(after.items).toEqual(before.items);
  });
});
