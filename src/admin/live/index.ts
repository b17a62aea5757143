/**
 * The admin's live connection to the sidecar (`/agent`).
 */
export * from './agent-connection';
export * from './target';
export * from './timers';
export * from './token';
export * from './token-keeper';
export * from './types';
export * from './payloads';
export * from './shared';
