import Foundation
import KaishuTestSupport
import Testing

/// The CSV importer's libFuzzer target, run for a bounded time as part of the suite (issue 7).
///
/// `Scripts/fuzz-csv.sh` builds `Tests/Fuzz/CSVImportFuzz.swift` with KaishuCore's sources under
/// `-sanitize=fuzzer,address` (about 2½ minutes on a clean clone, reused while the sources are
/// unchanged), replays the whole seed corpus, then mutates. Any crash, hang, sanitizer report or
/// broken property (see the target's header) makes it exit non-zero. `KAISHU_FUZZ_SECONDS` sets
/// the mutation time (default 30 s); a release soak runs the script for hours.
@Suite("bad input: the CSV importer under libFuzzer and AddressSanitizer")
struct FuzzTests {
    static var seconds: Int { Int(ProcessInfo.processInfo.environment["KAISHU_FUZZ_SECONDS"] ?? "") ?? 30 }

    @Test(
        "every seed and every mutated input is read without crash, hang or sanitizer report, and keeps the importer's properties",
        .timeLimit(.minutes(10)))
    func fuzzTheImporterForABoundedTime() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../..").standardized.path
        // At the lowest priority: the build and the fuzzing take a core for minutes, and the
        // suites that run beside them include timed screen tests.
        let result = try BuiltProgram.run(
            "/usr/bin/nice", ["-n", "19", "/bin/bash", root + "/Scripts/fuzz-csv.sh", String(Self.seconds)],
            environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "fuzz-csv.sh failed:\n\(result.stdout)\n\(result.stderr)")
        // libFuzzer's final statistics: it ran mutated inputs, not only the seeds.
        let executed = result.stdout.split(separator: "\n")
            .first { $0.hasPrefix("stat::number_of_executed_units:") }
            .flatMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
        #expect((executed ?? 0) > 100, "no or too few fuzzed inputs:\n\(result.stdout)")
    }
}
