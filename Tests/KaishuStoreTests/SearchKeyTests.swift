import Testing

@testable import KaishuEventLog

@Suite("Search keys")
struct SearchKeyTests {
    /// Names as accounting exports spell them: kanji, kana of both kinds and widths, full-width
    /// spaces and letters, Latin with case, marks that NFKC rewrites, and text outside the fast path.
    static let samples = [
        "", "山田太郎", "山田　太郎", "ヤマダ タロウ", "やまだ たろう", "ｶﾌﾞｼｷｶﾞｲｼｬ", "株式会社ＡＢＣ商事", "㈱サンプル",
        "Tanaka Trading K.K.", "ＴＡＮＡＫＡ", "ヴァイオリン工房", "ヷヸヹヺ", "ヽヾゝゞ", "ー・ヿ", "が", "か\u{3099}",
        "Ａｂｃ１２３", "Ωmega", "Élodie", "𠮷野家", "髙橋", "神﨑", "①丸数字", "A\u{0085}B", "\t改行\n",
    ]

    @Test("the one-pass fold equals the full NFKC, lower-case, katakana-to-hiragana fold")
    func quickFoldMatchesTheDefinition() {
        for sample in Self.samples {
            if let quick = SearchKey.quickFold(sample) {
                #expect(quick == SearchKey.fullFold(sample), "\(sample)")
            }
            #expect(SearchKey.fold(sample) == SearchKey.fullFold(sample), "\(sample)")
        }
    }

    @Test("common Japanese names take the one-pass fold")
    func commonNamesAreQuick() {
        #expect(SearchKey.quickFold("山田　タロウ Co") == "山田 たろう co")
        #expect(SearchKey.quickFold("ｶﾅ") == nil)  // half-width kana need NFKC's composition
        #expect(SearchKey.quickFold("㈱") == nil)
    }
}
