export { ExposureCollector, exposureOf } from './collector.js';
export { exposureIndex, isInternetFacing, workloadKey } from './lookup.js';
export type { ExposedPort, Exposure, ExposureVia, ObjectRef, WorkloadExposure } from './model.js';
export { exposureJson, exposureTable } from './render.js';
