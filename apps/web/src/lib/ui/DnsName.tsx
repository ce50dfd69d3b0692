/** A DNS name in monospace that wraps only after its dots (a <wbr> after each one; never at a label's hyphens). */
import { Fragment } from "react";
import { dnsNameParts } from "../dns-name";

export function DnsName({ name, className }: { name: string; className?: string }) {
  return (
    <code className={`dns-name${className ? ` ${className}` : ""}`}>
      {dnsNameParts(name).map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          <span className="dns-name__label">{part}</span>
        </Fragment>
      ))}
    </code>
  );
}
