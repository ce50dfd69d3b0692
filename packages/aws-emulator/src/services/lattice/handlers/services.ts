/** Lattice services, listeners, target groups and their targets. */
import type {
  CreateListenerRequest,
  CreateServiceRequest,
  CreateTargetGroupRequest,
  DeleteListenerRequest,
  DeleteServiceRequest,
  DeleteTargetGroupRequest,
  DeregisterTargetsRequest,
  GetListenerRequest,
  GetServiceRequest,
  GetTargetGroupRequest,
  ListListenersRequest,
  ListServicesRequest,
  ListTargetGroupsRequest,
  ListTargetsRequest,
  RegisterTargetsRequest,
  UpdateListenerRequest,
  UpdateServiceRequest,
  UpdateTargetGroupRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { conflict, invalid, notFound, quotaExceeded } from "../errors.js";
import {
  listenersByService,
  listenerTable,
  servicesByName,
  serviceAssociationsByService,
  serviceTable,
  targetGroupsByName,
  targetGroupTable,
} from "../indexes.js";
import type { ListenerRecord, ServiceRecord, TargetGroupRecord, TargetRecord } from "../state.js";
import { idempotent, idFromIdentifier, latticeArn, resolve, serviceDnsEntry, setTags, toDate } from "../support.js";
import { removeAccessLogSubscriptionsOf } from "./access-logs.js";
import { listPage, touch } from "./common.js";
import { foreignRecord, sharedRecords } from "../sharing.js";

const LISTENERS_PER_SERVICE = 2;

export function findService(ctx: HandlerContext, identifier: string): ServiceRecord {
  return (
    foreignRecord(ctx, "service", identifier) ?? resolve(ctx.state.lattice.services, identifier, "SERVICE", "Service")
  );
}

export function findTargetGroup(ctx: HandlerContext, identifier: string): TargetGroupRecord {
  return resolve(ctx.state.lattice.targetGroups, identifier, "TARGET_GROUP", "Target group");
}

export function findListener(ctx: HandlerContext, service: ServiceRecord, identifier: string): ListenerRecord {
  const listener = ctx.state.lattice.listeners[idFromIdentifier(identifier)];
  if (!listener || listener.serviceId !== service.id) {
    throw notFound("LISTENER", idFromIdentifier(identifier), "Listener");
  }
  return listener;
}

function serviceView(s: ServiceRecord) {
  return {
    id: s.id,
    name: s.name,
    arn: s.arn,
    createdAt: toDate(s.createdAt),
    lastUpdatedAt: toDate(s.lastUpdatedAt),
    dnsEntry: s.dnsEntry,
    customDomainName: s.customDomainName,
    certificateArn: s.certificateArn,
    status: s.status,
    authType: s.authType,
    idleTimeoutSeconds: s.idleTimeoutSeconds,
    failureCode: s.failureCode,
    failureMessage: s.failureMessage,
  };
}

const createService: Handler = (input: CreateServiceRequest, ctx) =>
  idempotent(
    ctx,
    input,
    () => {
      if (servicesByName.has(ctx.state, input.name!)) {
        throw conflict("SERVICE", input.name!, `A service named ${input.name} already exists.`);
      }
      const id = ctx.ids.id("svc");
      const record: ServiceRecord = {
        id,
        arn: latticeArn(ctx, `service/${id}`),
        name: input.name!,
        status: "CREATE_IN_PROGRESS",
        authType: input.authType ?? "NONE",
        dnsEntry: serviceDnsEntry(ctx.region, input.name!, id),
        ...(input.customDomainName ? { customDomainName: input.customDomainName } : {}),
        ...(input.certificateArn ? { certificateArn: input.certificateArn } : {}),
        ...(input.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: input.idleTimeoutSeconds } : {}),
        createdAt: ctx.nowIso,
        lastUpdatedAt: ctx.nowIso,
      };
      serviceTable.put(ctx.state, id, record);
      setTags(ctx, record.arn, input.tags);
      ctx.lifecycle.scheduleCreate(ctx.state, "Service", id, "ACTIVE", ctx.now);
      return { id, response: serviceView(record) };
    },
    (id) => {
      const record = ctx.state.lattice.services[id];
      return record ? serviceView(record) : undefined;
    },
  );

