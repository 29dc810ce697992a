/// Turns one CSV record of a receivables file into an `ImportRecord`, or into every reason it
/// cannot be one.
///
/// The checks, each reported against the column as the file names it:
/// - the record's text is valid CSV and valid in the file's encoding;
/// - it has as many fields as the header (a ragged row usually means an unquoted comma);
/// - required values are present: debtor, invoice, contract date, amount;
/// - dates are dates (`CivilDate.parse`), amounts are whole yen (`Money.parse`);
/// - the amount is more than 0, the paid amount is at most the amount;
/// - the due date is not before the contract date;
/// - phone numbers, e-mail address, postal code, kind and domestic flag have their shapes;
/// - an agreed damages rate is a percentage from 0 to 100 with at most 3 decimals, the day
///   count is 365 or court, the consumer flag is yes or no;
/// - no control characters in text (they could reach a terminal or a letter raw).
struct ReceivablesRowReader: Sendable {
    /// Header names as the file writes them (trimmed, NFC).
    let header: [String]
    /// The field index of each column by `ordinal`; -1 when the file lacks it.
    private let fieldIndex: [Int]

    init(header: [String], columns: [ReceivablesColumn: Int]) {
        self.header = header
        var fieldIndex = [Int](repeating: -1, count: ReceivablesColumn.allCases.count)
        for (column, index) in columns { fieldIndex[column.ordinal] = index }
        self.fieldIndex = fieldIndex
    }

    func index(of column: ReceivablesColumn) -> Int? {
        let index = fieldIndex[column.ordinal]
        return index < 0 ? nil : index
    }

    private enum Cell {
        /// The file has no such column.
        case absent
        /// The column exists but this (ragged) row stops before it.
        case cut
        /// The trimmed cell text, possibly empty.
        case text(String)
    }

    /// `nil` for a blank row (an empty line, or only empty cells), which is skipped.
    func read(_ record: CSVRecord) -> Result<ImportRecord, ImportRowError>? {
        if record.problems.isEmpty && record.fields.allSatisfy({ TextFold.trimmed($0).isEmpty }) { return nil }
        var check = RowCheck(record: record, reader: self)
        return check.run()
    }

    private struct RowCheck {
        let record: CSVRecord
        let reader: ReceivablesRowReader
        /// Issues with the field index they belong to (for ordering), in the order found.
        var found: [(index: Int, issue: ImportIssue)] = []

        init(record: CSVRecord, reader: ReceivablesRowReader) {
            self.record = record
            self.reader = reader
        }

        var line: Int { record.line }

        func name(ofField index: Int?) -> String? {
            guard let index, index < reader.header.count else { return nil }
            return reader.header[index]
        }

        mutating func report(_ column: ReceivablesColumn, _ reason: String) {
            let index = reader.index(of: column) ?? Int.max
            found.append((index, ImportIssue(line: line, column: name(ofField: index), reason: reason)))
        }

        func cell(_ column: ReceivablesColumn) -> Cell {
            guard let index = reader.index(of: column) else { return .absent }
            guard index < record.fields.count else { return .cut }
            return .text(TextFold.trimmed(record.fields[index]))
        }

        /// The cell's text when it has one; reports an empty required cell.
        mutating func value(_ column: ReceivablesColumn) -> String? {
            guard case .text(let text) = cell(column) else { return nil }
            if text.isEmpty {
                if column.isRequired { report(column, "a value is required") }
                return nil
            }
            return text
        }

        /// Free text: line breaks become spaces, control characters are refused, NFC.
        mutating func text(_ column: ReceivablesColumn) -> String? {
            guard let raw = value(column) else { return nil }
            guard TextFold.hasControlCharacters(raw) else { return TextFold.nfc(raw) }
            let joined = TextFold.joiningLines(raw)
            if let control = TextFold.firstControl(in: joined) {
                report(column, "contains the control character \(TextFold.codePoint(control))")
                return nil
            }
            return TextFold.nfc(joined)
        }

        mutating func date(_ column: ReceivablesColumn) -> CivilDate? {
            guard let raw = value(column) else { return nil }
            do {
                return try CivilDate.parse(raw)
            } catch {
                report(column, error.description)
                return nil
            }
        }

        mutating func money(_ column: ReceivablesColumn) -> Money? {
            guard let raw = value(column) else { return nil }
            do {
                return try Money.parse(raw)
            } catch {
                report(column, error.description)
                return nil
            }
        }

        mutating func field<T>(_ column: ReceivablesColumn, _ parse: (String) throws(FieldProblem) -> T) -> T? {
            guard let raw = text(column) else { return nil }
            do {
                return try parse(raw)
            } catch {
                report(column, error.reason)
                return nil
            }
        }

        mutating func run() -> Result<ImportRecord, ImportRowError> {
            for problem in record.problems {
                found.append(
                    (
                        problem.field ?? -1,
                        ImportIssue(line: problem.line, column: name(ofField: problem.field), reason: problem.message)
                    ))
            }
            let count = record.fields.count
            let expected = reader.header.count
            if count != expected {
                var reason = "the row has \(count) fields but the header has \(expected)"
                if count > expected {
                    reason += "; a value containing a comma (such as 1,234) must be in double quotes"
                }
                found.append((-1, ImportIssue(line: line, column: nil, reason: reason)))
            }

            let name = text(.debtor)
            let invoice = text(.invoice)
            let contract = date(.contractDate)
            let due = date(.dueDate)
            let amount = money(.amount)
            let paid = money(.paid)
            let code = text(.code)
            let kana = text(.kana).map(TextFold.nfkc)
            let phones = field(.phone, ImportFieldParsers.phones)
            let email = field(.email, ImportFieldParsers.email)
            let postalCode = field(.postalCode, ImportFieldParsers.postalCode)
            let address = text(.address)
            let kind = field(.kind, ImportFieldParsers.kind)
            let domestic = field(.domestic, ImportFieldParsers.domestic)
            let agreedRate = field(.rate, ImportFieldParsers.agreedRate)
            let dayCount = field(.dayCount, ImportFieldParsers.dayCount)
            let consumer = field(.consumer, ImportFieldParsers.consumer)

            if let amount, amount == .zero {
                report(.amount, "the amount must be more than ¥0")
            }
            if let amount, let paid, paid > amount {
                report(.paid, "the paid amount \(paid) is more than the amount \(amount)")
            }
            if let contract, let due, due < contract {
                report(.dueDate, "the due date \(due) is before the contract date \(contract)")
            }

            guard found.isEmpty, let name, let invoice, let contract, let amount else {
                if found.isEmpty {
                    // Unreachable while required columns are checked at the header; kept so a
                    // row can never be half-read silently.
                    found.append((-1, ImportIssue(line: line, column: nil, reason: "the row is incomplete")))
                }
                let ordered = found.enumerated().sorted {
                    ($0.element.index, $0.offset) < ($1.element.index, $1.offset)
                }
                return .failure(ImportRowError(line: line, issues: ordered.map(\.element.issue)))
            }
            let debtor = Debtor(
                code: code ?? DebtorCode.derived(fromName: name), name: name, kana: kana,
                phones: phones ?? [], email: email, postalCode: postalCode, address: address,
                isDomestic: domestic ?? true)
            let claim = Claim(
                invoice: invoice, contractDate: contract, dueDate: due, kind: kind ?? .commercial,
                amount: amount, paidBefore: paid ?? .zero, agreedRate: agreedRate, dayCount: dayCount,
                consumerContract: consumer)
            return .success(ImportRecord(line: line, debtor: debtor, claim: claim))
        }
    }
}
