#!/usr/bin/env bash
# Fuzzes the receivables CSV importer with libFuzzer + AddressSanitizer (issue 7).
#
#   Scripts/fuzz-csv.sh [SECONDS]        # default 60; a release soak: Scripts/fuzz-csv.sh 86400
#
# Builds Tests/Fuzz/CSVImportFuzz.swift together with KaishuCore's sources into
# .build-fuzz/csv-fuzz, replays every seed in Tests/Fuzz/corpus once (the 1 MB field included),
# then mutates for SECONDS with inputs up to 8 KB, in a working corpus under .build-fuzz (the
# checked-in seeds are not modified). A crash, hang (>10 s per input), sanitizer report or a
# broken property (see the target's header) exits non-zero and leaves the input in .build-fuzz/.
# Add such inputs to Tests/Fuzz/corpus once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
# Swift's own crash handler reads memory ASan reports as bad; let libFuzzer report instead.
export SWIFT_BACKTRACE=enable=no
seconds="${1:-60}"
out=.build-fuzz
mkdir -p "$out/work"
if [[ ! -x "$out/csv-fuzz" || -n "$(find Sources/KaishuCore Tests/Fuzz -newer "$out/csv-fuzz" -name '*.swift' | head -1)" ]]; then
    echo "building the fuzz target (KaishuCore + Tests/Fuzz, -sanitize=fuzzer,address)…"
    swiftc -sanitize=fuzzer,address -parse-as-library -module-name KaishuFuzz -O -g \
        $(find Sources/KaishuCore -name '*.swift') Tests/Fuzz/CSVImportFuzz.swift \
        -o "$out/csv-fuzz" 2> >(grep -v 'Cannot export local symbol' >&2)
fi
echo "replaying the seed corpus…"
"$out/csv-fuzz" -timeout=30 -rss_limit_mb=4096 Tests/Fuzz/corpus/* 2>&1 | tail -n 2
echo "fuzzing for ${seconds} s…"
cd "$out"
status=0
./csv-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=8192 -print_final_stats=1 \
    work ../Tests/Fuzz/corpus > fuzz.log 2>&1 || status=$?
grep -E '^(#[0-9]+ *(DONE|INITED)|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|Fatal|.*(crash|timeout|leak)-)' fuzz.log || true
if [[ $status -ne 0 ]]; then echo "fuzzing FAILED (exit $status); full log: $out/fuzz.log" >&2; tail -n 40 fuzz.log >&2; fi
exit "$status"