const getService: Handler = (input: GetServiceRequest, ctx) => serviceView(findService(ctx, input.serviceIdentifier!));

const listServices: Handler = (input: ListServicesRequest, ctx) => {
  const shared = sharedRecords(ctx, "service");
  const own = Object.values(ctx.state.lattice.services);
  const page = listPage(ctx, shared.length > 0 ? [...own, ...shared] : own, input, "all");
  return {
    items: page.items.map((s) => ({
      id: s.id,
      name: s.name,
      arn: s.arn,
      createdAt: toDate(s.createdAt),
      lastUpdatedAt: toDate(s.lastUpdatedAt),
      dnsEntry: s.dnsEntry,
      customDomainName: s.customDomainName,
      status: s.status,
    })),
    nextToken: page.nextToken,
  };
};

const updateService: Handler = (input: UpdateServiceRequest, ctx) => {
  const s = findService(ctx, input.serviceIdentifier!);
  if (input.authType) s.authType = input.authType;
  if (input.certificateArn) s.certificateArn = input.certificateArn;
  if (input.idleTimeoutSeconds !== undefined) s.idleTimeoutSeconds = input.idleTimeoutSeconds;
  touch(s, ctx);
  return serviceView(s);
};

const deleteService: Handler = (input: DeleteServiceRequest, ctx) => {
  const s = findService(ctx, input.serviceIdentifier!);
  const associations = serviceAssociationsByService.get(ctx.state, s.id);
  if (associations.length > 0) {
    throw conflict(
      "SERVICE",
      s.id,
      `Service ${s.id} is associated with service network(s); delete its service network associations first.`,
    );
  }
  s.status = "DELETE_IN_PROGRESS";
  touch(s, ctx);
  ctx.lifecycle.scheduleRemoval(ctx.state, "Service", s.id, ctx.now);
  return { id: s.id, arn: s.arn, name: s.name, status: s.status };
};

/** Removing a listener takes its rules (and their tags) with it. */
export function removeListener(state: HandlerContext["state"], listener: ListenerRecord): void {
  const l = state.lattice;
  for (const rule of Object.values(l.rules)) {
    if (rule.listenerId !== listener.id) continue;
    delete l.rules[rule.id];
    delete l.tags[rule.arn];
  }
  delete l.listeners[listener.id];
  delete l.tags[listener.arn];
}

/** Removing a service takes its listeners, rules, policies and access log subscriptions with it. */
export function cascadeServiceRemoval(ctx: { state: HandlerContext["state"] }, serviceId: string): void {
  for (const listener of listenersByService.get(ctx.state, serviceId)) removeListener(ctx.state, listener);
  removeAccessLogSubscriptionsOf(ctx.state, serviceId);
}

/** Target groups a listener action forwards to. */
function forwardedTargetGroups(action: Record<string, unknown> | undefined): string[] {
  const forward = action?.forward as { targetGroups?: Array<{ targetGroupIdentifier?: string }> } | undefined;
  return (forward?.targetGroups ?? []).map((t) => idFromIdentifier(t.targetGroupIdentifier ?? ""));
}

export function servicesUsingTargetGroup(ctx: HandlerContext, targetGroupId: string): ServiceRecord[] {
  const l = ctx.state.lattice;
  const serviceIds = new Set(
    Object.values(l.listeners)
      .filter((listener) => forwardedTargetGroups(listener.defaultAction).includes(targetGroupId))
      .map((listener) => listener.serviceId),
  );
  for (const rule of Object.values(l.rules)) {
    if (forwardedTargetGroups(rule.action).includes(targetGroupId)) serviceIds.add(rule.serviceId);
  }
  return [...serviceIds].map((id) => l.services[id]).filter((s): s is ServiceRecord => Boolean(s));
}

/**
 * Checks a listener or rule action and returns it with target group ids. A
 * target group serves one service; a TLS_PASSTHROUGH listener forwards to TCP
 * target groups only, an HTTP(S) one never does.
 */
