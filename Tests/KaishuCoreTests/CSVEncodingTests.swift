import Foundation
import Testing

@testable import KaishuCore

/// Bytes written out by hand (as Excel on Japanese Windows saves them), so the tests do not
/// depend on an encoder.
enum CP932Bytes {
    static let header: [UInt8] = [  // 取引先名,請求書番号,取引日,金額
        0x8E, 0xE6, 0x88, 0xF8, 0x90, 0xE6, 0x96, 0xBC, 0x2C, 0x90, 0xBF, 0x8B, 0x81, 0x8F, 0x91, 0x94, 0xD4, 0x8D,
        0x86,
        0x2C, 0x8E, 0xE6, 0x88, 0xF8, 0x93, 0xFA, 0x2C, 0x8B, 0xE0, 0x8A, 0x7A,
    ]
    static let kabuYamadaShoji: [UInt8] = [0x87, 0x8A, 0x8E, 0x52, 0x93, 0x63, 0x8F, 0xA4, 0x8E, 0x96]  // ㈱山田商事
    static let takahashi: [UInt8] = [0xEE, 0xE0, 0x8B, 0xB4]  // 髙橋 (NEC-selected 髙)
    static let halfWidthYamada: [UInt8] = [0xD4, 0xCF, 0xC0, 0xDE]  // ﾔﾏﾀﾞ
}

@Suite("Encodings: UTF-8 and CP932")
struct CSVEncodingTests {
    private func decodeCP932(_ bytes: [UInt8]) -> (String, [Range<Int>]) {
        var invalid: [Range<Int>] = []
        let utf8 = CP932.decode(bytes, invalid: &invalid)
        return (String(decoding: utf8, as: UTF8.self), invalid)
    }

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test("CP932's NEC and IBM characters and its wave dash decode as Windows decodes them")
    func windowsCharacters() {
        let cases: [([UInt8], UInt32)] = [
            ([0x87, 0x40], 0x2460),  // ①
            ([0x87, 0x8A], 0x3231),  // ㈱
            ([0x87, 0x8D], 0x337E),  // ㍾
            ([0x87, 0x82], 0x2116),  // №
            ([0x87, 0x54], 0x2160),  // Ⅰ
            ([0x81, 0x60], 0xFF5E),  // ～ (JIS Shift_JIS: U+301C WAVE DASH)
            ([0x81, 0x7C], 0xFF0D),  // － (JIS: U+2212)
            ([0x81, 0x61], 0x2225),  // ∥ (JIS: U+2016)
            ([0x81, 0x5F], 0xFF3C),  // ＼
            ([0x81, 0x91], 0xFFE0),  // ￠
            ([0x81, 0xCA], 0xFFE2),  // ￢
            ([0xEE, 0xE0], 0x9AD9),  // 髙, NEC-selected IBM extension
            ([0xFB, 0xFC], 0x9AD9),  // 髙, IBM extension
            ([0xFA, 0xB1], 0xFA11),  // 﨑
            ([0xED, 0x40], 0x7E8A),  // 纊
            ([0xFA, 0x40], 0x2170),  // ⅰ
            ([0xF0, 0x40], 0xE000),  // user-defined area → private use
            ([0x5C], 0x5C),  // backslash (shown as ¥ on Japanese Windows)
            ([0x7E], 0x7E),
            ([0xA1], 0xFF61),  // ｡
            ([0xB1], 0xFF71),  // ｱ
            ([0xDE], 0xFF9E),  // ﾞ
            ([0xDF], 0xFF9F),  // ﾟ
        ]
        for (bytes, scalar) in cases {
            let (text, invalid) = decodeCP932(bytes)
            #expect(scalars(text) == [scalar], "bytes \(bytes)")
            #expect(invalid.isEmpty)
        }
        #expect(decodeCP932(CP932Bytes.kabuYamadaShoji).0 == "㈱山田商事")
        #expect(decodeCP932(CP932Bytes.takahashi).0 == "髙橋")
        #expect(scalars(decodeCP932(CP932Bytes.halfWidthYamada).0) == [0xFF94, 0xFF8F, 0xFF80, 0xFF9E])
    }

