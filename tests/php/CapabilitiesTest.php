<?php
/**
 * Tests for LiveDesk\Capabilities.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\Capabilities;
use PHPUnit\Framework\Attributes\CoversClass;

/**
 * Capabilities and the agent role.
 */
#[CoversClass( Capabilities::class )]
final class CapabilitiesTest extends TestCase {

	/**
	 * Installing again leaves the roles exactly as they were.
	 */
	public function test_install_is_idempotent(): void {
		$before = wp_roles()->roles;

		( new Capabilities() )->install();
		( new Capabilities() )->install();

		self::assertSame( $before, wp_roles()->roles );
	}

	/**
	 * The agent role has exactly read, view and chat.
	 */
	public function test_agent_role_can_view_and_chat_but_not_manage(): void {
		$agent = get_role( Capabilities::AGENT_ROLE );

		self::assertNotNull( $agent );
		self::assertSame(
			array(
				'read'             => true,
				Capabilities::VIEW => true,
				Capabilities::CHAT => true,
			),
			$agent->capabilities
		);
	}

	/**
	 * An existing agent role gets back a capability it lost and keeps what
	 * the site owner added.
	 */
	public function test_install_repairs_the_agent_role_without_removing_additions(): void {
		$agent = get_role( Capabilities::AGENT_ROLE );
		self::assertNotNull( $agent );
		$agent->remove_cap( Capabilities::CHAT );
		$agent->add_cap( 'upload_files' );

		( new Capabilities() )->install();

		$agent = get_role( Capabilities::AGENT_ROLE );
		self::assertNotNull( $agent );
		self::assertTrue( $agent->has_cap( Capabilities::CHAT ) );
		self::assertTrue( $agent->has_cap( 'upload_files' ) );
	}

	/**
	 * Users get the capabilities through their role.
	 */
	public function test_users_get_capabilities_through_their_roles(): void {
		$admin      = $this->create_user( 'administrator' );
		$agent      = $this->create_user( Capabilities::AGENT_ROLE );
		$subscriber = $this->create_user( 'subscriber' );

		foreach ( Capabilities::all() as $capability ) {
			self::assertTrue( user_can( $admin, $capability ), "administrator: {$capability}" );
			self::assertFalse( user_can( $subscriber, $capability ), "subscriber: {$capability}" );
		}
		self::assertTrue( user_can( $agent, Capabilities::VIEW ) );
		self::assertTrue( user_can( $agent, Capabilities::CHAT ) );
		self::assertFalse( user_can( $agent, Capabilities::MANAGE ) );
	}

	/**
	 * Uninstalling removes the role and the capabilities from every role,
	 * including roles a site owner gave them to.
	 */
	public function test_uninstall_removes_the_role_and_every_capability(): void {
		$editor = get_role( 'editor' );
		self::assertNotNull( $editor );
		$editor->add_cap( Capabilities::VIEW );

		( new Capabilities() )->uninstall();

		self::assertNull( get_role( Capabilities::AGENT_ROLE ) );
		foreach ( wp_roles()->role_objects as $name => $role ) {
			foreach ( Capabilities::all() as $capability ) {
				self::assertFalse( $role->has_cap( $capability ), "{$name} still has {$capability}." );
			}
		}
		self::assertTrue( $editor->has_cap( 'edit_posts' ), 'Other capabilities stay.' );
	}
}