export function checkForwardAction(
  ctx: HandlerContext,
  service: ServiceRecord,
  action: Record<string, unknown>,
  protocol: string,
  field = "defaultAction",
): Record<string, unknown> {
  const forward = action.forward as
    { targetGroups?: Array<{ targetGroupIdentifier?: string; weight?: number }> } | undefined;
  if (!forward && !action.fixedResponse) {
    throw invalid(field, "The action must be either forward or fixedResponse.");
  }
  if (!forward) {
    if (protocol === "TLS_PASSTHROUGH")
      throw invalid(field, "The action of a TLS_PASSTHROUGH listener must forward to TCP target groups.");
    const statusCode = (action.fixedResponse as { statusCode?: unknown }).statusCode;
    if (typeof statusCode !== "number" || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)
      throw invalid(`${field}.fixedResponse.statusCode`, "Member must have value between 100 and 599");
    return { fixedResponse: { statusCode } };
  }
  const targetGroups = forward.targetGroups ?? [];
  if (targetGroups.length < 1 || targetGroups.length > 10) {
    throw invalid(`${field}.forward.targetGroups`, "Member must have between 1 and 10 items");
  }
  const normalised = targetGroups.map((entry, index) => {
    const tg = findTargetGroup(ctx, entry.targetGroupIdentifier ?? "");
    const others = servicesUsingTargetGroup(ctx, tg.id).filter((s) => s.id !== service.id);
    if (others.length > 0) {
      throw conflict(
        "TARGET_GROUP",
        tg.id,
        `Target group ${tg.id} is already used by service ${others[0]!.id}; a target group can serve only one service.`,
      );
    }
    const tcp = tg.config?.protocol === "TCP";
    if (protocol === "TLS_PASSTHROUGH" && !tcp) {
      throw invalid(
        `${field}.forward.targetGroups.${index + 1}.targetGroupIdentifier`,
        `A TLS_PASSTHROUGH listener forwards to TCP target groups; ${tg.id} is ${tg.type === "LAMBDA" ? "a LAMBDA target group" : `an ${String(tg.config?.protocol ?? "HTTP")} target group`}.`,
      );
    }
    if (protocol !== "TLS_PASSTHROUGH" && tcp) {
      throw invalid(
        `${field}.forward.targetGroups.${index + 1}.targetGroupIdentifier`,
        `${tg.id} is a TCP target group; only TLS_PASSTHROUGH listeners forward to TCP target groups.`,
      );
    }
    const weight = entry.weight ?? 100;
    if (!Number.isInteger(weight) || weight < 0 || weight > 999)
      throw invalid(`${field}.forward.targetGroups.${index + 1}.weight`, "Member must have value between 0 and 999");
    return { targetGroupIdentifier: tg.id, weight };
  });
  return { forward: { targetGroups: normalised } };
}

function listenerView(listener: ListenerRecord) {
  return {
    arn: listener.arn,
    id: listener.id,
    name: listener.name,
    protocol: listener.protocol,
    port: listener.port,
    serviceArn: listener.serviceArn,
    serviceId: listener.serviceId,
    defaultAction: listener.defaultAction,
    createdAt: toDate(listener.createdAt),
    lastUpdatedAt: toDate(listener.lastUpdatedAt),
  };
}

const createListener: Handler = (input: CreateListenerRequest, ctx) =>
  idempotent(ctx, input, () => {
    const service = findService(ctx, input.serviceIdentifier!);
    const existing = listenersByService.get(ctx.state, service.id);
    if (!["HTTP", "HTTPS", "TLS_PASSTHROUGH"].includes(input.protocol!)) {
      throw invalid("protocol", "Member must satisfy enum value set: [HTTP, HTTPS, TLS_PASSTHROUGH]");
    }
    if (existing.some((x) => x.name === input.name)) {
      throw conflict("LISTENER", input.name!, `Service ${service.id} already has a listener named ${input.name}.`);
    }
    if (input.protocol === "TLS_PASSTHROUGH" && !service.customDomainName) {
      throw invalid(
        "protocol",
        `Service ${service.id} has no custom domain name; a TLS_PASSTHROUGH listener routes by SNI and needs one.`,
      );
    }
    const port = input.port ?? (input.protocol === "HTTP" ? 80 : 443);
    if (existing.some((x) => x.port === port)) {
      throw conflict("LISTENER", String(port), `Service ${service.id} already has a listener on port ${port}.`);
    }
    if (existing.length >= LISTENERS_PER_SERVICE) {
      throw quotaExceeded(
        "LISTENER",
        "L-D56A4B8D",
        `Service ${service.id} already has ${LISTENERS_PER_SERVICE} listeners (quota).`,
        service.id,
      );
    }
    const defaultAction = checkForwardAction(
      ctx,
      service,
      input.defaultAction as unknown as Record<string, unknown>,
      input.protocol!,
    );
    const id = ctx.ids.id("listener");
    const record: ListenerRecord = {
      id,
      arn: `${service.arn}/listener/${id}`,
      name: input.name!,
      protocol: input.protocol!,
      port,
      serviceId: service.id,
      serviceArn: service.arn,
      defaultAction,
      createdAt: ctx.nowIso,
      lastUpdatedAt: ctx.nowIso,
    };
    listenerTable.put(ctx.state, id, record);
    setTags(ctx, record.arn, input.tags);
    return { id, response: listenerView(record) };
  });

