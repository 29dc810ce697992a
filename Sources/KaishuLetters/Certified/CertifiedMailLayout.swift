/// The grids a paper certified letter (内容証明郵便) may be written on (LEGAL.md §8): at most
/// so many characters per line and so many lines per page, counted the post office's way
/// (`PostOfficeCount`).
public enum CertifiedMailLayout: String, CaseIterable, Codable, Hashable, Sendable {
    /// 縦書き, 1行20字以内・1枚26行以内.
    case vertical20x26 = "vertical-20x26"
    /// 横書き, 1行20字以内・1枚26行以内 (the common one).
    case horizontal20x26 = "horizontal-20x26"
    /// 横書き, 1行26字以内・1枚20行以内.
    case horizontal26x20 = "horizontal-26x20"
    /// 横書き, 1行13字以内・1枚40行以内.
    case horizontal13x40 = "horizontal-13x40"

    /// The most characters one line may count.
    public var charactersPerLine: Int {
        switch self {
        case .vertical20x26, .horizontal20x26: 20
        case .horizontal26x20: 26
        case .horizontal13x40: 13
        }
    }

    /// The most lines one page may have (blank lines are not counted).
    public var linesPerPage: Int {
        switch self {
        case .vertical20x26, .horizontal20x26: 26
        case .horizontal26x20: 20
        case .horizontal13x40: 40
        }
    }

    public var isVertical: Bool { self == .vertical20x26 }

    /// The most characters one page may count.
    public var charactersPerPage: Int { charactersPerLine * linesPerPage }

    /// `縦書き 20字×26行` / `vertical, 20 characters × 26 lines`.
    public var label: String {
        "\(isVertical ? "縦書き" : "横書き") 1行\(charactersPerLine)字×1枚\(linesPerPage)行"
    }
}
