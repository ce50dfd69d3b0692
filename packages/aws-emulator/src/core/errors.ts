/**
 * One error type for every service. The protocol layer renders it in the
 * service's own envelope (restJson1 header + JSON, EC2 XML, awsQuery XML).
 */
export interface AwsErrorInit {
  code: string;
  message: string;
  status?: number;
  /** Extra modelled members, e.g. resourceId/resourceType/fieldList/quotaCode. */
  fields?: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** awsQuery `<Type>`: Sender for client faults, Receiver for server faults. */
  type?: "Sender" | "Receiver";
}

export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: Record<string, unknown>;
  readonly retryAfterSeconds: number | undefined;
  readonly type: "Sender" | "Receiver";

  constructor(init: AwsErrorInit) {
    super(init.message);
    this.name = init.code;
    this.code = init.code;
    this.status = init.status ?? 400;
    this.fields = init.fields ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.type = init.type ?? (this.status >= 500 ? "Receiver" : "Sender");
  }
}

export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
