/** Service network ↔ Lattice service association: CreateServiceNetworkServiceAssociation. */
import { named } from "../../lattice/text.js";
import { idOf } from "../arns.js";
import { cfnResource, cli, compact, hclResource, logicalId, tfName } from "../codify-writers.js";
import { checkConsumersOfNetwork, checkExistingPair, checkNotDeleting, portsOfService } from "../findings.js";
import { inputOf, type KindOf } from "./kind.js";

export const associateService: KindOf<"associate-service"> = {
  resourceKind: "serviceAssociation",

  preflight(action, scope) {
    const { f, index, resolved } = scope;
    const sn = scope.network(action.serviceNetworkId);
    const service = scope.service(action.serviceId);
    resolved.summary = `Associate Lattice service ${service ? named(service.label, service.id) : action.serviceId} with service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
    checkNotDeleting(f, service, "Service");
    if (!sn || !service) return;
    checkExistingPair(
      f,
      index.serviceAssociationsOf(service.id).filter((a) => a.data.serviceNetworkId === sn.id),
      (a) =>
        `${named(service.label, service.id)} is already associated with ${named(sn.label, sn.id)} (${a.id}, ${a.data.status}).`,
      "remove-service-association",
    );
    checkConsumersOfNetwork(f, index, sn, portsOfService(service));
  },

  calls: (_a, resolved, clientToken) => [
    {
      service: "vpc-lattice",
      operation: "CreateServiceNetworkServiceAssociation",
      input: compact({
        serviceIdentifier: resolved.serviceIdentifier,
        serviceNetworkIdentifier: resolved.serviceNetworkIdentifier,
        clientToken,
      }),
    },
  ],

  cli(a, resolved, clientToken) {
    const input = inputOf(associateService, a, resolved, clientToken);
    return cli(
      "vpc-lattice create-service-network-service-association",
      [
        ["--service-identifier", input.serviceIdentifier],
        ["--service-network-identifier", input.serviceNetworkIdentifier],
        ["--client-token", clientToken],
      ],
      resolved.region,
    );
  },

  terraform(a, resolved) {
    const input = inputOf(associateService, a, resolved);
    return hclResource(
      "aws_vpclattice_service_network_service_association",
      tfName(idOf(a.serviceId), "in", idOf(a.serviceNetworkId)),
      [
        ["service_identifier", input.serviceIdentifier],
        ["service_network_identifier", input.serviceNetworkIdentifier],
      ],
    );
  },

  cloudformation(a, resolved) {
    const input = inputOf(associateService, a, resolved);
    return cfnResource(
      logicalId("ServiceAssociation", idOf(a.serviceId)),
      "AWS::VpcLattice::ServiceNetworkServiceAssociation",
      { ServiceIdentifier: input.serviceIdentifier, ServiceNetworkIdentifier: input.serviceNetworkIdentifier },
    );
  },
};
