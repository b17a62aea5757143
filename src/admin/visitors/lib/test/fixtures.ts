/**
 * Internal dependencies
 */
import type { PresenceVisitor } from '../../../../protocol';

/** A title that would run script if it were ever rendered as HTML. */
export const XSS_TITLE = '<img src=x onerror=alert(1)>';

/**
 * A whole visitor entry for tests, with the given fields replaced.
 *
 * @param overrides Fields to replace; `geo`, `device` and `page` are merged.
 */
export function makeVisitor(
	overrides: Partial< Omit< PresenceVisitor, 'geo' | 'device' | 'page' > > & {
		geo?: Partial< PresenceVisitor[ 'geo' ] >;
		device?: Partial< PresenceVisitor[ 'device' ] >;
		page?: Partial< PresenceVisitor[ 'page' ] >;
	} = {}
): PresenceVisitor {
	const { geo, device, page, ...rest } = overrides;
	return {
		id: 'a'.repeat( 32 ),
		number: 1,
		name: null,
		status: 'online',
		returning: false,
		connectedAt: 1_700_000_000_000,
		leftAt: null,
		tabs: [],
		referrer: '',
		language: 'en-GB',
		timezone: 'Europe/London',
		...rest,
		page: {
			path: '/',
			title: 'Home',
			since: 1_700_000_000_000,
			...page,
		},
		geo: {
			country: 'GB',
			region: 'England',
			city: 'London',
			lat: 51.5,
			lng: -0.12,
			timezone: 'Europe/London',
			approximate: false,
			...geo,
		},
		device: {
			browser: 'Firefox',
			os: 'Linux',
			device: 'desktop',
			...device,
		},
	};
}

/**
 * `count` distinct visitors, numbered from 1, most recently connected first.
 *
 * @param count How many.
 */
export function manyVisitors( count: number ): PresenceVisitor[] {
	return Array.from( { length: count }, ( _, index ) =>
		makeVisitor( {
			id: index.toString( 16 ).padStart( 32, '0' ),
			number: index + 1,
			connectedAt: 1_700_000_000_000 - index,
		} )
	);
}
