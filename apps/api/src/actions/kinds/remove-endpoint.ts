/** EC2 DeleteVpcEndpoints for one Resource or ServiceNetwork endpoint (partial failures come back in Unsuccessful). */
import { isGoing } from "@lattice-atlas/shared";
import { cfnRemoval, cli, hclRemoval } from "../codify-writers.js";
import { notFound } from "../findings.js";
import type { KindOf } from "./kind.js";

export const removeEndpoint: KindOf<"remove-endpoint"> = {
  resourceKind: "vpcEndpoint",

  preflight(action, { f, index, resolved }) {
    const endpoint = index.get(action.endpointId, "vpcEndpoint");
    resolved.summary = `Delete VPC endpoint ${action.endpointId}.`;
    if (!endpoint) {
      notFound(f, "VPC endpoint", action.endpointId);
      return;
    }
    resolved.summary = `Delete ${endpoint.data.endpointType} VPC endpoint ${endpoint.id} in ${endpoint.data.vpcId}.`;
    if (isGoing(endpoint.data.state))
      f.blocking(
        "BUSY",
        `Endpoint ${endpoint.id} is already being deleted.`,
        "Nothing to do; poll its status until it is gone.",
        {
          subject: endpoint.id,
        },
      );
  },

  calls: (a) => [{ service: "ec2", operation: "DeleteVpcEndpoints", input: { VpcEndpointIds: [a.endpointId] } }],
  cli: (a, resolved) => cli("ec2 delete-vpc-endpoints", [["--vpc-endpoint-ids", [a.endpointId]]], resolved.region),
  terraform: (a) => hclRemoval("VPC endpoint", a.endpointId, "aws_vpc_endpoint"),
  cloudformation: (a) => cfnRemoval(a.endpointId, "AWS::EC2::VPCEndpoint"),
};
