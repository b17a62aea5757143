<?php
/**
 * LiveDesk capabilities and the LiveDesk Agent role.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

/**
 * Grants and revokes the plugin's capabilities.
 *
 * Code elsewhere checks these capabilities with current_user_can(), never
 * role names, so a site can hand them to any role it likes.
 */
final class Capabilities {

	/** See visitors, conversations and analytics. */
	public const VIEW = 'livedesk_view';

	/** Reply to and archive conversations. */
	public const CHAT = 'livedesk_chat';

	/** Change settings. */
	public const MANAGE = 'livedesk_manage';

	/** The role for people who answer chats but do not configure the plugin. */
	public const AGENT_ROLE = 'livedesk_agent';

	/**
	 * Every capability the plugin defines.
	 *
	 * @return list<string>
	 */
	public static function all(): array {
		return array( self::VIEW, self::CHAT, self::MANAGE );
	}

	/**
	 * Gives administrators every capability and makes sure the agent role
	 * exists with view + chat. Safe to run any number of times.
	 */
	public function install(): void {
		$administrator = get_role( 'administrator' );
		if ( $administrator instanceof \WP_Role ) {
			foreach ( self::all() as $capability ) {
				$administrator->add_cap( $capability );
			}
		}

		$agent_caps = array(
			'read'     => true,
			self::VIEW => true,
			self::CHAT => true,
		);

		$agent = get_role( self::AGENT_ROLE );
		if ( ! $agent instanceof \WP_Role ) {
			add_role( self::AGENT_ROLE, __( 'LiveDesk Agent', 'livedesk' ), $agent_caps );
			return;
		}

		// An existing role keeps whatever a site owner added; it only gets
		// back what it needs.
		foreach ( array_keys( $agent_caps ) as $capability ) {
			$agent->add_cap( $capability );
		}
	}

	/**
	 * Removes the agent role and the plugin's capabilities from every role.
	 */
	public function uninstall(): void {
		remove_role( self::AGENT_ROLE );

		$roles = wp_roles();
		foreach ( array_keys( $roles->roles ) as $role_name ) {
			$role = $roles->get_role( $role_name );
			if ( null === $role ) {
				continue;
			}
			foreach ( self::all() as $capability ) {
				if ( $role->has_cap( $capability ) ) {
					$role->remove_cap( $capability );
				}
			}
		}
	}
}
