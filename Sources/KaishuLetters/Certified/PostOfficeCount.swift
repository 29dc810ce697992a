import Foundation

/// Counts characters the way the post office counts a certified letter (LEGAL.md §8).
///
/// - Each kana, kanji, digit, punctuation mark or symbol is 1, also at the end of a line
///   (no hanging punctuation).
/// - A bracket **pair** is 1, counted on the line of the opening bracket: the closing bracket
///   of a pair costs nothing. A closing bracket with no opening before it counts 1.
/// - A framed character is its content plus 1 for the frame: ① is 2, ⑩ is 3, ㈱ is 2. Used as
///   a list marker at the start of a line — ①, (1), （一）, (ア) — the whole marker is 1.
/// - Units and squared words count per component: ㎡ and ㎏ are 2, ㍿ is 4, `kg` is 2.
/// - Spaces, half-width or full-width, count 1 each (conservatively).
/// - Blank lines count nothing.
/// - Latin letters count 1 each and are allowed only in proper nouns: each run of Latin
///   letters that is not part of a known proper noun (or a unit) is reported.
/// - Emoji, control characters, private-use and zero-width characters are not accepted.
///
/// The counter is used both to lay a letter out (`CertifiedMailText`) and to check a letter a
/// collector edited by hand (`CertifiedMailCheck`), so the two can never disagree.
public struct PostOfficeCount: Sendable {
    /// Names (of people, companies, places, products, invoice numbers) in which Latin letters
    /// are accepted.
    public var properNouns: [String]

    /// Unit symbols written in Latin letters, accepted anywhere.
    public static let units: Set<String> = [
        "kg", "g", "mg", "t", "km", "m", "cm", "mm", "ml", "mL", "l", "L", "kW", "kWh",
    ]

    public init(properNouns: [String] = []) {
        self.properNouns = properNouns.map { $0.precomposedStringWithCompatibilityMapping }
    }

    /// One counted piece of a line: a character (grapheme), or a whole list marker.
    public struct Unit: Hashable, Sendable {
        public var text: String
        public var cost: Int
        public var isSpace: Bool
    }

    /// What counting one line found.
    public struct Line: Hashable, Sendable {
        public var units: [Unit]
        public var characters: Int
        public var isBlank: Bool
        /// Characters the post office does not accept, and why.
        public var rejected: [String]
        /// Latin letters outside proper nouns, half-width katakana.
        public var cautions: [String]
    }

    /// Opening brackets and the closing bracket each expects.
    static let brackets: [Character: Character] = [
        "(": ")", "（": "）", "「": "」", "『": "』", "【": "】", "〔": "〕", "［": "］", "[": "]",
        "｛": "｝", "{": "}", "〈": "〉", "《": "》", "〘": "〙", "〖": "〗", "“": "”", "‘": "’",
        "｟": "｠", "<": ">", "＜": "＞",
    ]
    static let closers = Set(brackets.values)

    /// Counts one line. `open` carries the closing brackets still expected from earlier lines,
    /// so a pair split over two lines is counted once, on the opening line.
    public func count(line raw: String, open: inout [Character]) -> Line {
        let text = raw.precomposedStringWithCanonicalMapping
        let characters = Array(text)
        var units: [Unit] = []
        var rejected: [String] = []
        var cautions: [String] = []
        var index = 0

        // Leading spaces, then perhaps a list marker (序列を示す記号), which counts 1 as a whole.
        while index < characters.count, characters[index] == " " || characters[index] == "　" {
            units.append(Unit(text: String(characters[index]), cost: 1, isSpace: true))
            index += 1
        }
        if let marker = PostOfficeCount.listMarker(characters, from: index) {
            units.append(Unit(text: String(characters[index..<marker]), cost: 1, isSpace: false))
            index = marker
        }

        var latinRun = ""
        func endLatinRun() {
            guard !latinRun.isEmpty else { return }
            if !isAcceptedLatin(latinRun) {
                cautions.append(
                    "Latin letters \"\(latinRun)\" outside a proper noun: the post office accepts Latin letters only in names of people, companies, places and products"
                )
            }
            latinRun = ""
        }

        while index < characters.count {
            let character = characters[index]
            index += 1
            if character.unicodeScalars.allSatisfy(PostOfficeCount.isLatinLetter) {
                latinRun.append(character)
            } else {
                endLatinRun()
            }
            if let closer = PostOfficeCount.brackets[character] {
                open.append(closer)
                units.append(Unit(text: String(character), cost: 1, isSpace: false))
                continue
            }
            if PostOfficeCount.closers.contains(character) {
                if open.last == character {
                    open.removeLast()
                    units.append(Unit(text: String(character), cost: 0, isSpace: false))
                } else {
                    units.append(Unit(text: String(character), cost: 1, isSpace: false))
                }
                continue
            }
            let (cost, problem, caution) = PostOfficeCount.cost(of: character)
            if let problem { rejected.append(problem) }
            if let caution, !cautions.contains(caution) { cautions.append(caution) }
            units.append(
                Unit(text: String(character), cost: cost, isSpace: character == " " || character == "　"))
        }
        endLatinRun()
        let total = units.reduce(0) { $0 + $1.cost }
        let blank = units.allSatisfy(\.isSpace)
        return Line(
            units: units, characters: blank ? 0 : total, isBlank: blank, rejected: rejected, cautions: cautions)
    }

