/**
 * Internal dependencies
 */
import type { SignedIdentity } from '../../protocol';

/** The signed identities a visitor may present, and which one the server has. */
export interface Identities {
	/** The identity to present: the site's (`LiveDesk.identify()`), else the plugin's for a logged-in user. */
	active: () => SignedIdentity | null;
	/** `LiveDesk.identify()` gave one. */
	setSite: ( identity: SignedIdentity ) => void;
	/** The plugin signed one for the logged-in WordPress user (or null: not logged in). */
	setWordPress: ( identity: SignedIdentity | null ) => void;
	/** The identity for a new connection's handshake (the server has it from then on). */
	forHandshake: () => SignedIdentity | null;
	/** Sends the active identity as `chat:identify` if the server does not have it yet. */
	present: () => void;
}

/**
 * Keeps the visitor's signed identities and tells the server about changes:
 * in the next handshake, or as `chat:identify` on a live connection.
 *
 * @param sendIdentify Sends `chat:identify`; false when not connected.
 */
export function createIdentities(
	sendIdentify: ( identity: SignedIdentity ) => boolean
): Identities {
	let site: SignedIdentity | null = null;
	let wordpress: SignedIdentity | null = null;
	let presented: SignedIdentity | null = null;
	const active = () => site ?? wordpress;
	const present = () => {
		const identity = active();
		if ( identity && identity !== presented && sendIdentify( identity ) ) {
			presented = identity;
		}
	};
	return {
		active,
		setSite( identity ) {
			site = identity;
			present();
		},
		setWordPress( identity ) {
			wordpress = identity;
			present();
		},
		forHandshake() {
			presented = active();
			return presented;
		},
		present,
	};
}
