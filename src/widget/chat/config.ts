/**
 * Internal dependencies
 */
import { MESSAGE_MAX } from '../../protocol';
import { safeColor } from '../launcher/colors';
import { requestJson, restRoute } from './rest';
import { mergeStrings } from './strings';
import type { Strings } from './strings';

/** Whether the pre-chat form asks for name and e-mail, and whether the e-mail is required. */
export type EmailCapture = 'off' | 'optional' | 'required';

/** The chat settings the panel follows (`GET chat/config`). */
export interface ChatSettings {
	/** The site's greeting ('' for the built-in one). */
	greeting: string;
	color: string;
	position: 'left' | 'right';
	emailCapture: EmailCapture;
	/** Only visitors with a verified identity may chat. */
	requireVerified: boolean;
	/** The longest message, in characters. */
	messageMax: number;
	strings: Strings;
}

/**
 * The settings of a `GET chat/config` body, with `fallback`'s colour and
 * position (the launcher's) and the built-in strings for what it lacks.
 *
 * @param raw               The decoded body (null when the request failed).
 * @param fallback          Colour and position to use when the body has none.
 * @param fallback.color
 * @param fallback.position
 */
export function readChatSettings(
	raw: unknown,
	fallback: { color?: string; position?: 'left' | 'right' }
): ChatSettings {
	const c = ( raw ?? {} ) as Record< string, unknown >;
	const capture = c.email_capture;
	let position = fallback.position ?? 'right';
	if ( c.position === 'left' || c.position === 'right' ) {
		position = c.position;
	}
	return {
		greeting: typeof c.greeting === 'string' ? c.greeting.trim() : '',
		color: safeColor( c.color ?? fallback.color ),
		position,
		emailCapture:
			capture === 'optional' || capture === 'required' ? capture : 'off',
		requireVerified: c.require_verified === true,
		messageMax:
			typeof c.message_max === 'number' && c.message_max > 0
				? Math.min( c.message_max, MESSAGE_MAX )
				: MESSAGE_MAX,
		strings: mergeStrings( c.strings ),
	};
}

/**
 * Fetches the chat settings; the fallbacks when the request fails.
 *
 * @param fetchImpl         The fetch implementation.
 * @param restUrl           The `livedesk/v1/` REST base.
 * @param fallback          Colour and position of the launcher.
 * @param fallback.color
 * @param fallback.position
 */
export async function fetchChatSettings(
	fetchImpl: typeof fetch,
	restUrl: string,
	fallback: { color?: string; position?: 'left' | 'right' }
): Promise< ChatSettings > {
	const answer = await requestJson(
		fetchImpl,
		restRoute( restUrl, 'chat/config' )
	);
	return readChatSettings(
		answer.status === 200 ? answer.data : null,
		fallback
	);
}
