/** Pieces every EC2 handler uses: pagination bounds, tag specifications, lookups. */
import { paginate, type Page } from "../../../core/pagination.js";
import type { HandlerContext } from "../../../core/service.js";
import { ec2Error, ec2NotFound, invalidParameterValue } from "../errors.js";
import type { SecurityGroupRecord, SubnetRecord, Tag, VpcRecord } from "../state.js";

export function ec2Page<T>(
  ctx: HandlerContext,
  items: readonly T[],
  input: { MaxResults?: number | undefined; NextToken?: string | undefined },
  scope: string,
  bounds: { min: number; max: number } = { min: 5, max: 1000 },
): Page<T> {
  if (input.MaxResults !== undefined && (input.MaxResults < bounds.min || input.MaxResults > bounds.max)) {
    throw invalidParameterValue(
      `Value ( ${input.MaxResults} ) for parameter maxResults is invalid. Expecting a value between ${bounds.min} and ${bounds.max}.`,
    );
  }
  return paginate(items, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    scope: `${ctx.operation}:${scope}`,
    invalidToken: () => ec2Error("InvalidPaginationToken", "The pagination token is invalid."),
  });
}

export function tagsFor(
  specs:
    | Array<{
        ResourceType?: string | undefined;
        Tags?: Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined;
      }>
    | undefined,
  resourceType: string,
): Tag[] {
  return (specs ?? [])
    .filter((s) => !s.ResourceType || s.ResourceType === resourceType)
    .flatMap((s) => s.Tags ?? [])
    .map((t) => ({ Key: t.Key ?? "", Value: t.Value ?? "" }));
}

export function findVpc(ctx: HandlerContext, vpcId: string): VpcRecord {
  const vpc = ctx.state.ec2.vpcs[vpcId];
  if (!vpc) throw ec2NotFound("InvalidVpcID.NotFound", vpcId, "vpc");
  return vpc;
}

export function findSubnet(ctx: HandlerContext, subnetId: string): SubnetRecord {
  const subnet = ctx.state.ec2.subnets[subnetId];
  if (!subnet) throw ec2NotFound("InvalidSubnetID.NotFound", subnetId, "subnet");
  return subnet;
}

export function findGroup(ctx: HandlerContext, groupId: string): SecurityGroupRecord {
  const group = ctx.state.ec2.securityGroups[groupId];
  if (!group) throw ec2Error("InvalidGroup.NotFound", `The security group '${groupId}' does not exist`);
  return group;
}

export function byIds<T>(all: Record<string, T>, ids: string[] | undefined, notFound: (id: string) => Error): T[] {
  if (!ids || ids.length === 0) return Object.values(all);
  return ids.map((id) => {
    const record = all[id];
    if (!record) throw notFound(id);
    return record;
  });
}
