/** The one meaning of the connect gesture: a VPC, resource configuration or service dropped on a service network. */
import { HANDLE } from "./node-geometry";

const CONNECTS_FROM = new Set(["vpc", "resourceConfiguration", "service"]);

export interface ConnectAttempt {
  source: string;
  target: string;
  sourceHandle?: string | null | undefined;
  targetHandle?: string | null | undefined;
}

/** Whether a drag from `attempt.source` onto `attempt.target` is a change the app can start. */
export function isConnectChange(attempt: ConnectAttempt, kindOf: (id: string) => string | undefined): boolean {
  return (
    attempt.sourceHandle === HANDLE.connectFrom &&
    attempt.targetHandle === HANDLE.connectTo &&
    attempt.source !== attempt.target &&
    kindOf(attempt.target) === "serviceNetwork" &&
    CONNECTS_FROM.has(kindOf(attempt.source) ?? "")
  );
}
