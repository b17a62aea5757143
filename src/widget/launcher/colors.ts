/** The accent colour when the settings hold none (the plugin's default). */
export const DEFAULT_COLOR = '#2563eb';

/**
 * The accent colour as CSS: a `#rgb` or `#rrggbb` value, anything else (which
 * could carry CSS of its own) falls back to DEFAULT_COLOR.
 *
 * @param value The configured colour.
 */
export function safeColor( value: unknown ): string {
	return typeof value === 'string' && /^#(?:[0-9a-f]{3}){1,2}$/i.test( value )
		? value
		: DEFAULT_COLOR;
}

/**
 * Black or white text, whichever reads better on `color`: the colour's
 * perceived brightness (ITU-R BT.601 weights, 0–255) against a threshold
 * tuned so WordPress's admin colours and the default blue get white.
 *
 * @param color A colour from safeColor().
 */
export function textOn( color: string ): string {
	const hex = color.length < 5 ? color.replace( /\w/g, '$&$&' ) : color;
	const [ r = 0, g = 0, b = 0 ] = [ 1, 3, 5 ].map( ( at ) =>
		parseInt( hex.slice( at, at + 2 ), 16 )
	);
	return r * 0.299 + g * 0.587 + b * 0.114 > 160 ? '#111' : '#fff';
}
