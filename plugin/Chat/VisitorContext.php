<?php
/**
 * Who a visitor request comes from, as verified.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Chat;

/**
 * What the permission check established about a visitor request: the
 * signed visitor id, a verified identity (if any), whether it is an admin's
 * playground chat, and the client IP. Never built from a payload's claims.
 *
 * @phpstan-import-type Identity from Identities
 */
final class VisitorContext {

	/**
	 * Constructor.
	 *
	 * @param string      $visitor_id Verified visitor id ('' when the request carried none).
	 * @param array|null  $identity   Verified identity, or null.
	 * @param bool        $playground Whether a valid playground token came with it.
	 * @param string|null $ip         The client IP, or null when unknown.
	 *
	 * @phpstan-param Identity|null $identity
	 */
	public function __construct(
		public readonly string $visitor_id,
		public readonly ?array $identity,
		public readonly bool $playground,
		public readonly ?string $ip
	) {
	}

	/**
	 * The open key a new conversation of this visitor takes: the verified
	 * identity's (`i:<id>`, shared across devices) or the browser's (`v:<id>`).
	 */
	public function open_key(): string {
		return null !== $this->identity ? 'i:' . $this->identity['id'] : 'v:' . $this->visitor_id;
	}
}
