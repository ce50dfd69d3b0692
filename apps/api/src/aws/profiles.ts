/** Named profiles of the shared config and credentials files (names and regions only, never secrets). */
import path from "node:path";
import { getHomeDir, loadSharedConfigFiles } from "@smithy/core/config";

export interface ProfileInfo {
  name: string;
  region?: string;
  /** How credentials are obtained: sso, assume-role, static, process, web-identity. */
  credentialKind: string;
}

/**
 * The two files the SDK reads profiles from (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured, as the SDK's
 * own loader does), written with `~` for the home folder: the console names them when they hold no profile.
 */
export function profileFiles(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  const home = getHomeDir();
  const shown = (file: string): string => {
    const absolute = file.startsWith("~/") ? path.join(home, file.slice(2)) : file;
    return absolute.startsWith(home + path.sep) ? `~${absolute.slice(home.length)}` : absolute;
  };
  return {
    config: shown(env.AWS_CONFIG_FILE || path.join(home, ".aws", "config")),
    credentials: shown(env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, ".aws", "credentials")),
  };
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
  // The config file's other sections ([sso-session x], [services x]) come keyed "sso-session.x": not profiles.
  const profileSections = Object.keys(files.configFile ?? {}).filter((key) => !/^(sso-session|services)\./.test(key));
  const names = new Set([...profileSections, ...Object.keys(files.credentialsFile ?? {})]);
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
