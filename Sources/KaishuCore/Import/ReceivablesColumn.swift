/// The columns a receivables file can have, and the header names that mean each one.
///
/// Accounting tools (弥生, freee, マネーフォワード, 勘定奉行, in-house Excel sheets) name
/// the same column differently, in Japanese or English, in full-width or half-width letters.
/// A header cell is matched after folding width, case, spaces and punctuation, and after
/// dropping a trailing note in brackets (`金額(税込)`, `取引先名【必須】`).
public enum ReceivablesColumn: String, CaseIterable, Sendable {
    case debtor
    case code
    case invoice
    case contractDate = "contract date"
    case dueDate = "due"
    case amount
    case paid
    case phone
    case email
    case postalCode = "postal code"
    case address
    case kind
    case kana
    case domestic
    /// The contract's late-payment damages rate (約定遅延損害金率), a percentage a year.
    case rate
    /// The contract's day count for damages: `365` or `court`.
    case dayCount = "day count"
    /// Whether the claim is from a consumer contract (消費者契約法).
    case consumer

    /// The position in `allCases`, for tables indexed by column.
    var ordinal: Int {
        switch self {
        case .debtor: 0
        case .code: 1
        case .invoice: 2
        case .contractDate: 3
        case .dueDate: 4
        case .amount: 5
        case .paid: 6
        case .phone: 7
        case .email: 8
        case .postalCode: 9
        case .address: 10
        case .kind: 11
        case .kana: 12
        case .domestic: 13
        case .rate: 14
        case .dayCount: 15
        case .consumer: 16
        }
    }

    /// A file without this column cannot be imported.
    public var isRequired: Bool {
        switch self {
        case .debtor, .invoice, .contractDate, .amount: true
        default: false
        }
    }

    /// The usual Japanese header, used in messages and documentation.
    public var japaneseName: String {
        switch self {
        case .debtor: "取引先名"
        case .code: "取引先コード"
        case .invoice: "請求書番号"
        case .contractDate: "取引日"
        case .dueDate: "支払期日"
        case .amount: "金額"
        case .paid: "入金額"
        case .phone: "電話"
        case .email: "メール"
        case .postalCode: "郵便番号"
        case .address: "住所"
        case .kind: "種別"
        case .kana: "フリガナ"
        case .domestic: "国内"
        case .rate: "約定利率"
        case .dayCount: "日割"
        case .consumer: "消費者契約"
        }
    }

    /// `取引先名 (debtor)`: both names, for messages.
    public var displayName: String { "\(japaneseName) (\(rawValue))" }

    /// Every header name recognised for the column, as written (before folding).
    public var headerNames: [String] {
        switch self {
        case .debtor:
            [
                "取引先名", "取引先", "得意先名", "得意先", "顧客名", "請求先名", "請求先", "債務者名", "債務者", "会社名",
                "debtor", "debtor name", "customer", "customer name", "client", "client name",
            ]
        case .code:
            [
                "取引先コード", "得意先コード", "顧客コード", "請求先コード", "取引先番号", "得意先番号", "顧客番号", "取引先ID",
                "code", "debtor code", "customer code", "customer id", "customer no", "client code",
            ]
        case .invoice:
            [
                "請求書番号", "請求番号", "請求書No", "請求No", "請求書ID", "伝票番号",
                "invoice", "invoice no", "invoice number", "invoice id", "invoice#",
            ]
        case .contractDate:
            [
                "取引日", "契約日", "売上日", "取引年月日", "契約年月日", "売上年月日",
                "contract date", "contract", "transaction date", "sale date", "sales date",
            ]
        case .dueDate:
            [
                "支払期日", "支払期限", "支払予定日", "入金期日", "入金期限", "入金予定日", "期日",
                "due", "due date", "payment due", "payment due date",
            ]
        case .amount:
            [
                "金額", "請求額", "請求金額", "税込金額", "合計金額", "売掛金額", "債権額",
                "amount", "invoice amount", "total",
            ]
        case .paid:
            [
                "入金額", "入金済額", "入金済金額", "入金済み額", "既入金額",
                "paid", "paid amount", "amount paid",
            ]
        case .phone:
            ["電話", "電話番号", "TEL", "連絡先電話番号", "phone", "phone number", "phones", "telephone"]
        case .email:
            ["メール", "メールアドレス", "Eメール", "mail", "email", "e-mail", "email address", "mail address"]
        case .postalCode:
            ["郵便番号", "〒", "postal code", "postcode", "zip", "zip code"]
        case .address:
            ["住所", "所在地", "address"]
        case .kind:
            ["種別", "債権種別", "債権の種類", "kind", "claim kind"]
        case .kana:
            ["フリガナ", "ふりがな", "カナ", "読み", "よみ", "取引先名カナ", "取引先カナ", "取引先名フリガナ", "kana", "reading"]
        case .domestic:
            ["国内", "国内外", "domestic"]
        case .rate:
            [
                "約定利率", "遅延損害金率", "遅延損害金利率", "損害金率", "損害金利率", "遅延利率", "延滞利率", "約定損害金率",
                "rate", "damages rate", "late rate", "late interest rate", "agreed rate",
            ]
        case .dayCount:
            ["日割", "日割計算", "日割方法", "日数計算", "損害金計算方法", "day count", "daycount", "interest method"]
        case .consumer:
            ["消費者契約", "消費者", "consumer", "consumer contract"]
        }
    }

    private static let byHeaderKey: [String: ReceivablesColumn] = {
        var table: [String: ReceivablesColumn] = [:]
        for column in allCases {
            for name in column.headerNames {
                let key = headerKey(name)
                precondition(table[key] == nil || table[key] == column, "header name \(name) is given to two columns")
                table[key] = column
            }
        }
        return table
    }()

    /// The column a header cell names, if any.
    public init?(header: String) {
        guard let column = Self.byHeaderKey[Self.headerKey(header)] else { return nil }
        self = column
    }

    /// The folded form headers are compared in: NFKC (full-width and half-width alike),
    /// lower case, without a trailing bracketed note, spaces and `_ - . ・ * ※`.
    static func headerKey(_ header: String) -> String {
        var text = TextFold.nfkc(TextFold.trimmed(header)).lowercased()
        // Drop a trailing note: 金額(税込), 取引先名【必須】, amount [JPY].
        let pairs: [(Character, Character)] = [("(", ")"), ("[", "]"), ("【", "】"), ("〔", "〕"), ("<", ">")]
        while let last = text.last, let pair = pairs.first(where: { $0.1 == last }),
            let open = text.lastIndex(of: pair.0), open != text.startIndex
        {
            text = String(text[..<open])
        }
        let dropped: Set<Character> = [" ", "_", "-", ".", "・", "*", "※", "\u{3000}"]
        return String(text.filter { !dropped.contains($0) })
    }
}
