/** socket.io namespace for visitors' browsers (the widget). */
export const VISITOR_NAMESPACE = '/visitor';

/** socket.io namespace for wp-admin screens used by agents. */
export const AGENT_NAMESPACE = '/agent';

/** Either socket.io namespace the sidecar serves. */
export type LiveDeskNamespace =
	typeof VISITOR_NAMESPACE | typeof AGENT_NAMESPACE;
