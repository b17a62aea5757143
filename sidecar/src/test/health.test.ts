/**
 * Internal dependencies
 */
import { buildHealthReport } from '../health';

const base = { version: '1.2.3', uptimeSeconds: 12.7 };

describe( 'buildHealthReport', () => {
	it( 'is 200 ok when the database answers and the secret is loaded', () => {
		expect(
			buildHealthReport( {
				...base,
				db: { ok: true, latencyMs: 0.4 },
				secret: { loaded: true },
			} )
		).toEqual( {
			statusCode: 200,
			report: {
				status: 'ok',
				version: '1.2.3',
				uptimeSeconds: 12,
				db: { ok: true, latencyMs: 0.4 },
				secret: { loaded: true },
			},
		} );
	} );

	it( 'is 503 when the database is down, carrying its message', () => {
		const db = {
			ok: false,
			error: 'cannot connect to MariaDB/MySQL at /x.sock: ENOENT',
		};
		const { statusCode, report } = buildHealthReport( {
			...base,
			db,
			secret: { loaded: true },
		} );
		expect( statusCode ).toBe( 503 );
		expect( report ).toMatchObject( { status: 'error', db } );
	} );

	it( 'is 503 when the secret is not loaded', () => {
		const secret = {
			loaded: false,
			error: 'option livedesk_secret not found',
		};
		const { statusCode, report } = buildHealthReport( {
			...base,
			db: { ok: true },
			secret,
		} );
		expect( statusCode ).toBe( 503 );
		expect( report ).toMatchObject( { status: 'error', secret } );
	} );
} );
