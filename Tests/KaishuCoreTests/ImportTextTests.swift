import Foundation
import Testing

@testable import KaishuCore

@Suite("Import text folding")
struct ImportTextTests {
    @Test("every scalar the NFC fast path trusts is unchanged by NFC and never combines")
    func nfcStableRanges() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextFold.isNFCStable(scalar) else { continue }
            checked += 1
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "\(TextFold.codePoint(scalar))")
            let text = String(scalar)
            #expect(
                text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                "\(TextFold.codePoint(scalar))")
        }
        #expect(checked > 29_000)
        #expect(!TextFold.isNFCStable("\u{3099}"))
        #expect(!TextFold.isNFCStable("\u{FA10}"))
    }

    @Test("every scalar the NFKC fast path trusts is unchanged by NFKC and never combines")
    func nfkcStableRanges() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), TextFold.isNFKCStable(scalar) else { continue }
            #expect(scalar.properties.canonicalCombiningClass == .notReordered, "\(TextFold.codePoint(scalar))")
            let text = String(scalar)
            #expect(
                text.precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                "\(TextFold.codePoint(scalar))")
        }
        #expect(TextFold.nfkc("ﾔﾏﾀﾞ") == "ヤマダ")
        #expect(TextFold.nfkc("㈱ＡＢＣ") == "(株)ABC")
    }

    @Test("NFC composes decomposed kana and maps compatibility ideographs to unified ones")
    func nfc() {
        #expect(TextFold.nfc("カ\u{3099}").unicodeScalars.map(\.value) == [0x30AC])
        #expect(TextFold.nfc("\u{FA10}").unicodeScalars.map(\.value) == [0x585A])
        #expect(TextFold.nfc("株式会社ABC①") == "株式会社ABC①")
    }

    @Test("width folding turns full-width ASCII and the ideographic space into ASCII")
    func width() {
        #expect(TextFold.width("ＡＢＣ１２３！＠\u{3000}ｘ") == "ABC123!@ x")
        #expect(TextFold.width("山田ｱ") == "山田ｱ")
        #expect(TextFold.trimmed("\u{3000} a b \t") == "a b")
    }

    @Test("line breaks and tabs in a cell become single spaces")
    func joiningLines() {
        #expect(TextFold.joiningLines("東京都\r\n千代田区\n\n1-1") == "東京都 千代田区 1-1")
        #expect(TextFold.joiningLines("a\tb") == "a b")
        #expect(TextFold.joiningLines("\nx") == "x")
    }
}
