<?php
/**
 * The metadata @wordpress/scripts writes beside each bundle.
 *
 * @package LiveDesk
 */

declare( strict_types=1 );

namespace LiveDesk;

/**
 * Reads `build/<name>.asset.php`: a bundle's script dependencies and its
 * content-hash version.
 */
final class BuildAsset {

	/**
	 * A bundle's dependencies and version.
	 *
	 * @param string $build_dir        Directory of the built assets, with a trailing slash.
	 * @param string $name             Bundle name, e.g. "admin-visitors".
	 * @param string $fallback_version Version to use when the file names none.
	 * @return array{dependencies: list<non-empty-string>, version: string}|null Null when missing or malformed.
	 */
	public static function read( string $build_dir, string $name, string $fallback_version ): ?array {
		$file = $build_dir . $name . '.asset.php';
		if ( ! is_readable( $file ) ) {
			return null;
		}

		$asset = require $file;
		if ( ! is_array( $asset ) || ! isset( $asset['dependencies'], $asset['version'] ) || ! is_array( $asset['dependencies'] ) ) {
			return null;
		}

		$dependencies = array();
		foreach ( $asset['dependencies'] as $dependency ) {
			if ( is_string( $dependency ) && '' !== $dependency ) {
				$dependencies[] = $dependency;
			}
		}

		return array(
			'dependencies' => $dependencies,
			'version'      => is_scalar( $asset['version'] ) ? (string) $asset['version'] : $fallback_version,
		);
	}

	/**
	 * Enqueues a public-page bundle, deferred in the footer, with the
	 * configuration it starts from printed before it as `window.<global>`.
	 * The configuration must be the same for every visitor (full-page
	 * caches serve one copy to all).
	 *
	 * @param non-empty-string                                             $handle Script handle.
	 * @param string                                                       $url    URL of the bundle.
	 * @param array{dependencies: list<non-empty-string>, version: string} $asset  What read() returned.
	 * @param string                                                       $global Name of the configuration global.
	 * @param array<string, mixed>                                         $config The configuration.
	 */
	public static function enqueue_public_script( string $handle, string $url, array $asset, string $global, array $config ): void {
		wp_enqueue_script(
			$handle,
			$url,
			$asset['dependencies'],
			$asset['version'],
			array(
				'in_footer' => true,
				'strategy'  => 'defer',
			)
		);
		// A "before" script keeps the defer strategy; an "after" one would not.
		wp_add_inline_script( $handle, 'window.' . $global . ' = ' . wp_json_encode( $config ) . ';', 'before' );
	}
}
