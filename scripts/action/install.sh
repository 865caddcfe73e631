#!/usr/bin/env bash
# Installs apiaudit for action.yml: the released binary for this runner's
# OS and architecture, from the GitHub release that matches the action's
# ref, verified against the release's checksums.txt (sha256); or, when
# asked (build-from-source) or when no release matches, built from the
# action's source with the runner's Go. Kept out of action.yml so that it
# can be tested locally (cmd/apiaudit/action_test.go, TestActionInstall).
#
# Usage: install.sh plan     writes version, os, arch, archive, dir, mode
#                            to $GITHUB_OUTPUT (mode: release or source)
#        install.sh install  installs into dir (restored from the cache
#                            when it holds the binary already), adds it to
#                            $GITHUB_PATH, writes apiaudit= to $GITHUB_OUTPUT
#
# Environment: ACTION_PATH, ACTION_REF, RUNNER_OS, RUNNER_ARCH,
# RUNNER_TOOL_CACHE (else RUNNER_TEMP), BUILD_FROM_SOURCE (true/false);
# APIAUDIT_RELEASE_URL, the base of the release downloads (default
# https://github.com/apiaudit/apiaudit/releases/download; a test points it
# at a local server); and, for install, the outputs of plan as PLAN_*.
set -euo pipefail

release_url=${APIAUDIT_RELEASE_URL:-https://github.com/apiaudit/apiaudit/releases/download}

plan() {
	local version="" os="" arch="" ext=tar.gz mode=release why=""
	case "${ACTION_REF:-}" in
	v[0-9]*.[0-9]*.[0-9]*) version=${ACTION_REF#v} ;;
	esac
	case "${RUNNER_OS:-}" in
	Linux) os=linux ;;
	macOS) os=darwin ;;
	Windows) os=windows ext=zip ;;
	esac
	case "${RUNNER_ARCH:-}" in
	X64) arch=amd64 ;;
	ARM64) arch=arm64 ;;
	esac
	if [ "${BUILD_FROM_SOURCE:-false}" = true ]; then
		mode=source why="build-from-source is true"
	elif [ -z "$version" ]; then
		mode=source why="the action's ref (${ACTION_REF:-none}) is not a release tag such as v1.2.3"
	elif [ -z "$os" ] || [ -z "$arch" ]; then
		mode=source why="no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}"
	fi
	local archive="" dir="${RUNNER_TOOL_CACHE:-$RUNNER_TEMP}/apiaudit"
	if [ "$mode" = release ]; then
		archive="apiaudit_${version}_${os}_${arch}.${ext}"
		dir="$dir/$version/${os}_${arch}"
	else
		echo "apiaudit: building from source: $why"
		dir="$RUNNER_TEMP/apiaudit-bin"
	fi
	{
		echo "version=$version"
		echo "os=$os"
		echo "arch=$arch"
		echo "archive=$archive"
		echo "dir=$dir"
		echo "mode=$mode"
	} >>"$GITHUB_OUTPUT"
}

# sha256 prints the SHA-256 of a file in hex.
sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum -- "$1" | cut -d' ' -f1
	else
		shasum -a 256 -- "$1" | cut -d' ' -f1
	fi
}

# download URL FILE: 0 when fetched, 4 when the server has no such file
# (HTTP 404), and a failure for anything else.
download() {
	local code
	code=$(curl --silent --show-error --location --retry 3 --output "$2" --write-out '%{http_code}' -- "$1") || {
		echo "::error title=apiaudit::cannot download $1"
		return 1
	}
	case "$code" in
	200) return 0 ;;
	404) return 4 ;;
	esac
	echo "::error title=apiaudit::cannot download $1: HTTP $code"
	return 1
}

build() {
	local dir=$1
	if ! command -v go >/dev/null 2>&1; then
		echo "::error title=apiaudit::Go is not installed: add actions/setup-go before this action, or use a release tag of the action (its binary is downloaded)"
		exit 2
	fi
	local ldflags=""
	case "${ACTION_REF:-}" in
	v[0-9]*) ldflags="-X main.version=$ACTION_REF" ;;
	esac
	mkdir -p -- "$dir"
	# Any Go since 1.21 fetches the toolchain go.mod asks for.
	(cd "$ACTION_PATH" && CGO_ENABLED=0 GOTOOLCHAIN=auto go build -trimpath -ldflags "$ldflags" -o "$dir/" ./cmd/apiaudit)
}

fetch_release() {
	local dir=$1 version=$PLAN_VERSION archive=$PLAN_ARCHIVE
	tmp=$(mktemp -d)
	trap 'rm -rf -- "$tmp"' EXIT
	local base="$release_url/v$version"
	local rc=0
	download "$base/checksums.txt" "$tmp/checksums.txt" || rc=$?
	if [ "$rc" = 4 ]; then
		echo "::notice title=apiaudit::no release v$version at $base: building from source"
		return 4
	elif [ "$rc" != 0 ]; then
		return 1
	fi
	rc=0
	download "$base/$archive" "$tmp/$archive" || rc=$?
	if [ "$rc" = 4 ]; then
		echo "::notice title=apiaudit::release v$version has no $archive: building from source"
		return 4
	elif [ "$rc" != 0 ]; then
		return 1
	fi
	local want got
	want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$tmp/checksums.txt")
	if [ -z "$want" ]; then
		echo "::error title=apiaudit::checksums.txt of release v$version lists no $archive: not installing it"
		return 1
	fi
	got=$(sha256 "$tmp/$archive")
	if [ "$got" != "$want" ]; then
		echo "::error title=apiaudit::checksum mismatch for $archive of release v$version: sha256 $got, checksums.txt says $want; not installing it"
		return 1
	fi
	echo "apiaudit: $archive matches checksums.txt (sha256 $got)"
	mkdir -p -- "$tmp/x" "$dir"
	case "$archive" in
	*.zip) (cd "$tmp/x" && unzip -q "../$archive") ;;
	*) tar -xzf "$tmp/$archive" -C "$tmp/x" ;;
	esac
	local exe=""
	[ "$PLAN_OS" = windows ] && exe=.exe
	for b in apiaudit apiaudit-vet; do
		if [ -f "$tmp/x/$b$exe" ]; then
			cp -- "$tmp/x/$b$exe" "$dir/"
			chmod +x -- "$dir/$b$exe"
		fi
	done
	if [ ! -x "$dir/apiaudit$exe" ]; then
		echo "::error title=apiaudit::$archive of release v$version has no apiaudit$exe"
		return 1
	fi
}

install() {
	local dir=$PLAN_DIR exe=""
	[ "${PLAN_OS:-}" = windows ] && exe=.exe
	if [ "$PLAN_MODE" = release ]; then
		if [ -x "$dir/apiaudit$exe" ]; then
			echo "apiaudit: release v$PLAN_VERSION from the cache"
		else
			local rc=0
			fetch_release "$dir" || rc=$?
			if [ "$rc" = 4 ]; then
				dir="$RUNNER_TEMP/apiaudit-bin"
				build "$dir"
			elif [ "$rc" != 0 ]; then
				exit 1
			fi
		fi
	else
		build "$dir"
	fi
	"$dir/apiaudit$exe" version
	echo "$dir" >>"$GITHUB_PATH"
	echo "apiaudit=$dir/apiaudit$exe" >>"$GITHUB_OUTPUT"
}

case "${1:-}" in
plan) plan ;;
install) install ;;
*)
	echo "usage: install.sh plan|install" >&2
	exit 2
	;;
esac
