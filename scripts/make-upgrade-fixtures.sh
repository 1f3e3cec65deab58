#!/usr/bin/env bash
# Builds Fixtures/upgrade/: a server database and three plain (unencrypted) client stores written
# by the checked-out version, for the upgrade tests (Tests/FieldClientTests/EndToEnd/UpgradeTests).
#
# Run it against an old checkout to refresh the fixtures of that version:
#   scripts/make-upgrade-fixtures.sh [BIN_DIR] [OUT_DIR]
# BIN_DIR holds the built `syncserver` and `fieldclient` (default: .build/debug after `swift build`),
# OUT_DIR defaults to Fixtures/upgrade. The server listens on 127.0.0.1 only, on a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${1:-$ROOT/.build/debug}
OUT=${2:-$ROOT/Fixtures/upgrade}
for tool in syncserver fieldclient; do
  [ -x "$BIN/$tool" ] || { echo "no $BIN/$tool: run 'swift build' first or give BIN_DIR" >&2; exit 1; }
done

WORK=$(mktemp -d)
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

export LANG=C.UTF-8 FIELDCLIENT_LANG=en SYNCSERVER_LANG=en
DB=$WORK/server.sqlite
admin() { "$BIN/syncserver" "$@" --db "$DB"; }
code() { python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])'; }

# Four doors with fixed ids, so the tests can name them.
cat > "$WORK/doors.csv" <<'CSV'
id,street,house_number,postcode,note
11111111-0000-4000-8000-000000000001,Lindenstraße,2,04177,
11111111-0000-4000-8000-000000000002,Lindenstraße,10,04177,Hinterhaus
11111111-0000-4000-8000-000000000003,Lindenstraße,10a,04177,
11111111-0000-4000-8000-000000000004,Ahornweg,5,04177,
CSV

admin cohort create kurs >/dev/null
admin survey publish --cohort kurs "$ROOT/Fixtures/nachbarschaftsbefragung.yaml" >/dev/null
admin households import --cohort kurs "$WORK/doors.csv" >/dev/null
ANNA=$(admin enroll --cohort kurs --participant anna --json | code)
BEN=$(admin enroll --cohort kurs --participant ben --json | code)
TINA=$(admin trainer add --cohort kurs tina --json | code)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BIN/syncserver" serve --host 127.0.0.1 --port "$PORT" --db "$DB" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1',$PORT),0.2)" 2>/dev/null && break
  sleep 0.1
done

fc() { local who=$1; shift; "$BIN/fieldclient" --store "$WORK/client-$who.sqlite" "$@"; }
fc anna join "http://127.0.0.1:$PORT" "$ANNA" --name anna-laptop --no-encryption >/dev/null
fc ben join "http://127.0.0.1:$PORT" "$BEN" --name ben-laptop --no-encryption >/dev/null
fc tina join "http://127.0.0.1:$PORT" "$TINA" --name tina-laptop --no-encryption >/dev/null

D1=11111111-0000-4000-8000-000000000001
D2=11111111-0000-4000-8000-000000000002
D3=11111111-0000-4000-8000-000000000003

# A plain visit, synced.
fc anna visit $D1 --outcome not-home --note "Klingel kaputt" >/dev/null
fc anna sync >/dev/null
# Three visits at one door while apart: today's conflict on outcome, visitNote and visitedBy.
fc anna visit $D2 --outcome not-home >/dev/null
fc ben visit $D2 --outcome revisit --note "Nach 18 Uhr" >/dev/null
fc tina visit $D2 --outcome refused --note "Kein Interesse" >/dev/null
# Two responses, one of them at a door.
cat > "$WORK/answers.json" <<'JSON'
{"datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1,
 "gefaellt": "Die Nachbarn", "probleme": ["verkehr"], "mitmachen": "nein"}
JSON
fc anna record nachbarschaft-2026 --answers "$WORK/answers.json" --finalize >/dev/null
fc ben record nachbarschaft-2026 --answers "$WORK/answers.json" --household $D1 >/dev/null
for who in anna ben tina anna ben; do fc $who sync >/dev/null; done
# One visit not synced yet: it must reach the upgraded server.
fc anna visit $D3 --outcome interviewed --note "2. OG links" >/dev/null

kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
mkdir -p "$OUT"
for f in server client-anna client-ben client-tina; do
  sqlite3 "$WORK/$f.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null 2>&1 || true
  sqlite3 "$WORK/$f.sqlite" ".backup '$OUT/$f.sqlite'"
  chmod 600 "$OUT/$f.sqlite"
done
echo "wrote $OUT (server port was $PORT; made by $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown))"
