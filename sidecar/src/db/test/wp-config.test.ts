/**
 * Internal dependencies
 */
import { parseDbHost, parseWpConfig } from '../wp-config';

const STOCK = `<?php
/** The name of the database for WordPress */
define( 'DB_NAME', 'shop' );
define( 'DB_USER', 'shop_user' );
define( 'DB_PASSWORD', 'pa\\'ss\\\\word' );
define( 'DB_HOST', 'localhost:/run/mysqld/mysqld.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
$table_prefix = 'shop_';
`;

describe( 'parseWpConfig', () => {
	it( 'reads the stock wp-config.php layout, unescaping single quotes', () => {
		expect( parseWpConfig( STOCK ) ).toEqual( {
			DB_NAME: { value: 'shop' },
			DB_USER: { value: 'shop_user' },
			DB_PASSWORD: { value: "pa'ss\\word" },
			DB_HOST: { value: 'localhost:/run/mysqld/mysqld.sock' },
			table_prefix: { value: 'shop_' },
		} );
	} );

	it( 'reads double quotes and tight spacing', () => {
		const php = `define("DB_NAME","a\\"b\\$c");\n$table_prefix="x_";`;
		expect( parseWpConfig( php ) ).toEqual( {
			DB_NAME: { value: 'a"b$c' },
			table_prefix: { value: 'x_' },
		} );
	} );

	it( 'keeps the first of two defines, as PHP does', () => {
		const php = `define('DB_NAME','first');\ndefine('DB_NAME','second');`;
		expect( parseWpConfig( php ).DB_NAME ).toEqual( { value: 'first' } );
	} );

	it( 'ignores commented-out lines', () => {
		const php = `// define( 'DB_NAME', 'old' );\n# $table_prefix = 'old_';\ndefine( 'DB_NAME', 'new' );`;
		expect( parseWpConfig( php ) ).toEqual( { DB_NAME: { value: 'new' } } );
	} );

	it( 'keeps a password containing ); and quotes intact', () => {
		const php = `define( 'DB_PASSWORD', 'a);"b' );`;
		expect( parseWpConfig( php ).DB_PASSWORD ).toEqual( {
			value: 'a);"b',
		} );
	} );

	it.each( [
		[ 'getenv', `define( 'DB_NAME', getenv( 'WP_DB' ) );` ],
		[ 'docker helper', `define( 'DB_NAME', getenv_docker('X', 'wp') );` ],
		[ 'concatenation', `define( 'DB_NAME', 'wp' . SUFFIX );` ],
	] )( 'reports a %s value instead of guessing', ( _name, php ) => {
		expect( parseWpConfig( php ).DB_NAME ).toEqual( {
			error: 'sets DB_NAME with an expression, not a plain string',
		} );
	} );

	it( 'reports interpolation in a double-quoted value', () => {
		expect(
			parseWpConfig( `define( 'DB_USER', "wp_$env" );` ).DB_USER
		).toEqual( { error: 'uses PHP variable interpolation' } );
	} );

	it( 'reports a computed table prefix', () => {
		const php = `$table_prefix = getenv_docker( 'PREFIX', 'wp_' );`;
		expect( parseWpConfig( php ).table_prefix ).toEqual( {
			error: 'sets $table_prefix with an expression, not a plain string',
		} );
	} );

	it( 'returns nothing for a file without settings', () => {
		expect( parseWpConfig( '<?php echo 1;' ) ).toEqual( {} );
	} );
} );

describe( 'parseDbHost', () => {
	it.each( [
		[ 'localhost', { kind: 'tcp', host: 'localhost', port: 3306 } ],
		[
			'db.internal:3307',
			{ kind: 'tcp', host: 'db.internal', port: 3307 },
		],
		[ '10.0.0.5', { kind: 'tcp', host: '10.0.0.5', port: 3306 } ],
		[ '[::1]:3310', { kind: 'tcp', host: '::1', port: 3310 } ],
		[ '::1', { kind: 'tcp', host: '::1', port: 3306 } ],
		[
			'localhost:/var/run/mysqld/mysqld.sock',
			{ kind: 'socket', socketPath: '/var/run/mysqld/mysqld.sock' },
		],
		[ ':/tmp/my.sock', { kind: 'socket', socketPath: '/tmp/my.sock' } ],
	] )( 'parses %s', ( dbHost, target ) => {
		expect( parseDbHost( dbHost, 3306 ) ).toEqual( target );
	} );

	it.each( [
		[ '', 'is not host' ],
		[ 'host:port', 'is not host' ],
		[ 'db:70000', 'out of range' ],
		[ 'db:0', 'out of range' ],
	] )( 'rejects "%s"', ( dbHost, message ) => {
		expect( parseDbHost( dbHost, 3306 ) ).toContain( message );
	} );
} );
