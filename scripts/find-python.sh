#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6 needs it), or explain and fail.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
candidates=("${PYTHON:-}" python3.13 python3.12 python3)
for dir in "$HOME"/.pyenv/versions/3.1[2-9]* /usr/local/bin /usr/bin; do
  for exe in "$dir"/bin/python3 "$dir"/python3.13 "$dir"/python3.12; do candidates+=("$exe"); done
done
for c in "${candidates[@]}"; do
  [ -n "$c" ] || continue
  path=$(command -v "$c" 2>/dev/null) || continue
  if ok "$path"; then echo "$path"; exit 0; fi
done
echo "Açık Masa needs Python 3.12 or newer (Django 6). Install it (e.g. 'pyenv install 3.12' or your" >&2
echo "distribution's python3.12 package) or point PYTHON=/path/to/python3.12 at one." >&2
exit 1
