#!/usr/bin/env bash
# Counts fsync/fdatasync calls per saved call note, by file, with strace (issue 7: "exactly one
# fsync of the WAL per note"). One process saves 1 note, another 41 (notes on closed cases are refused and not counted); the difference per saved note is the
# cost of a note, without the open and close (the closing checkpoint syncs the WAL and the
# database once more).
#
#   Scripts/count-fsyncs.sh [path/to/kaishu]     # default .build/release/kaishu, else .build/debug/kaishu
set -euo pipefail
cd "$(dirname "$0")/.."
kaishu="${1:-}"
[[ -z "$kaishu" ]] && { [[ -x .build/release/kaishu ]] && kaishu=.build/release/kaishu || kaishu=.build/debug/kaishu; }
command -v strace >/dev/null || { echo "strace is needed (apt-get install strace)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$kaishu" demo --cases 1000 --db "$dir/book.sqlite" --today 2026-11-23 --json > /dev/null
count() {
    strace -f -y -e trace=fsync,fdatasync -o "$dir/trace" \
        "$kaishu" bench drive --mix notes --count "$1" --seed "$2" --db "$dir/book.sqlite" --today 2026-11-23 > "$dir/out"
    local wal db other saved
    saved=$(grep -c '^ack ' "$dir/out" || true)
    wal=$(grep -cE 'f(data)?sync\([0-9]+<[^>]*-wal>' "$dir/trace" || true)
    db=$(grep -cE 'f(data)?sync\([0-9]+<[^>]*\.sqlite>' "$dir/trace" || true)
    other=$(grep -cE 'f(data)?sync\(' "$dir/trace" || true)
    echo "$saved $wal $db $((other - wal - db))"
}
read -r s1 w1 d1 o1 < <(count 1 1)
read -r s2 w2 d2 o2 < <(count 41 2)
echo "run 1: $s1 note(s) saved: WAL fsyncs $w1, database fsyncs $d1, other $o1"
echo "run 2: $s2 note(s) saved: WAL fsyncs $w2, database fsyncs $d2, other $o2"
awk -v n1="$s1" -v n2="$s2" -v a="$w1" -v b="$w2" -v c="$d1" -v d="$d2" \
    'BEGIN { n = n2 - n1; printf "per saved note: %.2f WAL fsync(s), %.2f database fsync(s)\n", (b-a)/n, (d-c)/n }'
