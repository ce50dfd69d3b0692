/** The one QueryClient of the app. Client errors (4xx) are answers, not hiccups: never retried. */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "../lib/api-error";

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
