extension ReceivablesFile {
    /// The text encodings Japanese accounting exports come in.
    public enum Encoding: String, Sendable, CaseIterable {
        /// UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8").
        case utf8
        /// Windows-31J, what Japanese Windows and Excel call Shift_JIS ("CSV (カンマ区切り)").
        case cp932

        /// The encoding for a name a person or a script may give: `utf8`, `utf-8`, `cp932`,
        /// and the names CP932 goes by — `shift_jis`, `sjis`, `windows-31j`, `ms932`. Real
        /// exports named "Shift_JIS" are CP932 (they contain ① and ㈱), so the names are aliases.
        public init?(name: some StringProtocol) {
            let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
            switch key {
            case "utf8": self = .utf8
            case "cp932", "shiftjis", "sjis", "windows31j", "ms932", "xsjis", "mskanji", "csshiftjis": self = .cp932
            default: return nil
            }
        }

        /// For messages: `UTF-8`, `CP932`.
        public var displayName: String {
            switch self {
            case .utf8: "UTF-8"
            case .cp932: "CP932"
            }
        }
    }
}

/// Deciding a file's encoding from its bytes.
///
/// A UTF-8 byte-order mark decides at once. Otherwise the first chunk that contains a byte
/// above 0x7F decides (a file of plain ASCII reads the same either way, so it is UTF-8):
/// if it is valid UTF-8 the file is UTF-8; if not, the file is whichever of UTF-8 and CP932
/// leaves fewer undecodable places in that chunk — a Shift_JIS export is hardly ever valid
/// UTF-8, and a UTF-8 file with one damaged byte should still be read as UTF-8 so that the
/// damaged line is reported rather than every Japanese character garbled.
enum EncodingDetection {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The encoding of the bytes `source` holds, and whether they start with a UTF-8 BOM.
    static func detect(
        _ source: ByteSource, forced: ReceivablesFile.Encoding?, chunkSize: Int
    ) throws(ImportIssue) -> (encoding: ReceivablesFile.Encoding, bom: Bool) {
        let chunker = LineChunker(reader: try source.open(), chunkSize: chunkSize)
        var first = true
        while let chunk = try next(chunker, source) {
            if first {
                first = false
                if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
                    throw ImportIssue(
                        line: 0, column: nil,
                        reason:
                            "\(source.name) is UTF-16 (Excel's \"Unicode text\"); save it as \"CSV UTF-8\" or \"CSV\" instead"
                    )
                }
                if chunk.starts(with: utf8BOM) {
                    if forced == .cp932 {
                        throw ImportIssue(
                            line: 0, column: nil,
                            reason:
                                "\(source.name) starts with a UTF-8 byte-order mark, so it is UTF-8, not CP932; read it as UTF-8"
                        )
                    }
                    return (.utf8, true)
                }
                if let forced { return (forced, false) }
            }
            guard chunk.contains(where: { $0 >= 0x80 }) else { continue }
            let utf8Problems = UTF8Check.invalidRanges(in: chunk).count
            if utf8Problems == 0 { return (.utf8, false) }
            var cp932Problems: [Range<Int>] = []
            _ = CP932.decode(chunk, invalid: &cp932Problems)
            return (cp932Problems.count < utf8Problems ? .cp932 : .utf8, false)
        }
        return (forced ?? .utf8, false)
    }

    private static func next(_ chunker: LineChunker, _ source: ByteSource) throws(ImportIssue) -> [UInt8]? {
        do {
            return try chunker.next()
        } catch {
            throw ImportIssue(line: 0, column: nil, reason: "cannot read \(source.name): \(error)")
        }
    }
}
