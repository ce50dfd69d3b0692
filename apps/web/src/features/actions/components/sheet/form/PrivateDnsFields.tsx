/** Private DNS (always on for an ARN configuration), its preference and its specified domains. */
import { PRIVATE_DNS_PREFERENCE_LIST, fieldsOf } from "../../../change-forms";
import type { PrivateDnsPreference } from "../../../kinds";
import { Field } from "./Field";
import type { FormPartProps } from "./props";

export function PrivateDnsFields({ form, index, onChange }: FormPartProps) {
  const need = fieldsOf(form.type);
  const configuration = index.get(form.resourceConfigurationId, "resourceConfiguration");
  const arnConfiguration = form.type === "associate-resource" && configuration?.data.type === "ARN";
  const set = (patch: Partial<FormPartProps["form"]>): void => onChange({ ...form, ...patch });
  return (
    <>
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
    </>
  );
}
