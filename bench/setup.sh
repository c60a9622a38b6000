#!/usr/bin/env bash
# Bench-only dependencies of bench/side_by_side.py (not in scripts/setup.sh's
# PACKAGES, so CI does not install them): the reference SPARQL server
# OpenLink Virtuoso 7.2.5 (virtuoso-opensource: virtuoso-t, isql-vt), nginx
# for the machine's ceiling, wrk as the load tool, rapper to turn the
# built-in Turtle into N-Triples for Virtuoso. All from Debian 12.
# Apache Jena Fuseki has no Debian package (apt-cache search fuseki finds
# nothing; libapache-jena-java is the library only), so it is not installed.
# Installing Debian's packages enables their system services; this script stops
# and disables them (the benchmark runs its own instances with their own
# configuration on 127.0.0.1 and free ports).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource nginx wrk raptor2-utils python3
for svc in virtuoso-opensource-7 nginx; do
  if command -v systemctl >/dev/null && systemctl list-unit-files "$svc.service" >/dev/null 2>&1; then
    $SUDO systemctl disable --now "$svc" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$svc" ]; then
    $SUDO "/etc/init.d/$svc" stop >/dev/null 2>&1 || true
  fi
done
