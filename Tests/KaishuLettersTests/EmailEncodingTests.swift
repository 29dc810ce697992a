import Foundation
import KaishuCore
import Testing

@testable import KaishuLetters

/// RFC 2047 encoded-words and RFC 5322 header lines: Japanese survives the trip, no word
/// passes 75 characters, no line passes 76, and a real parser reads it back.
@Suite("email headers are encoded as RFC 2047 and RFC 5322 require")
struct EmailEncodingTests {
    /// Decodes `=?UTF-8?B?…?=` words (adjacent words joined without the folding white space,
    /// RFC 2047 §6.2) — a decoder independent of the encoder under test.
    func decode(_ value: String) -> String {
        var bytes = Data()
        for word in value.split(whereSeparator: { $0.isWhitespace }) {
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return "(not an encoded word: \(word))" }
            let payload = word.dropFirst(10).dropLast(2)
            guard let data = Data(base64Encoded: String(payload)) else { return "(bad base64)" }
            // Each word must decode on its own: never half a character (§5(3)).
            guard String(data: data, encoding: .utf8) != nil else { return "(word splits a character)" }
            bytes.append(data)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Deterministic texts mixing ASCII, kana, kanji, full-width forms, emoji with modifiers
    /// and combining marks, from 1 to 200 characters.
    func samples() -> [String] {
        let pieces = ["株式会社", "山田", "ア", "ｶﾞ", "A", "b", " ", "１", "【", "】", "👍🏽", "が", "e\u{301}", "🇯🇵", "〒", "—"]
        var generator = SplitMix(seed: 2047)
        return (1...200).map { length in
            var text = ""
            while text.count < length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            return text.trimmingCharacters(in: .whitespaces).isEmpty ? "x" : text
        }
    }

    @Test("a Japanese subject of any length decodes back to itself")
    func subjectRoundTrip() {
        for text in samples() where !EncodedWord.isPlainASCII(text) {
            let field = HeaderField.unstructured("Subject", text)
            #expect(field.hasPrefix("Subject: "))
            let value = String(field.dropFirst("Subject: ".count))
            #expect(decode(value) == text.replacingOccurrences(of: "\n", with: " "))
        }
    }

    @Test("no encoded word passes 75 characters and no header line passes 76")
    func lineLengths() {
        for text in samples() {
            let subject = HeaderField.unstructured("Subject", text)
            let from = HeaderField.addresses("From", [EmailAddress(name: text, address: "a@example.jp")])
            let to = HeaderField.addresses(
                "To",
                [EmailAddress(name: text, address: "x@example.jp"), EmailAddress(name: "経理部", address: "y@example.jp")])
            for field in [subject, from, to] {
                for line in field.components(separatedBy: "\r\n") {
                    #expect(line.utf8.count <= 78, "\(line)")
                    for word in line.split(separator: " ") where word.hasPrefix("=?") {
                        #expect(word.count <= 75, "\(word)")
                    }
                }
                if !EncodedWord.isPlainASCII(text) {
                    for line in field.components(separatedBy: "\r\n") { #expect(line.count <= 76, "\(line)") }
                }
                // Continuation lines start with white space (folding, RFC 5322 §2.2.3).
                for line in field.components(separatedBy: "\r\n").dropFirst() { #expect(line.hasPrefix(" ")) }
            }
        }
    }

    @Test("a plain ASCII subject stays readable and folds at spaces")
    func asciiSubject() {
        let text = Array(repeating: "overdue invoice", count: 10).joined(separator: " ")
        let field = HeaderField.unstructured("Subject", text)
        #expect(!field.contains("=?"))
        #expect(field.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + text)
        #expect(field.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
    }

    @Test("display names with specials are quoted; plain addresses stand alone")
    func addressQuoting() {
        #expect(HeaderField.addresses("To", [EmailAddress(address: "a@b.jp")]) == "To: a@b.jp")
        #expect(
            HeaderField.addresses("To", [EmailAddress(name: "Yamada, Taro", address: "a@b.jp")])
                == "To: \"Yamada, Taro\" <a@b.jp>")
    }

    @Test("the body is base64 UTF-8 in lines of at most 76 characters with CRLF ends")
    func body() throws {
        let message = try Fixtures.desk().draft(
            kind: .email, case: Fixtures.companyCase().state, today: Fixtures.today, calendar: .japan,
            stamp: Fixtures.stamp
        ).email!
        let wire = message.rfc5322
        let parts = wire.components(separatedBy: "\r\n\r\n")
        let bodyLines = parts[1].components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(bodyLines.allSatisfy { $0.count <= 76 })
        let decoded = String(decoding: Data(base64Encoded: bodyLines.joined())!, as: UTF8.self)
        #expect(decoded == message.body.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(!wire.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    }

    @Test("Python's email parser reads the message back to the original Japanese")
    func pythonParses() throws {
        let letter = try Fixtures.desk().draft(
            kind: .email, case: Fixtures.companyCaseAfterFirstEmail().state, today: Fixtures.today, calendar: .japan,
            stamp: Fixtures.stamp)
        let message = try #require(letter.email)
        let dir = try TemporaryDirectory()
        let file = dir.url.appendingPathComponent("m.eml")
        try Data(message.rfc5322.utf8).write(to: file)
        let script = """
            import email, email.policy, json, sys
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            print(json.dumps({
              'subject': str(m['Subject']), 'from_name': m['From'].addresses[0].display_name,
              'from': m['From'].addresses[0].addr_spec, 'to_name': m['To'].addresses[0].display_name,
              'to': m['To'].addresses[0].addr_spec, 'id': m['Message-ID'], 'date': str(m['Date'].datetime),
              'reply': m['In-Reply-To'], 'body': m.get_content(), 'defects': len(m.defects)
                + sum(len(m[h].defects) for h in m.keys())}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 could not parse the message")
        let parsed = try JSONDecoder().decode([String: Codable2].self, from: data)
        #expect(parsed["subject"]?.text == message.subject)
        #expect(parsed["from_name"]?.text == "株式会社回収テスト 経理部")
        #expect(parsed["from"]?.text == "keiri@kaishu-test.example")
        #expect(parsed["to_name"]?.text == "株式会社山田商事")
        #expect(parsed["to"]?.text == "keiri@yamada.example")
        #expect(parsed["id"]?.text == "<20261124093000.case42.a1b2c3d4e5f6@kaishu-test.example>")
        #expect(parsed["date"]?.text == "2026-11-24 09:30:00+09:00")
        #expect(parsed["reply"]?.text == "<20261007093000.case42.ffff@kaishu-test.example>")
        // Text is sent in canonical form (CRLF line ends, RFC 2046 §4.1.1).
        #expect(parsed["body"]?.text?.replacingOccurrences(of: "\r\n", with: "\n") == message.body)
        #expect(parsed["defects"]?.number == 0)
    }
}

/// A JSON value that is a string or a number.
enum Codable2: Decodable {
    case text(String)
    case number(Int)
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .number(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }
    var text: String? { if case .text(let value) = self { value } else { nil } }
    var number: Int? { if case .number(let value) = self { value } else { nil } }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