    /// The characters of a whole text, line by line (blank lines count nothing).
    public func count(text: String) -> Int {
        var open: [Character] = []
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .reduce(0) { $0 + count(line: String($1), open: &open).characters }
    }

    // MARK: - Rules

    /// The end of a list marker starting at `start`: a framed character (①, ⑴, ㈠ …), or a
    /// bracketed ordinal — one or two digits, up to three kanji numerals, one katakana or one
    /// Latin letter — such as (1), （一）, (ア), (a). It must be followed by text or a space.
    static func listMarker(_ characters: [Character], from start: Int) -> Int? {
        guard start < characters.count else { return nil }
        let first = characters[start]
        if let scalar = first.unicodeScalars.first, first.unicodeScalars.count == 1, isFramed(scalar) {
            return start + 1
        }
        guard first == "(" || first == "（" else { return nil }
        var end = start + 1
        var inner: [Character] = []
        while end < characters.count, characters[end] != ")" && characters[end] != "）", inner.count < 4 {
            inner.append(characters[end])
            end += 1
        }
        guard end < characters.count, !inner.isEmpty else { return nil }
        let digits = inner.allSatisfy {
            $0.isNumber && $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal }
        }
        let kanji = inner.allSatisfy { "一二三四五六七八九十".contains($0) }
        let single = inner.count == 1 && inner[0].unicodeScalars.allSatisfy { isKatakana($0) || isLatinLetter($0) }
        guard (digits && inner.count <= 2) || (kanji && inner.count <= 3) || single else { return nil }
        return end + 1
    }

    /// Circled, parenthesised and negative-circled digits, letters, kana and ideographs.
    static func isFramed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2460...0x2487, 0x24B6...0x24FF, 0x2776...0x2793, 0x3220...0x3243, 0x3251...0x325F,
            0x3280...0x32B0, 0x32B1...0x32BF, 0x32D0...0x32FE, 0x1F100...0x1F1AD:
            return true
        default:
            return false
        }
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    static func isKatakana(_ scalar: Unicode.Scalar) -> Bool { (0x30A1...0x30FA).contains(scalar.value) }

    /// The cost of one character outside brackets and list markers, with a reason if the post
    /// office would not accept it, and a caution if it would but it is unwise.
    static func cost(of character: Character) -> (Int, String?, String?) {
        let scalars = Array(character.unicodeScalars)
        let first = scalars[0]
        let name = "U+" + String(first.value, radix: 16, uppercase: true)
        if first == "\t" { return (1, "a tab (\(name)): use spaces", nil) }
        if first.properties.generalCategory == .control || first.properties.generalCategory == .format {
            return (1, "an invisible control character (\(name))", nil)
        }
        if (0xE000...0xF8FF).contains(first.value) || (0xF0000...0x10FFFF).contains(first.value) {
            return (1, "a private-use character (\(name))", nil)
        }
        if scalars.contains(where: { $0.properties.isEmojiPresentation || (0xFE00...0xFE0F).contains($0.value) })
            || (0x1F000...0x1FAFF).contains(first.value) && !isFramed(first)
        {
            return (1, "an emoji or pictograph \"\(character)\"", nil)
        }
        if isFramed(first), scalars.count == 1 {
            let content = String(first).precomposedStringWithCompatibilityMapping
            if (0x2488...0x249B).contains(first.value) {  // ⒈ digit full stop: "1." per component
                return (content.count, nil, nil)
            }
            // The frame counts 1: a parenthesised character's brackets are its frame.
            let inner = content.filter { $0 != "(" && $0 != ")" }
            return (inner.count + 1, nil, nil)
        }
        if (0x3300...0x33FF).contains(first.value) || (0x2100...0x214F).contains(first.value) {
            let parts = String(first).precomposedStringWithCompatibilityMapping
            return (max(1, parts.count), nil, nil)
        }
        if (0xFF61...0xFF9F).contains(first.value) {
            return (scalars.count, nil, "half-width katakana \"\(character)\": write it in full-width kana")
        }
        // Kana, kanji, digits, punctuation, symbols, spaces; a character still carrying a
        // combining mark after composition counts each mark too (conservatively).
        return (scalars.count, nil, nil)
    }

    /// A Latin run is accepted inside a proper noun or as a unit.
    func isAcceptedLatin(_ run: String) -> Bool {
        let normal = run.precomposedStringWithCompatibilityMapping
        if PostOfficeCount.units.contains(normal) { return true }
        return properNouns.contains { $0.contains(normal) }
    }
}
