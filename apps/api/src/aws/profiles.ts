/** Named profiles of the shared config and credentials files (names and regions only, never secrets). */
import { loadSharedConfigFiles } from "@smithy/core/config";

export interface ProfileInfo {
  name: string;
  region?: string;
  /** How credentials are obtained: sso, assume-role, static, process, web-identity. */
  credentialKind: string;
}

export async function listProfiles(): Promise<ProfileInfo[]> {
  let files: {
    configFile: Record<string, Record<string, string | undefined>>;
    credentialsFile: Record<string, Record<string, string | undefined>>;
  };
  try {
    files = (await loadSharedConfigFiles({ ignoreCache: true })) as typeof files;
  } catch {
    return [];
  }
  const names = new Set([...Object.keys(files.configFile ?? {}), ...Object.keys(files.credentialsFile ?? {})]);
  return [...names].sort().map((name) => {
    const config = files.configFile?.[name] ?? {};
    const credentials = files.credentialsFile?.[name] ?? {};
    const credentialKind =
      config.sso_session || config.sso_start_url
        ? "sso"
        : config.role_arn
          ? "assume-role"
          : config.credential_process || credentials.credential_process
            ? "process"
            : config.web_identity_token_file
              ? "web-identity"
              : credentials.aws_access_key_id || config.aws_access_key_id
                ? "static"
                : "unknown";
    return { name, ...(config.region ? { region: config.region } : {}), credentialKind };
  });
}
