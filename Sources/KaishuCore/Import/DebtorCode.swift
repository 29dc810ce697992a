/// Debtor codes for files that have none.
///
/// The case book keys debtors by code (取引先コード): invoices with the same code join one
/// case, and re-importing a file finds the same debtor again. A file without a code column
/// still needs that, so the code is derived from the name — the same name always gives the
/// same code, in this file, the next export and any other file.
public enum DebtorCode {
    /// `AUTO-` and 16 hex digits of a 64-bit FNV-1a hash of the folded name.
    ///
    /// The name is folded so that spellings of one name in one export agree: NFKC (full-width
    /// and half-width forms, `㈱` and `(株)` alike), lower case, and without any blanks
    /// (`山田 商事` = `山田商事`). Legal-form words are *not* removed: 株式会社山田商事 and
    /// 山田商事株式会社 can be two different companies.
    public static func derived(fromName name: String) -> String {
        let key = TextFold.nfkc(TextFold.trimmed(name)).lowercased().unicodeScalars
            .filter { !TextFold.isBlank($0) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in String(String.UnicodeScalarView(key)).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16, uppercase: true)
        return "AUTO-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
