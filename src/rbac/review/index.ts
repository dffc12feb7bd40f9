/** The RBAC access review: `kspm rbac review` builds it with buildReview and prints it with renderReview. */
export { buildReview, REVIEW_VERSION, type AccessReview, type InheritedGroup, type ReviewBinding, type ReviewCounts, type ReviewOptions, type ReviewRow, type ReviewWorkload } from './review.js';
export { renderReview, renderReviewJson, REVIEW_FORMATS, type RenderOptions, type ReviewFormat } from './render.js';
export { RISKS, type ReviewGrant, type RiskDefinition, type RiskFlag } from './risks.js';
export type { PermissionLine, ScopePermissions } from './permissions.js';
