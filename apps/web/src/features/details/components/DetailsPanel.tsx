/**
 * Everything about the selected node: identity (id, ARN, copy), a console
 * deep link, the parts that matter most for its kind (DNS entries with copy
 * buttons, security groups with their rules, listeners, subnets), for a
 * target the VPCs it is reachable from, every other field, and its
 * connections on the diagram.
 */
import type { GraphEdge, GraphNode, GraphNodeOf, SecurityGroupRule, Topology } from "@lattice-atlas/shared";
import { Fragment, memo, type ReactNode } from "react";
import { DnsName } from "../../../lib/ui/DnsName";
import { CopyButton } from "../../../lib/ui/CopyButton";
import type { ChangeAccess } from "../../actions/change-access";
import { NodeChanges } from "../../actions/components/NodeChanges";
import type { SheetRequest } from "../../actions/sheet-request";
import { REACHABLE_FROM_KINDS } from "../../connect/api";
import { ReachableFromSection } from "../../connect/components/ReachableFromSection";
import { CheckConnectivity } from "../../explain/components/CheckConnectivity";
import type { SourceTarget } from "../../topology/target";
import { NODE_KIND_LABEL } from "../../../lib/node-kinds";
import { EDGE_KIND_LABEL } from "../../topology/kinds";
import { KindIcon } from "../../topology/nodes/icons";
import { StatusBadge } from "../../topology/nodes/node-parts";
import { indexTopology, type TopologyIndex } from "../../topology/topology-index";
import { consoleLink } from "../console-links";
import { ConsoleLink, emulatedSource } from "./ConsoleLink";
import { LATTICE_DETAILS_KINDS } from "../lattice-details";
import { LatticeDetailsSection } from "./LatticeDetailsSection";

interface DetailsPanelProps {
  topology: Topology;
  target: SourceTarget;
  nodeId: string;
  /** Whether the source accepts changes (and why not). */
  access: ChangeAccess;
  onSelect(id: string): void;
  onConnectFrom(vpcId: string): void;
  onFocus(id: string): void;
  onStartChange(request: SheetRequest): void;
}

const looksLikeDns = (value: string): boolean =>
  /\.(on\.aws|amazonaws\.com|amazonaws\.com\.cn)\.?$/.test(value) || /^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/i.test(value);

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <span className="copyable">
      {looksLikeDns(value) ? <DnsName name={value} /> : <code>{value}</code>}
      <CopyButton value={value} label={`Copy ${label} ${value}`} />
    </span>
  );
}

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

function NodeLink({ index, id, onSelect }: { index: TopologyIndex; id: string; onSelect(id: string): void }) {
  const node = index.byId.get(id);
  if (!node) return <code>{id}</code>;
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => onSelect(id)}
      title={`${NODE_KIND_LABEL[node.kind]} ${id}`}
    >
      {node.label}
      {node.label !== id ? <span className="muted"> ({id})</span> : null}
    </button>
  );
}

function ruleText(rule: SecurityGroupRule): string {
  const protocol = rule.protocol === "-1" ? "all traffic" : rule.protocol.toUpperCase();
  const ports =
    rule.protocol === "-1" || rule.fromPort === undefined
      ? ""
      : rule.fromPort === rule.toPort
        ? ` ${rule.fromPort}`
        : ` ${rule.fromPort}–${rule.toPort}`;
  return `${protocol}${ports}`;
}

