/** Ready-to-paste client commands for a hostname and port. */
export interface CommandHint {
  engine?: string | undefined;
  user?: string | undefined;
  database?: string | undefined;
  protocol?: string | undefined;
}

export function databaseCommand(host: string, port: number | undefined, hint: CommandHint = {}): string {
  const engine = hint.engine ?? "";
  if (engine.includes("postgres") || (!engine && port === 5432)) {
    return `psql -h ${host} -p ${port ?? 5432} -U ${hint.user ?? "postgres"}${hint.database ? ` -d ${hint.database}` : ""}`;
  }
  if (engine.includes("mysql") || (!engine && port === 3306)) {
    return `mysql -h ${host} -P ${port ?? 3306} -u ${hint.user ?? "admin"} -p`;
  }
  return port ? `nc -vz ${host} ${port}` : `nc -vz ${host} <port>`;
}

export function httpCommand(host: string, protocol: string, port: number): string {
  const scheme = protocol === "HTTP" ? "http" : "https";
  const defaultPort = scheme === "http" ? 80 : 443;
  return `curl ${scheme}://${host}${port === defaultPort ? "" : `:${port}`}`;
}

/** "5432" → 5432; "1-65535" or several ranges → undefined. */
export function singlePort(ranges: string[]): number | undefined {
  if (ranges.length !== 1) return undefined;
  const [only] = ranges;
  return only && /^\d+$/.test(only) ? Number(only) : undefined;
}
