# shellcheck shell=bash
# Shared by bin/dev and bin/test: paths, messages, and the install step that
# brings a fresh Debian machine to what LiveDesk needs. Safe to run again: every
# step checks first and does only what is missing.

# Debian keeps mariadbd, nginx and php-fpm in sbin, which a normal user's PATH lacks.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
LD_ROOT=$( cd "$( dirname "${BASH_SOURCE[0]}" )/../.." && pwd )
LD_STACKS="$LD_ROOT/.stack"
LD_CACHE="$LD_STACKS/cache"
LD_WP_CORE="$LD_CACHE/wordpress"
LD_PHP_VERSION=$( php -r 'echo PHP_MAJOR_VERSION . "." . PHP_MINOR_VERSION;' 2>/dev/null || echo 8.2 )

ld_say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
ld_warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
ld_die() {
	printf '\033[1;31merror:\033[0m %s\n' "$*" >&2
	exit 1
}

# Print a file's content hash (used to tell whether an install is current).
ld_hash() { cat "$@" 2>/dev/null | sha1sum | cut -c1-16; }

# Debian packages LiveDesk's stack and tests need, as "check|package" pairs: the
# check is a command on PATH, a PHP extension ("php:NAME") or a file ("file:PATH").
# The emoji font lets headless Chromium draw the visitors' country flags
# (screenshots, e2e) instead of empty boxes.
ld_system_requirements() {
	local v=$LD_PHP_VERSION
	cat <<EOF
mariadbd|mariadb-server
mariadb-install-db|mariadb-server
mariadb|mariadb-client
nginx|nginx
php-fpm$v|php$v-fpm
php:mysqli|php$v-mysql
php:curl|php$v-curl
php:gd|php$v-gd
php:intl|php$v-intl
php:zip|php$v-zip
php:dom|php$v-xml
php:mbstring|php$v-mbstring
chromium|chromium
file:/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf|fonts-noto-color-emoji
curl|curl
file:/etc/ssl/certs/ca-certificates.crt|ca-certificates
EOF
}

ld_missing_packages() {
	local check pkg missing=() exts
	exts=$( php -m 2>/dev/null | tr 'A-Z' 'a-z' )
	while IFS='|' read -r check pkg; do
		case $check in
		php:*) grep -qx "${check#php:}" <<<"$exts" || missing+=( "$pkg" ) ;;
		file:*) [ -e "${check#file:}" ] || missing+=( "$pkg" ) ;;
		*) command -v "$check" >/dev/null 2>&1 || [ -x "/usr/sbin/$check" ] || missing+=( "$pkg" ) ;;
		esac
	done < <( ld_system_requirements )
	printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d'
}

# Install missing Debian packages. Services that Debian would start on install
# (the system MariaDB, nginx, PHP-FPM) are kept stopped: LiveDesk runs its own.
ld_install_system_packages() {
	local missing
	missing=$( ld_missing_packages | tr '\n' ' ' )
	[ -z "${missing// /}" ] && return 0
	if [ "$( id -u )" != 0 ] || ! command -v apt-get >/dev/null; then
		ld_die "missing system packages. Install them, then run this again:
    sudo apt-get install -y $missing"
	fi
	ld_say "Installing Debian packages: $missing"
	(
		# The guard goes away however this subshell ends (error, Ctrl-C).
		if [ ! -e /usr/sbin/policy-rc.d ]; then
			trap 'rm -f /usr/sbin/policy-rc.d' EXIT
			printf '#!/bin/sh\n# LiveDesk: do not start system services during install.\nexit 101\n' >/usr/sbin/policy-rc.d
			chmod +x /usr/sbin/policy-rc.d
		fi
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
	) >"$LD_CACHE/apt.log" 2>&1 || ld_die "apt-get failed (see $LD_CACHE/apt.log)"
}

