/// Readers for the contact and classification fields of a receivables row. Each returns the
/// normalised value or a reason a person can act on.
struct FieldProblem: Error, Hashable, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

enum ImportFieldParsers {
    /// Phone numbers, several in one cell separated by `/`, `;`, `,` or `、`.
    ///
    /// Each keeps its digits, hyphens and parentheses (hyphen look-alikes and full-width forms
    /// folded). A Japanese number starts with 0 and has 10 or 11 digits with its area code
    /// (固定 03-1234-5678, 携帯 090-1234-5678, 0120-123-456); a number abroad starts with `+`
    /// and has at most 15 digits (ITU-T E.164).
    static func phones(_ text: String) throws(FieldProblem) -> [String] {
        if isPlainJapanesePhone(text.utf8) { return [text] }
        return try phonesWithoutFastPath(text)
    }

    /// The full reader alone (tests check that the fast path agrees with it).
    static func phonesWithoutFastPath(_ text: String) throws(FieldProblem) -> [String] {
        var numbers: [String] = []
        var number: [UInt8] = []  // the current number, normalised (always ASCII)
        let scalars = text.unicodeScalars
        var partStart = scalars.startIndex  // where the current number starts, for messages
        var digits = 0
        var badCharacter = false

        func finish(at end: String.Index) throws(FieldProblem) {
            while number.last == UInt8(ascii: " ") { number.removeLast() }
            defer {
                number.removeAll(keepingCapacity: true)
                digits = 0
                badCharacter = false
            }
            guard !number.isEmpty || badCharacter else { return }
            let written = TextFold.trimmed(text[partStart..<end])
            if badCharacter {
                throw FieldProblem(
                    "'\(written)' is not a phone number: only digits, hyphens and parentheses are allowed")
            }
            if number.first == UInt8(ascii: "+") {
                guard (8...15).contains(digits) else {
                    throw FieldProblem("'\(written)' is not a phone number: an international number has 8 to 15 digits")
                }
            } else {
                guard number.first(where: { $0 >= 0x30 && $0 <= 0x39 }) == UInt8(ascii: "0") else {
                    throw FieldProblem(
                        "'\(written)' is not a phone number: a Japanese number starts with 0 (include the area code), a number abroad with +"
                    )
                }
                guard digits == 10 || digits == 11 else {
                    throw FieldProblem(
                        "'\(written)' is not a phone number: it has \(digits) digits; a Japanese number has 10 or 11")
                }
            }
            let normalized = String(decoding: number, as: UTF8.self)
            if !numbers.contains(normalized) { numbers.append(normalized) }
        }

        var index = scalars.startIndex
        while index < scalars.endIndex {
            var scalar = scalars[index]
            let next = scalars.index(after: index)
            defer { index = next }
            if (0xFF01...0xFF5E).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value - 0xFEE0)! }
            switch scalar {
            case "/", ";", ",", "、", "\n", "\r":
                try finish(at: index)
                partStart = next
                continue
            case "0"..."9":
                number.append(UInt8(scalar.value))
                digits += 1
            case "(", ")":
                number.append(UInt8(scalar.value))
            case "+" where number.isEmpty:
                number.append(UInt8(ascii: "+"))
            default:
                if TextFold.isHyphenLike(scalar) {
                    number.append(UInt8(ascii: "-"))
                } else if TextFold.isBlank(scalar) {
                    if !number.isEmpty && number.last != UInt8(ascii: " ") { number.append(UInt8(ascii: " ")) }
                } else {
                    badCharacter = true
                }
            }
        }
        try finish(at: scalars.endIndex)
        return numbers
    }

    /// One Japanese number of ASCII digits and hyphens (`03-1234-5678`): the common case,
    /// which the full reader would return unchanged.
    private static func isPlainJapanesePhone(_ utf8: String.UTF8View) -> Bool {
        var digits = 0
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if digits == 0 && byte != 0x30 { return false }
                digits += 1
            } else if byte != UInt8(ascii: "-") {
                return false
            }
        }
        return digits == 10 || digits == 11
    }

    /// An e-mail address of the usual shape: one `@`, something before it, a domain with a
    /// dot after it, no spaces. (Deliverability is not checked; the shape catches typos
    /// such as a missing `@` or a name pasted in the wrong column.)
    static func email(_ text: String) throws(FieldProblem) -> String {
        let address = TextFold.trimmed(TextFold.width(text))
        let utf8 = address.utf8
        let at = UInt8(ascii: "@")
        guard let first = utf8.firstIndex(of: at), utf8.lastIndex(of: at) == first else {
            throw FieldProblem("'\(text)' is not an email address: it needs exactly one @")
        }
        let local = address[..<first]
        let domain = address[utf8.index(after: first)...]
        guard !local.isEmpty, !domain.isEmpty else {
            throw FieldProblem("'\(text)' is not an email address: there must be text before and after the @")
        }
        guard !address.unicodeScalars.contains(where: { TextFold.isBlank($0) || $0.value < 0x20 }) else {
            throw FieldProblem("'\(text)' is not an email address: it contains a space")
        }
        let dot = UInt8(ascii: ".")
        guard domain.utf8.contains(dot), domain.utf8.first != dot, domain.utf8.last != dot,
            !zip(domain.utf8, domain.utf8.dropFirst()).contains(where: { $0 == dot && $1 == dot })
        else {
            throw FieldProblem("'\(text)' is not an email address: the domain '\(domain)' is not a domain name")
        }
        return address
    }

    /// A postal code, `123-4567` or `1234567` (full-width, `〒` before it and hyphen
    /// look-alikes accepted), written back as `123-4567`.
    static func postalCode(_ text: String) throws(FieldProblem) -> String {
        if isPlainPostalCode(text.utf8) { return text }
        return try postalCodeWithoutFastPath(text)
    }

    /// The full reader alone (tests check that the fast path agrees with it).
    static func postalCodeWithoutFastPath(_ text: String) throws(FieldProblem) -> String {
        let failure = FieldProblem("'\(text)' is not a postal code: expected 123-4567 or 1234567")
        let trimmed = TextFold.trimmed(text)
        var scalars = trimmed.unicodeScalars[...]
        if scalars.first == "〒" {
            scalars = scalars.dropFirst().drop(while: TextFold.isBlank)
        }
        var digits: [UInt8] = []
        var hyphenAt: Int? = nil
        for original in scalars {
            var scalar = original
            if (0xFF01...0xFF5E).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value - 0xFEE0)! }
            if ("0"..."9").contains(scalar) {
                digits.append(UInt8(scalar.value))
            } else if TextFold.isHyphenLike(scalar) && hyphenAt == nil {
                hyphenAt = digits.count
            } else {
                throw failure
            }
        }
        guard digits.count == 7, hyphenAt == nil || hyphenAt == 3 else { throw failure }
        digits.insert(UInt8(ascii: "-"), at: 3)
        return String(decoding: digits, as: UTF8.self)
    }

    /// `123-4567` in ASCII, the common case.
    private static func isPlainPostalCode(_ utf8: String.UTF8View) -> Bool {
        guard utf8.count == 8 else { return false }
        for (index, byte) in utf8.enumerated() {
            if index == 3 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard byte >= 0x30 && byte <= 0x39 else { return false }
            }
        }
        return true
    }

    private static let yes = ["国内", "内", "yes", "y", "true", "t", "1", "はい", "○", "〇", "◯"]
    private static let no = ["国外", "海外", "外", "no", "n", "false", "f", "0", "いいえ", "×", "✕"]

    /// Whether the debtor can be served in Japan: `国内`/`海外`, yes/no, true/false, 1/0,
    /// ○/×. It decides whether a payment order is possible (民事訴訟法382条但書).
    static func domestic(_ text: String) throws(FieldProblem) -> Bool {
        if yes.contains(where: { $0.utf8.elementsEqual(text.utf8) }) { return true }
        if no.contains(where: { $0.utf8.elementsEqual(text.utf8) }) { return false }
        let key = TextFold.trimmed(TextFold.width(text)).lowercased()
        if yes.contains(where: { $0.utf8.elementsEqual(key.utf8) }) { return true }
        if no.contains(where: { $0.utf8.elementsEqual(key.utf8) }) { return false }
        throw FieldProblem("'\(text)' is not yes or no: use 国内 or 海外, yes or no, true or false, 1 or 0")
    }

    /// A kind of claim (for old-law limitation periods, LEGAL.md §2): the `ClaimKind` raw
    /// value in any case, or a Japanese label.
    static func kind(_ text: String) throws(FieldProblem) -> ClaimKind {
        if let kind = ClaimKind(importLabel: text) { return kind }
        let choices = ClaimKind.allCases.map { "\($0.japaneseImportLabel) (\($0.rawValue))" }
        throw FieldProblem("'\(text)' is not a kind of claim; use one of \(choices.joined(separator: ", "))")
    }
}

