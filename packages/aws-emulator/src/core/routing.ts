/**
 * Which service and region a request is for, and with which access key: the
 * SigV4 credential scope (core/identity.ts turns the key into the caller).
 */
import type { IncomingHttpHeaders } from "node:http";

export interface CredentialScope {
  accessKeyId: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export function credentialScope(headers: IncomingHttpHeaders, query: URLSearchParams): CredentialScope | undefined {
  const authorization = headers.authorization;
  const fromHeader = typeof authorization === "string" ? SCOPE.exec(authorization) : null;
  if (fromHeader) {
    return { accessKeyId: fromHeader[1]!, region: fromHeader[2]!, service: fromHeader[3]! };
  }
  const presigned = query.get("X-Amz-Credential");
  if (presigned) {
    const [accessKeyId, , region, service] = presigned.split("/");
    if (accessKeyId && region && service) return { accessKeyId, region, service };
  }
  return undefined;
}
