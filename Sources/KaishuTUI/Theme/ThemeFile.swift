/// The small TOML subset theme files are written in, read with errors that name the line.
///
/// Supported: `# comments`, `[section]` headers, and `key = value` lines where a value is a
/// `"string"`, an integer, an array of strings `["bold", "reverse"]`, or an inline table
/// `{ fg = "red", bg = "default", attrs = ["bold"], mono = ["reverse"] }`. That is all a theme
/// needs, and a dependency-free reader can explain exactly what is wrong and where.
public struct ThemeFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}

/// A parsed value of the TOML subset.
enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case array([TOMLValue])
    case table([(String, TOMLValue)])

    static func == (a: TOMLValue, b: TOMLValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.table(x), .table(y)): x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .integer(let i): hasher.combine(i)
        case .array(let a): hasher.combine(a)
        case .table(let t):
            for (k, v) in t {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }
}

/// `section → [(key, value, line)]`, in file order; top-level keys are in section `""`.
struct TOMLDocument {
    var sections: [String: [(key: String, value: TOMLValue, line: Int)]] = [:]

    static func parse(_ text: String, file: String) throws -> TOMLDocument {
        var document = TOMLDocument()
        var section = ""
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var scanner = TOMLScanner(Array(rawLine), file: file, line: lineNumber)
            scanner.skipSpace()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                let name = scanner.readBareKey()
                guard !name.isEmpty, scanner.peek == "]" else {
                    throw scanner.error("expected a section header like [roles]")
                }
                scanner.advance()
                scanner.skipSpace()
                guard scanner.atEndOrComment else { throw scanner.error("unexpected text after ]") }
                section = name
                continue
            }
            let key = scanner.readBareKey()
            guard !key.isEmpty else { throw scanner.error("expected `key = value`") }
            scanner.skipSpace()
            guard scanner.peek == "=" else { throw scanner.error("expected `=` after \(key)") }
            scanner.advance()
            let value = try scanner.readValue()
            scanner.skipSpace()
            guard scanner.atEndOrComment else { throw scanner.error("unexpected text after the value of \(key)") }
            if document.sections[section, default: []].contains(where: { $0.key == key }) {
                throw scanner.error("\(key) is set twice")
            }
            document.sections[section, default: []].append((key, value, lineNumber))
        }
        return document
    }
}

struct TOMLScanner {
    let chars: [Character]
    var index = 0
    let file: String
    let line: Int

    init(_ chars: [Character], file: String, line: Int) {
        self.chars = chars
        self.file = file
        self.line = line
    }

    var peek: Character? { index < chars.count ? chars[index] : nil }
    var atEndOrComment: Bool { peek == nil || peek == "#" || peek == "\r" }

    mutating func advance() { index += 1 }

    mutating func skipSpace() {
        while let c = peek, c == " " || c == "\t" { advance() }
    }

    func error(_ message: String) -> ThemeFileError {
        ThemeFileError(file: file, line: line, message: message)
    }

    mutating func readBareKey() -> String {
        var key = ""
        while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "-" {
            key.append(c)
            advance()
        }
        return key
    }

    mutating func readValue() throws -> TOMLValue {
        skipSpace()
        guard let c = peek else { throw error("missing value") }
        switch c {
        case "\"":
            advance()
            var s = ""
            while let ch = peek, ch != "\"" {
                if ch == "\\" {
                    advance()
                    guard let escaped = peek else { break }
                    switch escaped {
                    case "n": s.append("\n")
                    case "t": s.append("\t")
                    default: s.append(escaped)
                    }
                } else {
                    s.append(ch)
                }
                advance()
            }
            guard peek == "\"" else { throw error("unterminated string") }
            advance()
            return .string(s)
        case "[":
            advance()
            var items: [TOMLValue] = []
            while true {
                skipSpace()
                if peek == "]" {
                    advance()
                    return .array(items)
                }
                items.append(try readValue())
                skipSpace()
                if peek == "," {
                    advance()
                } else if peek != "]" {
                    throw error("expected `,` or `]` in an array")
                }
            }
        case "{":
            advance()
            var entries: [(String, TOMLValue)] = []
            while true {
                skipSpace()
                if peek == "}" {
                    advance()
                    return .table(entries)
                }
                let key = readBareKey()
                guard !key.isEmpty else { throw error("expected a key in an inline table") }
                skipSpace()
                guard peek == "=" else { throw error("expected `=` after \(key)") }
                advance()
                entries.append((key, try readValue()))
                skipSpace()
                if peek == "," {
                    advance()
                } else if peek != "}" {
                    throw error("expected `,` or `}` in an inline table")
                }
            }
        default:
            var digits = ""
            while let ch = peek, ch.isNumber || ch == "-" {
                digits.append(ch)
                advance()
            }
            guard let number = Int(digits) else {
                throw error("expected a \"string\", a number, [array] or {table}")
            }
            return .integer(number)
        }
    }
}
