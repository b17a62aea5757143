/**
 * What the running test stack told us (bin/test writes it to .stack/test/env).
 */
export interface StackEnv {
	siteUrl: string;
	sidecarUrl: string;
	sidecarPublicUrl: string;
	admin: Login;
	agent: Login;
	subscriber: Login;
	artifacts: string;
}

/** A WordPress login. */
export interface Login {
	user: string;
	password: string;
}

function required( name: string ): string {
	const value = process.env[ name ];
	if ( ! value ) {
		throw new Error(
			`${ name } is not set: run the e2e suite through bin/test (bin/test e2e), which starts the stack.`
		);
	}
	return value;
}

/** Reads the stack's environment, failing loudly when it is missing. */
export function stackEnv(): StackEnv {
	return {
		siteUrl: required( 'LIVEDESK_SITE_URL' ),
		sidecarUrl: required( 'LIVEDESK_SIDECAR_URL' ),
		sidecarPublicUrl: required( 'LIVEDESK_SIDECAR_PUBLIC_URL' ),
		admin: {
			user: required( 'LIVEDESK_ADMIN_USER' ),
			password: required( 'LIVEDESK_ADMIN_PASSWORD' ),
		},
		agent: {
			user: required( 'LIVEDESK_AGENT_USER' ),
			password: required( 'LIVEDESK_AGENT_PASSWORD' ),
		},
		subscriber: {
			user: required( 'LIVEDESK_SUBSCRIBER_USER' ),
			password: required( 'LIVEDESK_SUBSCRIBER_PASSWORD' ),
		},
		artifacts: process.env.LIVEDESK_E2E_ARTIFACTS ?? 'artifacts/e2e',
	};
}
