/** ARNs and identifiers as the AWS calls of a change need them. */

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export const latticeArn = (accountId: string, region: string, path: string): string =>
  `arn:${partitionOf(region)}:vpc-lattice:${region}:${accountId}:${path}`;

/** The id at the end of an ARN, or the reference itself. */
export const idOf = (reference: string): string =>
  reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;

export const accountOfArn = (arn: string): string | undefined => arn.split(":")[4];