const getListener: Handler = (input: GetListenerRequest, ctx) => {
  const service = findService(ctx, input.serviceIdentifier!);
  return listenerView(findListener(ctx, service, input.listenerIdentifier!));
};

const listListeners: Handler = (input: ListListenersRequest, ctx) => {
  const service = findService(ctx, input.serviceIdentifier!);
  const all = listenersByService.get(ctx.state, service.id);
  const page = listPage(ctx, all, input, service.id);
  return {
    items: page.items.map((x) => ({
      arn: x.arn,
      id: x.id,
      name: x.name,
      protocol: x.protocol,
      port: x.port,
      createdAt: toDate(x.createdAt),
      lastUpdatedAt: toDate(x.lastUpdatedAt),
    })),
    nextToken: page.nextToken,
  };
};

const updateListener: Handler = (input: UpdateListenerRequest, ctx) => {
  const service = findService(ctx, input.serviceIdentifier!);
  const listener = findListener(ctx, service, input.listenerIdentifier!);
  listener.defaultAction = checkForwardAction(
    ctx,
    service,
    input.defaultAction as unknown as Record<string, unknown>,
    listener.protocol,
  );
  touch(listener, ctx);
  return listenerView(listener);
};

const deleteListener: Handler = (input: DeleteListenerRequest, ctx) => {
  const service = findService(ctx, input.serviceIdentifier!);
  const listener = findListener(ctx, service, input.listenerIdentifier!);
  removeListener(ctx.state, listener);
  return undefined;
};

const TARGET_GROUP_TYPES = ["IP", "LAMBDA", "INSTANCE", "ALB"];

function targetGroupView(ctx: HandlerContext, tg: TargetGroupRecord) {
  return {
    id: tg.id,
    arn: tg.arn,
    name: tg.name,
    type: tg.type,
    config: tg.config,
    createdAt: toDate(tg.createdAt),
    lastUpdatedAt: toDate(tg.lastUpdatedAt),
    status: tg.status,
    serviceArns: servicesUsingTargetGroup(ctx, tg.id).map((s) => s.arn),
  };
}

const createTargetGroup: Handler = (input: CreateTargetGroupRequest, ctx) =>
  idempotent(ctx, input, () => {
    if (!TARGET_GROUP_TYPES.includes(input.type!)) {
      throw invalid("type", `Member must satisfy enum value set: [${TARGET_GROUP_TYPES.join(", ")}]`);
    }
    if (targetGroupsByName.has(ctx.state, input.name!)) {
      throw conflict("TARGET_GROUP", input.name!, `A target group named ${input.name} already exists.`);
    }
    const config = input.config as Record<string, unknown> | undefined;
    if (input.type !== "LAMBDA") {
      if (!config) throw invalid("config", "A config is required for target groups of type " + input.type);
      const vpc = config.vpcIdentifier as string | undefined;
      if (!vpc) throw invalid("config.vpcIdentifier", "Member must not be null");
      if (!ctx.state.ec2.vpcs[vpc]) throw notFound("VPC", vpc, "VPC");
    } else if (config && (config.port !== undefined || config.vpcIdentifier !== undefined)) {
      throw invalid("config", "Target groups of type LAMBDA take no port, protocol or VPC.");
    }
    const id = ctx.ids.id("tg");
    const record: TargetGroupRecord = {
      id,
      arn: latticeArn(ctx, `targetgroup/${id}`),
      name: input.name!,
      type: input.type!,
      status: "CREATE_IN_PROGRESS",
      ...(config ? { config } : input.type === "LAMBDA" ? { config: { lambdaEventStructureVersion: "V2" } } : {}),
      targets: [],
      createdAt: ctx.nowIso,
      lastUpdatedAt: ctx.nowIso,
    };
    targetGroupTable.put(ctx.state, id, record);
    setTags(ctx, record.arn, input.tags);
    ctx.lifecycle.scheduleCreate(ctx.state, "TargetGroup", id, "ACTIVE", ctx.now);
    return {
      id,
      response: {
        id,
        arn: record.arn,
        name: record.name,
        type: record.type,
        config: record.config,
        status: record.status,
      },
    };
  });

