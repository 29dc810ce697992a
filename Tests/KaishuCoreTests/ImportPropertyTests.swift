import Testing

@testable import KaishuCore

/// A small seeded generator (SplitMix64), so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Import readers: fast paths agree with the full readers")
struct ImportPropertyTests {
    private func texts(from pieces: [String], count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...9, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    /// What a reader makes of a text, as a comparable string: the value or the error.
    private func outcome<T>(_ body: () throws -> T) -> String {
        do { return "value \(try body())" } catch { return "error \(error)" }
    }

    @Test("dates: the byte-level fast path reads exactly what the full reader reads")
    func dates() {
        let pieces = [
            "2024", "2019", "1989", "0", "1", "4", "5", "30", "31", "12", "13", "06", "/", "-", ".", "年", "月", "日",
            "令和", "平成", "昭和", "大正", "R", "H", "S", "T", "元", " ", "２", "（火）", "(水)", ":", "00",
        ]
        // Shaped like dates, with values in and out of range, so the fast path is exercised.
        var random = SplitMix64(state: 11)
        let shaped = (0..<20_000).map { _ -> String in
            let era = ["", "", "令和", "平成", "昭和", "大正", "R", "H", "S", "T", "令"].randomElement(using: &random)!
            let year =
                era.isEmpty
                ? String(Int.random(in: 1980...2030, using: &random)) : String(Int.random(in: 0...65, using: &random))
            let (first, second, end) = [
                ("/", "/", ""), ("-", "-", ""), (".", ".", ""), ("年", "月", "日"), ("年", "月", ""), ("/", "-", ""),
            ]
            .randomElement(using: &random)!
            return era + year + first + String(Int.random(in: 0...13, using: &random)) + second
                + String(Int.random(in: 0...32, using: &random)) + end
        }
        for text in texts(from: pieces, count: 10_000, seed: 1) + shaped {
            #expect(
                outcome { try CivilDate.parse(text) } == outcome { try CivilDate.parseWithoutFastPath(text) }, "\(text)"
            )
        }
    }

    @Test("amounts: the fast path reads exactly what the full reader reads")
    func amounts() {
        let pieces = ["1", "0", "9", "234", "999", ",", ".", "¥", "円", "-", " ", "１", "，", "9223372036854775807", "8"]
        for text in texts(from: pieces, count: 10_000, seed: 2) {
            #expect(outcome { try Money.parse(text) } == outcome { try Money.parseWithoutFastPath(text) }, "\(text)")
        }
    }

    @Test("phones and postal codes: the fast paths read exactly what the full readers read")
    func contacts() {
        let pieces = ["0", "3", "90", "1234", "567", "5678", "-", "ー", " ", "/", "(", ")", "+", "〒", "x"]
        for text in texts(from: pieces, count: 10_000, seed: 3) {
            #expect(
                outcome { try ImportFieldParsers.phones(text) }
                    == outcome { try ImportFieldParsers.phonesWithoutFastPath(text) },
                "\(text)")
            #expect(
                outcome { try ImportFieldParsers.postalCode(text) }
                    == outcome { try ImportFieldParsers.postalCodeWithoutFastPath(text) }, "\(text)")
        }
    }

    @Test("trimming by bytes equals trimming by scalars")
    func trimming() {
        let pieces = [" ", "\u{3000}", "\u{A0}", "\t", "a", "山", "ー", "\u{3000}x", "語", "\u{E3}"]
        for text in texts(from: pieces, count: 5_000, seed: 4) {
            let scalars = Array(text.unicodeScalars)
            let first = scalars.firstIndex { !TextFold.isBlank($0) }
            let last = scalars.lastIndex { !TextFold.isBlank($0) }
            let expected = first.map { String(String.UnicodeScalarView(scalars[$0...last!])) } ?? ""
            #expect(TextFold.trimmed(text).unicodeScalars.elementsEqual(expected.unicodeScalars), "\(text)")
        }
    }
}
