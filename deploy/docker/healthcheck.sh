#!/usr/bin/env bash
# Container health probe: GET an actuator path on this container and succeed only on HTTP 200.
#
# It uses bash's /dev/tcp instead of curl or wget because the JRE base image does not promise either, and
# the image is built without network access, so nothing can be installed.
#
# usage: healthcheck [path]   (default /actuator/health/liveness)
# The port is the one the service listens on: SERVER_PORT wins over PORT in Spring (an environment variable
# for server.port outranks the ${PORT:...} placeholder in the settings file), so this checks them in that order.
set -euo pipefail

path="${1:-/actuator/health/liveness}"
port="${SERVER_PORT:-${PORT:?PORT is not set}}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "${path}" >&3
IFS= read -r -t 5 status_line <&3
[[ "${status_line}" == HTTP/1.?" 200 "* ]]
