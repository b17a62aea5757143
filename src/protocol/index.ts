/**
 * LiveDesk wire protocol: names, event maps, payload types, limits, runtime
 * validators, token formats and report shapes shared by the widget, the admin
 * screens and the sidecar. No Node-only or DOM-only code lives here.
 */
export * from './namespaces';
export * from './errors';
export * from './events';
export * from './health';
export * from './agent-token';
export * from './limits';
export * from './url';
export * from './visitor';
export * from './presence';
export * from './validate';
export * from './chat';
export * from './chat-validate';
