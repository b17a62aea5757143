/**
 * Internal dependencies
 */
import { readChatSettings } from '../config';
import { choosePhase } from '../phase';
import type { PhaseInput } from '../phase';
import { DEFAULT_STRINGS, mergeStrings } from '../strings';

const BASE: PhaseInput = {
	idle: true,
	agentsOnline: true,
	ended: false,
	offlineSent: false,
	canChat: true,
	requireVerified: false,
	identified: false,
	emailCapture: 'off',
	profileGiven: false,
};

describe( 'choosePhase', () => {
	it.each( [
		[ 'a new visitor with agents online', {}, 'chat' ],
		[ 'agents not yet known', { agentsOnline: null }, 'chat' ],
		[ 'no agent online', { agentsOnline: false }, 'offline' ],
		[
			'no agent online, conversation open',
			{ agentsOnline: false, idle: false },
			'chat',
		],
		[
			'offline form sent',
			{ agentsOnline: false, offlineSent: true },
			'thanks',
		],
		[
			'offline form sent, then an agent came online',
			{ agentsOnline: true, offlineSent: true },
			'chat',
		],
		[ 'REST only without a visitor id', { canChat: false }, 'offline' ],
		[ 'conversation ended', { ended: true }, 'ended' ],
		[ 'ended, a message on its way', { ended: true, idle: false }, 'chat' ],
		[ 'e-mail capture', { emailCapture: 'optional' }, 'prechat' ],
		[
			'e-mail capture, answered',
			{ emailCapture: 'required', profileGiven: true },
			'chat',
		],
		[
			'e-mail capture, identified',
			{ emailCapture: 'required', identified: true },
			'chat',
		],
		[
			'e-mail capture, conversation open',
			{ emailCapture: 'required', idle: false },
			'chat',
		],
		[ 'verified identity required', { requireVerified: true }, 'blocked' ],
		[
			'verified identity required and present',
			{ requireVerified: true, identified: true },
			'chat',
		],
	] as const )( '%s', ( _name, change, phase ) => {
		expect( choosePhase( { ...BASE, ...change } ) ).toBe( phase );
	} );
} );

describe( 'readChatSettings', () => {
	it( 'reads GET chat/config', () => {
		expect(
			readChatSettings(
				{
					enabled: true,
					greeting: ' Hello! ',
					color: '#ff6600',
					position: 'left',
					email_capture: 'required',
					require_verified: true,
					message_max: 2000,
					strings: { send: 'Envoyer', seen: '' },
				},
				{ color: '#000000', position: 'right' }
			)
		).toEqual( {
			greeting: 'Hello!',
			color: '#ff6600',
			position: 'left',
			emailCapture: 'required',
			requireVerified: true,
			messageMax: 2000,
			strings: { ...DEFAULT_STRINGS, send: 'Envoyer' },
		} );
	} );

	it( 'falls back to the launcher and built-in values, refusing unsafe colours', () => {
		const settings = readChatSettings(
			{
				color: 'red;background:url(x)',
				email_capture: 'always',
				message_max: 1e9,
			},
			{ color: '#123456', position: 'left' }
		);
		expect( settings ).toMatchObject( {
			greeting: '',
			color: '#2563eb',
			position: 'left',
			emailCapture: 'off',
			requireVerified: false,
			messageMax: 4000,
		} );
		expect( readChatSettings( null, { color: '#123456' } ).color ).toBe(
			'#123456'
		);
	} );

	it( 'merges only known, non-empty string keys', () => {
		expect(
			mergeStrings( { send: 1, close: 'Fermer', extra: 'x' } )
		).toEqual( {
			...DEFAULT_STRINGS,
			close: 'Fermer',
		} );
		expect( mergeStrings( 'nope' ) ).toEqual( DEFAULT_STRINGS );
	} );
} );