const getTargetGroup: Handler = (input: GetTargetGroupRequest, ctx) =>
  targetGroupView(ctx, findTargetGroup(ctx, input.targetGroupIdentifier!));

const listTargetGroups: Handler = (input: ListTargetGroupsRequest, ctx) => {
  let all = Object.values(ctx.state.lattice.targetGroups);
  if (input.vpcIdentifier) all = all.filter((tg) => tg.config?.vpcIdentifier === input.vpcIdentifier);
  if (input.targetGroupType) all = all.filter((tg) => tg.type === input.targetGroupType);
  const page = listPage(ctx, all, input, `${input.vpcIdentifier ?? ""}:${input.targetGroupType ?? ""}`);
  return {
    items: page.items.map((tg) => ({
      id: tg.id,
      arn: tg.arn,
      name: tg.name,
      type: tg.type,
      createdAt: toDate(tg.createdAt),
      lastUpdatedAt: toDate(tg.lastUpdatedAt),
      port: tg.config?.port,
      protocol: tg.config?.protocol,
      ipAddressType: tg.config?.ipAddressType,
      vpcIdentifier: tg.config?.vpcIdentifier,
      status: tg.status,
      serviceArns: servicesUsingTargetGroup(ctx, tg.id).map((s) => s.arn),
      lambdaEventStructureVersion: tg.config?.lambdaEventStructureVersion,
    })),
    nextToken: page.nextToken,
  };
};

const updateTargetGroup: Handler = (input: UpdateTargetGroupRequest, ctx) => {
  const tg = findTargetGroup(ctx, input.targetGroupIdentifier!);
  tg.config = { ...(tg.config ?? {}), healthCheck: input.healthCheck };
  touch(tg, ctx);
  return { id: tg.id, arn: tg.arn, name: tg.name, type: tg.type, config: tg.config, status: tg.status };
};

const deleteTargetGroup: Handler = (input: DeleteTargetGroupRequest, ctx) => {
  const tg = findTargetGroup(ctx, input.targetGroupIdentifier!);
  const users = servicesUsingTargetGroup(ctx, tg.id);
  if (users.length > 0) {
    throw conflict("TARGET_GROUP", tg.id, `Target group ${tg.id} is used by a listener of service ${users[0]!.id}.`);
  }
  tg.status = "DELETE_IN_PROGRESS";
  ctx.lifecycle.scheduleRemoval(ctx.state, "TargetGroup", tg.id, ctx.now);
  return { id: tg.id, arn: tg.arn, status: tg.status };
};

function checkTargets(
  ctx: HandlerContext,
  tg: TargetGroupRecord,
  targets: Array<{ id?: string | undefined; port?: number | undefined }>,
): void {
  targets.forEach((target, index) => {
    const id = target.id ?? "";
    const field = `targets.${index + 1}.id`;
    if (tg.type === "LAMBDA") {
      const name = id.startsWith("arn:") ? id.split(":")[6] : undefined;
      if (!name || !ctx.state.lambda.functions[name])
        throw invalid(field, `Lambda function ${id} does not exist in this account and region.`);
    } else if (tg.type === "IP" && !/^[0-9a-f.:]+$/i.test(id)) {
      throw invalid(field, "Targets of an IP target group must be IP addresses.");
    } else if (tg.type === "INSTANCE" && !/^i-[0-9a-f]{8,17}$/.test(id)) {
      throw invalid(field, "Targets of an INSTANCE target group must be instance ids.");
    }
  });
}

