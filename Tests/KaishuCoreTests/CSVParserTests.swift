import Testing

@testable import KaishuCore

@Suite("RFC 4180 parsing")
struct CSVParserTests {
    private func fields(_ text: String) -> [[String]] { CSVParser.records(in: text).map(\.fields) }

    @Test("fields split at commas and records at CRLF, LF or a lone CR")
    func lineEndings() {
        #expect(fields("a,b,c\r\n1,2,3\r\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(fields("a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
        #expect(fields("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(fields("a,b\r\n1,2") == [["a", "b"], ["1", "2"]])
        #expect(CSVParser.records(in: "a\r\nb\rc\nd").map(\.line) == [1, 2, 3, 4])
    }

    @Test("a quoted field keeps commas, doubled quotes and line breaks")
    func quoted() {
        #expect(fields("\"a,b\",c\n") == [["a,b", "c"]])
        #expect(fields("\"he said \"\"hi\"\"\",x\n") == [["he said \"hi\"", "x"]])
        #expect(fields("\"\"\"\",\"\"\n") == [["\"", ""]])
        #expect(fields("\"line1\r\nline2\",x\r\nnext,y\r\n") == [["line1\r\nline2", "x"], ["next", "y"]])
        #expect(fields("a,\"b\nc\"\rd,e\r") == [["a", "b\nc"], ["d", "e"]])
        #expect(fields("\"東京都\n千代田区\",\"①㈱\"\n") == [["東京都\n千代田区", "①㈱"]])
    }

    @Test("a record starts on the physical line where it begins, counting breaks inside quotes")
    func physicalLines() {
        let records = CSVParser.records(in: "h1,h2\r\n\"x\r\ny\r\nz\",1\r\nnext,2\r\n\"a\rb\",3\n")
        #expect(records.map(\.line) == [1, 2, 5, 6])
        #expect(records.map(\.endLine) == [1, 4, 5, 7])
    }

    @Test("empty fields, empty lines and a missing final line break")
    func emptiness() {
        #expect(fields(",,\n") == [["", "", ""]])
        #expect(fields("a,\n") == [["a", ""]])
        #expect(fields("\"\"\n") == [[""]])
        #expect(fields("a\n\nb\n") == [["a"], [], ["b"]])
        #expect(CSVParser.records(in: "a\n\nb\n").map(\.line) == [1, 2, 3])
        #expect(fields("a") == [["a"]])
        #expect(fields("a,") == [["a", ""]])
        #expect(fields("") == [])
        #expect(fields("\n") == [[]])
    }

    @Test("a stray quote in an unquoted field is reported with its line and character, and kept")
    func strayQuote() {
        let records = CSVParser.records(in: "ok,1\n山田,ab\"c,d\n")
        #expect(records[1].fields == ["山田", "ab\"c", "d"])
        #expect(records[1].problems == [CSVProblem(line: 2, column: 6, field: 1, kind: .strayQuote)])
        #expect(records[0].problems.isEmpty)
    }

    @Test("text after a closing quote is reported and appended, as Python's csv reads it")
    func textAfterQuote() {
        let records = CSVParser.records(in: "山田,\"x\"y,z\n")
        #expect(records[0].fields == ["山田", "xy", "z"])
        #expect(records[0].problems == [CSVProblem(line: 1, column: 7, field: 1, kind: .textAfterClosingQuote)])
    }

    @Test("a quote never closed is reported where it opened, with what was read")
    func unterminated() {
        let records = CSVParser.records(in: "a,b\nx,\"abc\ndef,ghi\n")
        #expect(records.count == 2)
        #expect(records[1].fields == ["x", "abc\ndef,ghi\n"])
        #expect(records[1].problems == [CSVProblem(line: 2, column: 3, field: 1, kind: .unterminatedQuote)])
        #expect(records[1].problems[0].message.contains("never closed"))
    }

    @Test("every problem of a record is kept, in order")
    func severalProblems() {
        let records = CSVParser.records(in: "a\"b,\"c\"d,e\"f\n")
        #expect(records[0].problems.map(\.kind) == [.strayQuote, .textAfterClosingQuote, .strayQuote])
        #expect(records[0].problems.map(\.column) == [2, 8, 11])
        #expect(records[0].fields == ["a\"b", "cd", "e\"f"])
    }

    /// Feeds `text` split at `cuts` (byte offsets) and returns what comes out.
    private func parse(_ text: String, cuts: [Int], maxFieldBytes: Int = CSVParser.defaultMaxFieldBytes) -> [CSVRecord]
    {
        let bytes = Array(text.utf8)
        var parser = CSVParser(maxFieldBytes: maxFieldBytes)
        var records: [CSVRecord] = []
        var start = 0
        for cut in cuts + [bytes.count] {
            parser.feed(Array(bytes[start..<cut]), into: &records)
            start = cut
        }
        parser.finish(into: &records)
        return records
    }

    static let tricky =
        "取引先名,住所,メモ\r\n\"㈱山田\",\"東京都\r\n千代田区\",\"say \"\"hi\"\"\"\r\nab\"c,\"x\"y,\r\n\r\nz,\"\r\",\"\n\"\r\"q\"\r\nend"

    @Test("a record split between two feeds at any byte parses the same")
    func everySplit() {
        let whole = CSVParser.records(in: Self.tricky)
        #expect(whole.map(\.line) == [1, 2, 4, 5, 6, 9, 10])
        for cut in 0...Self.tricky.utf8.count {
            #expect(parse(Self.tricky, cuts: [cut]) == whole, "split at byte \(cut)")
        }
    }

    @Test("feeding one byte at a time parses the same")
    func byteByByte() {
        let count = Self.tricky.utf8.count
        #expect(parse(Self.tricky, cuts: Array(0..<count)) == CSVParser.records(in: Self.tricky))
    }

    @Test("an over-long field is cut and reported, and reading goes on")
    func fieldLimit() {
        let records = parse("a,\"0123456789abcdef\",b\nnext,1\n", cuts: [5, 9], maxFieldBytes: 8)
        #expect(records.count == 2)
        #expect(records[0].fields == ["a", "01234567", "b"])
        #expect(records[0].problems == [CSVProblem(line: 1, column: 3, field: 1, kind: .fieldTooLong(limit: 8))])
        #expect(records[1].fields == ["next", "1"])
    }

    @Test("fields beyond the limit are dropped and reported once")
    func fieldCountLimit() {
        var parser = CSVParser(maxFields: 3)
        var records: [CSVRecord] = []
        parser.feed(Array("a,b,c,d,e\nx\n".utf8), into: &records)
        parser.finish(into: &records)
        #expect(records[0].fields == ["a", "b", "c"])
        #expect(records[0].problems.map(\.kind) == [.tooManyFields(limit: 3)])
        #expect(records[1].fields == ["x"])
    }
}
