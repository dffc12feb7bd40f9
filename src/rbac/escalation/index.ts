/** RBAC escalation paths: who can climb from what they hold to more, and by which chain of steps. */
export { describePath, findEscalationPaths, type EscalationOptions, type EscalationPath, type EscalationStep } from './search.js';
export { describeNode, type CapabilityKind, type EscalationNode } from './nodes.js';
export { rankOf, type Privilege, type PrivilegeLevel } from './privilege.js';
