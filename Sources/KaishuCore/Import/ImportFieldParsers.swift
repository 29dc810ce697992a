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
        var numbers: [String] = []
        let parts = TextFold.width(text).split(whereSeparator: { "/;,、\n\r".contains($0) })
        for part in parts {
            let raw = TextFold.trimmed(part)
            if raw.isEmpty { continue }
            var number = String.UnicodeScalarView()
            var digits = 0
            for scalar in raw.unicodeScalars {
                if TextFold.isHyphenLike(scalar) {
                    number.append("-")
                } else if ("0"..."9").contains(scalar) {
                    number.append(scalar)
                    digits += 1
                } else if scalar == "(" || scalar == ")" || (scalar == "+" && number.isEmpty) {
                    number.append(scalar)
                } else if TextFold.isBlank(scalar) {
                    if number.last != " " { number.append(" ") }
                } else {
                    throw FieldProblem(
                        "'\(raw)' is not a phone number: only digits, hyphens and parentheses are allowed")
                }
            }
            let normalized = String(number)
            if normalized.hasPrefix("+") {
                guard (8...15).contains(digits) else {
                    throw FieldProblem("'\(raw)' is not a phone number: an international number has 8 to 15 digits")
                }
            } else {
                guard normalized.unicodeScalars.first(where: { ("0"..."9").contains($0) }) == "0" else {
                    throw FieldProblem(
                        "'\(raw)' is not a phone number: a Japanese number starts with 0 (include the area code), a number abroad with +")
                }
                guard digits == 10 || digits == 11 else {
                    throw FieldProblem(
                        "'\(raw)' is not a phone number: it has \(digits) digits; a Japanese number has 10 or 11")
                }
            }
            if !numbers.contains(normalized) { numbers.append(normalized) }
        }
        return numbers
    }

    /// An e-mail address of the usual shape: one `@`, something before it, a domain with a
    /// dot after it, no spaces. (Deliverability is not checked; the shape catches typos
    /// such as a missing `@` or a name pasted in the wrong column.)
    static func email(_ text: String) throws(FieldProblem) -> String {
        let address = TextFold.trimmed(TextFold.width(text))
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw FieldProblem("'\(text)' is not an email address: it needs exactly one @")
        }
        let (local, domain) = (parts[0], parts[1])
        guard !local.isEmpty, !domain.isEmpty else {
            throw FieldProblem("'\(text)' is not an email address: there must be text before and after the @")
        }
        guard !address.unicodeScalars.contains(where: { TextFold.isBlank($0) || $0.value < 0x20 }) else {
            throw FieldProblem("'\(text)' is not an email address: it contains a space")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else {
            throw FieldProblem("'\(text)' is not an email address: the domain '\(domain)' is not a domain name")
        }
        return address
    }

    /// A postal code, `123-4567` or `1234567` (full-width, `〒` before it and hyphen
    /// look-alikes accepted), written back as `123-4567`.
    static func postalCode(_ text: String) throws(FieldProblem) -> String {
        var scalars = Array(TextFold.trimmed(TextFold.width(text)).unicodeScalars)
        if scalars.first == "〒" { scalars.removeFirst() }
        while let first = scalars.first, TextFold.isBlank(first) { scalars.removeFirst() }
        let digits = scalars.filter { ("0"..."9").contains($0) }
        let shapeOK: Bool
        switch scalars.count {
        case 7: shapeOK = digits.count == 7
        case 8: shapeOK = digits.count == 7 && TextFold.isHyphenLike(scalars[3])
        default: shapeOK = false
        }
        guard shapeOK else {
            throw FieldProblem("'\(text)' is not a postal code: expected 123-4567 or 1234567")
        }
        let string = String(String.UnicodeScalarView(digits))
        return "\(string.prefix(3))-\(string.suffix(4))"
    }

    private static let yes: Set<String> = ["国内", "内", "yes", "y", "true", "t", "1", "はい", "○", "〇", "◯"]
    private static let no: Set<String> = ["国外", "海外", "外", "no", "n", "false", "f", "0", "いいえ", "×", "✕"]

    /// Whether the debtor can be served in Japan: `国内`/`海外`, yes/no, true/false, 1/0,
    /// ○/×. It decides whether a payment order is possible (民事訴訟法382条但書).
    static func domestic(_ text: String) throws(FieldProblem) -> Bool {
        let key = TextFold.trimmed(TextFold.width(text)).lowercased()
        if yes.contains(key) { return true }
        if no.contains(key) { return false }
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

    /// The kind a cell names: a raw value (`retail`, `Retail`), a label (`小売`) or a synonym.
    public init?(importLabel text: String) {
        let key = TextFold.nfkc(TextFold.trimmed(text)).lowercased()
        if let kind = ClaimKind(rawValue: key) {
            self = kind
        } else if let kind = ClaimKind.allCases.first(where: { TextFold.nfkc($0.japaneseImportLabel) == key }) {
            self = kind
        } else if let kind = Self.importSynonyms[key] {
            self = kind
        } else {
            return nil
        }
    }
}
