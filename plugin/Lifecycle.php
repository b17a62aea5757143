<?php
/**
 * Activation, deactivation and in-place upgrades.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

use LiveDesk\Database\Migrations;

/**
 * Puts a site into the state the running plugin version expects.
 */
final class Lifecycle {

	/**
	 * Schema migrations.
	 *
	 * @var Migrations
	 */
	private Migrations $migrations;

	/**
	 * Capabilities and role.
	 *
	 * @var Capabilities
	 */
	private Capabilities $capabilities;

	/**
	 * Shared signing secret.
	 *
	 * @var Secret
	 */
	private Secret $secret;

	/**
	 * Identity verification secret.
	 *
	 * @var Secret
	 */
	private Secret $identity_secret;

	/**
	 * Settings storage.
	 *
	 * @var Settings
	 */
	private Settings $settings;

	/**
	 * Constructor.
	 *
	 * @param Migrations   $migrations      Schema migrations.
	 * @param Capabilities $capabilities    Capabilities and role.
	 * @param Secret       $secret          Shared signing secret.
	 * @param Secret       $identity_secret Identity verification secret.
	 * @param Settings     $settings        Settings storage.
	 */
	public function __construct( Migrations $migrations, Capabilities $capabilities, Secret $secret, Secret $identity_secret, Settings $settings ) {
		$this->migrations      = $migrations;
		$this->capabilities    = $capabilities;
		$this->secret          = $secret;
		$this->identity_secret = $identity_secret;
		$this->settings        = $settings;
	}

	/**
	 * Installs or repairs everything the plugin needs on the current site:
	 * tables, capabilities, the agent role, the secrets and the autoloaded
	 * settings. Idempotent.
	 */
	public function install(): void {
		$this->migrations->run();
		$this->capabilities->install();
		$this->secret->ensure();
		$this->identity_secret->ensure();
		$this->settings->add_autoloaded_defaults();
	}

	/**
	 * Runs on activation. On a network activation only the current site is
	 * installed now; the others install themselves on their next request
	 * through action_init().
	 */
	public function activate(): void {
		$this->install();
	}

	/**
	 * Runs on deactivation. Keeps every table, option, role and capability:
	 * data is only removed on uninstall, and only when the site opted in.
	 */
	public function deactivate(): void {
		// Nothing to undo yet: the plugin schedules no events.
	}

	/**
	 * Upgrades a site whose schema is behind the code (a plugin update
	 * without reactivation, or a site of a network activation). Costs one
	 * autoloaded option read when everything is current.
	 */
	public function action_init(): void {
		if ( $this->migrations->needs_upgrade() ) {
			$this->install();
		}
	}
}
