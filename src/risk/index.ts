/** The risk engine: explained scores per finding and workload, and attack paths across the engines. */
export { assessRisk, rankFindings, type RiskAssessment } from './assess.js';
export { attackGraphOf, type AttackGraph } from './attack-graph.js';
export { describeAttackPath, findAttackPaths, type AttackPathOptions } from './attack-paths.js';
export { riskContextOf, type RiskContext, type RiskInput, type WorkloadContext } from './context.js';
export { findingIds } from './finding-ids.js';
export type * from './model.js';
export { SEVERITY_POINTS, WEIGHTS } from './score.js';
