/**
 * "Which hostname do I use from here?": for a consumer VPC, every leaf
 * resource configuration and Lattice service with the names that work (each
 * with the check of the path that carries it), the names that look right but
 * fail, and the verdict of the connectivity check for the target — the same
 * check POST /api/analyze runs, so the two cannot disagree.
 */
import type { ConnectAnswer, GraphNodeOf, Hostname, ReachableTarget, UnreachableTarget } from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import { checkTarget, noPortCheck, rowCheckOf, subjectFor, summaryOf, type PathResult } from "./check.js";
import type { GraphIndex } from "./graph-index.js";
import { noWayIn } from "./hops.js";
import { describeTarget, leafConfigurations, targetsOf, type Target } from "./targets.js";
import { networkOfEndpoint, pathBlockers, pathsTo, vpcAssociationOf } from "./ways-in.js";

function entryPointsOf(index: GraphIndex, vpcId: string): ConnectAnswer["entryPoints"] {
  const out: ConnectAnswer["entryPoints"] = [];
  for (const e of index.endpointsIn(vpcId)) {
    if (e.data.endpointType === "Resource")
      out.push({ id: e.id, kind: "vpcEndpoint", pattern: "resource-endpoint", status: e.data.state, label: e.label });
    else if (e.data.endpointType === "ServiceNetwork")
      out.push({
        id: e.id,
        kind: "vpcEndpoint",
        pattern: "service-network-endpoint",
        status: e.data.state,
        label: `${e.label} → ${index.label(networkOfEndpoint(index, e) ?? "?")}`,
      });
  }
  const association = vpcAssociationOf(index, vpcId);
  if (association)
    out.push({
      id: association.id,
      kind: "vpcAssociation",
      pattern: "service-network-association",
      status: association.data.status,
      label: `VPC association → ${index.label(association.data.serviceNetworkId)}`,
    });
  return out;
}

/** Every leaf configuration and service of the account. */
export function allTargets(index: GraphIndex): Target[] {
  return [
    ...leafConfigurations(index).map((c) => targetsOf(index, c)[0]!),
    ...index.of("service").map((node) => ({ kind: "service" as const, node })),
  ];
}

/** The targets to answer for: every leaf and service, or the ones `to` names. */
function targetsToAnswer(index: GraphIndex, to: string | undefined): Target[] {
  if (!to) return allTargets(index);
  const node = index.find(to);
  if (!node) throw new AppError("NOT_FOUND", `${to} is not in this account and region.`, { field: "to" });
  if (node.kind !== "service" && node.kind !== "resourceConfiguration")
    throw new AppError("VALIDATION", `${to} is a ${node.kind}; "to" takes a resource configuration or a service.`, {
      field: "to",
    });
  return targetsOf(index, node);
}

const pathVerdict = (results: readonly PathResult[], via: Hostname["via"]): PathResult | undefined =>
  results.find((r) => r.path && (r.path.entry.id === via.id || r.path.association?.id === via.id));

export function answerConnect(index: GraphIndex, fromVpcId: string, to?: string): ConnectAnswer {
  const vpc = index.get(fromVpcId, "vpc");
  if (!vpc) throw new AppError("NOT_FOUND", `VPC ${fromVpcId} is not in this account and region.`, { field: "from" });
  return answerFor(index, vpc, targetsToAnswer(index, to));
}

/** The Connect answer of a VPC for the given targets. */
export function answerFor(index: GraphIndex, vpc: GraphNodeOf<"vpc">, targets: readonly Target[]): ConnectAnswer {
  const entryPoints = entryPointsOf(index, vpc.id);
  const reachable: ReachableTarget[] = [];
  const unreachable: UnreachableTarget[] = [];

  for (const target of targets) {
    const facts = describeTarget(index, target);
    if (target.kind === "resourceConfiguration" && target.node.data.type === "CIDR") {
      unreachable.push({
        target: facts.target,
        reason:
          "CIDR resource configurations cannot join a service network; they are reached only through a VPC endpoint of type Tunnel.",
        fix: "Create a Tunnel-type VPC endpoint for it in this VPC.",
        check: {
          verdict: "not-reachable",
          cannotTell: [],
          summary: `${vpc.label} cannot reach ${target.node.label}: a CIDR configuration needs a Tunnel endpoint.`,
        },
      });
      continue;
    }
    const subject = subjectFor(index, vpc, target);
    if (!subject) {
      // No single port: names still answer, the check waits for a port.
      const paths = pathsTo(index, vpc.id, target).filter((p) => pathBlockers(index, p).length === 0);
      const check = noPortCheck(target);
      if (paths.length === 0) unreachable.push({ target: facts.target, ...noWayIn(index, vpc, target), check });
      else reachable.push({ target: facts.target, hostnames: [], notWorking: [], check });
      continue;
    }
    const checked = checkTarget(subject);
    const best = checked.results[0]!;
    const check = rowCheckOf(subject, best);
    if (checked.working.length === 0) {
      const blocked = checked.results.filter((r) => r.path).flatMap((r) => pathBlockers(index, r.path!));
      unreachable.push({
        target: facts.target,
        ...(blocked.length > 0
          ? {
              reason: `A path exists but is not usable yet: ${blocked.join("; ")}.`,
              fix: "Wait for it to become ACTIVE/Available, or recreate the failed piece.",
            }
          : noWayIn(index, vpc, target)),
        check,
      });
      continue;
    }
    const hostnames = checked.working.map((h) => {
      const result = pathVerdict(checked.results, h.via);
      if (!result) return h;
      const failing = result.hops.find((hop) => hop.status === "fail");
      return {
        ...h,
        path: {
          verdict: result.verdict,
          ...(failing ? { failingStep: failing.step } : {}),
          summary: summaryOf(subject, result),
        },
      };
    });
    reachable.push({ target: facts.target, hostnames, notWorking: checked.failing, check });
  }

  const notes: string[] = [];
  if (entryPoints.length === 0)
    notes.push(
      `${vpc.label} has no VPC endpoint of type Resource or ServiceNetwork and no service-network association: nothing in VPC Lattice is reachable from it.`,
    );
  const association = vpcAssociationOf(index, vpc.id);
  if (association && association.data.securityGroupIds !== null && association.data.securityGroupIds.length === 0)
    notes.push(
      `The VPC association ${association.id} has no security groups: AWS applies no security-group filtering to it.`,
    );
  if (!index.gaps.complete)
    notes.push(
      "Discovery could not read everything (see the warnings): a target marked “cannot tell” names the read it misses.",
    );
  return { from: { vpcId: vpc.id, name: vpc.label, cidr: vpc.data.cidr }, entryPoints, reachable, unreachable, notes };
}
