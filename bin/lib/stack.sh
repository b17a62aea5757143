# shellcheck shell=bash
# One local LiveDesk stack: MariaDB, PHP-FPM, nginx, a WordPress site with the
# plugin, and the sidecar; every file (data, config, pid, log, socket) lives under
# .stack/<name>/ and every port is loopback and unprivileged. Nothing here
# touches the system's own MariaDB, nginx or PHP-FPM.
#
# Call ld_stack_init NAME SITE_PORT SIDECAR_PORT first.

# shellcheck source=common.sh
. "$( dirname "${BASH_SOURCE[0]}" )/common.sh"

LD_DB_USER=livedesk
# Distinct from every other name here, so tests can tell if it leaks into a log.
LD_DB_PASSWORD=ld-local-db-pass
LD_ADMIN_USER=admin
LD_ADMIN_PASSWORD=password
LD_AGENT_USER=agent
LD_AGENT_PASSWORD=password

ld_stack_init() {
	LD_STACK_NAME=$1
	LD_SITE_PORT=$2
	LD_SIDECAR_PORT=$3
	LD_DIR="$LD_STACKS/$LD_STACK_NAME"
	LD_WP_DIR="$LD_DIR/wordpress"
	LD_DB_NAME="livedesk_$LD_STACK_NAME"
	LD_SITE_URL="http://127.0.0.1:$LD_SITE_PORT"
	LD_SIDECAR_URL="http://127.0.0.1:$LD_SIDECAR_PORT"
	mkdir -p "$LD_DIR/logs"
	LD_RUN="$LD_DIR/run"
	# Unix socket paths are limited to 107 bytes; a deep checkout gets its
	# sockets in a private temporary folder instead, remembered in run-path.
	if [ ${#LD_RUN} -gt 80 ]; then
		LD_RUN=$( cat "$LD_DIR/run-path" 2>/dev/null || true )
		if [ -z "$LD_RUN" ] || [ ! -O "$LD_RUN" ]; then
			LD_RUN=$( mktemp -d /tmp/livedesk-run.XXXXXXXX )
			echo "$LD_RUN" >"$LD_DIR/run-path"
		fi
	fi
	mkdir -p "$LD_RUN"
	# Only this user may reach the sockets (the database's among them).
	chmod 700 "$LD_RUN"
	LD_DB_SOCKET="$LD_RUN/mysqld.sock"
	LD_FPM_SOCKET="$LD_RUN/php-fpm.sock"
}

# Hold this stack for the rest of the script, so two runs never share it. The
# services it starts close fd 7 (and the install lock's fd 8) so they do not
# keep holding it.
ld_stack_lock() {
	exec 7>"$LD_DIR/.lock"
	flock -n 7 || ld_die "another bin/dev or bin/test is using the '$LD_STACK_NAME' stack right now"
}

# pid from a pid file, if that process is alive and is this stack's: its
# command line or environment names the stack folder (a pid file left by a
# crash may point at an unrelated process since).
ld_pid_alive() {
	local pid
	pid=$( cat "$1" 2>/dev/null ) || return 1
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
	grep -qaF -- "$LD_DIR" "/proc/$pid/cmdline" "/proc/$pid/environ" 2>/dev/null || return 1
	echo "$pid"
}

ld_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ld_wait_for() {
	local what=$1 tries=$2
	shift 2
	local i
	for (( i = 0; i < tries; i++ )); do
		"$@" && return 0
		sleep 0.25
	done
	ld_die "$what did not come up (see $LD_DIR/logs)"
}

ld_stop_pidfile() {
	local name=$1 file=$2 pid i
	pid=$( ld_pid_alive "$file" ) || { rm -f "$file"; return 0; }
	kill "$pid" 2>/dev/null || true
	for (( i = 0; i < 80; i++ )); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.25
	done
	kill -0 "$pid" 2>/dev/null && { ld_warn "$name did not stop in 20 s; killing it"; kill -9 "$pid" 2>/dev/null || true; }
	rm -f "$file"
}

# --- MariaDB -------------------------------------------------------------------

# As this OS user, through the socket (unix_socket authentication: no password).
ld_db() { mariadb --no-defaults --socket="$LD_DB_SOCKET" -u"$( id -un )" "$@"; }

ld_db_start() {
	ld_pid_alive "$LD_DIR/mysqld.pid" >/dev/null && return 0
	local me
	me=$( id -un )
	if [ ! -d "$LD_DIR/mysql/mysql" ]; then
		ld_say "Creating MariaDB data directory $LD_DIR/mysql"
		mariadb-install-db --no-defaults --datadir="$LD_DIR/mysql" --user="$me" \
			--auth-root-authentication-method=socket --skip-test-db >"$LD_DIR/logs/mariadb-install.log" 2>&1 ||
			ld_die "mariadb-install-db failed (see $LD_DIR/logs/mariadb-install.log)"
	fi
	mkdir -p "$LD_DIR/mysql-files"
	ld_say "Starting MariaDB ($LD_DB_SOCKET)"
	# Networking off: WordPress, tests and the sidecar all use the socket, so
	# this instance can never collide with another on a TCP port.
	setsid mariadbd --no-defaults --datadir="$LD_DIR/mysql" --socket="$LD_DB_SOCKET" \
		--pid-file="$LD_DIR/mysqld.pid" --log-error="$LD_DIR/logs/mariadb.log" --user="$me" \
		--skip-networking --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --skip-name-resolve \
		--secure-file-priv="$LD_DIR/mysql-files" \
		</dev/null >/dev/null 2>&1 7>&- 8>&- &
	ld_wait_for MariaDB 120 ld_db -e 'SELECT 1' >/dev/null 2>&1
	ld_db -e "CREATE USER IF NOT EXISTS '$LD_DB_USER'@'localhost' IDENTIFIED BY '$LD_DB_PASSWORD';
		ALTER USER '$LD_DB_USER'@'localhost' IDENTIFIED BY '$LD_DB_PASSWORD';
		GRANT ALL PRIVILEGES ON \`livedesk\\_%\`.* TO '$LD_DB_USER'@'localhost';" ||
		ld_die "could not create the MariaDB user"
}

ld_db_create() {
	ld_db -e "CREATE DATABASE IF NOT EXISTS \`$LD_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
}

ld_db_drop() { ld_db -e "DROP DATABASE IF EXISTS \`$LD_DB_NAME\`;"; }

# --- WordPress -----------------------------------------------------------------

ld_wp_files() {
	if [ ! -f "$LD_WP_DIR/wp-includes/version.php" ]; then
		ld_say "Copying WordPress core into $LD_WP_DIR"
		rm -rf "$LD_WP_DIR"
		cp -r "$LD_WP_CORE" "$LD_WP_DIR"
	fi
	mkdir -p "$LD_WP_DIR/wp-content/plugins" "$LD_WP_DIR/wp-content/uploads" "$LD_WP_DIR/wp-content/mu-plugins"
	ln -sfn "$LD_ROOT" "$LD_WP_DIR/wp-content/plugins/livedesk"
	# Local stacks send no mail: it is written to logs/mail.log for people and tests to read.
	cp "$LD_ROOT/bin/lib/mu-plugins/livedesk-local-mail.php" "$LD_WP_DIR/wp-content/mu-plugins/"
	[ -f "$LD_DIR/wp-salts.php" ] || ld_wp_salts >"$LD_DIR/wp-salts.php"
	# Written every time, so a change to these scripts reaches existing stacks;
	# the salts stay, so logins survive a restart.
	ld_wp_config >"$LD_WP_DIR/wp-config.php"
}

ld_wp_salts() {
	local k
	echo '<?php'
	for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
		echo "define( '$k', '$( head -c 48 /dev/urandom | base64 | tr -d '\n/+=' )' );"
	done
}

ld_wp_config() {
	cat <<PHP
<?php
/**
 * Generated by LiveDesk's bin/ scripts for the local '$LD_STACK_NAME' stack and rewritten
 * on every start: change bin/lib/stack.sh, not this file.
 */
define( 'DB_NAME', '$LD_DB_NAME' );
define( 'DB_USER', '$LD_DB_USER' );
define( 'DB_PASSWORD', '$LD_DB_PASSWORD' );
define( 'DB_HOST', 'localhost:$LD_DB_SOCKET' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
require __DIR__ . '/../wp-salts.php';
\$table_prefix = 'wp_';
// The PHP test suite installs its own copy of the site under another prefix.
if ( getenv( 'LIVEDESK_TABLE_PREFIX' ) ) {
	\$table_prefix = (string) getenv( 'LIVEDESK_TABLE_PREFIX' );
}

define( 'WP_HOME', '$LD_SITE_URL' );
define( 'WP_SITEURL', '$LD_SITE_URL' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$LD_DIR/logs/wp-debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
// This machine reaches no update servers: fail fast instead of waiting on them.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISABLE_WP_CRON', false );
// No plugin or theme installs from wp-admin: the stack runs code from this checkout only.
define( 'DISALLOW_FILE_MODS', true );

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
}

ld_wp_install() {
	local step
	for step in install setup; do
		LD_SITE_URL="$LD_SITE_URL" LD_ADMIN_USER="$LD_ADMIN_USER" LD_ADMIN_PASSWORD="$LD_ADMIN_PASSWORD" \
			LD_AGENT_USER="$LD_AGENT_USER" LD_AGENT_PASSWORD="$LD_AGENT_PASSWORD" \
			php "$LD_ROOT/bin/lib/wp-install.php" "$LD_WP_DIR" "$step" >>"$LD_DIR/logs/wp-install.log" 2>&1 ||
			{ tail -20 "$LD_DIR/logs/wp-install.log" >&2; ld_die "WordPress $step failed (see $LD_DIR/logs/wp-install.log)"; }
	done
}

# --- PHP-FPM and nginx -----------------------------------------------------------

ld_fpm_start() {
	local user_lines="" flags=() pid
	if [ "$( id -u )" = 0 ]; then
		user_lines="user = root"$'\n'"group = root"
		flags+=( -R )
	fi
	cat >"$LD_DIR/php-fpm.conf" <<EOF
[global]
pid = $LD_DIR/php-fpm.pid
error_log = $LD_DIR/logs/php-fpm.log
daemonize = yes

[livedesk]
$user_lines
listen = $LD_FPM_SOCKET
listen.mode = 0660
pm = dynamic
pm.max_children = 8
pm.start_servers = 2
pm.min_spare_servers = 1
pm.max_spare_servers = 4
catch_workers_output = yes
php_admin_value[error_log] = $LD_DIR/logs/php-error.log
php_admin_flag[log_errors] = on
php_admin_value[memory_limit] = 256M
php_admin_value[upload_max_filesize] = 32M
php_admin_value[post_max_size] = 32M
EOF
	if pid=$( ld_pid_alive "$LD_DIR/php-fpm.pid" ); then
		kill -USR2 "$pid" # reload: picks up a changed config
		return 0
	fi
	ld_say "Starting PHP-FPM ($LD_FPM_SOCKET)"
	"php-fpm$LD_PHP_VERSION" "${flags[@]}" --fpm-config "$LD_DIR/php-fpm.conf" 7>&- 8>&- ||
		ld_die "php-fpm failed to start (see $LD_DIR/logs/php-fpm.log)"
	ld_wait_for PHP-FPM 40 test -S "$LD_FPM_SOCKET"
}

ld_nginx_start() {
	mkdir -p "$LD_DIR/nginx-temp"
	local user_line=""
	[ "$( id -u )" = 0 ] && user_line="user root root;"
	sed -e "s|@USER_LINE@|$user_line|" -e "s|@DIR@|$LD_DIR|g" -e "s|@WP_DIR@|$LD_WP_DIR|g" \
		-e "s|@SITE_PORT@|$LD_SITE_PORT|g" -e "s|@SIDECAR_PORT@|$LD_SIDECAR_PORT|g" \
		-e "s|@FPM_SOCKET@|$LD_FPM_SOCKET|g" "$LD_ROOT/bin/lib/nginx.conf.template" >"$LD_DIR/nginx.conf"
	if ld_pid_alive "$LD_DIR/nginx.pid" >/dev/null; then
		nginx -p "$LD_DIR" -c "$LD_DIR/nginx.conf" -e "$LD_DIR/logs/nginx-error.log" -s reload ||
			ld_die "nginx could not reload its config (see $LD_DIR/logs/nginx-error.log)"
		return 0
	fi
	ld_port_busy "$LD_SITE_PORT" &&
		ld_die "port $LD_SITE_PORT is taken by another program; free it or set LIVEDESK_SITE_PORT"
	ld_say "Starting nginx on $LD_SITE_URL"
	nginx -p "$LD_DIR" -c "$LD_DIR/nginx.conf" -e "$LD_DIR/logs/nginx-error.log" 7>&- 8>&- ||
		ld_die "nginx failed to start (see $LD_DIR/logs/nginx-error.log)"
	ld_wait_for nginx 40 ld_port_busy "$LD_SITE_PORT"
}

# --- Sidecar ---------------------------------------------------------------------

ld_sidecar_healthy() { curl -fs -o /dev/null --max-time 2 "$LD_SIDECAR_URL/healthz"; }

ld_sidecar_start() {
	if ld_pid_alive "$LD_DIR/sidecar.pid" >/dev/null; then
		# Still the code that runs now? Otherwise restart it on the new build.
		[ "$LD_ROOT/sidecar/dist/server.js" -nt "$LD_DIR/sidecar.pid" ] || return 0
		ld_say "Restarting the sidecar on its new build"
		ld_stop_pidfile sidecar "$LD_DIR/sidecar.pid"
	fi
	ld_port_busy "$LD_SIDECAR_PORT" &&
		ld_die "port $LD_SIDECAR_PORT is taken by another program; free it or set LIVEDESK_SIDECAR_PORT"
	ld_say "Starting the sidecar on $LD_SIDECAR_URL"
	# A small young generation keeps RSS near the live heap under steady
	# traffic (docs/benchmarks.md); docs/deploy.md gives operators the same flag.
	LIVEDESK_WP_CONFIG="$LD_WP_DIR/wp-config.php" LIVEDESK_HOST=127.0.0.1 LIVEDESK_PORT="$LD_SIDECAR_PORT" \
		setsid node --max-semi-space-size=2 "$LD_ROOT/sidecar/dist/server.js" </dev/null >>"$LD_DIR/logs/sidecar.log" 2>&1 7>&- 8>&- &
	echo $! >"$LD_DIR/sidecar.pid"
	ld_wait_for "the sidecar" 80 ld_sidecar_healthy
}

# --- The whole stack ---------------------------------------------------------------

# Start (or reload) everything; "fresh" starts from an empty database.
ld_stack_up() {
	ld_db_start
	[ "${1:-}" = fresh ] && ld_db_drop
	ld_db_create
	ld_wp_files
	ld_wp_install
	ld_fpm_start
	ld_nginx_start
	ld_sidecar_start
	ld_write_env
}

ld_stack_stop() {
	ld_stop_pidfile sidecar "$LD_DIR/sidecar.pid"
	ld_stop_pidfile nginx "$LD_DIR/nginx.pid"
	ld_stop_pidfile php-fpm "$LD_DIR/php-fpm.pid"
	ld_stop_pidfile MariaDB "$LD_DIR/mysqld.pid"
}

ld_stack_status() {
	local name file
	for name in mysqld php-fpm nginx sidecar; do
		file="$LD_DIR/$name.pid"
		if pid=$( ld_pid_alive "$file" ); then echo "$name: running (pid $pid)"; else echo "$name: stopped"; fi
	done
}

# Shell exports other tools (PHPUnit, jest integration, e2e) read.
ld_write_env() {
	cat >"$LD_DIR/env" <<EOF
export LIVEDESK_STACK_DIR='$LD_DIR'
export LIVEDESK_WP_DIR='$LD_WP_DIR'
export LIVEDESK_SITE_URL='$LD_SITE_URL'
export LIVEDESK_SIDECAR_URL='$LD_SIDECAR_URL'
export LIVEDESK_SIDECAR_PUBLIC_URL='$LD_SITE_URL/livedesk-sidecar/'
export LIVEDESK_ADMIN_USER='$LD_ADMIN_USER'
export LIVEDESK_ADMIN_PASSWORD='$LD_ADMIN_PASSWORD'
export LIVEDESK_AGENT_USER='$LD_AGENT_USER'
export LIVEDESK_AGENT_PASSWORD='$LD_AGENT_PASSWORD'
export LIVEDESK_SUBSCRIBER_USER='subscriber'
export LIVEDESK_SUBSCRIBER_PASSWORD='$LD_AGENT_PASSWORD'
export LIVEDESK_TEST_DB_SOCKET='$LD_DB_SOCKET'
export LIVEDESK_TEST_DB_USER='$LD_DB_USER'
export LIVEDESK_TEST_DB_PASSWORD='$LD_DB_PASSWORD'
export LIVEDESK_TEST_DB_NAME='$LD_DB_NAME'
EOF
}
