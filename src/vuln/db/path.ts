import { homedir } from 'node:os';
import { join } from 'node:path';

/** `KSPM_VULN_DB`, else `$XDG_CACHE_HOME/kspm/vuln.db`, else `~/.cache/kspm/vuln.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KSPM_VULN_DB) return env.KSPM_VULN_DB;
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'kspm', 'vuln.db');
}
