export type * from './types.js';
export { NODE_CHECK_ID, isKnownCheck } from './check-ids.js';
export { builtInFrameworksDir, formatLoadError, loadFrameworkDir, loadFrameworkFile, parseFramework, type FrameworkCatalogue, type FrameworkLoadError, type FrameworkOutcome } from './load.js';
export { evaluateFramework, STATUSES, type ComplianceEvidence } from './evaluate.js';
export { CollectingSink } from './collect-sink.js';
export { parseNodeResults, readNodeResults, type NodeResults } from './node-results.js';
export { COMPLIANCE_FORMATS, renderCompliance, renderComplianceJson, type ComplianceFormat, type ComplianceRenderOptions } from './render.js';
export { renderComplianceCsv } from './render-csv.js';
export { FRAMEWORK_LIST_FORMATS, listFramework, renderFrameworkList, type FrameworkListFormat, type FrameworkListing } from './catalogue.js';
