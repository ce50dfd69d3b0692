/**
 * "AWS console ↗" to a resource's page — on real AWS only. On the emulator the AWS console has no such resource:
 * a muted "AWS console link (real AWS only)" stands in its place, its title saying why.
 */
export function emulatedSource(sourceId: string | undefined): boolean {
  return sourceId === "emulator" || sourceId === "estate:emulator";
}

interface ConsoleLinkProps {
  url: string;
  /** The page's title, e.g. "The VPC page in the AWS console (ap-northeast-1)". */
  title: string;
  /** The data comes from the embedded emulator. */
  emulated: boolean;
  testId?: string;
}

export function ConsoleLink({ url, title, emulated, testId = "console-link" }: ConsoleLinkProps) {
  if (emulated)
    return (
      <span
        className="console-link--emulator"
        data-testid={`${testId}-emulator`}
        title="This data comes from the embedded AWS emulator: the real AWS console has no such resource. The link appears on an AWS source."
      >
        AWS console link (real AWS only)
      </span>
    );
  return (
    <a
      className="button button--small"
      href={url}
      target="_blank"
      rel="noreferrer noopener"
      data-testid={testId}
      title={title}
    >
      AWS console ↗
    </a>
  );
}
