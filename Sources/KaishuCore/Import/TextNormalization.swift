import Foundation

/// Small text folds used when reading what people and accounting tools write.
///
/// Japanese exports mix full-width (全角) and half-width (半角) forms freely: `２０２４／４／３０`,
/// `１，２３４円`, `０３－１２３４－５６７８`. The parsers fold those to ASCII before reading
/// numbers, so a value means the same whichever width it was typed in.
public enum TextFold {
    /// Full-width ASCII (U+FF01…U+FF5E) to ASCII and the ideographic space (U+3000) to a
    /// space; everything else unchanged. ASCII input is returned as is without copying.
    static func width(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Hyphen look-alikes people type between digits (in phone numbers and postal codes):
    /// the hyphen-minus, ‐ ‑ ‒ – — ― − ー ｰ and the full-width －.
    static func isHyphenLike(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0x30FC, 0xFF0D, 0xFF70: return true
        default: return false
        }
    }

    /// Spaces a spreadsheet cell may carry around its value: ASCII space, tab, the
    /// no-break space and the ideographic space.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.value == 0xA0 || scalar.value == 0x3000
    }

    /// The text without the blanks of `isBlank` at either end.
    static func trimmed(_ text: some StringProtocol) -> String { trimmedString(String(text)) }

    private static func trimmedString(_ text: String) -> String {
        // Most cells have nothing to trim: decide from the bytes at either end.
        guard startsWithBlank(text.utf8) || endsWithBlank(text.utf8) else { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }

    /// Space, tab, U+00A0 (C2 A0) or U+3000 (E3 80 80) first.
    private static func startsWithBlank(_ utf8: String.UTF8View) -> Bool {
        var bytes = utf8.makeIterator()
        switch bytes.next() {
        case 0x20, 0x09: return true
        case 0xC2: return bytes.next() == 0xA0
        case 0xE3: return bytes.next() == 0x80 && bytes.next() == 0x80
        default: return false
        }
    }

    /// Space, tab, U+00A0 or U+3000 last.
    private static func endsWithBlank(_ utf8: String.UTF8View) -> Bool {
        var bytes = utf8.reversed().makeIterator()
        switch bytes.next() {
        case 0x20, 0x09: return true
        case 0xA0: return bytes.next() == 0xC2
        case 0x80: return bytes.next() == 0x80 && bytes.next() == 0xE3
        default: return false
        }
    }

    /// Unicode Normalization Form C.
    ///
    /// Text from macOS or from some web forms arrives decomposed (`ガ` as `カ` + U+3099); two
    /// spellings of one name must compare equal in the case book, so every text field is
    /// stored in NFC. Most Japanese business text is already NFC, and Foundation's
    /// normaliser is comparatively slow, so text made only of scalars that are stable under
    /// NFC (see `isNFCStable`) is returned untouched.
    static func nfc(_ text: String) -> String {
        if allScalars(of: text, satisfy: isNFCStable) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// `text.unicodeScalars.allSatisfy(test)`, decoding the UTF-8 directly (this runs on
    /// every cell of a large file).
    static func allScalars(of text: String, satisfy test: (Unicode.Scalar) -> Bool) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            let n = bytes.count
            while i < n {
                let b0 = UInt32(bytes[i])
                var value: UInt32
                if b0 < 0x80 {
                    i += 1
                    continue
                } else if b0 < 0xE0 {
                    value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value =
                        (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if !test(Unicode.Scalar(value)!) { return false }
            }
            return true
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? text.unicodeScalars.allSatisfy(test)
    }

    /// Compatibility normalisation (NFKC): half-width katakana become full-width, `㈱`
    /// becomes `(株)`, full-width letters become ASCII. Text made only of ASCII, kana and
    /// common ideographs is already NFKC and is returned untouched.
    public static func nfkc(_ text: String) -> String {
        if allScalars(of: text, satisfy: isNFKCStable) { return text }
        return text.precomposedStringWithCompatibilityMapping
    }

    /// Scalars NFKC leaves alone in any context (checked by `ImportTextTests`).
    public static func isNFKCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x009F,  // ASCII and C1 controls
            0x3041...0x3096, 0x309D...0x309E,  // hiragana (without the voicing marks ゛゜ and ゟ)
            0x30A1...0x30FA, 0x30FC...0x30FE,  // katakana (without ・ and ヿ)
            0x3400...0x4DBF, 0x4E00...0x9FFF:  // CJK Unified Ideographs
            return true
        default:
            return false
        }
    }

    /// Scalars that NFC leaves alone in any context: no canonical decomposition and
    /// combining class 0, so nothing before or after can compose with them.
    /// The ranges are deliberately narrow (Latin-1, the common Japanese blocks);
    /// `TextNormalizationTests` checks each one against the Unicode properties.
    static func isNFCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000...0x02FF,  // Basic Latin … Spacing Modifier Letters
            0x2460...0x24FF,  // Enclosed Alphanumerics (①)
            0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,  // CJK punctuation, kana
            0x3200...0x33FF,  // Enclosed CJK, CJK Compatibility (㈱ ㍿)
            0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK Unified Ideographs
            0xFF00...0xFFEF:  // Halfwidth and Fullwidth Forms
            return true
        default:
            return false
        }
    }

    /// Whether the text has any control character (C0 including line breaks and tab, DEL,
    /// C1): one pass over the bytes, so clean text costs no more.
    static func hasControlCharacters(_ text: String) -> Bool {
        func scan(_ bytes: some Collection<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                // C1 controls U+0080…U+009F are C2 80…C2 9F in UTF-8.
                if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
                previous = byte
            }
            return false
        }
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? scan(text.utf8)
    }

    /// The first control character in the text (C0, DEL or C1), if any.
    static func firstControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// Line breaks and tabs inside a field (a multi-line address in a quoted cell) become
    /// single spaces, so a value is always one line on screen and in letters.
    static func joiningLines(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            return text
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty && out.last != " " { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// `U+001B` style name for a scalar, for messages.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
