/**
 * Internal dependencies
 */
import type {
	PresenceGeo,
	PresenceStatus,
	PresenceVisitor,
} from '../../../../../protocol';

/**
 * A visitor for map tests.
 *
 * @param id          Visitor id.
 * @param geo         Location fields to override.
 * @param status      Status.
 * @param connectedAt When the visit started.
 * @param extra       Other fields to override.
 */
export function visitor(
	id: string,
	geo: Partial< PresenceGeo > = {},
	status: PresenceStatus = 'online',
	connectedAt = 1000,
	extra: Partial< PresenceVisitor > = {}
): PresenceVisitor {
	return {
		id,
		number: 1,
		name: null,
		status,
		returning: false,
		connectedAt,
		leftAt: null,
		page: { path: '/', title: 'Home', since: connectedAt },
		tabs: [],
		referrer: '',
		language: 'en-GB',
		timezone: 'Europe/Paris',
		geo: {
			country: 'FR',
			region: 'IDF',
			city: 'Paris',
			lat: 48.86,
			lng: 2.35,
			timezone: 'Europe/Paris',
			approximate: false,
			...geo,
		},
		device: { browser: 'Firefox', os: 'Linux', device: 'desktop' },
		...extra,
	};
}

/** France, country-level only. */
export const FRANCE: Partial< PresenceGeo > = {
	region: '',
	city: '',
	lat: 46,
	lng: 2,
	approximate: true,
};

/** Berlin. */
export const BERLIN: Partial< PresenceGeo > = {
	country: 'DE',
	region: 'BE',
	city: 'Berlin',
	lat: 52.52,
	lng: 13.4,
};

/** Lyon, a few pixels from Paris at world zoom. */
export const LYON: Partial< PresenceGeo > = {
	country: 'FR',
	region: 'ARA',
	city: 'Lyon',
	lat: 45.76,
	lng: 4.84,
};