# WordPress core from Debian's trixie suite, fetched with a private sources list
# so the system's own apt sources are never changed.
ld_fetch_wordpress() {
	[ -f "$LD_WP_CORE/wp-includes/version.php" ] && return 0
	ld_say "Fetching WordPress core (Debian trixie) into $LD_WP_CORE"
	local apt="$LD_CACHE/apt-trixie"
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs"
	echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main' >"$apt/sources.list"
	local opts=( -o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
		-o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1
		-o APT::Sandbox::User=root )
	apt-get "${opts[@]}" update >"$apt/update.log" 2>&1 || ld_die "apt-get update for trixie failed (see $apt/update.log)"
	( cd "$apt/debs" && apt-get "${opts[@]}" download wordpress wordpress-theme-twentytwentyfive \
		libjs-underscore libjs-lodash libjs-cropper php-getid3 ) >"$apt/download.log" 2>&1 ||
		ld_die "downloading WordPress from trixie failed (see $apt/download.log)"
	local stage="$apt/root"
	rm -rf "$stage" "$LD_WP_CORE.tmp"
	mkdir -p "$stage"
	local deb
	for deb in "$apt"/debs/*.deb; do dpkg -x "$deb" "$stage"; done
	# The package's links are relative and resolve inside the staging root, except
	# .htaccess (Apache only) and the CA bundle (the system's, which exists here).
	rm -f "$stage/usr/share/wordpress/.htaccess" "$stage/usr/share/wordpress/wp-config.php"
	cp -rL "$stage/usr/share/wordpress" "$LD_WP_CORE.tmp"
	rm -rf "$stage"
	local version
	version=$( sed -n "s/^\$wp_version = '\([0-9.]*\).*/\1/p" "$LD_WP_CORE.tmp/wp-includes/version.php" )
	printf '%s\n6.8\n' "$version" | sort -V -C -r ||
		ld_die "Debian's trixie suite served WordPress '$version'; LiveDesk's stack needs 6.8 or newer"
	mv "$LD_WP_CORE.tmp" "$LD_WP_CORE"
}

ld_node_inputs() { ld_hash "$LD_ROOT/package.json" "$LD_ROOT/sidecar/package.json" "$LD_ROOT/package-lock.json"; }

# "npm install" rather than "npm ci": npm 11 leaves other platforms' optional
# packages (e.g. @unrs/resolver-binding-*) out of the lock file and then "npm ci"
# refuses that same lock file. With the committed lock, install resolves to the
# same versions.
ld_install_node_packages() {
	[ "$( ld_node_inputs )" = "$( cat "$LD_ROOT/node_modules/.livedesk-lock" 2>/dev/null )" ] && return 0
	ld_say "Installing npm packages"
	( cd "$LD_ROOT" && npm install --no-audit --no-fund --loglevel=error ) >&2 || ld_die "npm install failed"
	ld_node_inputs >"$LD_ROOT/node_modules/.livedesk-lock"
}

ld_install_composer_packages() {
	local want have
	want=$( ld_hash "$LD_ROOT/composer.json" )
	have=$( cat "$LD_ROOT/vendor/.livedesk-composer" 2>/dev/null || true )
	[ "$want" = "$have" ] && return 0
	ld_say "Installing Composer packages"
	( cd "$LD_ROOT" && composer install --no-interaction --no-progress --quiet ) >&2 || ld_die "composer install failed"
	echo "$want" >"$LD_ROOT/vendor/.livedesk-composer"
}

# Build admin assets and the sidecar when any of their sources changed.
ld_build() {
	local stamp="$LD_ROOT/build/.livedesk-build"
	if [ -f "$stamp" ] && [ -f "$LD_ROOT/sidecar/dist/server.js" ] &&
		[ -z "$( find "$LD_ROOT/src" "$LD_ROOT/blocks" "$LD_ROOT/sidecar/src" "$LD_ROOT/webpack.config.js" \
			"$LD_ROOT/sidecar/build.mjs" "$LD_ROOT/package-lock.json" "$LD_ROOT/package.json" \
			"$LD_ROOT/sidecar/package.json" "$LD_ROOT/tsconfig.json" "$LD_ROOT/sidecar/tsconfig.json" \
			-newer "$stamp" -print -quit 2>/dev/null )" ]; then
		return 0
	fi
	ld_say "Building admin assets and the sidecar"
	( cd "$LD_ROOT" && npm run --silent build ) >"$LD_CACHE/build.log" 2>&1 ||
		{ tail -40 "$LD_CACHE/build.log" >&2; ld_die "build failed (log: $LD_CACHE/build.log)"; }
	touch "$stamp"
}

# Everything the stack and the tests need, in order.
ld_install_all() {
	command -v node >/dev/null || ld_die "Node.js 20 is required (https://nodejs.org or Debian's nodejs package)."
	# The same range as "engines" in package.json.
	node -e 'const [a, b] = process.versions.node.split(".").map(Number);
		process.exit((a === 20 && b >= 19) || (a === 22 && b >= 13) || a > 22 ? 0 : 1)' ||
		ld_die "Node.js 20.19+ (or 22.13+) is required; found $( node --version )."
	command -v php >/dev/null || ld_die "PHP 8.1+ CLI is required: sudo apt-get install -y php-cli"
	command -v composer >/dev/null || ld_die "Composer is required: sudo apt-get install -y composer"
	mkdir -p "$LD_CACHE"
	# One install at a time: bin/dev and bin/test share node_modules, vendor,
	# build/ and the WordPress download.
	exec 8>"$LD_CACHE/install.lock"
	flock -w 900 8 || ld_die "another bin/dev or bin/test has been installing for 15 minutes; is it stuck?"
	ld_install_system_packages
	ld_fetch_wordpress
	ld_install_node_packages
	ld_install_composer_packages
	ld_build
	exec 8>&-
}
