import Foundation
import Testing

@testable import KaishuCore

/// Rows made on the fly, so a long file costs no memory in the test itself; optionally
/// failing after some bytes, like a disk error or a file truncated while read.
final class GeneratedRows: ByteReader {
    private let header: [UInt8]
    private let rows: Int
    private let failAfter: Int?
    private var produced = 0
    private var row = 0
    private var pending: [UInt8] = []

    init(header: String, rows: Int, failAfter: Int? = nil) {
        self.header = Array(header.utf8)
        self.rows = rows
        self.failAfter = failAfter
        self.pending = self.header
    }

    struct Failure: LocalizedError {
        var errorDescription: String? { "Input/output error" }
    }

    func read(maxCount: Int) throws -> [UInt8] {
        if let failAfter, produced >= failAfter { throw Failure() }
        while pending.count < maxCount && row < rows {
            row += 1
            // A quoted field with a line break in every tenth row, to be split by chunks.
            let address = row % 10 == 0 ? "\"東京都\r\n千代田区\(row)\"" : "大阪市\(row)"
            pending += Array("C\(row % 977),取引先\(row % 977),INV-\(row),2024-04-01,\"1,000\",\(address)\r\n".utf8)
        }
        let count = min(maxCount, pending.count)
        defer { pending.removeFirst(count) }
        produced += count
        return Array(pending[..<count])
    }
}

@Suite("Streaming: chunks, boundaries and read errors")
struct CSVStreamingTests {
    static let header = "取引先コード,取引先名,請求書番号,取引日,金額,住所\r\n"

    @Test("chunks end at line breaks and stay near the chunk size however long the file")
    func chunkBound() throws {
        let chunker = LineChunker(reader: GeneratedRows(header: Self.header, rows: 20_000), chunkSize: 4096)
        var largest = 0
        var total = 0
        var chunks = 0
        while let chunk = try chunker.next() {
            largest = max(largest, chunk.count)
            total += chunk.count
            chunks += 1
            #expect(chunk.last == 0x0A || chunk.last == 0x0D)
        }
        #expect(total > 1_000_000)
        #expect(chunks > 250)
        #expect(largest <= 4096 + 100)
    }

    @Test("a line longer than the chunk size makes one longer chunk instead of a split character")
    func longLine() throws {
        let line = Array(String(repeating: "山", count: 1000).utf8) + [0x0A, 0x41, 0x0A]
        let chunker = LineChunker(reader: DataByteReader(data: Data(line)), chunkSize: 7)
        var chunks: [[UInt8]] = []
        while let chunk = try chunker.next() { chunks.append(chunk) }
        #expect(chunks.joined().elementsEqual(line))
        #expect(chunks.allSatisfy { $0.last == 0x0A })
        #expect(chunks[0].count >= 3001)
    }

    @Test("every row of a long generated file reads, with multi-line records across chunk boundaries")
    func longFile() throws {
        let source = ByteSource.reader(name: "generated") { GeneratedRows(header: Self.header, rows: 3_000) }
        let file = try ReceivablesFile(source: source, encoding: nil, chunkSize: 1000)
        var line = 2
        var count = 0
        for result in file.records() {
            let record = try result.get()
            count += 1
            #expect(record.line == line)
            #expect(record.claim.invoice == "INV-\(count)")
            line += count % 10 == 0 ? 2 : 1
            if count % 10 == 0 { #expect(record.debtor.address == "東京都 千代田区\(count)") }
        }
        #expect(count == 3_000)
    }

    @Test("a read error in the middle ends the rows with a failure at the line reached")
    func readError() throws {
        let source = ByteSource.reader(name: "売掛金.csv") {
            GeneratedRows(header: Self.header, rows: 1_000, failAfter: 5_000)
        }
        let file = try ReceivablesFile(source: source, encoding: nil, chunkSize: 1024)
        let results = Array(file.records())
        let good = results.dropLast().filter { (try? $0.get()) != nil }.count
        #expect(good == results.count - 1)
        guard case .failure(let error) = results.last else {
            Issue.record("the last result must be the read error")
            return
        }
        #expect(error.line > 2)
        #expect(error.issues.count == 1)
        #expect(error.issues[0].reason.hasPrefix("cannot read 売掛金.csv after line "))
        #expect(error.issues[0].reason.hasSuffix("Input/output error"))
    }
}
