/**
 * Internal dependencies
 */
import { VISITOR_ID_PATTERN, VISITOR_SIGNATURE_PATTERN } from '../protocol';
import type { VisitorIdentity } from '../protocol';

/** localStorage key of the signed visitor identity. */
export const IDENTITY_KEY = 'livedesk_visitor';

/**
 * How long, at most, a script of the page waits for the identity another one
 * is getting from the sidecar before it connects without one.
 */
export const IDENTITY_WAIT_MS = 3000;

/** How often a waiting script looks for the identity. */
export const IDENTITY_POLL_MS = 100;

/** Window property: when a script of the page began getting an identity. */
const CLAIM = 'livedeskIdentityClaim';

type ClaimWindow = Window & { [ CLAIM ]?: number };

/**
 * Where the tracker and the chat keep the visitor's signed identity.
 *
 * On a first visit both may connect before either has an identity, and the
 * sidecar would give each its own: the map's visitor and the chat's would
 * then be two people. So a script that connects without an identity claims
 * it, and another one waits (a short while) for the identity to be stored.
 */
export interface IdentityStore {
	/** The stored identity, if there is a well-formed one. */
	load: () => VisitorIdentity | undefined;
	/** Keeps `value` when it is a well-formed identity; ignores anything else. */
	save: ( value: unknown ) => void;
	/** Marks that this script is connecting without an identity. */
	claim: () => void;
	/** Withdraws this script's claim (it stops without an identity). */
	release: () => void;
	/** Whether to wait before connecting: another script is getting the identity. */
	waiting: () => boolean;
}

function isIdentity( value: unknown ): value is VisitorIdentity {
	const { id, sig } = ( value ?? {} ) as Record< string, unknown >;
	return (
		typeof id === 'string' &&
		typeof sig === 'string' &&
		VISITOR_ID_PATTERN.test( id ) &&
		VISITOR_SIGNATURE_PATTERN.test( sig )
	);
}

/**
 * An identity store over the window's localStorage. Storage may be missing,
 * blocked or full (private modes, strict cookie settings): then the identity
 * lives in memory for as long as the page does.
 *
 * @param win The window.
 */
export function createIdentityStore( win: Window ): IdentityStore {
	let memory: VisitorIdentity | undefined;
	let claimed = false;
	const shared = win as ClaimWindow;
	const release = () => {
		if ( claimed ) {
			claimed = false;
			delete shared[ CLAIM ];
		}
	};
	const load = () => {
		try {
			const stored: unknown = JSON.parse(
				win.localStorage.getItem( IDENTITY_KEY ) || 'null'
			);
			if ( isIdentity( stored ) ) {
				memory = { id: stored.id, sig: stored.sig };
			}
		} catch {
			// Unreadable storage: what memory holds.
		}
		return memory;
	};
	return {
		load,
		save( value ) {
			if ( ! isIdentity( value ) ) {
				return;
			}
			memory = { id: value.id, sig: value.sig };
			release();
			try {
				win.localStorage.setItem(
					IDENTITY_KEY,
					JSON.stringify( memory )
				);
			} catch {
				// Unwritable storage: memory only.
			}
		},
		release,
		claim() {
			claimed = true;
			shared[ CLAIM ] = Date.now();
		},
		waiting() {
			const since = shared[ CLAIM ];
			return (
				! claimed &&
				since !== undefined &&
				Date.now() - since < IDENTITY_WAIT_MS &&
				! load()
			);
		},
	};
}