    @Test("the CP932 table agrees with Foundation's .shiftJIS decoder on every lead and trail byte")
    func tableMatchesFoundation() {
        let leads = Array(0x81...0x9F) + Array(0xE0...0xFC)
        let trails = Array(0x40...0x7E) + Array(0x80...0xFC)
        var assigned = 0
        for lead in leads {
            // All assigned pairs of a lead in one Foundation call; each unassigned one alone.
            let valid = trails.filter { CP932.pairs[lead << 8 | $0] != 0 }
            assigned += valid.count
            if !valid.isEmpty {
                let bytes = valid.flatMap { [UInt8(lead), UInt8($0)] }
                let foundation = String(data: Data(bytes), encoding: .shiftJIS).map(scalars)
                #expect(foundation == valid.map { UInt32(CP932.pairs[lead << 8 | $0]) }, "lead \(lead)")
            }
            for trail in trails where CP932.pairs[lead << 8 | trail] == 0 {
                let decoded = String(data: Data([UInt8(lead), UInt8(trail)]), encoding: .shiftJIS)
                #expect(decoded == nil || decoded == "", "pair \(lead) \(trail)")
            }
        }
        #expect(assigned == 9604)
    }

    @Test("bytes that are not CP932 become U+FFFD and are located")
    func invalidCP932() {
        let (text, invalid) = decodeCP932([0x41, 0x82, 0x20, 0x85, 0x40, 0xFF, 0x80, 0xA0, 0x42, 0x82])
        #expect(text == "A\u{FFFD} \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}B\u{FFFD}")
        #expect(invalid == [1..<2, 3..<5, 5..<6, 6..<7, 7..<8, 9..<10])
    }

    @Test("UTF-8 checking finds each invalid sequence")
    func invalidUTF8() {
        #expect(UTF8Check.invalidRanges(in: Array("取引先,①\r\n".utf8)).isEmpty)
        #expect(UTF8Check.invalidRanges(in: [0x41, 0x82, 0x41]) == [1..<2])
        #expect(UTF8Check.invalidRanges(in: [0xE5, 0x8F, 0x41]) == [0..<2])  // truncated 3-byte
        #expect(UTF8Check.invalidRanges(in: [0xED, 0xA0, 0x80]) == [0..<1, 1..<2, 2..<3])  // surrogate
        #expect(UTF8Check.invalidRanges(in: [0xC0, 0xAF]) == [0..<1, 1..<2])  // overlong
        #expect(UTF8Check.invalidRanges(in: [0xF4, 0x90, 0x80, 0x80]).count == 4)  // above U+10FFFF
        let repaired = UTF8Check.repaired([0x41, 0x82, 0x42], invalid: [1..<2])
        #expect(String(decoding: repaired, as: UTF8.self) == "A\u{FFFD}B")
    }

    @Test("encoding names: utf8, cp932 and the names CP932 is known by")
    func names() {
        #expect(ReceivablesFile.Encoding(name: "utf8") == .utf8)
        #expect(ReceivablesFile.Encoding(name: "UTF-8") == .utf8)
        #expect(ReceivablesFile.Encoding(name: "cp932") == .cp932)
        #expect(ReceivablesFile.Encoding(name: "shift_jis") == .cp932)
        #expect(ReceivablesFile.Encoding(name: "Shift-JIS") == .cp932)
        #expect(ReceivablesFile.Encoding(name: "sjis") == .cp932)
        #expect(ReceivablesFile.Encoding(name: "Windows-31J") == .cp932)
        #expect(ReceivablesFile.Encoding(name: "latin1") == nil)
        #expect(ReceivablesFile.Encoding.allCases.map(\.rawValue) == ["utf8", "cp932"])
    }

