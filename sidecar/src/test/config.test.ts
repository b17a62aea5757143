/**
 * Internal dependencies
 */
import { loadConfig } from '../config';
import type { Env } from '../config';
import { WP_CONFIG, files, minimal, readFile } from './config-fixtures';

describe( 'loadConfig from the environment only', () => {
	it( 'applies defaults', () => {
		expect( loadConfig( minimal, readFile ) ).toEqual( {
			host: '127.0.0.1',
			port: 8788,
			logLevel: 'info',
			allowedOrigins: [],
			secretRefreshMs: 5000,
			settingsRefreshMs: 2000,
			offlineTailMs: 1_800_000,
			fanoutTickMs: 50,
			chatTailMs: 1000,
			db: {
				target: { kind: 'tcp', host: 'db.internal', port: 3306 },
				user: 'wp',
				password: '',
				database: 'wordpress',
				tablePrefix: 'wp_',
			},
		} );
	} );

	it( 'reads every variable', () => {
		const config = loadConfig(
			{
				LIVEDESK_HOST: '0.0.0.0',
				LIVEDESK_PORT: '0',
				LIVEDESK_LOG_LEVEL: 'debug',
				LIVEDESK_ALLOWED_ORIGINS:
					' https://shop.example , http://localhost:8888 ,',
				LIVEDESK_DB_SOCKET: '/run/mysqld/mysqld.sock',
				LIVEDESK_DB_USER: 'wp',
				LIVEDESK_DB_PASSWORD: ' spaced secret ',
				LIVEDESK_DB_NAME: 'wordpress',
				LIVEDESK_TABLE_PREFIX: 'wp2_',
				LIVEDESK_OFFLINE_TAIL_MS: '5000',
				LIVEDESK_CHAT_TAIL_MS: '250',
			},
			readFile
		);
		expect( config ).toMatchObject( {
			host: '0.0.0.0',
			offlineTailMs: 5000,
			chatTailMs: 250,
			port: 0,
			logLevel: 'debug',
			allowedOrigins: [ 'https://shop.example', 'http://localhost:8888' ],
			db: {
				target: {
					kind: 'socket',
					socketPath: '/run/mysqld/mysqld.sock',
				},
				password: ' spaced secret ',
				tablePrefix: 'wp2_',
			},
		} );
	} );

	it( 'uses LIVEDESK_DB_PORT with LIVEDESK_DB_HOST', () => {
		const config = loadConfig(
			{ ...minimal, LIVEDESK_DB_PORT: '3307' },
			readFile
		);
		expect( config.db.target ).toEqual( {
			kind: 'tcp',
			host: 'db.internal',
			port: 3307,
		} );
	} );

	it( 'refuses an offline tail under a second', () => {
		expect( () =>
			loadConfig(
				{ ...minimal, LIVEDESK_OFFLINE_TAIL_MS: '10' },
				readFile
			)
		).toThrow( /LIVEDESK_OFFLINE_TAIL_MS: must be an integer from 1000/ );
	} );

	it( 'treats empty variables as unset', () => {
		const config = loadConfig(
			{ ...minimal, LIVEDESK_PORT: '', LIVEDESK_HOST: ' ' },
			readFile
		);
		expect( config ).toMatchObject( { port: 8788, host: '127.0.0.1' } );
	} );
} );

describe( 'loadConfig with LIVEDESK_WP_CONFIG', () => {
	const wpEnv: Env = { LIVEDESK_WP_CONFIG: '/srv/wp-config.php' };

	it( 'takes the database settings from wp-config.php', () => {
		expect( loadConfig( wpEnv, readFile ).db ).toEqual( {
			target: { kind: 'socket', socketPath: '/run/mysqld/mysqld.sock' },
			user: 'site_user',
			password: 'from-wp',
			database: 'site',
			tablePrefix: 'site_',
		} );
	} );

	it( 'lets explicit variables override each value', () => {
		const { db } = loadConfig(
			{
				...wpEnv,
				LIVEDESK_DB_HOST: '127.0.0.1',
				LIVEDESK_DB_PORT: '3310',
				LIVEDESK_DB_USER: 'sidecar',
				LIVEDESK_DB_PASSWORD: '',
				LIVEDESK_DB_NAME: 'other',
				LIVEDESK_TABLE_PREFIX: 'o_',
			},
			readFile
		);
		expect( db ).toEqual( {
			target: { kind: 'tcp', host: '127.0.0.1', port: 3310 },
			user: 'sidecar',
			password: '',
			database: 'other',
			tablePrefix: 'o_',
		} );
	} );

	it( 'lets LIVEDESK_DB_SOCKET replace a TCP DB_HOST', () => {
		files[ '/srv/tcp.php' ] = WP_CONFIG.replace(
			'localhost:/run/mysqld/mysqld.sock',
			'db:3307'
		);
		const env = { LIVEDESK_WP_CONFIG: '/srv/tcp.php' };
		expect( loadConfig( env, readFile ).db.target ).toEqual( {
			kind: 'tcp',
			host: 'db',
			port: 3307,
		} );
		expect(
			loadConfig(
				{ ...env, LIVEDESK_DB_SOCKET: '/tmp/s.sock' },
				readFile
			).db.target
		).toEqual( { kind: 'socket', socketPath: '/tmp/s.sock' } );
		expect(
			loadConfig( { ...env, LIVEDESK_DB_PORT: '3400' }, readFile ).db
				.target
		).toEqual( {
			kind: 'tcp',
			host: 'db',
			port: 3400,
		} );
	} );

	it( 'defaults the table prefix when wp-config.php has none', () => {
		files[ '/srv/noprefix.php' ] = WP_CONFIG.replace(
			"$table_prefix = 'site_';",
			''
		);
		const config = loadConfig(
			{ LIVEDESK_WP_CONFIG: '/srv/noprefix.php' },
			readFile
		);
		expect( config.db.tablePrefix ).toBe( 'wp_' );
	} );

	it( 'accepts an explicit value where wp-config.php computes one', () => {
		files[ '/srv/docker.php' ] = WP_CONFIG.replace(
			"'site_user'",
			"getenv_docker( 'U', 'wp' )"
		);
		const config = loadConfig(
			{ LIVEDESK_WP_CONFIG: '/srv/docker.php', LIVEDESK_DB_USER: 'u' },
			readFile
		);
		expect( config.db.user ).toBe( 'u' );
	} );
} );
