/**
 * Internal dependencies
 */
import { IDENTITY_KEY, createIdentityStore } from '../../identity';
import {
	VISITOR_ID_RETRY_CAP_MS,
	VISITOR_ID_RETRY_MS,
	createVisitorIdRequest,
	visitorIdRetryDelay,
} from '../visitor-id';
import type { VisitorIdOptions, VisitorIdRequest } from '../visitor-id';
import { REST, createFakeRest } from './fake-rest';
import { VISITOR } from './fixtures';

let rest: ReturnType< typeof createFakeRest >;
let request: VisitorIdRequest | undefined;

function start( change: Partial< VisitorIdOptions > = {} ) {
	const options = {
		fetch: rest.fetch,
		restUrl: REST,
		store: createIdentityStore( window ),
		wanted: jest.fn( () => true ),
		onAnswer: jest.fn(),
		// No jitter: each wait is the lower half of its range.
		random: () => 0,
		...change,
	};
	request = createVisitorIdRequest( options );
	return options;
}

const asks = () => rest.calls( 'POST chat/visitor' );

beforeEach( () => {
	jest.useFakeTimers();
	localStorage.clear();
	delete ( window as unknown as Record< string, unknown > )
		.livedeskIdentityClaim;
	rest = createFakeRest();
} );

afterEach( () => {
	request?.stop();
	request = undefined;
	jest.useRealTimers();
} );

describe( 'visitorIdRetryDelay', () => {
	it( 'doubles from 5 s to at most 5 min, jittering the upper half', () => {
		expect( visitorIdRetryDelay( 0, () => 0 ) ).toBe(
			VISITOR_ID_RETRY_MS / 2
		);
		expect( visitorIdRetryDelay( 0, () => 0.999999 ) ).toBe(
			VISITOR_ID_RETRY_MS
		);
		expect( visitorIdRetryDelay( 1, () => 0 ) ).toBe( VISITOR_ID_RETRY_MS );
		expect( visitorIdRetryDelay( 20, () => 0 ) ).toBe(
			VISITOR_ID_RETRY_CAP_MS / 2
		);
		expect( visitorIdRetryDelay( 20, () => 0.999999 ) ).toBe(
			VISITOR_ID_RETRY_CAP_MS
		);
	} );
} );

