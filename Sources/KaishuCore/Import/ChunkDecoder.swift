/// Turns a chunk of file bytes (ending at a line break) into UTF-8 for the CSV parser, and
/// reports where bytes are not valid in the file's encoding.
///
/// Invalid bytes become U+FFFD so the rest of the line can still be read; the problem is
/// reported with its line and character so the row is rejected with a reason rather than
/// imported with a replacement character in a name.
struct ChunkDecoder: Sendable {
    let encoding: ReceivablesFile.Encoding

    /// The UTF-8 bytes of `chunk` and the undecodable places in it. `firstLine` is the line
    /// the chunk starts on (chunks start at the beginning of a line); `afterCR` tells that
    /// the previous chunk ended with a CR, so a leading LF completes that break.
    func decode(_ chunk: [UInt8], firstLine: Int, afterCR: Bool) -> (utf8: [UInt8], problems: [CSVProblem]) {
        var invalid: [Range<Int>] = []
        let output: [UInt8]
        switch encoding {
        case .utf8:
            invalid = UTF8Check.invalidRanges(in: chunk)
            output = invalid.isEmpty ? chunk : UTF8Check.repaired(chunk, invalid: invalid)
        case .cp932:
            output = CP932.decode(chunk, invalid: &invalid)
        }
        guard !invalid.isEmpty else { return (output, []) }
        return (output, locate(invalid, in: chunk, firstLine: firstLine, afterCR: afterCR))
    }

    /// Line and character of each invalid range, counted the way the CSV parser counts
    /// (CRLF, LF and CR are one break each; a character is one column).
    private func locate(_ ranges: [Range<Int>], in chunk: [UInt8], firstLine: Int, afterCR: Bool) -> [CSVProblem] {
        var problems: [CSVProblem] = []
        var line = firstLine
        var column = 1
        var index = 0
        var previousCR = afterCR
        var trailNext = false
        var previousEnd = -1
        for range in ranges {
            while index < range.lowerBound {
                let byte = chunk[index]
                if byte == 0x0A {
                    if !previousCR { line += 1 }
                    column = 1
                    previousCR = false
                } else if byte == 0x0D {
                    line += 1
                    column = 1
                    previousCR = true
                } else {
                    previousCR = false
                    switch encoding {
                    case .utf8:
                        if byte & 0xC0 != 0x80 { column += 1 }
                    case .cp932:
                        if trailNext {
                            trailNext = false
                        } else {
                            column += 1
                            trailNext = CP932.isLead(byte) && index + 1 < chunk.count && CP932.isTrail(chunk[index + 1])
                        }
                    }
                }
                index += 1
            }
            if let last = problems.last, case .invalidBytes(let name, let bytes) = last.kind,
                previousEnd == range.lowerBound
            {
                // Adjacent invalid sequences are one place to fix: report them together.
                problems[problems.count - 1].kind = .invalidBytes(encoding: name, bytes: bytes + chunk[range])
            } else {
                problems.append(
                    CSVProblem(
                        line: line, column: column, field: nil,
                        kind: .invalidBytes(encoding: encoding.displayName, bytes: Array(chunk[range]))))
            }
            previousEnd = range.upperBound
            // The range reads as one U+FFFD.
            column += 1
            index = range.upperBound
            previousCR = false
            trailNext = false
        }
        return problems
    }
}

/// UTF-8 validation that finds every invalid sequence (as maximal subparts, the way
/// Unicode §3.9 and Swift's own decoder delimit them).
enum UTF8Check {
    static func invalidRanges(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            var ranges: [Range<Int>] = []
            let n = buffer.count
            var i = 0
            while i < n {
                let b0 = buffer[i]
                if b0 < 0x80 {
                    i += 1
                    continue
                }
                let length = sequenceLength(buffer, at: i)
                if length > 0 {
                    i += length
                } else {
                    let bad = -length
                    ranges.append(i..<(i + bad))
                    i += bad
                }
            }
            return ranges
        }
    }

    /// The length of the valid sequence at `i`, or minus the length of the invalid subpart.
    private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = buffer[i]
        let n = buffer.count
        func inRange(_ k: Int, _ low: UInt8, _ high: UInt8) -> Bool {
            i + k < n && buffer[i + k] >= low && buffer[i + k] <= high
        }
        switch b0 {
        case 0xC2...0xDF:
            return inRange(1, 0x80, 0xBF) ? 2 : -1
        case 0xE0...0xEF:
            let (low, high): (UInt8, UInt8) = b0 == 0xE0 ? (0xA0, 0xBF) : b0 == 0xED ? (0x80, 0x9F) : (0x80, 0xBF)
            guard inRange(1, low, high) else { return -1 }
            return inRange(2, 0x80, 0xBF) ? 3 : -2
        case 0xF0...0xF4:
            let (low, high): (UInt8, UInt8) = b0 == 0xF0 ? (0x90, 0xBF) : b0 == 0xF4 ? (0x80, 0x8F) : (0x80, 0xBF)
            guard inRange(1, low, high) else { return -1 }
            guard inRange(2, 0x80, 0xBF) else { return -2 }
            return inRange(3, 0x80, 0xBF) ? 4 : -3
        default:
            return -1
        }
    }

    /// The bytes with each invalid range replaced by U+FFFD.
    static func repaired(_ bytes: [UInt8], invalid: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + invalid.count * 2)
        var start = 0
        for range in invalid {
            out.append(contentsOf: bytes[start..<range.lowerBound])
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            start = range.upperBound
        }
        out.append(contentsOf: bytes[start...])
        return out
    }
}
