/**
 * Under a credentials error: a button that takes the focus to the source picker, and what the AWS config files
 * hold — the profiles to pick from, or, when there is none, which files were read.
 */
import type { SourcesResponse } from "@lattice-atlas/shared";
import { focusSourcePicker } from "./SourcePicker";

export const CREDENTIAL_ERRORS: ReadonlySet<string> = new Set(["CREDENTIALS_MISSING", "CREDENTIALS_EXPIRED"]);

export function CredentialsHelp({ sources }: { sources: SourcesResponse | undefined }) {
  const profiles = sources?.sources.filter((s) => s.kind === "profile") ?? [];
  const files = sources?.profileFiles;
  return (
    <div className="credentials-help" data-testid="credentials-help">
      {profiles.length > 0 ? (
        <p>
          {profiles.length === 1 ? "One profile" : `${profiles.length} profiles`} of the AWS config files can be picked
          as the source.
        </p>
      ) : files ? (
        <p data-testid="profile-files">
          No profile found: read <code>{files.config}</code> and <code>{files.credentials}</code> (set AWS_CONFIG_FILE
          or AWS_SHARED_CREDENTIALS_FILE before starting the server to read other files).
        </p>
      ) : null}
      <button type="button" className="button" data-testid="choose-source" onClick={focusSourcePicker}>
        Choose a source
      </button>
    </div>
  );
}
