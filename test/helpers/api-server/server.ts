/**
 * A Kubernetes API server for tests: serves given objects over HTTPS on 127.0.0.1 with discovery, paged lists, named
 * gets, watches, bearer-token authentication and per-resource 403s, answering as kube-apiserver answers kubectl and
 * client libraries. Proven against the real kubectl and @kubernetes/client-node in test/api-server.test.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sharedData } from '../shared.js';
import { localCertificate } from './certificate.js';
import { apiGroupDocument, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery.js';
import { pageOf, renderList, renderObject, type IncludeObject } from './lists.js';
import { contentType, negotiate, type Representation } from './media.js';
import { readCoreResources, ResourceCatalogue, type CustomResource, type ServedResource } from './resources.js';
import { route, type Route } from './routes.js';
import { parseLabelSelector } from './selectors.js';
import {
  badRequest, forbidden, methodNotAllowed, notAcceptable, objectNotFound, pathNotFound, unauthorized, type Failure,
} from './status.js';
import { ObjectStore, namespaceOf, type KubeObject, type StoreEvent, type WatchEventType } from './store.js';

export const TEST_TOKEN = 'kspm-test-token';
export const TEST_USER = 'kspm-test-user';

export interface ApiServerOptions {
  /** Plain Kubernetes objects; each must have apiVersion, kind and metadata.name of a served resource. */
  objects: readonly unknown[];
  customResources?: readonly CustomResource[];
  /** What `GET /version` reports, e.g. v1.33.2-eks-abc. */
  gitVersion?: string;
  /** Accepted bearer tokens and the user each authenticates as; defaults to TEST_TOKEN as TEST_USER. */
  tokens?: Readonly<Record<string, string>>;
  /** Resources every caller is forbidden to read: `pods` for core, `deployments.apps` for a group. */
  forbidden?: readonly string[];
  /** The shared k8s-discovery folder; defaults to the shared data location. */
  discoveryDir?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string | undefined;
  /** The authenticated user; tokens themselves are never recorded. */
  user: string | undefined;
  status: number;
}

export interface ApiServer {
  url: string;
  /** The PEM certificate the server presents, self-signed: the CA a client must trust. */
  certificateAuthority: string;
  requests: RequestRecord[];
  /** Applies a change as a write to the real server would, and streams it to open watches. */
  push(type: WatchEventType, object: unknown): void;
  close(): Promise<void>;
}

interface Context {
  catalogue: ResourceCatalogue;
  store: ObjectStore;
  discoveryDir: string;
  hostPort: string;
  gitVersion: string;
  forbidden: ReadonlySet<string>;
}

function send(response: ServerResponse, code: number, body: unknown, type = 'application/json'): void {
  response.writeHead(code, { 'Content-Type': type });
  response.end(JSON.stringify(body));
}

function fail(response: ServerResponse, failure: Failure): void {
  send(response, failure.code, failure.body);
}

function discovery(context: Context, target: Route): unknown {
  switch (target.kind) {
    case 'version': return versionInfo(context.gitVersion);
    case 'api': return apiVersions(context.discoveryDir, context.hostPort);
    case 'apis': return apiGroupList(context.catalogue);
    case 'group': return apiGroupDocument(context.catalogue, target.group);
    case 'groupVersion': return apiResourceList(context.catalogue, target.group, target.version);
    default: return undefined;
  }
}