function RulesTable({
  title,
  rules,
  index,
  onSelect,
  direction,
}: {
  title: string;
  rules: SecurityGroupRule[];
  index: TopologyIndex;
  onSelect(id: string): void;
  direction: "from" | "to";
}) {
  return (
    <div className="rules">
      <div className="rules__title">{title}</div>
      {rules.length === 0 ? (
        <p className="muted">No rules{direction === "from" ? " (nothing may come in)" : ""}.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Traffic</th>
              <th scope="col">{direction === "from" ? "Source" : "Destination"}</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => (
              <tr key={i}>
                <td>{ruleText(rule)}</td>
                <td>
                  {rule.sourceGroupId ? (
                    <NodeLink index={index} id={rule.sourceGroupId} onSelect={onSelect} />
                  ) : (
                    <code>{rule.cidr ?? rule.ipv6Cidr ?? rule.prefixListId ?? "—"}</code>
                  )}
                </td>
                <td>{rule.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SecurityGroups({
  ids,
  index,
  onSelect,
}: {
  ids: readonly string[] | null;
  index: TopologyIndex;
  onSelect(id: string): void;
}) {
  if (ids === null) return <p className="muted">The security groups could not be read (see the warnings banner).</p>;
  if (ids.length === 0) return <p className="muted">No security groups: no security-group filtering applies.</p>;
  return (
    <div className="groups">
      {ids.map((id) => {
        const group = index.get(id, "securityGroup");
        return (
          <div key={id} className="group-card">
            <div className="group-card__head">
              <NodeLink index={index} id={id} onSelect={onSelect} />
            </div>
            {group ? (
              <>
                <RulesTable
                  title="Inbound"
                  rules={group.data.ingress}
                  index={index}
                  onSelect={onSelect}
                  direction="from"
                />
                <RulesTable
                  title="Outbound"
                  rules={group.data.egress}
                  index={index}
                  onSelect={onSelect}
                  direction="to"
                />
              </>
            ) : (
              <p className="muted">Not in the picture (it belongs to another VPC or could not be read).</p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="details__section">
      <h3 className="panel__heading">{title}</h3>
      {children}
    </section>
  );
}

function KindSpecific({
  node,
  index,
  onSelect,
}: {
  node: GraphNode;
  index: TopologyIndex;
  onSelect(id: string): void;
}) {
  switch (node.kind) {
    case "vpc":
      return (
        <Section title={`Subnets (${node.data.subnets.length})`}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Subnet</th>
                <th scope="col">CIDR</th>
                <th scope="col">Zone</th>
              </tr>
            </thead>
            <tbody>
              {node.data.subnets.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.name ? <div>{s.name}</div> : null}
                    <code>{s.id}</code>
                  </td>
                  <td>
                    <code>{s.cidr}</code>
                  </td>
                  <td>
                    {s.availabilityZone}
                    {s.availabilityZoneId ? <span className="muted"> ({s.availabilityZoneId})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      );
    case "securityGroup": {
      const owners = index.groupOwners.get(node.id) ?? [];
      const admitted = index.admittedBy.get(node.id) ?? [];
      return (
        <>
          <Section title="Rules">
            <RulesTable title="Inbound" rules={node.data.ingress} index={index} onSelect={onSelect} direction="from" />
            <RulesTable title="Outbound" rules={node.data.egress} index={index} onSelect={onSelect} direction="to" />
          </Section>
          <Section title="Used by">
            {owners.length === 0 ? <p className="muted">Nothing in the picture uses this group directly.</p> : null}
            <ul className="plain-list">
              {owners.map((o) => (
                <li key={o.id}>
                  {NODE_KIND_LABEL[o.kind]}: <NodeLink index={index} id={o.id} onSelect={onSelect} />
                </li>
              ))}
            </ul>
            {admitted.length > 0 ? (
              <>
                <p>Let in by the inbound rules of:</p>
                <ul className="plain-list">
                  {admitted.map((g) => (
                    <li key={g.id}>
                      <NodeLink index={index} id={g.id} onSelect={onSelect} />
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Section>
        </>
      );
    }
    case "vpcEndpoint":
      return (
        <>
          <Section title={`DNS entries (${node.data.associations.length})`}>
            {node.data.associations.length === 0 ? <p className="muted">No endpoint associations listed.</p> : null}
            {node.data.associations.map((row) => {
              const resource = findByArn(index, row.associatedResourceArn);
              return (
                <div key={row.id} className="dns-row">
                  <div className="dns-row__head">
                    {resource ? (
                      <NodeLink index={index} id={resource.id} onSelect={onSelect} />
                    ) : (
                      <code>{row.associatedResourceArn}</code>
                    )}
                    {row.accessibility ? <span className="muted"> · {row.accessibility}</span> : null}
                  </div>
                  <dl className="kv">
                    {row.dnsName ? (
                      <Row name="DNS name">{<Copyable value={row.dnsName} label="DNS name" />}</Row>
                    ) : null}
                    {row.privateDnsName ? (
                      <Row name="Private DNS name">
                        {<Copyable value={row.privateDnsName} label="private DNS name" />}
                      </Row>
                    ) : null}
                    <Row name="Association">
                      <code>{row.id}</code>
                    </Row>
                    {row.failureReason ? <Row name="Failure">{row.failureReason}</Row> : null}
                  </dl>
                </div>
              );
            })}
          </Section>
          <Section title="Security groups">
            <SecurityGroups ids={node.data.securityGroupIds} index={index} onSelect={onSelect} />
          </Section>
        </>
      );
    case "vpcAssociation":
      return (
        <Section title="Security groups">
          <SecurityGroups ids={node.data.securityGroupIds} index={index} onSelect={onSelect} />
        </Section>
      );
    case "resourceAssociation":
      return (
        <Section title="DNS entries">
          <dl className="kv">
            {node.data.dnsName ? (
              <Row name="DNS name">
                <Copyable value={node.data.dnsName} label="DNS name" />
                <p className="hint">
                  Answers in VPCs associated with this service network (pattern 3) — use this name there.
                </p>
              </Row>
            ) : (
              <Row name="DNS name">
                <span className="muted">none (a group association: its children carry the names)</span>
              </Row>
            )}
            {node.data.privateDnsName ? (
              <Row name="Private DNS name">
                <Copyable value={node.data.privateDnsName} label="private DNS name" />
                <p className="hint">
                  Works only where private DNS is on for both the VPC association and this association.
                </p>
              </Row>
            ) : null}
          </dl>
        </Section>
      );
    case "serviceAssociation":
      return (
        <Section title="DNS entries">
          <ServiceNames dnsName={node.data.dnsName} customDomainName={node.data.customDomainName} />
        </Section>
      );
    case "resourceGateway":
    case "dbCluster":
      return (
        <>
          {node.kind === "dbCluster" ? (
            <Section title="Endpoints">
              <dl className="kv">
                {node.data.writerEndpoint ? (
                  <Row name="Writer">{<Copyable value={node.data.writerEndpoint} label="writer endpoint" />}</Row>
                ) : null}
                {node.data.readerEndpoint ? (
                  <Row name="Reader">{<Copyable value={node.data.readerEndpoint} label="reader endpoint" />}</Row>
                ) : null}
                <Row name="Port">{node.data.port}</Row>
              </dl>
            </Section>
          ) : null}
          <Section title="Security groups">
            <SecurityGroups ids={node.data.securityGroupIds} index={index} onSelect={onSelect} />
          </Section>
        </>
      );
    case "dbEndpoint":
      return (
        <Section title="Endpoint">
          <dl className="kv">
            <Row name="Hostname">
              <Copyable value={node.data.hostname} label="hostname" />
            </Row>
            <Row name="Port">{node.data.port}</Row>
          </dl>
          <p className="hint">
            From another VPC this name works only through a Resource or ServiceNetwork endpoint with private DNS — use
            “Connect from…” to check.
          </p>
        </Section>
      );
    case "service":
      return (
        <>
          <Section title="DNS">
            <ServiceNames dnsName={node.data.dnsName} customDomainName={node.data.customDomainName} />
          </Section>
          <Section title={`Listeners (${node.data.listeners.length})`}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Protocol</th>
                  <th scope="col">Port</th>
                </tr>
              </thead>
              <tbody>
                {node.data.listeners.map((l) => (
                  <tr key={l.id}>
                    <td>
                      {l.name} <code className="muted">{l.id}</code>
                    </td>
                    <td>{l.protocol}</td>
                    <td>{l.port}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </>
      );
    case "resourceConfiguration":
      return <CustomDomain data={node.data} />;
    case "account":
      return node.data.status === "readable" ? null : (
        <Section title="Access">
          <dl className="kv">
            <Row name="Status">{node.data.status}</Row>
            {node.data.reason ? <Row name="Why">{node.data.reason}</Row> : null}
            {node.data.fix ? <Row name="Fix">{node.data.fix}</Row> : null}
          </dl>
        </Section>
      );
    case "stub":
      return (
        <Section title="Not read">
          <p data-testid="stub-reason">{node.data.reason}</p>
        </Section>
      );
    default:
      return null;
  }
}

/** A configuration's custom domain and its verification: pending with the TXT record to create, verified, failed. */
function CustomDomain({ data }: { data: GraphNodeOf<"resourceConfiguration">["data"] }) {
  const domain = data.customDomainName ?? data.groupDomain;
  if (!domain) return null;
  const verification = data.domainVerification;
  return (
    <Section title="Custom domain">
      <dl className="kv" data-testid="custom-domain">
        <Row name="Domain">
          <Copyable value={domain} label="custom domain" />
        </Row>
        <Row name="Verification">
          <span data-testid="domain-verification" data-status={verification?.status ?? "NONE"}>
            {verification ? `${verification.status} (${verification.domainName})` : "not started"}
          </span>
          {!verification ? (
            <p className="hint">
              Unverified, the name resolves only where a VPC&apos;s DNS preference admits unverified or listed domains.
            </p>
          ) : null}
        </Row>
        {verification && verification.status !== "VERIFIED" && verification.txtName ? (
          <Row name="TXT record to create">
            <Copyable value={verification.txtName} label="TXT record name" />
            {verification.txtValue ? <Copyable value={verification.txtValue} label="TXT record value" /> : null}
            <p className="hint">In the public zone of {verification.domainName}; Lattice checks it and verifies.</p>
          </Row>
        ) : null}
      </dl>
    </Section>
  );
}

/** An account by its name and id (an estate names its accounts; a single account has only its id). */
function AccountName({ topology, accountId }: { topology: Topology; accountId: string }) {
  const name = topology.estate?.accounts.find((a) => a.accountId === accountId)?.name;
  return name ? (
    <>
      {name} <code>{accountId}</code>
    </>
  ) : (
    <code>{accountId}</code>
  );
}

function findByArn(index: TopologyIndex, arn: string): GraphNode | undefined {
  const id = arn.split("/").pop();
  const byId = id ? index.byId.get(id) : undefined;
  if (byId) return byId;
  return index.byId.get(arn);
}

/** Every field of the node's data, as a definition list (nested values indented). */
function AllFields({ value }: { value: Record<string, unknown> }) {
  return (
    <dl className="kv kv--all">
      {Object.entries(value).map(([key, v]) => (
        <Fragment key={key}>
          <dt>{key}</dt>
          <dd>
            <FieldValue value={v} name={key} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function FieldValue({ value, name }: { value: unknown; name: string }): ReactNode {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string")
    return looksLikeDns(value) || value.startsWith("arn:") ? (
      <Copyable value={value} label={name} />
    ) : (
      <code>{value}</code>
    );
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">none</span>;
    return (
      <ul className="plain-list">
        {value.map((item, i) => (
          <li key={i}>
            <FieldValue value={item} name={name} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") return <AllFields value={value as Record<string, unknown>} />;
  return String(value);
}

function Connections({ node, index, onSelect }: { node: GraphNode; index: TopologyIndex; onSelect(id: string): void }) {
  const incoming = index.incoming.get(node.id) ?? [];
  const outgoing = index.outgoing.get(node.id) ?? [];
  const children = index.childrenOf.get(node.id) ?? [];
  const line = (edge: GraphEdge, other: string) => (
    <li key={edge.id}>
      <span className="muted">{EDGE_KIND_LABEL[edge.kind]}</span>{" "}
      <NodeLink index={index} id={other} onSelect={onSelect} />
    </li>
  );
  if (incoming.length + outgoing.length + children.length === 0) return null;
  return (
    <Section title="Connections">
      {incoming.length > 0 ? (
        <>
          <div className="eyebrow">From</div>
          <ul className="plain-list">{incoming.map((e) => line(e, e.source))}</ul>
        </>
      ) : null}
      {outgoing.length > 0 ? (
        <>
          <div className="eyebrow">To</div>
          <ul className="plain-list">{outgoing.map((e) => line(e, e.target))}</ul>
        </>
      ) : null}
      {children.length > 0 ? (
        <>
          <div className="eyebrow">Inside ({children.length})</div>
          <ul className="plain-list">
            {children.slice(0, 50).map((c) => (
              <li key={c.id}>
                <span className="muted">{NODE_KIND_LABEL[c.kind]}</span>{" "}
                <NodeLink index={index} id={c.id} onSelect={onSelect} />
              </li>
            ))}
          </ul>
          {children.length > 50 ? <p className="muted">and {children.length - 50} more</p> : null}
        </>
      ) : null}
    </Section>
  );
}

const DetailsPanel = memo(function DetailsPanel({
  topology,
  target,
  nodeId,
  access,
  onSelect,
  onConnectFrom,
  onFocus,
  onStartChange,
}: DetailsPanelProps) {
  const index = indexTopology(topology);
  const node = index.byId.get(nodeId);
  if (!node) {
    return (
      <div className="panel__body">
        <p>
          <code>{nodeId}</code> is not in this topology (it may have been deleted, or it belongs to another account or
          region).
        </p>
      </div>
    );
  }
  const link = consoleLink(node, topology.region);
  const arn =
    "arn" in node.data && typeof node.data.arn === "string"
      ? node.data.arn
      : node.id.startsWith("arn:")
        ? node.id
        : undefined;
  return (
    <div className="panel__body details" data-testid="details-panel" data-node-id={node.id}>
      <header className="details__head">
        <span className={`details__icon kind-${node.kind}`}>
          <KindIcon kind={node.kind} size={22} />
        </span>
        <div>
          <div className="eyebrow">{NODE_KIND_LABEL[node.kind]}</div>
          <h2 className="details__name">{node.label}</h2>
        </div>
        <StatusBadge status={node.status} />
      </header>
      <dl className="kv">
        <Row name="Id">
          <Copyable value={node.id} label="id" />
        </Row>
        {arn && arn !== node.id ? (
          <Row name="ARN">
            <Copyable value={arn} label="ARN" />
          </Row>
        ) : null}
        {node.parent ? (
          <Row name="VPC">
            <NodeLink index={index} id={node.parent} onSelect={onSelect} />
          </Row>
        ) : null}
        <Row name="Region">
          <span data-testid="details-region">{node.region ?? topology.region}</span>
        </Row>
        <Row name="Account">
          <span data-testid="details-account">
            <AccountName topology={topology} accountId={node.accountId ?? topology.accountId} />
          </span>
        </Row>
        {node.observedIn && node.observedIn.length > 0 ? (
          <Row name="Seen from">
            {node.observedIn.map((a, i) => (
              <span key={a}>
                {i > 0 ? ", " : ""}
                <AccountName topology={topology} accountId={a} />
              </span>
            ))}
          </Row>
        ) : null}
      </dl>
      <div className="details__actions">
        {link ? (
          <ConsoleLink
            url={link.url}
            title={`The ${link.page} page in the AWS console (${topology.region})`}
            emulated={emulatedSource(topology.source.id)}
          />
        ) : null}
        <button type="button" className="button button--small" onClick={() => onFocus(node.id)}>
          Show on map
        </button>
        {node.kind === "vpc" ? (
          <button type="button" className="button button--small button--primary" onClick={() => onConnectFrom(node.id)}>
            Connect from this VPC
          </button>
        ) : null}
      </div>
      <CheckConnectivity key={node.id} topology={topology} nodeId={node.id} />
      <NodeChanges node={node} target={target} access={access} onStart={onStartChange} />
      <KindSpecific node={node} index={index} onSelect={onSelect} />
      {LATTICE_DETAILS_KINDS.has(node.kind) ? (
        <LatticeDetailsSection key={node.id} target={target} nodeId={node.id} />
      ) : null}
      {REACHABLE_FROM_KINDS.has(node.kind) ? (
        <ReachableFromSection target={target} nodeId={node.id} onSelect={onSelect} />
      ) : null}
      <Connections node={node} index={index} onSelect={onSelect} />
      <details className="details__all">
        <summary>All fields</summary>
        <AllFields value={node.data as Record<string, unknown>} />
      </details>
    </div>
  );
});

/** A Lattice service's names, as the service and each of its network associations carry them. */
function ServiceNames({
  dnsName,
  customDomainName,
}: {
  dnsName?: string | undefined;
  customDomainName?: string | undefined;
}) {
  return (
    <dl className="kv">
      {dnsName ? (
        <Row name="DNS name">
          <Copyable value={dnsName} label="DNS name" />
        </Row>
      ) : null}
      {customDomainName ? (
        <Row name="Custom domain">
          <Copyable value={customDomainName} label="custom domain" />
        </Row>
      ) : null}
    </dl>
  );
}

export default DetailsPanel;
