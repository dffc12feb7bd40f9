/** A Pod Security Standards policy version: v1.0 through the newest kspm knows. Only the minor number varies. */
export interface PssVersion {
  minor: number;
}

export const LATEST_PSS_MINOR = 37;
export const LATEST_PSS_VERSION: PssVersion = { minor: LATEST_PSS_MINOR };

/** Parses `latest`, `v1.29` or `1.29`; versions newer than kspm knows evaluate as the newest it knows, as PSA does. */
export function parsePssVersion(text: string): PssVersion {
  if (text === 'latest') return LATEST_PSS_VERSION;
  const match = /^v?1\.(\d+)$/.exec(text.trim());
  if (!match) throw new Error(`invalid Pod Security Standards version "${text}": expected latest or v1.N (e.g. v1.29)`);
  return { minor: Math.min(Number(match[1]), LATEST_PSS_MINOR) };
}

export function formatPssVersion(version: PssVersion): string {
  return `v1.${version.minor}`;
}

/** True when the policy version is `v1.minor` or newer. */
export function atLeastVersion(version: PssVersion, minor: number): boolean {
  return version.minor >= minor;
}