describe( 'createVisitorIdRequest', () => {
	it( 'asks POST chat/visitor once and keeps the id in the shared store', async () => {
		rest.on( 'POST chat/visitor', () => ( {
			status: 201,
			body: VISITOR,
		} ) );
		const options = start();
		request?.ensure();
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );

		expect( asks() ).toHaveLength( 1 );
		// Anonymous: there is no visitor id to send yet.
		expect( asks()[ 0 ]?.headers ).not.toHaveProperty(
			'X-LiveDesk-Visitor'
		);
		expect(
			JSON.parse( localStorage.getItem( IDENTITY_KEY ) ?? 'null' )
		).toEqual( VISITOR );
		// Another store over the same window (the tracker's) reads it.
		expect( createIdentityStore( window ).load() ).toEqual( VISITOR );
		expect( options.onAnswer ).toHaveBeenCalledTimes( 1 );
		expect( options.onAnswer ).toHaveBeenCalledWith( true );
		expect( request?.failed() ).toBe( false );

		request?.ensure();
		await jest.advanceTimersByTimeAsync( VISITOR_ID_RETRY_CAP_MS );
		expect( asks() ).toHaveLength( 1 );
	} );

	it( 'does not ask when an identity is stored', async () => {
		localStorage.setItem( IDENTITY_KEY, JSON.stringify( VISITOR ) );
		const options = start();
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( rest.requests ).toEqual( [] );
		expect( options.onAnswer ).not.toHaveBeenCalled();
	} );

	it( 'makes the tracker wait for the answer instead of getting another id', async () => {
		let answer: ( () => void ) | undefined;
		rest.on(
			'POST chat/visitor',
			() =>
				new Promise( ( resolve ) => {
					answer = () => resolve( { status: 201, body: VISITOR } );
				} )
		);
		start();
		const tracker = createIdentityStore( window );
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( tracker.waiting() ).toBe( true );
		answer?.();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( tracker.waiting() ).toBe( false );
		expect( tracker.load() ).toEqual( VISITOR );
	} );

	it( 'backs off after a failure instead of asking in a loop', async () => {
		rest.on( 'POST chat/visitor', () => ( {
			status: 503,
			body: { code: 'storage_unavailable' },
		} ) );
		const options = start();
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( asks() ).toHaveLength( 1 );
		expect( request?.failed() ).toBe( true );
		expect( options.onAnswer ).toHaveBeenLastCalledWith( false );
		// The claim is withdrawn: the tracker need not wait for it.
		expect( createIdentityStore( window ).waiting() ).toBe( false );

		// Asking again during the wait changes nothing.
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 2499 );
		expect( asks() ).toHaveLength( 1 );
		// Then 2.5 s, 5 s, 10 s, 20 s, 40 s apart (no jitter here).
		await jest.advanceTimersByTimeAsync( 1 );
		expect( asks() ).toHaveLength( 2 );
		await jest.advanceTimersByTimeAsync( 5000 + 10000 + 20000 - 1 );
		expect( asks() ).toHaveLength( 4 );
		await jest.advanceTimersByTimeAsync( 1 );
		expect( asks() ).toHaveLength( 5 );
		// The first ten minutes of failures stay under the plugin's limit
		// of 10 per IP address (fewer with jitter).
		await jest.advanceTimersByTimeAsync( 600000 - 37500 );
		expect( asks().length ).toBeLessThan( 10 );
	} );

	it( 'counts a network error or a malformed answer as a failure, and then succeeds', async () => {
		let calls = 0;
		rest.on( 'POST chat/visitor', () => {
			calls++;
			if ( calls === 1 ) {
				return 'network-error';
			}
			return calls === 2
				? { status: 201, body: { id: 'not-hex', sig: VISITOR.sig } }
				: { status: 201, body: VISITOR };
		} );
		const options = start();
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( request?.failed() ).toBe( true );
		await jest.advanceTimersByTimeAsync( 2500 );
		expect( request?.failed() ).toBe( true );
		expect( localStorage.getItem( IDENTITY_KEY ) ).toBeNull();
		await jest.advanceTimersByTimeAsync( 5000 );
		expect( asks() ).toHaveLength( 3 );
		expect( request?.failed() ).toBe( false );
		expect( options.onAnswer ).toHaveBeenLastCalledWith( true );
		expect( createIdentityStore( window ).load() ).toEqual( VISITOR );
	} );

	it( 'retries only while an id is still wanted, and not after stop', async () => {
		rest.on( 'POST chat/visitor', () => ( { status: 500 } ) );
		let wanted = true;
		start( { wanted: () => wanted } );
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		// The sidecar came back meanwhile: no retry.
		wanted = false;
		await jest.advanceTimersByTimeAsync( VISITOR_ID_RETRY_CAP_MS );
		expect( asks() ).toHaveLength( 1 );
		// Back on REST: asked again when the chat needs it.
		wanted = true;
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( asks() ).toHaveLength( 2 );

		request?.stop();
		await jest.advanceTimersByTimeAsync( VISITOR_ID_RETRY_CAP_MS );
		request?.ensure();
		await jest.advanceTimersByTimeAsync( 0 );
		expect( asks() ).toHaveLength( 2 );
	} );

	it( 'does not stop on an id another script stored meanwhile', async () => {
		rest.on( 'POST chat/visitor', () => ( { status: 500 } ) );
		const options = start();
		request?.ensure();
		// The tracker got one from the sidecar while the request was out.
		createIdentityStore( window ).save( VISITOR );
		await jest.advanceTimersByTimeAsync( 0 );
		expect( options.onAnswer ).toHaveBeenCalledWith( true );
		expect( request?.failed() ).toBe( false );
		await jest.advanceTimersByTimeAsync( VISITOR_ID_RETRY_CAP_MS );
		expect( asks() ).toHaveLength( 1 );
	} );
} );
