<?php
/**
 * Tests for plugin/autoload.php.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk\Tests;

use PHPUnit\Framework\Attributes\CoversNothing;

/**
 * Release zips ship without vendor/: the fallback loader must find every class.
 */
#[CoversNothing]
final class AutoloadTest extends TestCase {

	/**
	 * In a copy of plugin/ with no vendor/ beside it, every class loads.
	 */
	public function test_fallback_loader_finds_every_class_without_vendor(): void {
		$root = sys_get_temp_dir() . '/livedesk-zip-' . wp_generate_password( 8, false );
		$this->copy_tree( LIVEDESK_DIR . 'plugin', $root . '/plugin' );

		$classes = array();
		foreach ( $this->php_files( $root . '/plugin' ) as $file ) {
			$relative = substr( $file, strlen( $root . '/plugin/' ), -4 );
			// Controllers extend WP_REST_Controller, which needs WordPress.
			if ( 'autoload' !== $relative && ! str_starts_with( $relative, 'Rest/' ) ) {
				$classes[] = 'LiveDesk\\' . str_replace( '/', '\\', $relative );
			}
		}
		self::assertContains( 'LiveDesk\\Plugin', $classes );

		// A separate PHP process, so that Composer's loader is not there to help.
		$code   = sprintf(
			'define( "ABSPATH", "/" ); require %s; foreach ( %s as $c ) { if ( ! class_exists( $c ) && ! interface_exists( $c ) ) { echo "missing $c\n"; } } echo "done";',
			var_export( $root . '/plugin/autoload.php', true ), // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- building PHP source.
			var_export( $classes, true ) // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- building PHP source.
		);
		$output = array();
		exec( escapeshellarg( PHP_BINARY ) . ' -d error_reporting=-1 -r ' . escapeshellarg( $code ) . ' 2>&1', $output ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec -- needs a clean process.
		$this->remove_tree( $root );

		self::assertSame( array( 'done' ), $output );
	}

	/**
	 * Every .php file under a folder.
	 *
	 * @param string $dir Folder.
	 * @return list<string>
	 */
	private function php_files( string $dir ): array {
		$files    = array();
		$iterator = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $iterator as $file ) {
			if ( $file instanceof \SplFileInfo && 'php' === $file->getExtension() ) {
				$files[] = $file->getPathname();
			}
		}
		sort( $files );

		return $files;
	}

	/**
	 * Copies a folder.
	 *
	 * @param string $from Source.
	 * @param string $to   Destination.
	 */
	private function copy_tree( string $from, string $to ): void {
		foreach ( $this->php_files( $from ) as $file ) {
			$target = $to . substr( $file, strlen( $from ) );
			wp_mkdir_p( dirname( $target ) );
			copy( $file, $target );
		}
	}

	/**
	 * Deletes a folder made by copy_tree().
	 *
	 * @param string $dir Folder.
	 */
	private function remove_tree( string $dir ): void {
		$iterator = new \RecursiveIteratorIterator(
			new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ),
			\RecursiveIteratorIterator::CHILD_FIRST
		);
		foreach ( $iterator as $path ) {
			if ( ! $path instanceof \SplFileInfo ) {
				continue;
			}
			if ( $path->isDir() ) {
				rmdir( $path->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a temporary folder.
			} else {
				wp_delete_file( $path->getPathname() );
			}
		}
		rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir -- a temporary folder.
	}
}
