/**
 * The reverse of Connect: for a resource configuration (its children), an
 * Aurora cluster or endpoint, or a service, every VPC that has a way in to
 * it, by which pattern, with the name to use there and the check's verdict.
 */
import type { ReachableFromAnswer, ReachingVpc } from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import { checkTarget, noPortCheck, rowCheckOf, subjectFor } from "./check.js";
import type { GraphIndex } from "./graph-index.js";
import { targetsOf } from "./targets.js";
import { pathsTo } from "./ways-in.js";

/** VPCs with any way into Lattice (endpoints or a service-network association), by name. */
function consumerVpcIds(index: GraphIndex): string[] {
  const ids = new Set<string>();
  for (const e of index.of("vpcEndpoint")) ids.add(e.data.vpcId);
  for (const a of index.of("vpcAssociation")) ids.add(a.data.vpcId);
  return [...ids].sort((a, b) => index.label(a).localeCompare(index.label(b)) || a.localeCompare(b));
}

export function answerReachableFrom(index: GraphIndex, to: string): ReachableFromAnswer {
  const node = index.find(to);
  if (!node) throw new AppError("NOT_FOUND", `${to} is not in this account and region.`, { field: "to" });
  const targets = targetsOf(index, node);
  if (targets.length === 0)
    throw new AppError(
      "VALIDATION",
      `${to} is a ${node.kind}; "reachable from" answers for a resource configuration, a service, or an Aurora cluster or endpoint.`,
      { field: "to" },
    );
  const vpcs: ReachingVpc[] = [];
  for (const vpcId of consumerVpcIds(index)) {
    const vpc = index.get(vpcId, "vpc");
    if (!vpc) continue;
    for (const target of targets) {
      const paths = pathsTo(index, vpc.id, target);
      const first = paths[0];
      if (!first) continue;
      const row = { vpc: { id: vpc.id, name: vpc.label }, target: { id: target.node.id, name: target.node.label } };
      const subject = subjectFor(index, vpc, target);
      if (!subject) {
        vpcs.push({
          ...row,
          pattern: first.pattern,
          via: { id: first.entry.id, kind: first.entry.kind },
          hostname: "",
          check: noPortCheck(target),
        });
        continue;
      }
      const best = checkTarget(subject).results[0]!;
      const path = best.path ?? first;
      // The resource's own name where private DNS makes it work here, else the generated one.
      const name = best.names.working.find((h) => h.privateDns) ?? best.names.working[0];
      vpcs.push({
        ...row,
        pattern: path.pattern,
        via: { id: path.association?.id ?? path.entry.id, kind: path.association?.kind ?? path.entry.kind },
        hostname: name?.hostname ?? "",
        port: subject.port,
        ...(name?.command ? { command: name.command } : {}),
        check: rowCheckOf(subject, best),
      });
    }
  }
  const notes: string[] = [];
  if (vpcs.length === 0) notes.push(`No VPC in this account and region has a way in to ${node.label}.`);
  if (!index.gaps.complete)
    notes.push("Discovery could not read everything (see the warnings): VPCs reaching it may be missing.");
  return { target: { id: node.id, kind: node.kind, name: node.label }, vpcs, notes };
}
