/**
 * Internal dependencies
 */
import { parseSiteSettings } from '../site-settings';

function parse( rows: Record< string, string >, extra: string[] = [] ) {
	return parseSiteSettings( new Map( Object.entries( rows ) ), extra );
}

describe( 'parseSiteSettings', () => {
	it( 'uses the defaults when no option exists', () => {
		const { settings, problems } = parse( {} );
		expect( problems ).toEqual( [] );
		expect( settings ).toMatchObject( {
			tracking: true,
			consentMode: false,
			ipMode: 'anonymised',
			cap: 500,
			chatEnabled: true,
			chatRequireVerified: false,
			identitySecret: null,
		} );
		expect( settings.trustedProxies.entries ).toEqual( [
			'127.0.0.1',
			'::1',
		] );
		expect( settings.origins.size ).toBe( 0 );
	} );

	it( 'reads the stored strings', () => {
		const { settings, problems } = parse( {
			livedesk_tracking: '0',
			livedesk_consent_mode: '1',
			livedesk_ip_mode: 'none',
			livedesk_visitor_cap: '25',
			livedesk_trusted_proxies: '10.0.0.0/8\n192.0.2.7',
			home: 'https://shop.example/blog/',
			siteurl: 'https://wp.shop.example:8443/wp',
		} );
		expect( problems ).toEqual( [] );
		expect( settings ).toMatchObject( {
			tracking: false,
			consentMode: true,
			ipMode: 'none',
			cap: 25,
		} );
		expect( settings.trustedProxies.has( '10.1.2.3' ) ).toBe( true );
		expect( settings.trustedProxies.has( '127.0.0.1' ) ).toBe( false );
		expect( [ ...settings.origins ].sort() ).toEqual( [
			'https://shop.example',
			'https://wp.shop.example:8443',
		] );
	} );

	it( 'reads the chat options', () => {
		const secret = 'aB'.repeat( 32 );
		const { settings, problems } = parse( {
			livedesk_chat_enabled: '0',
			livedesk_chat_require_verified: '1',
			livedesk_identity_secret: secret,
		} );
		expect( problems ).toEqual( [] );
		expect( settings ).toMatchObject( {
			chatEnabled: false,
			chatRequireVerified: true,
			identitySecret: secret,
		} );
	} );

	it( 'reports a malformed identity secret without repeating it', () => {
		const { settings, problems } = parse( {
			livedesk_identity_secret: 'hunter2-not-hex',
		} );
		expect( settings.identitySecret ).toBeNull();
		expect( problems.join() ).toContain( 'livedesk_identity_secret' );
		expect( problems.join() ).not.toContain( 'hunter2' );
	} );

	it( 'reads an empty flag (update_option( false )) as off', () => {
		expect( parse( { livedesk_tracking: '' } ).settings.tracking ).toBe(
			false
		);
	} );

	it( 'adds the configured extra origins', () => {
		const { settings } = parse( { home: 'http://127.0.0.1:8787' }, [
			'https://app.example',
		] );
		expect( settings.origins ).toEqual(
			new Set( [ 'https://app.example', 'http://127.0.0.1:8787' ] )
		);
	} );

	it.each( [
		[ 'livedesk_tracking', 'yes', 'tracking', true ],
		[ 'livedesk_ip_mode', 'everything', 'ipMode', 'anonymised' ],
		[ 'livedesk_visitor_cap', '0', 'cap', 500 ],
		[ 'livedesk_visitor_cap', '100001', 'cap', 500 ],
		[ 'livedesk_visitor_cap', '12abc', 'cap', 500 ],
	] )(
		'falls back to the default for %s = %s and reports it',
		( option, value, field, expected ) => {
			const { settings, problems } = parse( { [ option ]: value } );
			expect( settings[ field as keyof typeof settings ] ).toEqual(
				expected
			);
			expect( problems.join() ).toContain( option );
		}
	);

	it( 'keeps the valid proxies and reports the others', () => {
		const { settings, problems } = parse( {
			livedesk_trusted_proxies: '10.0.0.1\nnot-an-ip\n::1',
		} );
		expect( settings.trustedProxies.has( '10.0.0.1' ) ).toBe( true );
		expect( problems.join() ).toContain( 'not-an-ip' );
	} );

	it( 'ignores home URLs that are not http(s)', () => {
		const { settings } = parse( { home: 'ftp://x.example', siteurl: '' } );
		expect( settings.origins.size ).toBe( 0 );
	} );
} );
