import Foundation
import KaishuCore
import Testing

/// For valid RFC 4180 input, Kaishu's CSV parser reads exactly the rows Python's `csv` module
/// reads (the reference the issue names). Random documents from a fixed seed: quoted and
/// unquoted fields, commas, doubled quotes, CRLF and LF inside quotes, Japanese text, half-width
/// kana, empty fields, CRLF or LF record breaks, with or without a final break — each also fed to
/// the parser in random-sized pieces, which must not change what it reads.
@Suite("bad input: the CSV parser agrees with Python's csv module")
struct CSVDifferentialTests {
    static let documents = 400

    static let pieces = [
        "", "a", "abc", "山田商事", "ｻﾄｳｺｳﾑﾃﾝ", "1,234", "say \"hi\"", "\"", "line\r\nbreak", "lf\nonly", " spaced ",
        "〜～−", "①㈱", "x,y,z", "\"\"", "end\r\n", "tab\there", "0", "¥1,000", "東京都千代田区\r\n丸の内1-1",
    ]

    static func field(_ generator: inout SplitMix) -> (text: String, needsQuotes: Bool) {
        var text = ""
        for _ in 0..<Int(generator.next() % 3) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        let needs = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return (text, needs)
    }

    static func document(_ seed: UInt64) -> (text: String, expected: Int) {
        var generator = SplitMix(state: seed)
        let lineBreak = generator.next() % 2 == 0 ? "\r\n" : "\n"
        let records = 1 + Int(generator.next() % 6)
        var lines: [String] = []
        for _ in 0..<records {
            let count = 1 + Int(generator.next() % 5)
            var cells: [String] = []
            for _ in 0..<count {
                let (text, needs) = field(&generator)
                let quote = needs || generator.next() % 4 == 0 || (count == 1 && text.isEmpty)
                cells.append(quote ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text)
            }
            lines.append(cells.joined(separator: ","))
        }
        let finalBreak = generator.next() % 2 == 0
        return (lines.joined(separator: lineBreak) + (finalBreak ? lineBreak : ""), records)
    }

    @Test("random valid RFC 4180 documents: the same rows as Python's csv.reader, whole or in pieces")
    func agreesWithPython() throws {
        guard
            let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            Issue.record("python3 is needed for the differential test")
            return
        }
        let folder = try KaishuProcess.folder("csvdiff")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var texts: [String] = []
        for index in 0..<Self.documents {
            let (text, _) = Self.document(UInt64(index) &* 7919 &+ 1)
            texts.append(text)
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(index).csv"))
        }
        let script = """
            import csv, json, sys
            out = []
            for i in range(int(sys.argv[2])):
                with open(f"{sys.argv[1]}/{i}.csv", newline="", encoding="utf-8") as f:
                    out.append(list(csv.reader(f)))
            json.dump(out, sys.stdout, ensure_ascii=False)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, folder, String(Self.documents)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [[[String]]])
        try #require(reference.count == Self.documents)
        var generator = SplitMix(state: 99)
        for (index, text) in texts.enumerated() {
            let whole = CSVParser.records(in: text)
            #expect(whole.map(\.fields) == reference[index], "document \(index): \(text.debugDescription)")
            #expect(whole.allSatisfy { $0.problems.isEmpty }, "document \(index) is valid but problems were reported")
            // The same bytes in random pieces.
            var parser = CSVParser()
            var pieced: [CSVRecord] = []
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + Int(generator.next() % 7))
                parser.feed(Array(bytes[start..<end]), into: &pieced)
                start = end
            }
            parser.finish(into: &pieced)
            #expect(pieced.map(\.fields) == reference[index], "document \(index) in pieces")
        }
    }
}

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
