/**
 * Internal dependencies
 */
import { loadConfig } from '../config';
import type { Env } from '../config';
import {
	WP_CONFIG,
	files,
	minimal,
	problemsOf,
	readFile,
} from './config-fixtures';

describe( 'loadConfig problems', () => {
	it.each< [ string, Env, Array< [ string, string ] > ] >( [
		[
			'nothing set',
			{},
			[
				[
					'LIVEDESK_DB_HOST',
					'not set; set LIVEDESK_DB_HOST or LIVEDESK_DB_SOCKET, or point LIVEDESK_WP_CONFIG at a wp-config.php that defines DB_HOST',
				],
				[
					'LIVEDESK_DB_USER',
					'not set; set it, or point LIVEDESK_WP_CONFIG at a wp-config.php that defines DB_USER',
				],
				[
					'LIVEDESK_DB_NAME',
					'not set; set it, or point LIVEDESK_WP_CONFIG at a wp-config.php that defines DB_NAME',
				],
			],
		],
		[
			'a non-numeric port',
			{ ...minimal, LIVEDESK_PORT: '80a' },
			[
				[
					'LIVEDESK_PORT',
					'must be an integer from 0 to 65535 (got "80a")',
				],
			],
		],
		[
			'a port out of range',
			{ ...minimal, LIVEDESK_PORT: '65536' },
			[
				[
					'LIVEDESK_PORT',
					'must be an integer from 0 to 65535 (got "65536")',
				],
			],
		],
		[
			'database port 0',
			{ ...minimal, LIVEDESK_DB_PORT: '0' },
			[
				[
					'LIVEDESK_DB_PORT',
					'must be an integer from 1 to 65535 (got "0")',
				],
			],
		],
		[
			'an unknown log level',
			{ ...minimal, LIVEDESK_LOG_LEVEL: 'verbose' },
			[
				[
					'LIVEDESK_LOG_LEVEL',
					'must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
				],
			],
		],
		[
			'an unsafe table prefix',
			{ ...minimal, LIVEDESK_TABLE_PREFIX: 'wp`; DROP' },
			[
				[
					'LIVEDESK_TABLE_PREFIX',
					'must contain only letters, digits and underscores (got "wp`; DROP")',
				],
			],
		],
		[
			'an origin with a path',
			{
				...minimal,
				LIVEDESK_ALLOWED_ORIGINS: 'https://a.example/,ftp://b',
			},
			[
				[
					'LIVEDESK_ALLOWED_ORIGINS',
					'"https://a.example/" is not an origin like https://example.com (scheme and host, no path or trailing slash)',
				],
				[
					'LIVEDESK_ALLOWED_ORIGINS',
					'"ftp://b" is not an origin like https://example.com (scheme and host, no path or trailing slash)',
				],
			],
		],
		[
			'socket and host together',
			{ ...minimal, LIVEDESK_DB_SOCKET: '/tmp/s.sock' },
			[
				[
					'LIVEDESK_DB_SOCKET',
					'cannot be combined with LIVEDESK_DB_HOST; reach the database by socket or by TCP, not both',
				],
			],
		],
		[
			'a relative socket',
			{
				LIVEDESK_DB_SOCKET: 'mysql.sock',
				LIVEDESK_DB_USER: 'u',
				LIVEDESK_DB_NAME: 'd',
			},
			[
				[
					'LIVEDESK_DB_SOCKET',
					'must be an absolute path (got "mysql.sock")',
				],
			],
		],
		[
			'an unreadable wp-config.php',
			{
				LIVEDESK_WP_CONFIG: '/nope.php',
				LIVEDESK_DB_HOST: 'h',
				LIVEDESK_DB_USER: 'u',
				LIVEDESK_DB_NAME: 'd',
			},
			[ [ 'LIVEDESK_WP_CONFIG', 'cannot read /nope.php: ENOENT' ] ],
		],
		[
			'a port with a socket DB_HOST',
			{
				LIVEDESK_WP_CONFIG: '/srv/wp-config.php',
				LIVEDESK_DB_PORT: '3307',
			},
			[
				[
					'LIVEDESK_DB_PORT',
					'is set, but DB_HOST in /srv/wp-config.php uses the socket /run/mysqld/mysqld.sock; set LIVEDESK_DB_HOST too',
				],
			],
		],
	] )( 'reports %s', ( _name, env, expected ) => {
		expect( problemsOf( env ) ).toEqual( expected );
	} );

	it( 'reports a computed wp-config.php value against the variable to set', () => {
		files[ '/srv/computed.php' ] = WP_CONFIG.replace(
			"'site'",
			"getenv( 'DB' )"
		).replace( "'localhost:/run/mysqld/mysqld.sock'", "'db:port'" );
		expect(
			problemsOf( { LIVEDESK_WP_CONFIG: '/srv/computed.php' } )
		).toEqual( [
			[
				'LIVEDESK_DB_HOST',
				'DB_HOST in /srv/computed.php is unusable: "db:port" is not host, host:port or host:/path/to/socket; set LIVEDESK_DB_HOST or LIVEDESK_DB_SOCKET instead',
			],
			[
				'LIVEDESK_DB_NAME',
				'/srv/computed.php sets DB_NAME with an expression, not a plain string; set LIVEDESK_DB_NAME instead',
			],
		] );
	} );

	it( 'lists every problem in the error message', () => {
		expect( () => loadConfig( { LIVEDESK_PORT: 'x' }, readFile ) ).toThrow(
			/invalid configuration:\n {2}- LIVEDESK_PORT: must be an integer[^]*- LIVEDESK_DB_HOST: not set/
		);
	} );
} );
