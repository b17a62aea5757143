/**
 * Internal dependencies
 */
import {
	CUSTOM_DATA_KEY_MAX,
	CUSTOM_DATA_MAX_KEYS,
	CUSTOM_DATA_VALUE_MAX,
	EMAIL_MAX,
	IDENTITY_ID_MAX,
	VISITOR_NAME_MAX,
} from '../../protocol';
import type { ChatCustomData, SignedIdentity } from '../../protocol';
import { requestJson, restRoute } from './rest';

// Control characters have no place in what the site sends about a visitor.
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/**
 * The identity `LiveDesk.identify()` was given, with only the fields a
 * SignedIdentity has and their types checked; null when it cannot be one.
 * Whether it is genuine is the server's to decide (it checks the signature).
 *
 * @param value What the site passed.
 */
export function cleanIdentity( value: unknown ): SignedIdentity | null {
	const v = ( value ?? {} ) as Record< string, unknown >;
	if (
		typeof v.id !== 'string' ||
		! v.id ||
		v.id.length > IDENTITY_ID_MAX ||
		typeof v.expires !== 'number' ||
		! Number.isFinite( v.expires ) ||
		typeof v.signature !== 'string' ||
		! v.signature
	) {
		return null;
	}
	const identity: SignedIdentity = {
		id: v.id,
		expires: v.expires,
		signature: v.signature,
	};
	// Name and e-mail are signed as given: passed on unchanged or not at all.
	if ( typeof v.name === 'string' && v.name.length <= VISITOR_NAME_MAX ) {
		identity.name = v.name;
	}
	if ( typeof v.email === 'string' && v.email.length <= EMAIL_MAX ) {
		identity.email = v.email;
	}
	return identity;
}

/**
 * What `LiveDesk.setData()` was given, as the protocol's custom data: at most
 * CUSTOM_DATA_MAX_KEYS keys (1–64 characters) with string, number or boolean
 * values as strings cut to CUSTOM_DATA_VALUE_MAX; anything else is dropped.
 *
 * @param value What the site passed.
 */
export function cleanCustomData( value: unknown ): ChatCustomData {
	const data: ChatCustomData = {};
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		return data;
	}
	Object.entries( value as Record< string, unknown > )
		.filter(
			( [ key, v ] ) =>
				key.trim() &&
				key.length <= CUSTOM_DATA_KEY_MAX &&
				[ 'string', 'number', 'boolean' ].includes( typeof v )
		)
		.slice( 0, CUSTOM_DATA_MAX_KEYS )
		.forEach( ( [ key, v ] ) => {
			data[ key.replace( CONTROL, ' ' ) ] = String( v )
				.replace( CONTROL, ' ' )
				.slice( 0, CUSTOM_DATA_VALUE_MAX );
		} );
	return data;
}

/**
 * The logged-in WordPress user's identity, signed by the plugin: a REST nonce
 * from admin-ajax (given only to logged-in users), then `POST chat/identity`.
 * Null for a visitor who is not logged in, or when either request fails.
 *
 * @param fetchImpl The fetch implementation.
 * @param ajaxUrl   admin-ajax.php URL.
 * @param restUrl   The `livedesk/v1/` REST base.
 */
export async function fetchWpIdentity(
	fetchImpl: typeof fetch,
	ajaxUrl: string,
	restUrl: string
): Promise< SignedIdentity | null > {
	let nonce = '';
	try {
		const url = new URL( ajaxUrl );
		url.searchParams.set( 'action', 'rest-nonce' );
		const response = await fetchImpl( url.href, {
			credentials: 'same-origin',
		} );
		nonce = response.ok ? ( await response.text() ).trim() : '';
	} catch {
		return null;
	}
	if ( ! /^[0-9a-f]{6,32}$/i.test( nonce ) ) {
		return null;
	}
	const answer = await requestJson(
		fetchImpl,
		restRoute( restUrl, 'chat/identity' ),
		{ method: 'POST', headers: { 'X-WP-Nonce': nonce } }
	);
	if ( answer.status !== 200 && answer.status !== 201 ) {
		return null;
	}
	const body = ( answer.data ?? {} ) as Record< string, unknown >;
	return cleanIdentity( body.identity ?? body );
}
