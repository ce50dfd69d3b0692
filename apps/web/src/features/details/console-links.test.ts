import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { consoleLink } from "./console-links";

const topology = fieldReport as unknown as Topology;
const nodeById = (id: string) => topology.nodes.find((n) => n.id === id)!;

describe("consoleLink", () => {
  it("links each kind to its page in the region's console", () => {
    expect(consoleLink(nodeById("vpc-0e27fe36b5514a2ef"), "ap-northeast-1")?.url).toBe(
      "https://ap-northeast-1.console.aws.amazon.com/vpcconsole/home?region=ap-northeast-1#VpcDetails:VpcId=vpc-0e27fe36b5514a2ef",
    );
    expect(consoleLink(nodeById("vpce-00c3d5450f87e1973"), "ap-northeast-1")?.url).toContain(
      "#EndpointDetails:vpcEndpointId=vpce-00c3d5450f87e1973",
    );
    expect(consoleLink(nodeById("sg-01865685cfdf14862"), "ap-northeast-1")?.url).toContain(
      "/ec2/home?region=ap-northeast-1#SecurityGroup:groupId=sg-01865685cfdf14862",
    );
    expect(
      consoleLink(
        nodeById("arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev"),
        "ap-northeast-1",
      )?.url,
    ).toContain("/rds/home?region=ap-northeast-1#database:id=zenn-aurora-serverless-dev");
  });

  it("sends an association to its service network's page, where the console lists it", () => {
    const link = consoleLink(nodeById("snra-0258ae5ca1fffbb4a"), "ap-northeast-1");
    expect(decodeURIComponent(link!.url)).toContain("servicenetwork/sn-0b615c0ed1ca34177");
  });

  it("uses the partition's console host", () => {
    expect(consoleLink(nodeById("vpc-0e27fe36b5514a2ef"), "us-gov-west-1")?.url).toMatch(
      /^https:\/\/us-gov-west-1\.console\.amazonaws-us-gov\.com\//,
    );
  });
});
