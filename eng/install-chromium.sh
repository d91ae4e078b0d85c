#!/usr/bin/env bash
# Installs Chromium from the distribution's packages, for the report's browser test
# (tests/AlignmentPolicy.Cli.Tests/Report/ReportBrowserTests.cs). Never fails: where Chromium cannot be
# installed (not root, no apt-get, no package source) it says why and exits 0, and the test skips with that reason.
set -uo pipefail

find_chromium() {
  for name in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if browser=$(find_chromium); then
  echo "install-chromium: already installed: $browser ($("$browser" --version 2>/dev/null | head -n1))"
  exit 0
fi

skip() {
  echo "install-chromium: skipped: $1; the report's browser test will be skipped." >&2
  exit 0
}

command -v apt-get >/dev/null 2>&1 || skip "no apt-get on this machine (install Chromium with the system's package manager)"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    skip "not root and no password-less sudo (run: sudo apt-get install chromium)"
  fi
else
  SUDO=
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || skip "apt-get update failed"
# Debian names the package 'chromium'; Ubuntu's 'chromium-browser' is a snap wrapper that cannot run headless in CI.
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null || skip "apt-get install chromium failed"

if browser=$(find_chromium); then
  echo "install-chromium: installed $browser ($("$browser" --version 2>/dev/null | head -n1))"
else
  skip "the chromium package installed no chromium command"
fi
