/** VPC Lattice error shapes (restJson1: status + x-amzn-ErrorType + JSON members). */
import { AwsError } from "../../core/errors.js";

export interface FieldProblem {
  name: string;
  message: string;
}

export function validationException(fields: FieldProblem[], summary?: string): AwsError {
  const message =
    summary ??
    `${fields.length} validation error${fields.length === 1 ? "" : "s"} detected: ` +
      fields.map((f) => `Value at '${f.name}' failed to satisfy constraint: ${f.message}`).join("; ");
  return new AwsError({
    code: "ValidationException",
    status: 400,
    message,
    fields: { reason: "fieldValidationFailed", fieldList: fields },
  });
}

export function invalid(name: string, message: string): AwsError {
  return validationException([{ name, message }]);
}

export function notFound(resourceType: string, resourceId: string, noun: string): AwsError {
  return new AwsError({
    code: "ResourceNotFoundException",
    status: 404,
    message: `${noun} ${resourceId} not found.`,
    fields: { resourceId, resourceType },
  });
}

export function conflict(resourceType: string, resourceId: string, message: string): AwsError {
  return new AwsError({ code: "ConflictException", status: 409, message, fields: { resourceId, resourceType } });
}

export function quotaExceeded(resourceType: string, quotaCode: string, message: string, resourceId?: string): AwsError {
  return new AwsError({
    code: "ServiceQuotaExceededException",
    status: 402,
    message,
    fields: { resourceType, serviceCode: "vpc-lattice", quotaCode, ...(resourceId ? { resourceId } : {}) },
  });
}

export const latticeServiceErrors = {
  missingParameter: (member: string): AwsError =>
    validationException([{ name: member, message: "Member must not be null" }]),
  unknownOperation: (operation: string): AwsError =>
    new AwsError({
      code: "UnknownOperationException",
      status: 404,
      message: `The operation ${operation} is not known to VPC Lattice.`,
    }),
  internalError: (message: string): AwsError => new AwsError({ code: "InternalServerException", status: 500, message }),
};