function includeObjectOf(query: URLSearchParams): IncludeObject {
  const value = query.get('includeObject');
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

function isWatch(query: URLSearchParams): boolean {
  const value = query.get('watch');
  return value === '1' || value === 'true';
}

function watch(context: Context, response: ServerResponse, served: ServedResource, namespace: string | undefined,
  matches: (object: KubeObject) => boolean, query: URLSearchParams, representation: Representation): void {
  response.writeHead(200, { 'Content-Type': contentType(representation, false), 'Transfer-Encoding': 'chunked' });
  const includeObject = includeObjectOf(query);
  const write = (type: WatchEventType, object: KubeObject): void => {
    if (!matches(object)) return;
    response.write(`${JSON.stringify({ type, object: renderObject(object, representation, includeObject) })}\n`);
  };
  const relevant = (event: StoreEvent): boolean => event.served.group === served.group
    && event.served.resource.name === served.resource.name
    && (namespace === undefined || namespaceOf(event.object) === namespace);
  const since = Number(query.get('resourceVersion') ?? '0');
  if (!Number.isFinite(since) || since <= 0) {
    for (const object of context.store.list(served, namespace)) write('ADDED', object);
  } else {
    for (const event of context.store.eventsSince(since)) if (relevant(event)) write(event.type, event.object);
  }
  const unsubscribe = context.store.subscribe((event) => {
    if (relevant(event)) write(event.type, event.object);
  });
  response.on('close', unsubscribe);
}

function serveResource(context: Context, request: IncomingMessage, response: ServerResponse, target: Extract<Route, { kind: 'resource' }>,
  query: URLSearchParams, user: string): void {
  const served = context.catalogue.byName(target.group, target.version, target.resource);
  const namespaced = served?.resource.namespaced === true;
  if (served === undefined || (target.namespace !== undefined && !namespaced)
    || (target.name !== undefined && namespaced && target.namespace === undefined)) {
    fail(response, pathNotFound());
    return;
  }
  const verb = target.name !== undefined ? 'get' : isWatch(query) ? 'watch' : 'list';
  const qualified = served.group === '' ? served.resource.name : `${served.resource.name}.${served.group}`;
  if (context.forbidden.has(qualified)) {
    fail(response, forbidden(user, verb, served.resource.name, served.group, target.namespace));
    return;
  }
  const representation = negotiate(request.headers.accept, target.name === undefined);
  if (representation === undefined) {
    fail(response, notAcceptable());
    return;
  }
  if (target.name !== undefined) {
    const object = context.store.get(served, target.namespace, target.name);
    if (object === undefined) fail(response, objectNotFound(served.resource.name, served.group, target.name));
    else send(response, 200, renderObject(object, representation, includeObjectOf(query)), contentType(representation, false));
    return;
  }
  if ((query.get('fieldSelector') ?? '') !== '') {
    fail(response, badRequest('field selectors are not supported by this test API server'));
    return;
  }
  const selector = parseLabelSelector(query.get('labelSelector') ?? '');
  if (selector === undefined) {
    fail(response, badRequest(`unable to parse requirement: ${query.get('labelSelector') ?? ''}`));
    return;
  }
  const matches = (object: KubeObject): boolean => selector(
    typeof object.metadata.labels === 'object' && object.metadata.labels !== null ? object.metadata.labels as Record<string, unknown> : {});
  if (isWatch(query)) {
    watch(context, response, served, target.namespace, matches, query, representation);
    return;
  }
  const objects = context.store.list(served, target.namespace).filter(matches);
  const limit = Number.parseInt(query.get('limit') ?? '0', 10);
  const page = pageOf(objects, Number.isNaN(limit) ? 0 : limit, query.get('continue') ?? '', context.store.currentResourceVersion);
  if ('code' in page) {
    fail(response, page);
    return;
  }
  const body = renderList(page, served, representation, context.store.currentResourceVersion, includeObjectOf(query));
  send(response, 200, body, contentType(representation, true));
}

function userOf(request: IncomingMessage, tokens: Readonly<Record<string, string>>): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const token = match?.[1];
  return token !== undefined && Object.hasOwn(tokens, token) ? tokens[token] : undefined;
}

export async function start(options: ApiServerOptions): Promise<ApiServer> {
  const discoveryDir = options.discoveryDir ?? sharedData('k8s-discovery');
  if (discoveryDir === undefined) throw new Error('test API server: the shared k8s-discovery data is absent');
  const catalogue = new ResourceCatalogue(readCoreResources(discoveryDir), options.customResources);
  const store = new ObjectStore(catalogue, options.objects);
  const tokens = options.tokens ?? { [TEST_TOKEN]: TEST_USER };
  const requests: RequestRecord[] = [];
  const context: Context = {
    catalogue, store, discoveryDir, hostPort: '',
    gitVersion: options.gitVersion ?? 'v1.33.2',
    forbidden: new Set(options.forbidden ?? []),
  };

  const handle = (request: IncomingMessage, response: ServerResponse, url: URL, user: string | undefined): void => {
    if (user === undefined) {
      fail(response, unauthorized());
      return;
    }
    if (request.method !== 'GET') {
      fail(response, methodNotAllowed());
      return;
    }
    const target = route(url.pathname);
    if (target.kind === 'resource') {
      serveResource(context, request, response, target, url.searchParams, user);
      return;
    }
    const document = discovery(context, target);
    if (document === undefined) fail(response, pathNotFound());
    else send(response, 200, document);
  };

  const certificate = localCertificate();
  const server = createServer(certificate, (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const user = userOf(request, tokens);
    handle(request, response, url, user);
    requests.push({
      method: request.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams),
      accept: request.headers.accept, user, status: response.statusCode,
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  context.hostPort = `127.0.0.1:${port}`;
  return {
    url: `https://127.0.0.1:${port}`,
    certificateAuthority: certificate.cert,
    requests,
    push: (type, object) => { store.apply(type, object); },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
