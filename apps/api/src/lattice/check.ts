/**
 * The connectivity check: from a client (VPC, optional security group and
 * subnet) to a target, every way in is walked hop by hop (hops.ts) and the
 * best one — fewest failures, then fewest unknowns — is the answer. Connect
 * rows, "reachable from", change impact and POST /api/analyze all read this.
 */
import type { AnalyzeAnswer, GraphNodeOf, Hop, Hostname, RowCheck, Verdict } from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import { lookalikeNames, namesOnPath, type PathNames } from "./dns.js";
import type { GraphIndex } from "./graph-index.js";
import { RESOURCE_HOPS, SERVICE_HOPS, type CheckSubject, type Client, type PathContext } from "./hops.js";
import { describeTarget, resolveTarget, type Target } from "./targets.js";
import { pathBlockers, pathsTo, type Path } from "./ways-in.js";

export interface CheckRequest {
  from: { vpc: string; securityGroup?: string | undefined; subnet?: string | undefined };
  to: string;
  port?: number | undefined;
  hostname?: string | undefined;
}

export interface PathResult {
  path: Path | undefined;
  hops: Hop[];
  client: Client;
  names: PathNames;
  highlight: string[];
  verdict: Verdict;
}

export interface TargetCheck {
  subject: CheckSubject;
  /** The best path first. */
  results: PathResult[];
  /** Names that work through usable paths, and those that look right but fail. */
  working: Hostname[];
  failing: Hostname[];
}

const EMPTY_NAMES: PathNames = { working: [], failing: [] };

/** The lowest port a configuration or service accepts, when none is asked for. */
function defaultPort(target: Target, facts: ReturnType<typeof describeTarget>): number | undefined {
  if (facts.port !== undefined) return facts.port;
  if (target.kind === "resourceConfiguration") {
    const first = target.node.data.portRanges[0];
    const low = first ? Number(first.split("-")[0]) : NaN;
    return Number.isInteger(low) && low > 0 ? low : undefined;
  }
  return undefined;
}

/** The check's subject for a VPC and a target, the port filled in; undefined port → no check possible. */
export function subjectFor(
  index: GraphIndex,
  vpc: GraphNodeOf<"vpc">,
  target: Target,
  options: { port?: number | undefined; hostname?: string | undefined; clientGroupId?: string | undefined } = {},
): CheckSubject | undefined {
  const facts = describeTarget(index, target);
  const port = options.port ?? defaultPort(target, facts);
  if (port === undefined) return undefined;
  return {
    index,
    vpc,
    target,
    facts,
    port,
    ...(options.hostname ? { hostname: options.hostname } : {}),
    ...(options.clientGroupId ? { clientGroupId: options.clientGroupId } : {}),
  };
}

function clientFor(
  subject: CheckSubject,
  path: Path | undefined,
): { client: Client; entryGroups: PathContext["entryGroups"] } {
  const { index, vpc, clientSubnet } = subject;
  const entryGroups = path ? index.securityGroups(path.entry.data.securityGroupIds) : [];
  let groupId = subject.clientGroupId;
  let inferred = false;
  if (!groupId) {
    // The client's group: the one the way in's rules let in from this VPC.
    const rule = entryGroups
      .flatMap((g) => g.ingress)
      .find((r) => r.sourceGroupId && index.securityGroup(r.sourceGroupId)?.vpcId === vpc.id);
    if (rule?.sourceGroupId) {
      groupId = rule.sourceGroupId;
      inferred = true;
    }
  }
  const group = groupId ? index.securityGroup(groupId) : undefined;
  return {
    entryGroups,
    client: {
      ...(groupId ? { groupId } : {}),
      inferred,
      label: groupId ? `${group?.groupName ?? groupId} (${groupId})` : `clients in ${vpc.label}`,
      peer: { groupIds: groupId ? [groupId] : [], cidrs: [clientSubnet?.cidr ?? vpc.data.cidr] },
    },
  };
}

const score = (hops: readonly Hop[]): number =>
  hops.filter((h) => h.status === "fail").length * 100 + hops.filter((h) => h.status === "unknown").length;

