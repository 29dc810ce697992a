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
        // The ideographic space is NFKC's ordinary space; mapping it first lets the usual
        // Japanese name (kanji, kana, a full-width space) skip Foundation's normaliser.
        var spaced = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { spaced.append(scalar == "\u{3000}" ? " " : scalar) }
        let folded = TextFold.nfkc(String(spaced)).lowercased()
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(folded.unicodeScalars.count)
        for scalar in folded.unicodeScalars {
            // ァ (U+30A1) … ヶ (U+30F6) sit 0x60 above ぁ (U+3041) … ゖ (U+3096).
            if (0x30A1...0x30F6).contains(scalar.value), let hiragana = Unicode.Scalar(scalar.value - 0x60) {
                scalars.append(hiragana)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
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
