import { describe, expect, it } from "vitest";
import { destinationKind } from "./lattice-details";

describe("access log destinations", () => {
  it("names the kind of destination by its ARN", () => {
    expect(destinationKind("arn:aws:s3:::payments-access-logs")).toBe("S3 bucket");
    expect(destinationKind("arn:aws:logs:us-east-1:111122223333:log-group:lattice")).toBe("CloudWatch Logs group");
    expect(destinationKind("arn:aws:firehose:us-east-1:111122223333:deliverystream/x")).toBe("Data Firehose stream");
    expect(destinationKind("arn:aws:sqs:us-east-1:111122223333:q")).toBe("destination");
  });
});
