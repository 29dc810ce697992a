// libFuzzer target for the receivables importer (issue 7). Not part of the SwiftPM package:
// Scripts/fuzz-csv.sh compiles it together with KaishuCore's sources under
// `-sanitize=fuzzer,address`. Any crash, hang, sanitizer report or broken property stops the run
// and leaves the input as `crash-*` / `timeout-*`.
//
// Properties checked on every input:
// - reading never crashes or hangs (libFuzzer's -timeout);
// - the file is either rejected as a whole with a reason, or every row comes back as a record or
//   as an error that names a line (≥ 1) and a reason — the importer's "fully imported or rejected
//   with line and column";
// - reading the same bytes in pieces of a different size gives the same rows, for a given
//   encoding (the reader is fed in chunks; a quoted field may straddle any boundary), and
//   detection reads as the detected encoding forced would;
// - the bare parser reads the same fields whole and byte by byte.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReceivables(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    // The first byte picks a small chunk size, so chunk boundaries land everywhere.
    let chunk = 1 + Int(data.first ?? 0) % 61
    // Detection decides on the first chunk holding non-ASCII bytes (1 MB in use), so it may
    // differ with tiny chunks; once the encoding is fixed, the chunk size must not matter.
    let detected = (try? ReceivablesFile(data: data))?.detectedEncoding
    for forced in [ReceivablesFile.Encoding.utf8, .cp932] {
        let whole = read(data, encoding: forced, chunkSize: 1 << 20)
        let pieced = read(data, encoding: forced, chunkSize: chunk)
        if whole != pieced {
            fatalError("chunk size \(chunk) changed what was read (encoding \(forced))")
        }
        if forced == detected && read(data, encoding: nil, chunkSize: 1 << 20) != whole {
            fatalError("the detected encoding reads differently from the same encoding forced")
        }
    }
    // The parser alone, whole and fed byte by byte.
    let bytes = [UInt8](data)
    var parser = CSVParser(maxFieldBytes: 1 << 16, maxFields: 512)
    var once: [CSVRecord] = []
    parser.feed(bytes, into: &once)
    parser.finish(into: &once)
    var slow = CSVParser(maxFieldBytes: 1 << 16, maxFields: 512)
    var pieces: [CSVRecord] = []
    for byte in bytes { slow.feed([byte], into: &pieces) }
    slow.finish(into: &pieces)
    if once != pieces { fatalError("feeding byte by byte changed the parse") }
    return 0
}

/// What a reading produced, comparable between chunk sizes.
enum Outcome: Equatable {
    case rejected(String)
    case rows([String])
}

func read(_ data: Data, encoding: ReceivablesFile.Encoding?, chunkSize: Int) -> Outcome {
    let file: ReceivablesFile
    do {
        file = try ReceivablesFile(data: data, encoding: encoding, chunkSize: chunkSize)
    } catch {
        if error.reason.isEmpty { fatalError("a rejected file must say why") }
        return .rejected(error.description)
    }
    var rows: [String] = []
    for result in file.records() {
        switch result {
        case .success(let record):
            rows.append("ok \(record.line) \(record.debtor.code) \(record.claim.invoice) \(record.claim.amount.yen)")
        case .failure(let error):
            if error.line < 1 || error.issues.isEmpty { fatalError("a bad row must name its line and a reason") }
            for issue in error.issues where issue.reason.isEmpty { fatalError("an issue without a reason") }
            rows.append("bad \(error.description)")
        }
    }
    return .rows(rows)
}