    private func detect(_ bytes: [UInt8], forced: ReceivablesFile.Encoding? = nil, chunkSize: Int = 1 << 20)
        throws(ImportIssue) -> (ReceivablesFile.Encoding, Bool)
    {
        let result = try EncodingDetection.detect(.data(Data(bytes)), forced: forced, chunkSize: chunkSize)
        return (result.encoding, result.bom)
    }

    @Test("detection: a BOM means UTF-8, valid UTF-8 is UTF-8, a Shift_JIS export is CP932, ASCII is UTF-8")
    func detection() throws {
        #expect(try detect([0xEF, 0xBB, 0xBF] + Array("取引先名\n".utf8)) == (.utf8, true))
        #expect(try detect(Array("取引先名,金額\n山田,1\n".utf8)) == (.utf8, false))
        #expect(try detect(CP932Bytes.header + [0x0D, 0x0A]) == (.cp932, false))
        #expect(try detect(Array("debtor,amount\n".utf8)) == (.utf8, false))
        #expect(try detect([]) == (.utf8, false))
        #expect(try detect(Array("debtor\n".utf8), forced: .cp932) == (.cp932, false))
        #expect(try detect(Array("取引先名\n".utf8), forced: .cp932) == (.cp932, false))
    }

    @Test("detection reads past an all-ASCII start to the first chunk with Japanese in it")
    func detectionPastASCII() throws {
        let bytes =
            Array("debtor,invoice,contract date,amount\nA,1,2024-04-01,100\n".utf8)
            + CP932Bytes.kabuYamadaShoji + Array(",2,2024-04-01,100\n".utf8)
        #expect(try detect(bytes, chunkSize: 16) == (.cp932, false))
    }

    @Test("a UTF-8 file with one damaged byte is still read as UTF-8")
    func mostlyUTF8() throws {
        let bytes = Array("取引先名,請求書番号\n山田商事,A-1\n".utf8) + [0x82] + Array("佐藤,A-2\n".utf8)
        #expect(try detect(bytes) == (.utf8, false))
    }

    @Test("UTF-16 and a BOM contradicting a forced CP932 are refused with what to do")
    func refusedEncodings() {
        #expect(throws: ImportIssue.self) { try detect([0xFF, 0xFE, 0x41, 0x00]) }
        do {
            _ = try detect([0xEF, 0xBB, 0xBF, 0x41, 0x0A], forced: .cp932)
            Issue.record("a BOM with --encoding cp932 must be refused")
        } catch {
            #expect(error.line == 0)
            #expect(error.reason.contains("UTF-8 byte-order mark"))
        }
    }

    @Test("the reader strips a UTF-8 BOM and reports undecodable bytes on the record's line and character")
    func readerProblems() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n\"x\r\ny\",山".utf8) + [0xFF] + Array("z\r\nok,1\r\n".utf8)
        let reader = CSVReader(data: Data(bytes), encoding: .utf8, chunkSize: 4)
        var records: [CSVRecord] = []
        while let record = try reader.nextRecord() { records.append(record) }
        #expect(records.map(\.fields) == [["a", "b"], ["x\r\ny", "山\u{FFFD}z"], ["ok", "1"]])
        #expect(records[0].fields[0].unicodeScalars.first == "a")
        #expect(
            records[1].problems == [
                CSVProblem(line: 3, column: 5, field: nil, kind: .invalidBytes(encoding: "UTF-8", bytes: [0xFF]))
            ])
        #expect(records[1].problems[0].message == "byte 0xFF at character 5 is not valid UTF-8")
        #expect(records[2].problems.isEmpty)
    }

    @Test("CP932 columns count characters, not bytes")
    func cp932Columns() throws {
        let bytes = CP932Bytes.kabuYamadaShoji + [0x2C, 0xB1, 0x85, 0x40, 0x0A]
        let reader = CSVReader(data: Data(bytes), encoding: .cp932)
        let record = try #require(try reader.nextRecord())
        #expect(record.fields == ["㈱山田商事", "ｱ\u{FFFD}"])
        #expect(record.problems.map(\.column) == [8])
        #expect(record.problems.map(\.line) == [1])
    }
}
