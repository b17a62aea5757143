/**
 * External dependencies
 */
import pino from 'pino';

/**
 * Internal dependencies
 */
import { createShutdown } from '../shutdown';

function setup( close: () => Promise< void > ) {
	const lines: Array< { msg: string } > = [];
	const log = pino(
		{ level: 'info' },
		{
			write: ( line: string ) => {
				lines.push( JSON.parse( line ) );
			},
		}
	);
	const exit = jest.fn();
	const shutdown = createShutdown( { close, log, exit, timeoutMs: 10_000 } );
	return { shutdown, exit, messages: () => lines.map( ( l ) => l.msg ) };
}

describe( 'createShutdown', () => {
	beforeEach( () => {
		jest.useFakeTimers();
	} );
	afterEach( () => {
		jest.useRealTimers();
	} );

	it( 'closes and exits 0', async () => {
		const close = jest.fn( async () => {} );
		const { shutdown, exit, messages } = setup( close );
		shutdown( 'SIGTERM' );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( close ).toHaveBeenCalledTimes( 1 );
		expect( exit ).toHaveBeenCalledWith( 0 );
		expect( messages() ).toEqual( [
			'shutting down',
			'shutdown complete',
		] );
	} );

	it( 'forces exit 1 on a second signal', () => {
		const { shutdown, exit, messages } = setup(
			() => new Promise( () => {} )
		);
		shutdown( 'SIGTERM' );
		shutdown( 'SIGINT' );
		expect( exit ).toHaveBeenCalledWith( 1 );
		expect( messages() ).toEqual( [
			'shutting down',
			'second signal: forcing exit',
		] );
	} );

	it( 'forces exit 1 when closing takes longer than the timeout', async () => {
		const { shutdown, exit, messages } = setup(
			() => new Promise( () => {} )
		);
		shutdown( 'SIGTERM' );
		await jest.advanceTimersByTimeAsync( 9_999 );
		expect( exit ).not.toHaveBeenCalled();
		await jest.advanceTimersByTimeAsync( 1 );
		expect( exit ).toHaveBeenCalledWith( 1 );
		expect( messages() ).toContain( 'shutdown timed out: forcing exit' );
	} );

	it( 'exits 1 when closing fails', async () => {
		const { shutdown, exit, messages } = setup( async () => {
			throw new Error( 'pool stuck' );
		} );
		shutdown( 'SIGTERM' );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( exit ).toHaveBeenCalledWith( 1 );
		expect( messages() ).toContain( 'shutdown failed' );
	} );
} );
