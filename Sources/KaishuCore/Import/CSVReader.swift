import Foundation

/// Reads CSV records from a file or from bytes, one chunk at a time.
///
/// The pipeline: `LineChunker` cuts the bytes into chunks ending at a line break (1 MiB by
/// default), `ChunkDecoder` turns each chunk into UTF-8, `CSVParser` turns UTF-8 into
/// records. Memory holds one chunk and the records parsed from it, however large the file.
/// Bytes that do not decode are reported as problems on the record that contains them.
public final class CSVReader {
    public static let defaultChunkSize = 1 << 20

    public let encoding: ReceivablesFile.Encoding
    private let chunker: LineChunker
    private let decoder: ChunkDecoder
    private var parser: CSVParser
    private var skipBOM: Bool
    private var queue: [CSVRecord] = []
    private var queueIndex = 0
    private var decodeProblems: [CSVProblem] = []
    private var previousChunkEndedWithCR = false
    private var finished = false
    private let sourceName: String

    /// A reader of the file at `path` in `encoding` (a leading UTF-8 byte-order mark is
    /// skipped when reading UTF-8).
    public convenience init(
        path: String, encoding: ReceivablesFile.Encoding, chunkSize: Int = CSVReader.defaultChunkSize
    ) throws(ImportIssue) {
        try self.init(source: .path(path), encoding: encoding, chunkSize: chunkSize)
    }

    /// A reader of `data` in `encoding`.
    public convenience init(
        data: Data, encoding: ReceivablesFile.Encoding, chunkSize: Int = CSVReader.defaultChunkSize
    ) {
        // Reading from memory cannot fail.
        try! self.init(source: .data(data), encoding: encoding, chunkSize: chunkSize)
    }

    init(
        source: ByteSource, encoding: ReceivablesFile.Encoding, chunkSize: Int,
        parser: CSVParser = CSVParser()
    ) throws(ImportIssue) {
        self.encoding = encoding
        self.chunker = LineChunker(reader: try source.open(), chunkSize: chunkSize)
        self.decoder = ChunkDecoder(encoding: encoding)
        self.parser = parser
        self.skipBOM = encoding == .utf8
        self.sourceName = source.name
    }

    /// The next record, or `nil` at the end of the file. Throws only when the file cannot be
    /// read any further (a disk error, a file truncated while being read).
    public func nextRecord() throws(ImportIssue) -> CSVRecord? {
        while queueIndex == queue.count {
            if finished { return nil }
            queue.removeAll(keepingCapacity: true)
            queueIndex = 0
            try readChunk()
        }
        var record = queue[queueIndex]
        queueIndex += 1
        attachDecodeProblems(to: &record)
        return record
    }

    private func readChunk() throws(ImportIssue) {
        let next: [UInt8]?
        do {
            next = try chunker.next()
        } catch {
            finished = true
            throw ImportIssue(
                line: parser.line, column: nil,
                reason: "cannot read \(sourceName) after line \(parser.line - 1): \(error.localizedDescription)")
        }
        guard var chunk = next else {
            parser.finish(into: &queue)
            finished = true
            return
        }
        if skipBOM {
            skipBOM = false
            if chunk.starts(with: EncodingDetection.utf8BOM) { chunk.removeFirst(3) }
        }
        let (utf8, problems) = decoder.decode(chunk, firstLine: parser.line, afterCR: previousChunkEndedWithCR)
        previousChunkEndedWithCR = chunk.last == 0x0D
        decodeProblems.append(contentsOf: problems)
        parser.feed(utf8, into: &queue)
    }

    /// Undecodable bytes are found per line before parsing; each belongs to the record whose
    /// lines include it.
    private func attachDecodeProblems(to record: inout CSVRecord) {
        guard !decodeProblems.isEmpty else { return }
        var taken = 0
        for problem in decodeProblems {
            guard problem.line <= record.endLine else { break }
            if problem.line >= record.line { record.problems.append(problem) }
            taken += 1
        }
        decodeProblems.removeFirst(taken)
    }
}
