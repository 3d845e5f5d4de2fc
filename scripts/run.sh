#!/usr/bin/env bash
# `make run`: migrate, load the demo municipality (idempotent), then serve the site and the worker.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
ACIKMASA=.venv/bin/acikmasa
mkdir -p var
$ACIKMASA migrate --noinput
$ACIKMASA demo --seed 1 --if-empty
$ACIKMASA demo_logins
$ACIKMASA open311_demo_key
# Subject suggestions from the demo's own history (docs/routing.md); once, then `acikmasa routing_train`.
$ACIKMASA routing_train --if-missing
# The deadline sweep is a self-repeating task run by the worker below (docs/deadlines.md).
$ACIKMASA deadline_sweep --schedule
$ACIKMASA privacy_retention --schedule  # KVKK: anonymise cases past their retention period, daily
$ACIKMASA db_worker --interval 2 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "Açık Masa: http://127.0.0.1:${PORT}/  (worker pid $worker; Ctrl-C stops both; e-mail goes to var/mail/)"
$ACIKMASA runserver "127.0.0.1:${PORT}"
