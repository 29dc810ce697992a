import Testing

@testable import KaishuTUI

/// The scalar walks that make a frame cheap (`DisplayWidth.width(of:)`, `Screen.putScalars`,
/// `Screen.put(fitting:)` in place) must give exactly what the grapheme-cluster walks give.
@Suite("Display width and drawing fast paths equal the cluster-by-cluster paths")
struct DisplayWidthFastPathTests {
    /// Pieces that stress each rule: ASCII, wide CJK, half-width kana with a joining dakuten,
    /// combining marks, emoji (presentation, VS16, ZWJ, skin tone, flags, keycaps), controls
    /// (C0, C1, CR LF), Hangul jamo, ambiguous-width symbols, box drawing, the ellipsis.
    static let pieces: [String] = [
        "a", "Z", " ", "~", "0", "株", "式", "山田商事", "ｶ", "ﾞ", "ｶﾞ", "か", "\u{3099}", "か\u{3099}",
        "e\u{0301}", "\u{0301}", "😀", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇯🇵", "🇯", "#\u{FE0F}\u{20E3}",
        "❤\u{FE0F}", "❤", "☺", "⌚", "\u{FE0F}", "\u{200D}", "\u{1B}[2J", "\r\n", "\r", "\n", "\t",
        "\u{9B}", "\u{7F}", "\u{1100}\u{1161}\u{11A8}", "각", "○", "①", "※", "─", "│", "…", "¥", "〒",
        "ａ", "　", "\u{AD}", "ä", "ß", "ℹ", "→", "™", "한국어", "ひらがな", "カタカナ", "ー", "〰",
    ]

    /// A reproducible generator (no seeds from the clock: a failure must replay).
    struct Mixer: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    static func samples(count: Int) -> [String] {
        var mixer = Mixer(state: 0x5EED)
        var out = pieces
        for _ in 0..<count {
            let length = Int.random(in: 1...8, using: &mixer)
            out.append((0..<length).map { _ in pieces.randomElement(using: &mixer)! }.joined())
        }
        return out
    }

    @Test("a string's width walked by scalars equals its width walked by grapheme clusters")
    func widthEqualsClusterWidth() {
        for measure in [DisplayWidth.standard, DisplayWidth(ambiguousIsWide: true)] {
            for text in Self.samples(count: 3000) {
                #expect(
                    measure.width(of: text) == measure.clusterWidth(of: text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                let sub = text.dropFirst()
                #expect(measure.width(of: sub) == measure.clusterWidth(of: sub))
            }
        }
    }

    @Test("the known widths: ASCII 1, CJK 2, ｶﾞ 2, か゛ 2, é 1, emoji 2, controls 0")
    func knownWidths() {
        #expect("Kaishu".displayWidth == 6)
        #expect("株式会社山田商事".displayWidth == 16)
        #expect("ｶﾞ".displayWidth == 2)
        #expect("か\u{3099}".displayWidth == 2)
        #expect("e\u{0301}".displayWidth == 1)
        #expect("👍🏽".displayWidth == 2)
        #expect("🇯🇵".displayWidth == 2)
        #expect("❤\u{FE0F}".displayWidth == 2)
        #expect("\u{1B}\r\n\u{9B}".displayWidth == 0)
    }

    @Test("every scalar with emoji presentation sends the text down the cluster walk")
    func emojiPresentationIsFlagged() {
        var missed: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isEmojiPresentation else { continue }
            if !DisplayWidth.mayJoinAsEmoji(value) { missed.append(value) }
        }
        #expect(missed.isEmpty, "\(missed.map { String($0, radix: 16) })")
        #expect(DisplayWidth.mayJoinAsEmoji(0xFE0F))
        #expect(DisplayWidth.mayJoinAsEmoji(0x1F1EF))
    }

