/**
 * Internal dependencies
 */
import { MESSAGE_MAX, isChatEmail } from '../../protocol';
import type { ChatErrorCode, ChatProfile } from '../../protocol';
import type { StringKey } from './strings';

/** A form's verdict: the value to send, or the string key of what is wrong and the field. */
export type Verdict< T > =
	| { ok: true; value: T }
	| { ok: false; error: StringKey; field: 'name' | 'email' | 'body' };

/**
 * The pre-chat answers: both optional, the e-mail required when capture is
 * `required`; a given e-mail must look valid. Empty answers are left out.
 *
 * @param name     The name field's value.
 * @param email    The e-mail field's value.
 * @param required Whether the e-mail is required.
 */
export function readProfile(
	name: string,
	email: string,
	required: boolean
): Verdict< ChatProfile > {
	const e = email.trim();
	if ( required && ! e ) {
		return { ok: false, error: 'error_email_required', field: 'email' };
	}
	// The protocol's own check: the sidecar never refuses what passes here.
	if ( e && ! isChatEmail( e ) ) {
		return { ok: false, error: 'error_email_invalid', field: 'email' };
	}
	const profile: ChatProfile = {};
	const n = name.trim();
	if ( n ) {
		profile.name = n;
	}
	if ( e ) {
		profile.email = e;
	}
	return { ok: true, value: profile };
}

/**
 * A message as sent: trimmed; empty is null (nothing to send), longer than
 * `max` is refused.
 *
 * @param text The textarea's value.
 * @param max  The longest message (`message_max` of `chat/config`).
 */
export function readBody(
	text: string,
	max: number = MESSAGE_MAX
): Verdict< string > | null {
	const body = text.trim();
	if ( ! body ) {
		return null;
	}
	return body.length > max
		? { ok: false, error: 'error_too_long', field: 'body' }
		: { ok: true, value: body };
}

/**
 * The string that explains a refusal to the visitor.
 *
 * @param code The refusal's code.
 */
export function refusalText( code: ChatErrorCode | string ): StringKey {
	switch ( code ) {
		case 'rate_limited':
			return 'error_rate_limited';
		case 'identity_required':
			return 'error_identity_required';
		case 'chat_disabled':
			return 'error_disabled';
		default:
			return /email/.test( code )
				? 'error_email_invalid'
				: 'error_generic';
	}
}
