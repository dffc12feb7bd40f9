/** The two ways reading a cluster fails: the whole cluster is out of reach, or one request was refused. */

/** Fatal: the cluster cannot be read at all (bad credentials, unreachable server, no such context). */
export class ClusterAccessError extends Error {
  override readonly name = 'ClusterAccessError';
}

/** A request the API server answered with an error status; `message` is the server's own Status message. */
export class ApiStatusError extends Error {
  override readonly name = 'ApiStatusError';
  constructor(readonly status: number, message: string, readonly path: string) {
    super(message);
  }
}