    @Test("a scalar that stands alone never forms one cluster with a neighbour that stands alone")
    func standaloneScalarsBreakEverywhere() {
        let partners: [Unicode.Scalar] = ["a", " ", "\n", "é", "…", "─", "あ", "ア", "ー", "株", "각", "ｶ", "ａ", "¥"]
        for partner in partners { #expect(DisplayWidth.standsAlone(partner.value)) }
        var joined: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard DisplayWidth.standsAlone(value), let scalar = Unicode.Scalar(value) else { continue }
            for partner in partners {
                var before = String.UnicodeScalarView()
                before.append(scalar)
                before.append(partner)
                var after = String.UnicodeScalarView()
                after.append(partner)
                after.append(scalar)
                if String(before).count != 2 || String(after).count != 2 {
                    joined.append(value)
                    break
                }
            }
        }
        #expect(joined.isEmpty, "\(joined.prefix(20).map { String($0, radix: 16) })")
        for joiner: UInt32 in [0x0D, 0x0301, 0x200D, 0xFE0F, 0x3099, 0xFF9E, 0x1100, 0x1161, 0x1F1EF] {
            #expect(!DisplayWidth.standsAlone(joiner), "\(String(joiner, radix: 16))")
        }
    }

    @Test("drawing by scalars puts the same cells as drawing by clusters")
    func putScalarsEqualsPutClusters() {
        let size = Size(rows: 1, columns: 12)
        var checked = 0
        for text in Self.samples(count: 2000) where DisplayWidth.isClusterPerScalar(text) {
            for (column, end) in [(0, 12), (3, 7), (-2, 5), (10, 12), (0, 1)] {
                var fast = Screen(size: size)
                var slow = Screen(size: size)
                fast.put("株式会社ab", row: 0, column: 1)
                slow.put("株式会社ab", row: 0, column: 1)
                let a = fast.putScalars(text, row: 0, column: column, end: end, style: Style(.money))
                let b = slow.putClusters(text, row: 0, column: column, end: end, style: Style(.money))
                #expect(a == b)
                #expect(fast == slow, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) at \(column)")
            }
            checked += 1
        }
        #expect(checked > 200)
    }

    @Test("text fitted in place draws the same cells as the padded or cut string")
    func fittingInPlaceEqualsFittedString() {
        let size = Size(rows: 1, columns: 14)
        for measure in [DisplayWidth.standard, DisplayWidth(ambiguousIsWide: true)] {
            for text in Self.samples(count: 1500) {
                for align in [Alignment.left, .right, .center] {
                    for (column, width) in [(0, 14), (2, 7), (5, 3), (-1, 6), (12, 5), (0, 1)] {
                        var inPlace = Screen(size: size, measure: measure)
                        var reference = Screen(size: size, measure: measure)
                        inPlace.put("ｶﾞ株x山田", row: 0, column: 0)
                        reference.put("ｶﾞ株x山田", row: 0, column: 0)
                        inPlace.put(
                            fitting: text, row: 0, column: column, width: width, align: align, style: Style(.date))
                        reference.put(
                            measure.fit(text, width: width, align: align), row: 0, column: column, limit: width,
                            style: Style(.date))
                        #expect(
                            inPlace == reference,
                            "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(align) \(column) \(width)")
                    }
                }
            }
        }
    }
}

@Suite("The remembered case document equals one laid out afresh")
struct CaseDocumentMemoTests {
    @Test("the case page's document is the same from the memo as from scratch, for each width and day")
    func memoEqualsFresh() async throws {
        let h = await Harness(demo: 8)
        await h.press(.enter)
        let detail = try #require(h.state.detail)
        #expect(detail.state != nil)
        for width in [80, 100, 40, 80] {
            for today in [Harness.today, Harness.today.adding(days: 400), Harness.today] {
                let remembered = CaseDocument.build(detail, today: today, width: width, measure: .standard)
                let fresh = CaseDocument.make(detail, today: today, width: width, measure: .standard)
                #expect(remembered == fresh)
            }
        }
        var other = detail
        other.state = nil
        #expect(
            CaseDocument.build(other, today: Harness.today, width: 80, measure: .standard)
                == CaseDocument.make(other, today: Harness.today, width: 80, measure: .standard))
    }
}
