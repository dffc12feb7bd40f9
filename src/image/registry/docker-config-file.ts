/** The docker CLI's own config file: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { credentialsFromDockerConfig, type DockerConfigOptions, type Keychain } from './credentials.js';

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json');
}

/** Read on first use; a missing file means no credentials (anonymous pulls), as for docker. */
export function dockerConfigKeychain(options: DockerConfigOptions = {}): Keychain {
  const path = dockerConfigPath(options.env);
  let loaded: Promise<Keychain | undefined> | undefined;
  const load = async () => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return credentialsFromDockerConfig(text, path, options);
  };
  return {
    async credentialFor(registry) {
      loaded ??= load();
      return (await loaded)?.credentialFor(registry);
    },
  };
}