export function verdictOf(hops: readonly Hop[]): Verdict {
  if (hops.some((h) => h.status === "fail")) return "not-reachable";
  if (hops.some((h) => h.status === "unknown")) return "unknown";
  return "reachable";
}

export function evaluatePath(subject: CheckSubject, path: Path | undefined, otherFailingNames: Hostname[]): PathResult {
  const { client, entryGroups } = clientFor(subject, path);
  const usable = path !== undefined && pathBlockers(subject.index, path).length === 0;
  const names = path && usable ? namesOnPath(subject.index, subject.facts, subject.vpc, path) : EMPTY_NAMES;
  const ctx: PathContext = {
    ...subject,
    path,
    client,
    entryGroups,
    names,
    otherFailingNames,
    highlight: [subject.vpc.id, ...(client.groupId ? [client.groupId] : [])],
  };
  const rules = subject.target.kind === "service" ? SERVICE_HOPS : RESOURCE_HOPS;
  const hops = rules.map((rule, i) => ({ step: i + 1, ...rule(ctx) }));
  return { path, hops, client, names, highlight: [...new Set(ctx.highlight)], verdict: verdictOf(hops) };
}

/** Every way in from the subject's VPC to its target, checked, best first; with the names that do and do not work. */
export function checkTarget(subject: CheckSubject): TargetCheck {
  const paths = pathsTo(subject.index, subject.vpc.id, subject.target);
  const usable = paths.filter((p) => pathBlockers(subject.index, p).length === 0);
  const working: Hostname[] = [];
  const failing: Hostname[] = [];
  for (const path of usable) {
    const names = namesOnPath(subject.index, subject.facts, subject.vpc, path);
    working.push(...names.working);
    failing.push(...names.failing);
  }
  const lookalikes = lookalikeNames(subject.index, subject.facts, subject.vpc, working, failing);
  const otherFailing = [...failing, ...lookalikes];
  const results = (paths.length > 0 ? paths : [undefined]).map((path) => evaluatePath(subject, path, otherFailing));
  results.sort((a, b) => score(a.hops) - score(b.hops));
  return { subject, results, working, failing: otherFailing };
}

/** One line for the verdict. */
export function summaryOf(subject: CheckSubject, result: PathResult): string {
  const target = `${subject.target.node.label} (${subject.target.node.id})`;
  const failing = result.hops.find((h) => h.status === "fail");
  switch (result.verdict) {
    case "reachable":
      return `${subject.vpc.label} reaches ${target} on TCP ${subject.port}${result.path ? ` through ${result.path.entry.id}` : ""}.`;
    case "not-reachable":
      return `${subject.vpc.label} cannot reach ${target} on TCP ${subject.port}: it fails at hop ${failing!.step} (${failing!.title}).`;
    default: {
      const unread = [...new Set(result.hops.flatMap((h) => h.unread ?? []))];
      return unread.length > 0
        ? `Cannot tell whether ${subject.vpc.label} reaches ${target} on TCP ${subject.port}: ${unread.join(", ")} could not be read.`
        : `${subject.vpc.label} may reach ${target} on TCP ${subject.port}; some hops cannot be checked from configuration.`;
    }
  }
}

/** The check as a Connect row carries it. */
export function rowCheckOf(subject: CheckSubject, result: PathResult): RowCheck {
  const failing = result.hops.find((h) => h.status === "fail");
  return {
    verdict: result.verdict,
    port: subject.port,
    ...(result.path ? { pattern: result.path.pattern } : {}),
    ...(failing ? { failing } : {}),
    cannotTell: failing
      ? []
      : result.hops
          .filter((h) => h.status === "unknown")
          .map((h) => ({
            step: h.step,
            title: h.title,
            detail: h.unread?.length ? `${h.detail} Not read: ${h.unread.join(", ")}.` : h.detail,
          })),
    summary: summaryOf(subject, result),
  };
}

