/**
 * Internal dependencies
 */
import { CLIENT_MESSAGE_ID_PATTERN } from '../../../protocol';

/**
 * A new client message id: 16 random bytes as base64url (22 characters), so
 * two messages never share one.
 */
export function newClientId(): string {
	const bytes = new Uint8Array( 16 );
	crypto.getRandomValues( bytes );
	return btoa( String.fromCharCode( ...bytes ) )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}

/**
 * Whether a string is a valid client message id.
 *
 * @param id Anything.
 */
export function isClientId( id: unknown ): id is string {
	return typeof id === 'string' && CLIENT_MESSAGE_ID_PATTERN.test( id );
}
