import KaishuCore

/// The case page: a title with the debtor and stage, the scrollable case document, hints and
/// status.
enum CaseView {
    static func draw(_ screen: inout Screen, _ state: AppState, keys: KeyMap) {
        guard let detail = state.detail else { return }
        var title = "\(detail.debtorName) | case \(detail.id)"
        if let caseState = detail.state {
            title += " | \(caseState.stage.rawValue) \(caseState.stage.japaneseName)"
        }
        Chrome.title(&screen, title, right: detail.loading != nil && detail.state != nil ? "reloading… " : "")
        let doc = CaseDocument.build(detail, today: state.today, width: screen.size.columns, measure: screen.measure)
        let body = Rect(row: 1, column: 0, rows: state.bodyHeight, columns: screen.size.columns)
        doc.draw(into: &screen, rect: body, first: detail.scroll)
        let total = doc.lines.count
        if detail.scroll > 0 { screen.put("^", row: 1, column: screen.size.columns - 1, style: Style(.muted)) }
        if detail.scroll + body.rows < total {
            screen.put("v", row: body.row + body.rows - 1, column: screen.size.columns - 1, style: Style(.muted))
        }
        Chrome.hintLine(&screen, state, contexts: [.caseDetail, .caseActions, .global], keys: keys)
        Chrome.statusLine(&screen, state)
    }
}

/// The first-run screen: an empty case book, and the two ways to fill it.
enum FirstRunView {
    static func draw(_ screen: inout Screen, _ state: AppState, keys: KeyMap) {
        Chrome.title(&screen, "Kaishu 回収 | Welcome")
        var doc = Document(width: screen.size.columns - 4, measure: screen.measure)
        doc.blank()
        doc.add("Your case book is empty.", .header)
        doc.blank()
        if state.showingImportHelp {
            doc.add("To import your receivables, quit (q) and run:")
            doc.blank()
            doc.add("    kaishu import receivables.csv", .key)
            doc.blank()
            doc.add(
                "The file is a CSV export from your accounting tool, UTF-8 or Shift_JIS (CP932). Headers in Japanese or English: 取引先名/debtor, 取引先コード/code, 請求書番号/invoice, 取引日/contract date, 支払期日/due, 金額/amount, 入金額/paid, 電話/phone, メール/email, 郵便番号/postal code, 住所/address.",
                indent: 0)
            doc.blank()
            doc.add("Check a file first with: kaishu import --dry-run receivables.csv", .muted)
            doc.add("Then run kaishu again to open the workbench.", .muted)
        } else {
            for binding in keys.bindings(in: .firstRun) {
                if binding.command == .createDemo && !state.config.canCreateDemo { continue }
                doc.add(
                    [
                        Span("  " + screen.measure.fit(binding.keys.first?.name ?? "", width: 4), .key),
                        Span(binding.help),
                    ], indent: 6)
            }
            doc.blank()
            doc.add(
                "The demo case book is made-up data to try every key on; your own cases come from a CSV import.", .muted
            )
        }
        doc.draw(
            into: &screen,
            rect: Rect(row: 2, column: 2, rows: max(0, screen.size.rows - 4), columns: screen.size.columns - 4))
        Chrome.hintLine(&screen, state, contexts: [.firstRun, .global], keys: keys)
        Chrome.statusLine(&screen, state)
    }
}
