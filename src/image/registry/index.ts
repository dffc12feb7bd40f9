export { pullImage, type PullOptions, type PullProgress } from './pull.js';
export { RegistryError, type RegistryErrorKind } from './errors.js';
export { parseReference, formatReference, type ImageReference } from './reference.js';
export { chainKeychains, credentialsFromDockerConfig, credentialsFromPullSecret, type Credential, type Keychain, type PullSecret } from './credentials.js';
export { dockerConfigKeychain, dockerConfigPath } from './docker-config-file.js';
export { registryScheme } from './scheme.js';
