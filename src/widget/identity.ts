/**
 * Internal dependencies
 */
import { VISITOR_ID_PATTERN, VISITOR_SIGNATURE_PATTERN } from '../protocol';
import type { VisitorIdentity } from '../protocol';

/** localStorage key of the signed visitor identity. */
export const IDENTITY_KEY = 'livedesk_visitor';

/** Where the tracker keeps the visitor's signed identity. */
export interface IdentityStore {
	/** The stored identity, if there is a well-formed one. */
	load: () => VisitorIdentity | undefined;
	/** Keeps `value` when it is a well-formed identity; ignores anything else. */
	save: ( value: unknown ) => void;
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
	return {
		load() {
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
		},
		save( value ) {
			if ( ! isIdentity( value ) ) {
				return;
			}
			memory = { id: value.id, sig: value.sig };
			try {
				win.localStorage.setItem(
					IDENTITY_KEY,
					JSON.stringify( memory )
				);
			} catch {
				// Unwritable storage: memory only.
			}
		},
	};
}