extension ClaimKind {
    /// The Japanese label an import file uses for the kind (商事, 民事, 小売 …).
    public var japaneseImportLabel: String {
        switch self {
        case .commercial: "商事"
        case .civil: "民事"
        case .medical: "医療"
        case .construction: "工事"
        case .retail: "小売"
        case .craft: "製作"
        case .tuition: "授業料"
        case .transport: "運送"
        case .hospitality: "飲食"
        case .rental: "レンタル"
        }
    }

    /// Further Japanese words for each kind, named after the old Civil Code articles'
    /// wording (旧民法170条〜174条) and common ledger labels.
    private static let importSynonyms: [String: ClaimKind] = [
        "商取引": .commercial, "商行為": .commercial,
        "民事債権": .civil,
        "診療": .medical, "診療報酬": .medical, "調剤": .medical,
        "建設": .construction, "建設工事": .construction, "設計": .construction,
        "卸売": .retail, "物品販売": .retail,
        "加工": .craft, "修理": .craft,
        "学費": .tuition, "月謝": .tuition, "教材": .tuition,
        "運賃": .transport, "運送料": .transport,
        "宿泊": .hospitality, "旅館": .hospitality, "飲食店": .hospitality, "料理店": .hospitality,
        "動産賃貸": .rental, "損料": .rental,
    ]

    /// Every accepted spelling, folded (NFKC, lower case), with its kind. A list compared
    /// byte by byte: hashing Japanese strings normalises them, which costs more than the scan.
    private static let importLabels: [(label: [UInt8], kind: ClaimKind)] = {
        var table = allCases.map { (Array($0.rawValue.utf8), $0) }
        table += allCases.map { (Array(TextFold.nfkc($0.japaneseImportLabel).utf8), $0) }
        table += importSynonyms.map { (Array(TextFold.nfkc($0.key).utf8), $0.value) }
        return table
    }()

    private static func lookUp(_ text: String) -> ClaimKind? {
        importLabels.first { $0.label.elementsEqual(text.utf8) }?.kind
    }

    /// The kind a cell names: a raw value (`retail`, `Retail`), a label (`小売`) or a synonym.
    public init?(importLabel text: String) {
        let trimmed = TextFold.trimmed(text)
        if let kind = Self.lookUp(trimmed) ?? Self.lookUp(TextFold.nfkc(trimmed).lowercased()) {
            self = kind
        } else {
            return nil
        }
    }
}
