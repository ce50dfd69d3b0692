/**
 * The form of a creation: how a VPC reaches a network (association or
 * ServiceNetwork endpoint), the ends (VPC, network, configuration, service),
 * subnets one per zone, up to five security groups, private DNS and its
 * options. Which of these show is the kind's (kinds/<kind>.ts `fields`).
 */
import type { ReactNode } from "react";
import { rulesLabel } from "../../../topology/to-flow-graph";
import type { TopologyIndex } from "../../../topology/topology-index";
import {
  MAX_SECURITY_GROUPS,
  PRIVATE_DNS_PREFERENCE_LIST,
  associableConfiguration,
  fieldsOf,
  groupsOfVpc,
  toggleGroup,
  withType,
  withVpc,
} from "../../change-forms";
import type { ChangeForm, CreateType, PrivateDnsPreference } from "../../kinds";
import { subnetsByZone } from "../../kinds/parts";

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <label className="field field--stacked sheet__field">
      <span className="field__label">{label}</span>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
    </label>
  );
}

const byLabel = <T extends { id: string; label: string }>(a: T, b: T): number =>
  a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

/** A VPC onto a network can be either: the two ways, side by side. */
const VPC_ONTO_NETWORK = ["associate-vpc", "create-service-network-endpoint"] as const satisfies readonly CreateType[];

