import { describe, expect, it } from "vitest";
import { namedChange } from "./action-words";

describe("namedChange", () => {
  const names = new Map([
    ["vpc-01b756631b8947260", "consumer-000"],
    ["sn-00743da0a06368a93", "sn-net-005"],
  ]);
  const nameOf = (id: string) => names.get(id);

  it("says the kind of change and its subject with the topology's names", () => {
    expect(
      namedChange(
        {
          type: "create-service-network-endpoint",
          vpcId: "vpc-01b756631b8947260",
          serviceNetworkId: "sn-00743da0a06368a93",
          subnetIds: ["subnet-01542074b0625086c"],
        },
        nameOf,
      ),
    ).toBe("ServiceNetwork endpoint consumer-000 → sn-net-005");
  });

  it("keeps an id the topology does not name", () => {
    expect(
      namedChange(
        { type: "associate-vpc", vpcId: "vpc-0aaaaaaaaaaaaaaaa", serviceNetworkId: "sn-00743da0a06368a93" },
        nameOf,
      ),
    ).toBe("VPC association vpc-0aaaaaaaaaaaaaaaa → sn-net-005");
  });
});
