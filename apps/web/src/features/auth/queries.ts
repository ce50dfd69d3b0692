/** The signed-in user as a query (one answer per page load; a sign-out reloads the page). */
import { queryOptions } from "@tanstack/react-query";
import { fetchMe } from "./api";

export const meQuery = () =>
  queryOptions({
    queryKey: ["me"] as const,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
