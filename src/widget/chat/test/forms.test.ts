/**
 * Internal dependencies
 */
import { checkChatProfile } from '../../../protocol';
import { readProfile } from '../forms';

describe( 'readProfile', () => {
	it.each( [
		'ada@example.com',
		'a@b.com.',
		'a<b@c.de',
		'ada@example',
		'"ada"@example.com',
		'ada@exa mple.com',
		'x'.repeat( 250 ) + '@example.com',
	] )(
		'accepts %s exactly when the sidecar would (no refused first message)',
		( email ) => {
			const form = readProfile( 'Ada', email, true );
			const server = checkChatProfile( { name: 'Ada', email } );
			expect( form.ok ).toBe( server.ok );
		}
	);

	it( 'asks for a required e-mail and leaves empty answers out', () => {
		expect( readProfile( 'Ada', ' ', true ) ).toMatchObject( {
			ok: false,
			error: 'error_email_required',
		} );
		expect( readProfile( ' ', '', false ) ).toEqual( {
			ok: true,
			value: {},
		} );
	} );
} );