/** A row check when no port can be chosen (a configuration with several port ranges and none asked for). */
export function noPortCheck(target: Target): RowCheck {
  return {
    verdict: "unknown",
    cannotTell: [
      {
        step: 4,
        title: "Port",
        detail: `${target.node.label} accepts several ports; check a port of your choice (Explain).`,
      },
    ],
    summary: `Which port? ${target.node.label} accepts ${target.kind === "resourceConfiguration" ? target.node.data.portRanges.join(", ") : "no listener port"}.`,
  };
}

const MARK = { pass: "✔", fail: "✘", unknown: "?", skip: "–" } as const;

/** POST /api/analyze: the full answer, hop by hop, for one client and target. */
export function analyzeConnectivity(index: GraphIndex, request: CheckRequest, now: Date = new Date()): AnalyzeAnswer {
  const vpc = index.get(request.from.vpc, "vpc");
  if (!vpc)
    throw new AppError("NOT_FOUND", `VPC ${request.from.vpc} is not in this account and region.`, {
      field: "from.vpc",
    });
  if (request.from.securityGroup) {
    const group = index.securityGroup(request.from.securityGroup);
    if (!group || group.vpcId !== vpc.id)
      throw new AppError("VALIDATION", `${request.from.securityGroup} is not a security group of ${vpc.label}.`, {
        field: "from.securityGroup",
      });
  }
  const clientSubnet = request.from.subnet ? index.subnet(request.from.subnet) : undefined;
  if (request.from.subnet && (!clientSubnet || clientSubnet.vpcId !== vpc.id))
    throw new AppError("VALIDATION", `${request.from.subnet} is not a subnet of ${vpc.label}.`, {
      field: "from.subnet",
    });
  const target = resolveTarget(index, request.to, request.hostname);
  const subject = subjectFor(index, vpc, target, {
    port: request.port,
    hostname: request.hostname,
    clientGroupId: request.from.securityGroup,
  });
  if (!subject)
    throw new AppError(
      "VALIDATION",
      `Which port? ${target.node.label} accepts ${target.kind === "resourceConfiguration" ? target.node.data.portRanges.join(", ") : "no listener port"}.`,
      { field: "port" },
    );
  if (clientSubnet) subject.clientSubnet = clientSubnet;
  const best = checkTarget(subject).results[0]!;
  const summary = summaryOf(subject, best);
  const failing = best.hops.find((h) => h.status === "fail");
  const targetLabel = `${target.node.label} (${target.node.id})`;
  const text = [
    `Lattice Atlas connectivity check — ${now.toISOString()}`,
    `From: ${vpc.label} (${vpc.id})${best.client.groupId ? `, security group ${best.client.groupId}${best.client.inferred ? " (inferred)" : ""}` : ""}`,
    `To: ${targetLabel}, TCP ${subject.port}${request.hostname ? `, as ${request.hostname}` : ""}${best.path ? `, via ${best.path.pattern} ${best.path.entry.id}` : ""}`,
    `Verdict: ${best.verdict.toUpperCase()} — ${summary}`,
    ...best.hops.map(
      (h) =>
        `${h.step}. ${MARK[h.status]} ${h.title}: ${h.detail}${h.rule && h.status === "pass" ? ` [${h.rule}]` : ""}${h.fix ? ` Fix: ${h.fix.text}` : ""}${h.unread?.length ? ` Not read: ${h.unread.join(", ")}.` : ""}`,
    ),
  ].join("\n");
  return {
    verdict: best.verdict,
    summary,
    from: {
      vpcId: vpc.id,
      name: vpc.label,
      ...(best.client.groupId ? { securityGroupId: best.client.groupId } : {}),
      securityGroupInferred: best.client.inferred,
    },
    target: { id: target.node.id, kind: target.kind, name: target.node.label },
    ...(best.path
      ? { path: { pattern: best.path.pattern, entryId: best.path.entry.id, entryKind: best.path.entry.kind } }
      : {}),
    port: subject.port,
    ...(request.hostname ? { hostname: request.hostname } : {}),
    hops: best.hops,
    highlight: best.highlight,
    ...(failing?.subject ? { failingNodeId: failing.subject.id } : {}),
    text,
  };
}
