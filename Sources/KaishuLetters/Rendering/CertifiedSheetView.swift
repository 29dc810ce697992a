/// The view model of the certified letter's printable grid (`certified-html.mustache`): one
/// cell per character, lines of the layout's width, pages of its height.
struct CertifiedSheetView {
    let letter: LetterContext
    /// `vertical` (縦書き, columns right to left) or `horizontal`.
    let orientation: String
    let layoutLabel: String
    /// The side of one grid cell in millimetres, sized so a page fits A4 with margins.
    let cellMM: String
    let pageCount: Int
    let pages: [PageView]

    struct PageView {
        let number: Int
        let lines: [LineView]
    }

    struct LineView {
        let cells: [String]
    }

    init(letter: LetterContext, text: CertifiedMailText) {
        self.letter = letter
        let layout = text.layout
        orientation = layout.isVertical ? "vertical" : "horizontal"
        layoutLabel = layout.label
        switch layout {
        case .horizontal20x26: cellMM = "8"
        case .vertical20x26, .horizontal26x20: cellMM = "6.5"
        case .horizontal13x40: cellMM = "6.2"
        }
        pageCount = text.pageCount
        pages = text.pages.enumerated().map { offset, lines in
            PageView(number: offset + 1, lines: lines.map { LineView(cells: $0.map(String.init)) })
        }
    }
}
