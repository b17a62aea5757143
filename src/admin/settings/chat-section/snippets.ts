/**
 * The code a site uses to verify its visitors (docs/chat.md, "Identity
 * verification"). The secret is never written into a snippet: the site keeps
 * it in its own configuration, e.g. `define( 'LIVEDESK_IDENTITY_SECRET', '…' );`.
 */

/** Signs an identity on the site's server (PHP). */
export const PHP_SNIPPET = `$identity = array( 'id' => 'customer-42', 'name' => 'Ada', 'email' => 'ada@example.com', 'expires' => time() + DAY_IN_SECONDS );
$identity['signature'] = hash_hmac(
	'sha256',
	"livedesk-identity.v1\\n{$identity['id']}\\n{$identity['email']}\\n{$identity['name']}\\n{$identity['expires']}",
	LIVEDESK_IDENTITY_SECRET // the secret from Settings → Chat
);`;

/** Hands the signed identity to the widget (JavaScript on the page). */
export const JS_SNIPPET = `LiveDesk.identify( { id: 'customer-42', name: 'Ada', email: 'ada@example.com', expires: 1798761600, signature: '…' } );`;
