<?php
/**
 * Tests for LiveDesk\BuildAsset.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use LiveDesk\BuildAsset;
use PHPUnit\Framework\Attributes\CoversClass;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Reading `<name>.asset.php` files.
 */
#[CoversClass( BuildAsset::class )]
final class BuildAssetTest extends TestCase {

	/**
	 * Fixture build folder, with a trailing slash.
	 *
	 * @var string
	 */
	private string $build_dir;

	/**
	 * Creates the fixture folder.
	 */
	protected function set_up(): void {
		$this->build_dir = sys_get_temp_dir() . '/livedesk-asset-' . wp_generate_password( 8, false ) . '/';
		wp_mkdir_p( $this->build_dir );
	}

	/**
	 * Removes the fixture folder.
	 */
	protected function tear_down(): void {
		foreach ( (array) glob( $this->build_dir . '*' ) as $file ) {
			wp_delete_file( (string) $file );
		}
		rmdir( $this->build_dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a temporary fixture folder.
	}

	/**
	 * A generated file gives its dependencies and version; junk dependency
	 * entries are dropped.
	 */
	public function test_reads_dependencies_and_version(): void {
		$this->write( "<?php return array( 'dependencies' => array( 'wp-i18n', '', 42, 'wp-element' ), 'version' => 'abc123' );" );

		self::assertSame(
			array(
				'dependencies' => array( 'wp-i18n', 'wp-element' ),
				'version'      => 'abc123',
			),
			BuildAsset::read( $this->build_dir, 'bundle', '1.0.0' )
		);
	}

	/**
	 * A version that is not a scalar falls back to the plugin's.
	 */
	public function test_falls_back_to_the_given_version(): void {
		$this->write( "<?php return array( 'dependencies' => array(), 'version' => array( 'x' ) );" );

		$asset = BuildAsset::read( $this->build_dir, 'bundle', '1.0.0' );

		self::assertNotNull( $asset );
		self::assertSame( '1.0.0', $asset['version'] );
	}

	/**
	 * Missing or malformed files give null.
	 *
	 * @param string|null $contents File contents; null for no file.
	 */
	#[DataProvider( 'unusable' )]
	public function test_unusable_files_give_null( ?string $contents ): void {
		if ( null !== $contents ) {
			$this->write( $contents );
		}

		self::assertNull( BuildAsset::read( $this->build_dir, 'bundle', '1.0.0' ) );
	}

	/**
	 * Unusable cases.
	 *
	 * @return array<string, array{string|null}>
	 */
	public static function unusable(): array {
		return array(
			'missing'          => array( null ),
			'not an array'     => array( "<?php return 'nope';" ),
			'no version'       => array( "<?php return array( 'dependencies' => array() );" ),
			'no dependencies'  => array( "<?php return array( 'version' => '1' );" ),
			'bad dependencies' => array( "<?php return array( 'dependencies' => 'wp-i18n', 'version' => '1' );" ),
		);
	}

	/**
	 * Writes bundle.asset.php.
	 *
	 * @param string $contents PHP source.
	 */
	private function write( string $contents ): void {
		file_put_contents( $this->build_dir . 'bundle.asset.php', $contents ); // phpcs:ignore WordPress.WP.AlternativeFunctions -- a temporary fixture.
	}
}
