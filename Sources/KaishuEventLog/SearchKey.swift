import Foundation
import KaishuCore

/// How debtor names are folded for search and for the debtor sort order.
///
/// One rule for stored keys and typed filters, so that what a collector types matches however the
/// accounting system spelled it: Unicode NFKC (full-width ＡＢＣ and half-width ｶﾅ become ABC and
/// カナ, ㈱ becomes (株)), then lower case, then katakana to hiragana (ヤマダ and やまだ match).
/// Kanji are left alone: there is no reading to fold them to, which is why the kana column exists.
public enum SearchKey {
    public static func fold(_ text: String) -> String {
        quickFold(text) ?? fullFold(text)
    }

    /// The fold by its definition, through Foundation's normaliser.
    static func fullFold(_ text: String) -> String {
        // The ideographic space is NFKC's ordinary space; mapping it first lets the usual
        // Japanese name (kanji, kana, a full-width space) skip Foundation's normaliser.
        var spaced = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { spaced.append(scalar == "\u{3000}" ? " " : scalar) }
        let folded = TextFold.nfkc(String(spaced)).lowercased()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(folded.unicodeScalars.count)
        for scalar in folded.unicodeScalars {
            scalars.append(hiragana(scalar))
        }
        return String(scalars)
    }

    /// The same fold in one pass over the UTF-8, for text made only of scalars that NFKC leaves
    /// alone (`TextFold.isNFKCStable`: ASCII, kana, common kanji) and the ideographic space; `nil`
    /// for anything else. Every debtor of a million-case import or demo goes through here, and
    /// almost every Japanese name qualifies. `SearchKeyTests` holds it equal to `fullFold`.
    static func quickFold(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var out = [UInt8]()
            out.reserveCapacity(utf8.count)
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    // ASCII: only A–Z change (lower case).
                    out.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                    index += 1
                    continue
                }
                // Every stable scalar outside ASCII is three bytes (U+3041 … U+9FFF).
                guard lead >= 0xE0, lead < 0xF0, index + 2 < utf8.count else { return nil }
                let value =
                    UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
                guard let scalar = Unicode.Scalar(value) else { return nil }
                if value == 0x3000 {
                    out.append(0x20)
                } else if TextFold.isNFKCStable(scalar) {
                    let folded = hiragana(scalar)
                    if folded == scalar {
                        out.append(contentsOf: utf8[index..<index + 3])
                    } else {
                        out.append(contentsOf: String(folded).utf8)
                    }
                } else {
                    return nil
                }
                index += 3
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Katakana ァ (U+30A1) … ヶ (U+30F6) to the hiragana 0x60 below, ぁ (U+3041) … ゖ (U+3096).
    private static func hiragana(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if (0x30A1...0x30F6).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0x60) {
            return folded
        }
        return scalar
    }

    /// What the queue filter matches against: name, reading and code, one per line.
    public static func searchKey(for debtor: Debtor) -> String {
        [debtor.name, debtor.kana ?? "", debtor.code].map(fold).joined(separator: "\n")
    }

    /// The debtor order's key: the reading when known (so 株式会社 does not decide the order), else
    /// the name.
    public static func nameKey(for debtor: Debtor) -> String {
        if let kana = debtor.kana, !kana.isEmpty { return fold(kana) }
        return fold(debtor.name)
    }

    /// A LIKE pattern that matches `filter` anywhere, with LIKE's wildcards escaped (`ESCAPE '\'`).
    public static func likePattern(_ filter: String) -> String {
        var pattern = "%"
        for character in fold(filter) {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}
