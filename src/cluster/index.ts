/** Reading live clusters: kubeconfig contexts, discovery, paged lists and the whole-cluster walk. */
export { connect, type ClusterConnection } from './connection.js';
export { loadKubeconfig, type KubeconfigOptions } from './kubeconfig.js';
export { discover, type ApiResource, type Discovery, type DiscoveryFailure } from './discovery.js';
export { listResource, METADATA_ONLY_LIST, type ListOptions } from './list.js';
export { readCluster, type ClusterItem, type ReadOptions, type ReadProgress } from './read.js';
export { ApiStatusError, ClusterAccessError } from './errors.js';
