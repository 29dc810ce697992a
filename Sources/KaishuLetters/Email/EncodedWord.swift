import Foundation

/// RFC 2047 encoded-words (`=?UTF-8?B?…?=`), so Japanese can stand in a Subject or a display
/// name, which RFC 5322 allows to be ASCII only.
///
/// Each encoded-word is at most 75 characters (RFC 2047 §2) and never splits a character:
/// the text is cut between graphemes, so every word decodes on its own (§5(3)).
enum EncodedWord {
    static let prefix = "=?UTF-8?B?"
    static let suffix = "?="
    /// The longest an encoded-word may be.
    static let maxLength = 75

    /// Whether `text` can stand in a header as it is (printable ASCII).
    static func isPlainASCII(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// Encoded-words for `text`, the first at most `firstLength` characters long (it shares
    /// a line with the header's name), the others at most 75.
    static func encode(_ text: String, firstLength: Int = maxLength) -> [String] {
        var words: [String] = []
        var chunk = Data()
        var limit = bytes(forWordLength: min(firstLength, maxLength))
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append(prefix + chunk.base64EncodedString() + suffix)
            chunk = Data()
            limit = bytes(forWordLength: maxLength)
        }
        for character in text {
            let data = Data(String(character).utf8)
            if data.count > limit {  // one grapheme longer than a word: split it by scalar
                flush()
                for scalar in character.unicodeScalars {
                    let part = Data(String(scalar).utf8)
                    if chunk.count + part.count > limit { flush() }
                    chunk.append(part)
                }
                continue
            }
            if chunk.count + data.count > limit { flush() }
            chunk.append(data)
        }
        flush()
        return words
    }

    /// The most UTF-8 bytes whose base64 fits a word of `length` characters.
    static func bytes(forWordLength length: Int) -> Int {
        let payload = max(4, length - prefix.count - suffix.count)
        return payload / 4 * 3
    }
}

/// Header lines as RFC 5322 wants them: CRLF-terminated, folded with a leading space, lines of
/// encoded-words at most 76 characters (RFC 2047 §2), others at most 78 where a space allows.
enum HeaderField {
    /// `Name: value` for unstructured text (Subject): ASCII as it is, folded at spaces;
    /// anything else as encoded-words, one per line.
    static func unstructured(_ name: String, _ value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if EncodedWord.isPlainASCII(clean) {
            return foldASCII("\(name): \(clean)")
        }
        let words = EncodedWord.encode(clean, firstLength: 76 - name.count - 2)
        return "\(name): " + words.joined(separator: "\r\n ")
    }

    /// `Name: display <address>, …` with each display name quoted or encoded, folded so no
    /// line passes 76 characters where a break is possible.
    static func addresses(_ name: String, _ list: [EmailAddress]) -> String {
        var lines: [String] = []
        var line = "\(name):"
        for (index, address) in list.enumerated() {
            let room = 76 - line.count - 1
            var pieces = address.headerPieces(firstRoom: room >= 16 ? room : EncodedWord.maxLength)
            if index < list.count - 1 { pieces[pieces.count - 1] += "," }
            for piece in pieces {
                if line.count + 1 + piece.count > 76 && line.count > name.count + 1 {
                    lines.append(line)
                    line = ""
                }
                line += " " + piece
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// Folds a long ASCII line at spaces (RFC 5322 §2.2.3).
    static func foldASCII(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > 78 {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ")
    }
}