export function ChangeFormFields({
  form,
  index,
  onChange,
}: {
  form: ChangeForm;
  index: TopologyIndex;
  onChange(form: ChangeForm): void;
}) {
  const need = fieldsOf(form.type);
  const vpcs = [...index.of("vpc")].sort(
    (a, b) => Number(b.data.roles.includes("consumer")) - Number(a.data.roles.includes("consumer")) || byLabel(a, b),
  );
  const networks = [...index.of("serviceNetwork")].sort(byLabel);
  const configurations = index.of("resourceConfiguration").filter(associableConfiguration).sort(byLabel);
  const services = [...index.of("service")].sort(byLabel);
  const zones = subnetsByZone(index.get(form.vpcId, "vpc"));
  const groups = form.vpcId ? groupsOfVpc(index, form.vpcId) : [];
  const configuration = index.get(form.resourceConfigurationId, "resourceConfiguration");
  const arnConfiguration = form.type === "associate-resource" && configuration?.data.type === "ARN";
  const set = (patch: Partial<ChangeForm>): void => onChange({ ...form, ...patch });

  return (
    <section className="sheet__form" aria-label="Settings">
      {(VPC_ONTO_NETWORK as readonly CreateType[]).includes(form.type) ? (
        <fieldset className="sheet__choice">
          <legend className="field__label">How the VPC reaches the service network</legend>
          {VPC_ONTO_NETWORK.map((type) => (
            <label key={type} className="radio">
              <input
                type="radio"
                name="change-type"
                checked={form.type === type}
                data-testid={`sheet-type-${type}`}
                onChange={() => onChange(withType(form, type, index))}
              />
              <span>
                {type === "associate-vpc" ? (
                  <>
                    <strong>VPC association</strong> (pattern 3) — one service network per VPC; names are the snra-… DNS
                    entries
                  </>
                ) : (
                  <>
                    <strong>ServiceNetwork endpoint</strong> (pattern 2) — many per VPC; needs subnets
                  </>
                )}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}

      {need.vpc ? (
        <Field label="VPC">
          <select
            value={form.vpcId}
            data-testid="pick-vpc"
            onChange={(event) => onChange(withVpc(form, event.target.value, index))}
          >
            {form.vpcId === "" ? <option value="">Choose a VPC…</option> : null}
            {vpcs.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} ({v.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.network ? (
        <Field label="Service network">
          <select
            value={form.serviceNetworkId}
            data-testid="pick-network"
            onChange={(event) => set({ serviceNetworkId: event.target.value })}
          >
            {form.serviceNetworkId === "" ? <option value="">Choose a service network…</option> : null}
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label} ({n.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.configuration ? (
        <Field label="Resource configuration">
          <select
            value={form.resourceConfigurationId}
            data-testid="pick-configuration"
            onChange={(event) => set({ resourceConfigurationId: event.target.value })}
          >
            {form.resourceConfigurationId === "" ? <option value="">Choose a configuration…</option> : null}
            {configurations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} · {c.data.type} ({c.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.service ? (
        <Field label="Lattice service">
          <select
            value={form.serviceId}
            data-testid="pick-service"
            onChange={(event) => set({ serviceId: event.target.value })}
          >
            {form.serviceId === "" ? <option value="">Choose a service…</option> : null}
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} ({s.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}

      {need.subnets ? (
        <fieldset className="sheet__group">
          <legend className="field__label">Subnets — one per Availability Zone</legend>
          {zones.length === 0 ? <p className="muted">This VPC has no subnets in the picture.</p> : null}
          {zones.map(({ zone, subnets }) => (
            <label key={zone} className="sheet__zone">
              <span className="sheet__zone-name">{zone}</span>
              <select
                value={form.subnetByZone[zone] ?? ""}
                data-testid="pick-subnet"
                data-zone={zone}
                onChange={(event) => set({ subnetByZone: { ...form.subnetByZone, [zone]: event.target.value } })}
              >
                <option value="">— none in this zone —</option>
                {subnets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name ? `${s.name} · ` : ""}
                    {s.id} · {s.cidr}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ) : null}

      {need.groups ? (
        <fieldset className="sheet__group">
          <legend className="field__label">
            Security groups — {form.securityGroupIds.length} of at most {MAX_SECURITY_GROUPS}
          </legend>
          {groups.length === 0 ? <p className="muted">No security groups of this VPC are in the picture.</p> : null}
          {groups.map((g) => {
            const checked = form.securityGroupIds.includes(g.id);
            const inbound = g.data.ingress.length > 0 ? rulesLabel(g.data.ingress) : "no inbound rule";
            return (
              <label key={g.id} className="check-row">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && form.securityGroupIds.length >= MAX_SECURITY_GROUPS}
                  data-testid="pick-group"
                  data-group-id={g.id}
                  onChange={() => onChange(toggleGroup(form, g.id))}
                />
                <span>
                  {g.data.groupName} <code className="muted">{g.id}</code>
                  <span className="hint">
                    {" "}
                    · in: {inbound}
                    {g.usedForLattice ? " · already used by a Lattice entry of this VPC" : ""}
                  </span>
                </span>
              </label>
            );
          })}
          {form.type === "associate-vpc" && form.securityGroupIds.length === 0 ? (
            <p className="hint">Without security groups the association filters nothing.</p>
          ) : null}
        </fieldset>
      ) : null}

      {need.privateDns ? (
        arnConfiguration ? (
          <p className="hint">Private DNS is always on for ARN (RDS) configurations.</p>
        ) : (
          <label className="check-row">
            <input
              type="checkbox"
              checked={form.privateDnsEnabled}
              data-testid="private-dns"
              onChange={(event) => set({ privateDnsEnabled: event.target.checked })}
            />
            <span>
              Private DNS
              <span className="hint">
                {" "}
                — resource configurations and services also answer by their own names (e.g. the Aurora writer hostname)
                in this VPC
              </span>
            </span>
          </label>
        )
      ) : null}
      {need.dnsOptions && form.privateDnsEnabled ? (
        <Field label="Private DNS preference">
          <select
            value={form.dnsPreference}
            data-testid="dns-preference"
            onChange={(event) => set({ dnsPreference: event.target.value as "" | PrivateDnsPreference })}
          >
            <option value="">AWS default (verified domains only)</option>
            {PRIVATE_DNS_PREFERENCE_LIST.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.dnsOptions &&
      form.privateDnsEnabled &&
      (form.dnsPreference === "SPECIFIED_DOMAINS_ONLY" ||
        form.dnsPreference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS") ? (
        <Field label="Specified domains" hint="Comma separated, up to 10; *.example.com wildcards allowed.">
          <input
            type="text"
            value={form.specifiedDomains}
            data-testid="specified-domains"
            onChange={(event) => set({ specifiedDomains: event.target.value })}
          />
        </Field>
      ) : null}
    </section>
  );
}
