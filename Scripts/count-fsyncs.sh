#!/usr/bin/env bash
# Counts fsync/fdatasync calls per saved call note, by file, with strace (issue 7: "exactly one
# fsync of the WAL per note"). One process saves 1 note, another 21; the difference ÷ 20 is the
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
        "$kaishu" bench drive --mix notes --count "$1" --seed "$2" --db "$dir/book.sqlite" --today 2026-11-23 > /dev/null
    local wal db other
    wal=$(grep -cE 'f(data)?sync\([0-9]+<[^>]*-wal>' "$dir/trace" || true)
    db=$(grep -cE 'f(data)?sync\([0-9]+<[^>]*\.sqlite>' "$dir/trace" || true)
    other=$(grep -cE 'f(data)?sync\(' "$dir/trace" || true)
    echo "$wal $db $((other - wal - db))"
}
read -r w1 d1 o1 < <(count 1 1)
read -r w21 d21 o21 < <(count 21 2)
echo "1 note:   WAL fsyncs $w1, database fsyncs $d1, other $o1"
echo "21 notes: WAL fsyncs $w21, database fsyncs $d21, other $o21"
awk -v a="$w1" -v b="$w21" -v c="$d1" -v d="$d21" 'BEGIN { printf "per note: %.2f WAL fsync(s), %.2f database fsync(s)\n", (b-a)/20, (d-c)/20 }'
