/**
 * Internal dependencies
 */
import reducer, { loadError, save, settings } from '../reducer';
import type { RequestError, Settings, SettingsState } from '../types';

const SETTINGS: Settings = {
	delete_data_on_uninstall: false,
	sidecar_url: '',
	effective_sidecar_url: 'https://shop.example/',
	tracking: true,
	consent_mode: false,
	ip_mode: 'anonymised',
	visitor_cap: 500,
	trusted_proxies: [ '127.0.0.1', '::1' ],
};

const ERROR: RequestError = {
	code: 'rest_forbidden',
	message: 'Sorry, you are not allowed to do that.',
	status: 403,
	details: [],
};

describe( 'settings reducer', () => {
	it( 'starts empty', () => {
		expect( reducer( undefined, { type: 'CLEAR_SAVE_STATUS' } ) ).toEqual( {
			settings: null,
			loadError: null,
			save: { status: 'idle' },
		} );
	} );

	describe( 'settings', () => {
		it( 'stores received settings', () => {
			expect(
				settings( null, {
					type: 'RECEIVE_SETTINGS',
					settings: SETTINGS,
				} )
			).toBe( SETTINGS );
		} );

		it( 'replaces settings with what a successful save returned', () => {
			const saved: Settings = {
				...SETTINGS,
				delete_data_on_uninstall: true,
				ip_mode: 'full',
				visitor_cap: 50,
			};
			expect(
				settings( SETTINGS, {
					type: 'SAVE_SETTINGS_SUCCESS',
					changes: { visitor_cap: 50 },
					settings: saved,
				} )
			).toBe( saved );
		} );

		it( 'keeps settings when a save fails', () => {
			expect(
				settings( SETTINGS, {
					type: 'SAVE_SETTINGS_ERROR',
					changes: { tracking: false },
					error: ERROR,
				} )
			).toBe( SETTINGS );
		} );
	} );

	describe( 'loadError', () => {
		it( 'records a load failure', () => {
			expect(
				loadError( null, {
					type: 'RECEIVE_SETTINGS_ERROR',
					error: ERROR,
				} )
			).toBe( ERROR );
		} );

		it( 'clears when loading starts again', () => {
			expect( loadError( ERROR, { type: 'FETCH_SETTINGS_START' } ) ).toBe(
				null
			);
		} );

		it( 'clears when settings arrive', () => {
			expect(
				loadError( ERROR, {
					type: 'RECEIVE_SETTINGS',
					settings: SETTINGS,
				} )
			).toBe( null );
		} );

		it( 'ignores save failures', () => {
			expect(
				loadError( null, {
					type: 'SAVE_SETTINGS_ERROR',
					changes: { sidecar_url: '' },
					error: ERROR,
				} )
			).toBe( null );
		} );
	} );

	describe( 'save', () => {
		it( 'remembers the pending changes while saving', () => {
			expect(
				save(
					{ status: 'idle' },
					{
						type: 'SAVE_SETTINGS_START',
						changes: { sidecar_url: 'https://live.example' },
					}
				)
			).toEqual( {
				status: 'saving',
				changes: { sidecar_url: 'https://live.example' },
			} );
		} );

		it( 'remembers pending presence settings too', () => {
			const changes = {
				tracking: false,
				ip_mode: 'none' as const,
				trusted_proxies: [ '10.0.0.0/8' ],
			};
			expect(
				save(
					{ status: 'idle' },
					{ type: 'SAVE_SETTINGS_START', changes }
				)
			).toEqual( { status: 'saving', changes } );
		} );

		it( 'becomes saved on success, naming the fields saved', () => {
			expect(
				save(
					{ status: 'saving', changes: { sidecar_url: '' } },
					{
						type: 'SAVE_SETTINGS_SUCCESS',
						changes: { sidecar_url: '' },
						settings: SETTINGS,
					}
				)
			).toEqual( { status: 'saved', changes: { sidecar_url: '' } } );
		} );

		it( 'keeps the error and the fields it was about on failure', () => {
			expect(
				save(
					{ status: 'saving', changes: { visitor_cap: 0 } },
					{
						type: 'SAVE_SETTINGS_ERROR',
						changes: { visitor_cap: 0 },
						error: ERROR,
					}
				)
			).toEqual( {
				status: 'error',
				changes: { visitor_cap: 0 },
				error: ERROR,
			} );
		} );

		it( 'returns to idle when cleared', () => {
			expect(
				save(
					{ status: 'saved', changes: { tracking: true } },
					{ type: 'CLEAR_SAVE_STATUS' }
				)
			).toEqual( { status: 'idle' } );
		} );
	} );

	it( 'does not change state for loads', () => {
		const state: SettingsState = {
			settings: SETTINGS,
			loadError: null,
			save: { status: 'saved', changes: { tracking: true } },
		};
		const next = reducer( state, { type: 'FETCH_SETTINGS_START' } );
		expect( next.settings ).toBe( SETTINGS );
		expect( next.save ).toBe( state.save );
	} );
} );
