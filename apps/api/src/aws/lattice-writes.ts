/**
 * VPC Lattice changes: the three association kinds, created and removed. Each
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
  type CreateServiceNetworkResourceAssociationCommandInput,
  type CreateServiceNetworkServiceAssociationCommandInput,
  type CreateServiceNetworkVpcAssociationCommandInput,
  type DeleteServiceNetworkResourceAssociationCommandInput,
  type DeleteServiceNetworkServiceAssociationCommandInput,
  type DeleteServiceNetworkVpcAssociationCommandInput,
  type VPCLatticeClient,
} from "@aws-sdk/client-vpc-lattice";
import type { WriteResult } from "./results.js";
import type { CallRunner } from "./runner.js";

type Input = Record<string, unknown>;

export function createLatticeWriter(lattice: VPCLatticeClient, runner: CallRunner) {
  const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) =>
    runner.call("vpc-lattice", operation, fn);
  const answer = (
    out: { id?: string; arn?: string; status?: string; $metadata: { requestId?: string } },
    fallbackStatus: string,
  ): WriteResult => ({
    id: out.id ?? "",
    arn: out.arn,
    status: out.status ?? fallbackStatus,
    requestId: out.$metadata.requestId,
  });
  return {
    CreateServiceNetworkVpcAssociation: async (input: Input): Promise<WriteResult> =>
      answer(
        await call("CreateServiceNetworkVpcAssociation", (abortSignal) =>
          lattice.send(
            new CreateServiceNetworkVpcAssociationCommand(
              input as unknown as CreateServiceNetworkVpcAssociationCommandInput,
            ),
            { abortSignal },
          ),
        ),
        "CREATE_IN_PROGRESS",
      ),
    CreateServiceNetworkResourceAssociation: async (input: Input): Promise<WriteResult> =>
      answer(
        await call("CreateServiceNetworkResourceAssociation", (abortSignal) =>
          lattice.send(
            new CreateServiceNetworkResourceAssociationCommand(
              input as unknown as CreateServiceNetworkResourceAssociationCommandInput,
            ),
            { abortSignal },
          ),
        ),
        "CREATE_IN_PROGRESS",
      ),
    CreateServiceNetworkServiceAssociation: async (input: Input): Promise<WriteResult> =>
      answer(
        await call("CreateServiceNetworkServiceAssociation", (abortSignal) =>
          lattice.send(
            new CreateServiceNetworkServiceAssociationCommand(
              input as unknown as CreateServiceNetworkServiceAssociationCommandInput,
            ),
            { abortSignal },
          ),
        ),
        "CREATE_IN_PROGRESS",
      ),
    DeleteServiceNetworkVpcAssociation: async (input: Input): Promise<WriteResult> =>
      answer(
        await call("DeleteServiceNetworkVpcAssociation", (abortSignal) =>
          lattice.send(
            new DeleteServiceNetworkVpcAssociationCommand(
              input as unknown as DeleteServiceNetworkVpcAssociationCommandInput,
            ),
            { abortSignal },
          ),
        ),
        "DELETE_IN_PROGRESS",
      ),
    DeleteServiceNetworkResourceAssociation: async (input: Input): Promise<WriteResult> =>
      answer(
        await call("DeleteServiceNetworkResourceAssociation", (abortSignal) =>
          lattice.send(
            new DeleteServiceNetworkResourceAssociationCommand(
              input as unknown as DeleteServiceNetworkResourceAssociationCommandInput,
            ),
            { abortSignal },
          ),
        ),
        "DELETE_IN_PROGRESS",
      ),
    DeleteServiceNetworkServiceAssociation: async (input: Input): Promise<WriteResult> =>
      answer(
        await call("DeleteServiceNetworkServiceAssociation", (abortSignal) =>
          lattice.send(
            new DeleteServiceNetworkServiceAssociationCommand(
              input as unknown as DeleteServiceNetworkServiceAssociationCommandInput,
            ),
            { abortSignal },
          ),
        ),
        "DELETE_IN_PROGRESS",
      ),
  };
}

export type LatticeWriter = ReturnType<typeof createLatticeWriter>;
