/** Auth policies, resource policies and tags. */
import type {
  DeleteAuthPolicyRequest,
  DeleteResourcePolicyRequest,
  GetAuthPolicyRequest,
  GetResourcePolicyRequest,
  ListTagsForResourceRequest,
  PutAuthPolicyRequest,
  PutResourcePolicyRequest,
  TagResourceRequest,
  UntagResourceRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { invalid, notFound } from "../errors.js";
import { idFromIdentifier, toDate } from "../support.js";

/** Every Lattice record with an ARN, by ARN. */
function findArnOwner(ctx: HandlerContext, arn: string): { arn: string; authType?: string } | undefined {
  const l = ctx.state.lattice;
  const id = idFromIdentifier(arn);
  const collections = [
    l.serviceNetworks,
    l.services,
    l.listeners,
    l.rules,
    l.targetGroups,
    l.resourceGateways,
    l.resourceConfigurations,
    l.vpcAssociations,
    l.resourceAssociations,
    l.serviceAssociations,
    l.resourceEndpointAssociations,
    l.accessLogSubscriptions,
    l.domainVerifications,
  ] as Array<Record<string, { arn: string; authType?: string }>>;
  for (const collection of collections) {
    const record = collection[id];
    if (record && (record.arn === arn || !arn.startsWith("arn:"))) return record;
  }
  return undefined;
}

/** Auth policies attach to service networks and services (id or ARN). */
function authPolicyOwner(ctx: HandlerContext, identifier: string): { arn: string; authType?: string } {
  const id = idFromIdentifier(identifier);
  const owner = ctx.state.lattice.serviceNetworks[id] ?? ctx.state.lattice.services[id];
  if (!owner || (identifier.startsWith("arn:") && owner.arn !== identifier)) {
    throw notFound("AUTH_POLICY_RESOURCE", identifier, "Service network or service");
  }
  return owner;
}

const getAuthPolicy: Handler = (input: GetAuthPolicyRequest, ctx) => {
  const owner = authPolicyOwner(ctx, input.resourceIdentifier!);
  const policy = ctx.state.lattice.authPolicies[owner.arn];
  const state = owner.authType === "AWS_IAM" ? "Active" : "Inactive";
  // No policy set: 200 without a policy field, as AWS answers.
  if (!policy) return { state };
  return {
    policy: policy.policy,
    state,
    createdAt: toDate(policy.createdAt),
    lastUpdatedAt: toDate(policy.lastUpdatedAt),
  };
};

const putAuthPolicy: Handler = (input: PutAuthPolicyRequest, ctx) => {
  const owner = authPolicyOwner(ctx, input.resourceIdentifier!);
  const existing = ctx.state.lattice.authPolicies[owner.arn];
  ctx.state.lattice.authPolicies[owner.arn] = {
    policy: input.policy!,
    createdAt: existing?.createdAt ?? ctx.nowIso,
    lastUpdatedAt: ctx.nowIso,
  };
  return { policy: input.policy, state: owner.authType === "AWS_IAM" ? "Active" : "Inactive" };
};

const deleteAuthPolicy: Handler = (input: DeleteAuthPolicyRequest, ctx) => {
  const owner = authPolicyOwner(ctx, input.resourceIdentifier!);
  delete ctx.state.lattice.authPolicies[owner.arn];
  return undefined;
};

const POLICY_ARN = /:(servicenetwork\/sn|service\/svc|resourceconfiguration\/rcfg)-[0-9a-z]{17}$/;

function resourcePolicyOwner(ctx: HandlerContext, arn: string): { arn: string } {
  if (!POLICY_ARN.test(arn)) {
    throw invalid(
      "resourceArn",
      "Resource policies attach to service networks, services and resource configurations (by ARN).",
    );
  }
  const owner = findArnOwner(ctx, arn);
  if (!owner) throw notFound("RESOURCE", arn, "Resource");
  return owner;
}

const getResourcePolicy: Handler = (input: GetResourcePolicyRequest, ctx) => {
  const owner = resourcePolicyOwner(ctx, input.resourceArn!);
  const policy = ctx.state.lattice.resourcePolicies[owner.arn];
  return policy ? { policy: policy.policy } : {};
};

const putResourcePolicy: Handler = (input: PutResourcePolicyRequest, ctx) => {
  const owner = resourcePolicyOwner(ctx, input.resourceArn!);
  ctx.state.lattice.resourcePolicies[owner.arn] = {
    policy: input.policy!,
    createdAt: ctx.nowIso,
    lastUpdatedAt: ctx.nowIso,
  };
  return {};
};

const deleteResourcePolicy: Handler = (input: DeleteResourcePolicyRequest, ctx) => {
  const owner = resourcePolicyOwner(ctx, input.resourceArn!);
  delete ctx.state.lattice.resourcePolicies[owner.arn];
  return undefined;
};

function taggable(ctx: HandlerContext, arn: string): string {
  const owner = findArnOwner(ctx, arn);
  if (!owner || owner.arn !== arn) throw notFound("RESOURCE", arn, "Resource");
  return owner.arn;
}

const listTagsForResource: Handler = (input: ListTagsForResourceRequest, ctx) => ({
  tags: { ...(ctx.state.lattice.tags[taggable(ctx, input.resourceArn!)] ?? {}) },
});

const tagResource: Handler = (input: TagResourceRequest, ctx) => {
  const arn = taggable(ctx, input.resourceArn!);
  const merged = { ...(ctx.state.lattice.tags[arn] ?? {}), ...(input.tags ?? {}) };
  if (Object.keys(merged).length > 200) throw invalid("tags", "A resource can have at most 200 tags.");
  ctx.state.lattice.tags[arn] = merged;
  return {};
};

const untagResource: Handler = (input: UntagResourceRequest, ctx) => {
  const arn = taggable(ctx, input.resourceArn!);
  const tags = ctx.state.lattice.tags[arn];
  if (tags) for (const key of input.tagKeys ?? []) delete tags[key];
  return {};
};

export const policyHandlers: Record<string, Handler> = {
  GetAuthPolicy: getAuthPolicy,
  PutAuthPolicy: putAuthPolicy,
  DeleteAuthPolicy: deleteAuthPolicy,
  GetResourcePolicy: getResourcePolicy,
  PutResourcePolicy: putResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  ListTagsForResource: listTagsForResource,
  TagResource: tagResource,
  UntagResource: untagResource,
};
