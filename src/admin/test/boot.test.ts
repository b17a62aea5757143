/**
 * Internal dependencies
 */
import {
	DEFAULT_REST_NAMESPACE,
	getBootConfig,
	parseBootConfig,
} from '../boot';

const DEFAULTS = {
	screen: null,
	restNamespace: DEFAULT_REST_NAMESPACE,
	caps: { view: false, chat: false, manage: false },
	user: null,
	settingsUrl: '',
	liveChatUrl: '',
	visitorsUrl: '',
	restUrl: '',
	sidecarUrl: '',
	version: '',
};

describe( 'parseBootConfig', () => {
	it( 'reads a complete, valid global', () => {
		const raw = {
			screen: 'settings',
			restNamespace: 'livedesk/v1',
			caps: { view: true, chat: true, manage: true },
			user: { id: 3, name: 'Ada' },
			settingsUrl:
				'https://shop.example/wp-admin/admin.php?page=livedesk-settings',
			liveChatUrl:
				'https://shop.example/wp-admin/admin.php?page=livedesk',
			visitorsUrl:
				'https://shop.example/wp-admin/admin.php?page=livedesk-visitors',
			restUrl: 'https://shop.example/wp-json/livedesk/v1/',
			sidecarUrl: 'https://live.shop.example/',
			version: '0.1.0',
		};
		expect( parseBootConfig( raw ) ).toEqual( raw );
	} );

	it.each( [
		[ 'undefined', undefined ],
		[ 'null', null ],
		[ 'a string', 'livedesk' ],
		[ 'a number', 42 ],
		[ 'an array', [ 'settings' ] ],
		[ 'an empty object', {} ],
	] )( 'falls back to safe defaults for %s', ( _name, raw ) => {
		expect( parseBootConfig( raw ) ).toEqual( DEFAULTS );
	} );

	it( 'grants a capability only for a literal true', () => {
		expect(
			parseBootConfig( {
				caps: { view: 1, chat: 'true', manage: 'yes' },
			} ).caps
		).toEqual( { view: false, chat: false, manage: false } );
		expect( parseBootConfig( { caps: { view: true } } ).caps ).toEqual( {
			view: true,
			chat: false,
			manage: false,
		} );
		expect(
			parseBootConfig( { caps: [ true, true, true ] } ).caps
		).toEqual( DEFAULTS.caps );
	} );

	it( 'replaces each garbage field with its default', () => {
		expect(
			parseBootConfig( {
				screen: 'dashboard',
				restNamespace: '../wp/v2',
				caps: 'all',
				settingsUrl: 'javascript:alert(1)',
				liveChatUrl: 'javascript:alert(1)',
				visitorsUrl: 42,
				sidecarUrl: 'ftp://live.example',
				version: 3,
				user: { id: '3', name: 'Ada' },
			} )
		).toEqual( DEFAULTS );
	} );

	it( 'reads the user only with a positive integer id, and a missing name as empty', () => {
		expect(
			parseBootConfig( { user: { id: 0, name: 'x' } } ).user
		).toBeNull();
		expect( parseBootConfig( { user: [ 3 ] } ).user ).toBeNull();
		expect(
			parseBootConfig( { user: { id: 12, name: null } } ).user
		).toEqual( {
			id: 12,
			name: '',
		} );
	} );

	it( 'resolves relative URLs against the page', () => {
		expect(
			parseBootConfig( { settingsUrl: '/wp-admin/admin.php?page=x' } )
				.settingsUrl
		).toBe( 'http://localhost/wp-admin/admin.php?page=x' );
	} );
} );

describe( 'getBootConfig', () => {
	afterEach( () => {
		delete window.livedeskAdmin;
	} );

	it( 'reads window.livedeskAdmin', () => {
		window.livedeskAdmin = { screen: 'visitors', caps: { view: true } };
		expect( getBootConfig() ).toMatchObject( {
			screen: 'visitors',
			caps: { view: true, chat: false, manage: false },
		} );
	} );

	it( 'uses the defaults when the global is missing', () => {
		expect( getBootConfig() ).toEqual( DEFAULTS );
	} );
} );
