/**
 * Internal dependencies
 */
import { leaseAgentConnection } from '../shared';
import type { LeasableConnection } from '../shared';

function fakeConnection() {
	const listeners = new Set< () => void >();
	return {
		open: jest.fn(),
		close: jest.fn(),
		getState: () => ( { status: 'live' as const, reason: null } ),
		isLive: () => true,
		on: jest.fn( ( _event: string, listener: () => void ) => {
			listeners.add( listener );
			return () => listeners.delete( listener );
		} ),
		sendMessage: jest.fn( async () => null ),
		syncChat: jest.fn( async () => null ),
		archiveConversation: jest.fn( async () => null ),
		assignConversation: jest.fn( async () => null ),
		sendTyping: jest.fn( () => true ),
		sendRead: jest.fn( () => true ),
		listeners,
	};
}

describe( 'leaseAgentConnection', () => {
	it( 'shares one connection and closes it with the last lease', () => {
		const fake = fakeConnection();
		const create = jest.fn( () => fake as unknown as LeasableConnection );
		const presence = leaseAgentConnection( create );
		const chat = leaseAgentConnection( create );
		expect( create ).toHaveBeenCalledTimes( 1 );

		presence.open();
		chat.open();
		presence.on( 'status', () => undefined );
		chat.on( 'chatMessage', () => undefined );
		expect( fake.listeners.size ).toBe( 2 );

		presence.close();
		presence.close(); // counted once
		expect( fake.listeners.size ).toBe( 1 ); // only its own listeners went
		expect( fake.close ).not.toHaveBeenCalled();
		expect(
			presence.sendTyping( { conversation_id: 'x', typing: true } )
		).toBe( false );
		expect(
			chat.sendTyping( { conversation_id: 'x', typing: true } )
		).toBe( true );

		chat.close();
		expect( fake.listeners.size ).toBe( 0 );
		expect( fake.close ).toHaveBeenCalledTimes( 1 );

		// The next lease makes a new connection.
		const again = leaseAgentConnection( create );
		expect( create ).toHaveBeenCalledTimes( 2 );
		again.close();
	} );
} );
