/** The one error type routes and services throw; the error handler renders it as ApiErrorBody. */
import { statusOf, type ErrorCode } from "@lattice-atlas/shared";

export interface AppErrorInit {
  field?: string;
  hint?: string;
  awsCode?: string;
  requestId?: string;
  iamAction?: string;
  quotaCode?: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: AppErrorInit = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = statusOf(code);
  }
}

export const badInput = (field: string, message: string, hint?: string): AppError =>
  new AppError("VALIDATION", message, { field, ...(hint ? { hint } : {}) });
