/**
 * WordPress dependencies
 */
import { Button, Dropdown } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { countryFlag, countryName, userLocale } from '../../visitors/lib/flags';
import {
	deviceLabel,
	formatLocalTime,
	languageName,
	orDash,
} from '../../visitors/lib/format';
import type { VisitorInfoProps } from './types';

/**
 * The "Visitor details" button and its popover: IP address, location with
 * flag, time zone with the visitor's local time, browser, OS, device and
 * language, as recorded with the chat (empty fields show "—").
 *
 * @param props The conversation and the visitor's live entry.
 */
export default function VisitorInfo( props: VisitorInfoProps ) {
	const { conversation, visitor, now } = props;
	const snapshot = conversation.visitor;
	const locale = userLocale();
	// What was recorded with the chat, else what the live entry knows.
	const country = snapshot.country || visitor?.geo.country || '';
	const place = [
		snapshot.city || visitor?.geo.city || '',
		snapshot.region || visitor?.geo.region || '',
		countryName( country, locale ) || country,
	]
		.filter( ( part ) => part !== '' )
		.join( ', ' );
	const timezone =
		snapshot.timezone || visitor?.timezone || visitor?.geo.timezone || '';
	const language = snapshot.language || visitor?.language || '';
	const fields: Array< [ string, string, string? ] > = [
		[ __( 'IP address', 'livedesk' ), orDash( snapshot.ip ) ],
		[
			__( 'Location', 'livedesk' ),
			orDash( place ),
			countryFlag( country ),
		],
		[
			__( 'Time zone', 'livedesk' ),
			timezone
				? `${ timezone } · ${ formatLocalTime( now, timezone, locale ) }`
				: orDash( '' ),
		],
		[
			__( 'Browser', 'livedesk' ),
			orDash( snapshot.browser || visitor?.device.browser ),
		],
		[
			__( 'Operating system', 'livedesk' ),
			orDash( snapshot.os || visitor?.device.os ),
		],
		[
			__( 'Device', 'livedesk' ),
			orDash(
				deviceLabel( snapshot.device || visitor?.device.device || '' )
			),
		],
		[
			__( 'Language', 'livedesk' ),
			orDash(
				language ? languageName( language, locale ) || language : ''
			),
		],
	];
	return (
		<Dropdown
			className="livedesk-visitor-info"
			// Focus moves into the popover, so Escape closes it (its content has no buttons).
			popoverProps={ { placement: 'left-start', focusOnMount: true } }
			renderToggle={ ( { isOpen, onToggle } ) => (
				<Button
					__next40pxDefaultSize
					variant="secondary"
					aria-expanded={ isOpen }
					onClick={ onToggle }
				>
					{ __( 'Visitor details', 'livedesk' ) }
				</Button>
			) }
			renderContent={ () => (
				<dl
					className="livedesk-visitor-info__fields"
					aria-label={ __( 'Visitor details', 'livedesk' ) }
				>
					{ fields.map( ( [ name, value, flag ] ) => (
						<div
							key={ name }
							className="livedesk-visitor-info__field"
						>
							<dt>{ name }</dt>
							<dd>
								{ flag && (
									<span aria-hidden="true">{ flag } </span>
								) }
								{ value }
							</dd>
						</div>
					) ) }
				</dl>
			) }
		/>
	);
}
