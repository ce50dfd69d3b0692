/**
 * VPC Lattice changes: the three association kinds, created and removed, a VPC
 * association's private DNS, and a domain verification started. Each
 * takes the request exactly as a plan showed it (API member names, the user's
 * clientToken passed through) and answers the resource with AWS's status.
 */
import {
  CreateServiceNetworkResourceAssociationCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteServiceNetworkResourceAssociationCommand,
  DeleteServiceNetworkServiceAssociationCommand,
  DeleteServiceNetworkVpcAssociationCommand,
  StartDomainVerificationCommand,
  UpdateServiceNetworkVpcAssociationCommand,
  type VPCLatticeClient,
} from "@aws-sdk/client-vpc-lattice";
import type { WriteResult } from "./results.js";
import type { CallRunner } from "./runner.js";

type Input = Record<string, unknown>;
/** What every one of these operations answers. */
type Answer = {
  id?: string | undefined;
  arn?: string | undefined;
  status?: string | undefined;
  txtMethodConfig?: { name?: string | undefined; value?: string | undefined } | undefined;
  $metadata: { requestId?: string | undefined };
};
type Send = (input: Input, abortSignal: AbortSignal) => Promise<Answer>;

/** Each operation: how to send it, and the status to report when AWS's answer carries none. */
const OPERATIONS = (lattice: VPCLatticeClient): Record<string, { send: Send; status: string }> => ({
  CreateServiceNetworkVpcAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new CreateServiceNetworkVpcAssociationCommand(input as never), { abortSignal }),
    status: "CREATE_IN_PROGRESS",
  },
  CreateServiceNetworkResourceAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new CreateServiceNetworkResourceAssociationCommand(input as never), { abortSignal }),
    status: "CREATE_IN_PROGRESS",
  },
  CreateServiceNetworkServiceAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new CreateServiceNetworkServiceAssociationCommand(input as never), { abortSignal }),
    status: "CREATE_IN_PROGRESS",
  },
  DeleteServiceNetworkVpcAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new DeleteServiceNetworkVpcAssociationCommand(input as never), { abortSignal }),
    status: "DELETE_IN_PROGRESS",
  },
  DeleteServiceNetworkResourceAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new DeleteServiceNetworkResourceAssociationCommand(input as never), { abortSignal }),
    status: "DELETE_IN_PROGRESS",
  },
  DeleteServiceNetworkServiceAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new DeleteServiceNetworkServiceAssociationCommand(input as never), { abortSignal }),
    status: "DELETE_IN_PROGRESS",
  },
  UpdateServiceNetworkVpcAssociation: {
    send: (input, abortSignal) =>
      lattice.send(new UpdateServiceNetworkVpcAssociationCommand(input as never), { abortSignal }),
    status: "UPDATE_IN_PROGRESS",
  },
  StartDomainVerification: {
    send: (input, abortSignal) => lattice.send(new StartDomainVerificationCommand(input as never), { abortSignal }),
    status: "PENDING",
  },
});

export function createLatticeWriter(
  lattice: VPCLatticeClient,
  runner: CallRunner,
): Record<string, (input: Input) => Promise<WriteResult>> {
  return Object.fromEntries(
    Object.entries(OPERATIONS(lattice)).map(([operation, { send, status }]) => [
      operation,
      async (input: Input): Promise<WriteResult> => {
        const out = await runner.call("vpc-lattice", operation, (abortSignal) => send(input, abortSignal));
        const txt = out.txtMethodConfig;
        return {
          id: out.id ?? "",
          arn: out.arn,
          status: out.status ?? status,
          requestId: out.$metadata.requestId,
          ...(txt?.name && txt.value ? { txtRecord: { name: txt.name, value: txt.value } } : {}),
        };
      },
    ]),
  );
}
