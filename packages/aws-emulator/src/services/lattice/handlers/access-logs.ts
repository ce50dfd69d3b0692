/**
 * Access log subscriptions: a service network, service or resource
 * configuration sends its access logs to an S3 bucket, a CloudWatch Logs log
 * group or a Firehose delivery stream. A service network has two kinds of logs
 * (`serviceNetworkLogType` SERVICE or RESOURCE), each with at most one
 * subscription per kind of destination.
 */
import type {
  CreateAccessLogSubscriptionRequest,
  DeleteAccessLogSubscriptionRequest,
  GetAccessLogSubscriptionRequest,
  ListAccessLogSubscriptionsRequest,
  UpdateAccessLogSubscriptionRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { RegionState } from "../../../core/region.js";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { conflict, invalid, notFound } from "../errors.js";
import type { AccessLogSubscriptionRecord } from "../state.js";
import { idFromIdentifier, idempotent, latticeArn, resolve, setTags, toDate } from "../support.js";
import { listPage, touch } from "./common.js";

const LOG_TYPES = ["SERVICE", "RESOURCE"];

/** sn-/svc-/rcfg- id, or the ARN of one (the model's pattern for `resourceIdentifier`). */
const RESOURCE_IDENTIFIER =
  /^(((sn|svc|rcfg)-[0-9a-z]{17})|(arn:aws[a-z0-9-]*:vpc-lattice:[a-z0-9-]+:\d{12}:((servicenetwork\/sn)|(service\/svc)|(resourceconfiguration\/rcfg))-[0-9a-z]{17}))$/;

/** The kinds of destination AWS delivers access logs to, by the ARN's service. */
const DESTINATIONS: Array<{ kind: string; pattern: RegExp }> = [
  { kind: "S3", pattern: /^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/ },
  {
    kind: "CloudWatchLogs",
    pattern: /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[A-Za-z0-9_\-/.#]{1,512}(:\*)?$/,
  },
  { kind: "Firehose", pattern: /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[A-Za-z0-9_.-]{1,64}$/ },
];

function destinationKind(arn: string): string {
  if (arn.length < 20 || arn.length > 2048)
    throw invalid("destinationArn", "Member must have length between 20 and 2048");
  const match = DESTINATIONS.find((d) => d.pattern.test(arn));
  if (!match) {
    throw invalid(
      "destinationArn",
      "The destination must be the ARN of an S3 bucket (arn:aws:s3:::bucket), a CloudWatch Logs log group (arn:aws:logs:<region>:<account>:log-group:<name>) or a Firehose delivery stream (arn:aws:firehose:<region>:<account>:deliverystream/<name>).",
    );
  }
  return match.kind;
}

/** The service network, service or resource configuration a subscription belongs to. */
function subscribable(ctx: HandlerContext, identifier: string): { id: string; arn: string; kind: string } {
  if (!RESOURCE_IDENTIFIER.test(identifier)) {
    throw invalid(
      "resourceIdentifier",
      "Member must be the id or ARN of a service network (sn-…), a service (svc-…) or a resource configuration (rcfg-…)",
    );
  }
  const id = idFromIdentifier(identifier);
  const l = ctx.state.lattice;
  const record = id.startsWith("sn-")
    ? l.serviceNetworks[id]
    : id.startsWith("svc-")
      ? l.services[id]
      : l.resourceConfigurations[id];
  if (!record || (identifier.startsWith("arn:") && record.arn !== identifier)) {
    const [type, noun] = id.startsWith("sn-")
      ? ["SERVICE_NETWORK", "Service network"]
      : id.startsWith("svc-")
        ? ["SERVICE", "Service"]
        : ["RESOURCE_CONFIGURATION", "Resource configuration"];
    throw notFound(type, id, noun);
  }
  return { id, arn: record.arn, kind: id.split("-")[0]! };
}

function view(a: AccessLogSubscriptionRecord) {
  return {
    id: a.id,
    arn: a.arn,
    resourceId: a.resourceId,
    resourceArn: a.resourceArn,
    destinationArn: a.destinationArn,
    createdAt: toDate(a.createdAt),
    lastUpdatedAt: toDate(a.lastUpdatedAt),
    serviceNetworkLogType: a.serviceNetworkLogType,
  };
}

function findSubscription(ctx: HandlerContext, identifier: string): AccessLogSubscriptionRecord {
  return resolve(
    ctx.state.lattice.accessLogSubscriptions,
    identifier,
    "ACCESS_LOG_SUBSCRIPTION",
    "Access log subscription",
  );
}

function subscriptionsOf(state: RegionState, resourceId: string): AccessLogSubscriptionRecord[] {
  return Object.values(state.lattice.accessLogSubscriptions).filter((a) => a.resourceId === resourceId);
}

/** One subscription per kind of destination (and, on a service network, per log type). */
function checkClash(ctx: HandlerContext, candidate: AccessLogSubscriptionRecord, kind: string): void {
  const clash = subscriptionsOf(ctx.state, candidate.resourceId).find(
    (other) =>
      other.id !== candidate.id &&
      destinationKind(other.destinationArn) === kind &&
      other.serviceNetworkLogType === candidate.serviceNetworkLogType,
  );
  if (clash) {
    throw conflict(
      "ACCESS_LOG_SUBSCRIPTION",
      clash.id,
      `${candidate.resourceId} already has access log subscription ${clash.id} to a ${kind} destination${candidate.serviceNetworkLogType ? ` for ${candidate.serviceNetworkLogType} logs` : ""}; a resource has one subscription per kind of destination.`,
    );
  }
}

const createSubscription: Handler = (input: CreateAccessLogSubscriptionRequest, ctx) =>
  idempotent(
    ctx,
    input,
    () => {
      const owner = subscribable(ctx, input.resourceIdentifier!);
      const kind = destinationKind(input.destinationArn!);
      const logType = input.serviceNetworkLogType;
      if (logType !== undefined && !LOG_TYPES.includes(logType)) {
        throw invalid("serviceNetworkLogType", `Member must satisfy enum value set: [${LOG_TYPES.join(", ")}]`);
      }
      if (logType !== undefined && owner.kind !== "sn") {
        throw invalid("serviceNetworkLogType", "Only subscriptions of a service network take a log type.");
      }
      const id = ctx.ids.id("als");
      const record: AccessLogSubscriptionRecord = {
        id,
        arn: latticeArn(ctx, `accesslogsubscription/${id}`),
        resourceId: owner.id,
        resourceArn: owner.arn,
        destinationArn: input.destinationArn!,
        ...(owner.kind === "sn" ? { serviceNetworkLogType: logType ?? "SERVICE" } : {}),
        createdAt: ctx.nowIso,
        lastUpdatedAt: ctx.nowIso,
      };
      checkClash(ctx, record, kind);
      ctx.state.lattice.accessLogSubscriptions[id] = record;
      setTags(ctx, record.arn, input.tags);
      const { createdAt: _c, lastUpdatedAt: _l, ...response } = view(record);
      return { id, response };
    },
    (id) => {
      const record = ctx.state.lattice.accessLogSubscriptions[id];
      if (!record) return undefined;
      const { createdAt: _c, lastUpdatedAt: _l, ...response } = view(record);
      return response;
    },
  );

const getSubscription: Handler = (input: GetAccessLogSubscriptionRequest, ctx) =>
  view(findSubscription(ctx, input.accessLogSubscriptionIdentifier!));

const listSubscriptions: Handler = (input: ListAccessLogSubscriptionsRequest, ctx) => {
  const owner = subscribable(ctx, input.resourceIdentifier!);
  const page = listPage(ctx, subscriptionsOf(ctx.state, owner.id), input, owner.id);
  return { items: page.items.map(view), nextToken: page.nextToken };
};

const updateSubscription: Handler = (input: UpdateAccessLogSubscriptionRequest, ctx) => {
  const record = findSubscription(ctx, input.accessLogSubscriptionIdentifier!);
  const kind = destinationKind(input.destinationArn!);
  checkClash(ctx, { ...record, destinationArn: input.destinationArn! }, kind);
  record.destinationArn = input.destinationArn!;
  touch(record, ctx);
  const { createdAt: _c, lastUpdatedAt: _l, serviceNetworkLogType: _t, ...response } = view(record);
  return response;
};

const deleteSubscription: Handler = (input: DeleteAccessLogSubscriptionRequest, ctx) => {
  const record = findSubscription(ctx, input.accessLogSubscriptionIdentifier!);
  delete ctx.state.lattice.accessLogSubscriptions[record.id];
  delete ctx.state.lattice.tags[record.arn];
  return undefined;
};

/** A deleted service network, service or resource configuration takes its subscriptions with it. */
export function removeAccessLogSubscriptionsOf(state: RegionState, resourceId: string): void {
  for (const record of subscriptionsOf(state, resourceId)) {
    delete state.lattice.accessLogSubscriptions[record.id];
    delete state.lattice.tags[record.arn];
  }
}

export const accessLogHandlers: Record<string, Handler> = {
  CreateAccessLogSubscription: createSubscription,
  GetAccessLogSubscription: getSubscription,
  ListAccessLogSubscriptions: listSubscriptions,
  UpdateAccessLogSubscription: updateSubscription,
  DeleteAccessLogSubscription: deleteSubscription,
};