const registerTargets: Handler = (input: RegisterTargetsRequest, ctx) => {
  const tg = findTargetGroup(ctx, input.targetGroupIdentifier!);
  const targets = input.targets ?? [];
  if (targets.length < 1 || targets.length > 100) throw invalid("targets", "Member must have between 1 and 100 items");
  checkTargets(ctx, tg, targets);
  for (const target of targets) {
    const port = target.port ?? (tg.config?.port as number | undefined);
    if (!tg.targets.some((t) => t.id === target.id && t.port === port)) {
      tg.targets.push({ id: target.id!, ...(port !== undefined ? { port } : {}), status: "INITIAL" });
    }
  }
  touch(tg, ctx);
  return { successful: targets.map((t) => ({ id: t.id, port: t.port ?? tg.config?.port })), unsuccessful: [] };
};

const deregisterTargets: Handler = (input: DeregisterTargetsRequest, ctx) => {
  const tg = findTargetGroup(ctx, input.targetGroupIdentifier!);
  const targets = input.targets ?? [];
  const successful: Array<{ id?: string | undefined; port?: number | undefined }> = [];
  const unsuccessful: Array<{
    id?: string | undefined;
    port?: number | undefined;
    failureCode: string;
    failureMessage: string;
  }> = [];
  for (const target of targets) {
    const before = tg.targets.length;
    tg.targets = tg.targets.filter(
      (t) => !(t.id === target.id && (target.port === undefined || t.port === target.port)),
    );
    if (tg.targets.length < before) successful.push({ id: target.id, port: target.port });
    else
      unsuccessful.push({
        id: target.id,
        port: target.port,
        failureCode: "TargetNotFound",
        failureMessage: "The target is not registered.",
      });
  }
  touch(tg, ctx);
  return { successful, unsuccessful };
};

/** Without health checks, a target is healthy once its group serves a service, unused before. */
function targetStatus(
  ctx: HandlerContext,
  tg: TargetGroupRecord,
  target: TargetRecord,
): Pick<TargetRecord, "status" | "reasonCode"> {
  if (servicesUsingTargetGroup(ctx, tg.id).length === 0) return { status: "UNUSED", reasonCode: "TargetGroupNotInUse" };
  if (tg.type === "LAMBDA") {
    const name = target.id.split(":")[6] ?? "";
    const fn = ctx.state.lambda.functions[name];
    return fn && fn.State === "Active"
      ? { status: "HEALTHY" }
      : { status: "UNAVAILABLE", reasonCode: "LambdaFunctionNotActive" };
  }
  return { status: target.status === "INITIAL" ? "HEALTHY" : target.status };
}

const listTargets: Handler = (input: ListTargetsRequest, ctx) => {
  const tg = findTargetGroup(ctx, input.targetGroupIdentifier!);
  let all = tg.targets;
  if (input.targets && input.targets.length > 0) {
    all = all.filter((t) => input.targets!.some((f) => f.id === t.id && (f.port === undefined || f.port === t.port)));
  }
  const page = listPage(ctx, all, input, tg.id);
  return {
    items: page.items.map((t) => ({ id: t.id, port: t.port, ...targetStatus(ctx, tg, t) })),
    nextToken: page.nextToken,
  };
};

export const serviceHandlers: Record<string, Handler> = {
  CreateService: createService,
  GetService: getService,
  ListServices: listServices,
  UpdateService: updateService,
  DeleteService: deleteService,
  CreateListener: createListener,
  GetListener: getListener,
  ListListeners: listListeners,
  UpdateListener: updateListener,
  DeleteListener: deleteListener,
  CreateTargetGroup: createTargetGroup,
  GetTargetGroup: getTargetGroup,
  ListTargetGroups: listTargetGroups,
  UpdateTargetGroup: updateTargetGroup,
  DeleteTargetGroup: deleteTargetGroup,
  RegisterTargets: registerTargets,
  DeregisterTargets: deregisterTargets,
  ListTargets: listTargets,
};
