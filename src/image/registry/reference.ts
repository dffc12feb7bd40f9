/**
 * Image references parsed and normalised as docker does: `nginx` is `docker.io/library/nginx:latest`, the first
 * path component is a registry only when it looks like a host (has a `.` or `:`, is `localhost`, or has capitals).
 */
import { RegistryError } from './errors.js';

export interface ImageReference {
  /** `docker.io`, `ghcr.io`, `host:5000`, `[::1]:5000`. */
  registry: string;
  /** `library/nginx`, `a/b`. */
  repository: string;
  /** Absent only when the reference has a digest and no tag. */
  tag?: string;
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
const MAX_NAME_LENGTH = 255;

export function parseReference(input: string): ImageReference {
  const bad = (problem: string) => new RegistryError('bad-reference', `invalid image reference "${input}": ${problem}`);
  if (input.trim() === '') throw bad('it is empty');
  if (input !== input.trim()) throw bad('it has leading or trailing spaces');

  const at = input.indexOf('@');
  const digest = at >= 0 ? input.slice(at + 1) : undefined;
  const nameAndTag = at >= 0 ? input.slice(0, at) : input;
  if (digest !== undefined && !SHA256_DIGEST.test(digest)) throw bad(`digest "${digest}" is not sha256:<64 lowercase hex digits>`);

  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) throw bad(`tag "${tag}" is not valid (letters, digits, _ . -, at most 128, not starting with . or -)`);
  if (name === '') throw bad('the repository name is empty');

  const firstSlash = name.indexOf('/');
  const first = firstSlash >= 0 ? name.slice(0, firstSlash) : '';
  const hasRegistry = firstSlash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  let registry = hasRegistry ? first : DOCKER_HUB;
  let repository = hasRegistry ? name.slice(firstSlash + 1) : name;
  if (!DOMAIN.test(registry)) throw bad(`registry "${registry}" is not a host name with an optional port`);
  if (DOCKER_HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB;
  if (registry === DOCKER_HUB && !repository.includes('/')) repository = `library/${repository}`;

  for (const component of repository.split('/')) {
    if (component.toLowerCase() !== component) throw bad('the repository name must be lowercase');
    if (!PATH_COMPONENT.test(component)) throw bad(`"${component}" is not a valid repository path component`);
  }
  if (`${registry}/${repository}`.length > MAX_NAME_LENGTH) throw bad(`the name is longer than ${MAX_NAME_LENGTH} characters`);

  return { registry, repository, ...(tag === undefined && digest === undefined ? { tag: 'latest' } : tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/** `registry/repository[:tag][@digest]`. */
export function formatReference(reference: ImageReference): string {
  const tag = reference.tag === undefined ? '' : `:${reference.tag}`;
  const digest = reference.digest === undefined ? '' : `@${reference.digest}`;
  return `${reference.registry}/${reference.repository}${tag}${digest}`;
}

/** The host serving the registry API: Docker Hub's is not `docker.io`. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
