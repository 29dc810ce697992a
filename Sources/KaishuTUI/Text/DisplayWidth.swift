/// How many terminal columns text occupies, measured per grapheme cluster.
///
/// A terminal gives every character one or two columns (East Asian Width, UAX #11):
/// `株式会社山田商事` is eight characters and **16** columns, half-width `ｶﾞ` is one `Character`
/// and 2 columns, `か゛` (か + U+3099) one `Character` and 2 columns. `String.count` knows none of
/// this, so every width, column and truncation in the workbench goes through this type.
///
/// The rules, per grapheme cluster:
/// - a cluster with VARIATION SELECTOR-16, a pair of regional indicators (a flag) or whose first
///   scalar has emoji presentation is 2 columns (what modern terminals draw);
/// - otherwise the sum of its scalars' widths from the committed table
///   (`WidthTable.swift`, generated from Unicode's East_Asian_Width by
///   `Scripts/gen-width-table.py`): W/F → 2, marks/format/controls → 0, the rest 1, and East
///   Asian *Ambiguous* characters 1 (as glibc's `wcwidth`) unless `ambiguousIsWide`.
///
/// The ncurses adapter checks its own `wcwidth` against these widths and draws a fallback when
/// they disagree, so the two cursors never drift apart.
public struct DisplayWidth: Hashable, Sendable {
    /// Count East Asian Ambiguous characters (○, ①, ※, …) as two columns.
    public var ambiguousIsWide: Bool

    public init(ambiguousIsWide: Bool = false) {
        self.ambiguousIsWide = ambiguousIsWide
    }

    /// The standard measure: ambiguous characters are one column.
    public static let standard = DisplayWidth()

    /// Width of one Unicode scalar: 0, 1 or 2.
    public func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }  // ASCII fast path
        if let special = DisplayWidth.lookup(value, in: widthTableSpecial) { return special }
        if ambiguousIsWide && DisplayWidth.isAmbiguous(value) { return 2 }
        return 1
    }

    /// Width of one grapheme cluster.
    public func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return width(of: first) }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if DisplayWidth.isRegionalIndicator(first),
            scalars.dropFirst().first.map(DisplayWidth.isRegionalIndicator) == true
        {
            return 2
        }
        if first.properties.isEmojiPresentation { return 2 }
        return scalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Width of a string: the sum of its clusters' widths.
    ///
    /// Walks Unicode scalars, not grapheme clusters, which is several times faster: a cluster's
    /// width is the sum of its scalars' widths except for the three emoji rules above, and those
    /// need a scalar that `mayJoinAsEmoji` flags, so only text holding one takes the cluster walk.
    public func width(of text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                total += (value >= 0x20 && value < 0x7F) ? 1 : 0
            } else if DisplayWidth.mayJoinAsEmoji(value) {
                return clusterWidth(of: text)
            } else {
                total += width(of: scalar)
            }
        }
        return total
    }

    /// The same sum, cluster by cluster: the reference the scalar walk must equal.
    func clusterWidth(of text: some StringProtocol) -> Int {
        var total = 0
        for character in text {
            if character.isASCII, let ascii = character.asciiValue {
                total += (ascii >= 0x20 && ascii < 0x7F) ? 1 : 0
            } else {
                total += width(of: character)
            }
        }
        return total
    }

    // MARK: - Table lookup

    static func lookup(_ value: UInt32, in table: [(UInt32, UInt32, UInt8)]) -> Int? {
        var low = 0
        var high = table.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let (first, last, width) = table[mid]
            if value < first {
                high = mid - 1
            } else if value > last {
                low = mid + 1
            } else {
                return Int(width)
            }
        }
        return nil
    }

    static func isAmbiguous(_ value: UInt32) -> Bool {
        var low = 0
        var high = widthTableAmbiguous.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let (first, last) = widthTableAmbiguous[mid]
            if value < first {
                high = mid - 1
            } else if value > last {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// A scalar one of the multi-scalar emoji rules turns on: VARIATION SELECTOR-16, anything in
    /// the supplementary emoji planes (regional indicators, emoji presentation), and the BMP block
    /// holding every BMP `Emoji_Presentation` character (U+231A…U+2B55). Conservative: a `true`
    /// only sends the text down the slower, exact cluster walk. A test checks every scalar with
    /// emoji presentation falls in here.
    @inline(__always)
    static func mayJoinAsEmoji(_ value: UInt32) -> Bool {
        value == 0xFE0F || value >= 0x1F000 || (0x231A...0x2B55).contains(value)
    }

    /// A scalar that is always a grapheme cluster of its own when every scalar around it is one
    /// of these too: no extenders (marks, joiners, variation selectors, half-width dakuten),
    /// no prepends, no Hangul jamo, no regional indicators, no CR (CR LF is one cluster). The
    /// ranges are the scripts the workbench mostly shows: ASCII, Latin, punctuation, box drawing,
    /// kana, CJK ideographs, Hangul syllables, full- and half-width forms.
    @inline(__always)
    static func standsAlone(_ value: UInt32) -> Bool {
        if value < 0x80 { return value != 0x0D }
        switch value {
        case 0x80...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2319, 0x2500...0x25FC,
            0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF9D, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of `text` is its own grapheme cluster (`standsAlone`), so drawing can
    /// walk scalars instead of clusters.
    static func isClusterPerScalar(_ text: some StringProtocol) -> Bool {
        for scalar in text.unicodeScalars where !standsAlone(scalar.value) { return false }
        return true
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// The Unicode version of the committed width table.
    public static var unicodeVersion: String { widthTableUnicodeVersion }
}

extension StringProtocol {
    /// Terminal columns this text occupies (`DisplayWidth.standard`).
    public var displayWidth: Int { DisplayWidth.standard.width(of: self) }
}

extension Character {
    /// Terminal columns this grapheme cluster occupies (`DisplayWidth.standard`).
    public var displayWidth: Int { DisplayWidth.standard.width(of: self) }
}
