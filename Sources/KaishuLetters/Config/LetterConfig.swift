import Foundation
import KaishuCore

/// What the letters say about the creditor, and how emails leave: the company letterhead, the
/// account the debtor pays into, the sender address and the sendmail command.
///
/// Read from `$XDG_CONFIG_HOME/kaishu/letters.json` (`LetterConfig.load`). Every key is
/// optional: what a file leaves out keeps the built-in value, and the built-in letterhead and
/// account are **placeholders** (見本商事株式会社, 見本銀行) that the renderer warns about, so a
/// letter never goes out with them unnoticed.
public struct LetterConfig: Hashable, Sendable {
    /// The creditor as printed at the head of every letter and in the email signature.
    public var company: Letterhead
    /// Where the debtor is asked to pay.
    public var account: TransferAccount
    /// The sender, the sendmail command and where unsent messages are written.
    public var email: EmailSettings
    /// The payment deadline is this many days after the letter's date, moved forward to a
    /// business day (default 7).
    public var paymentDays: Int
    /// The language used when none is asked for.
    public var language: LetterLanguage
    /// The post office grid certified mail is laid out on.
    public var certifiedLayout: CertifiedMailLayout
    /// Japan Post's prices, dated; `nil` uses the built-in table (`PostalFees.standard`). Add a
    /// new entry when the post office changes its prices.
    public var postalFees: [PostalFees]?

    public init(
        company: Letterhead = .placeholder, account: TransferAccount = .placeholder,
        email: EmailSettings = EmailSettings(), paymentDays: Int = 7,
        language: LetterLanguage = .ja, certifiedLayout: CertifiedMailLayout = .vertical20x26,
        postalFees: [PostalFees]? = nil
    ) {
        self.company = company
        self.account = account
        self.email = email
        self.paymentDays = paymentDays
        self.language = language
        self.certifiedLayout = certifiedLayout
        self.postalFees = postalFees
    }

    /// The built-in configuration: placeholder letterhead and account, no sendmail command.
    public static let placeholder = LetterConfig()

    /// What still has the built-in placeholder values, for a warning on every letter.
    public var placeholderWarnings: [String] {
        var warnings: [String] = []
        if company == .placeholder {
            warnings.append(
                "the letterhead is the built-in placeholder (\(company.name)): set \"company\" in letters.json")
        }
        if account == .placeholder {
            warnings.append(
                "the transfer account is the built-in placeholder (\(account.bank)): set \"account\" in letters.json")
        }
        return warnings
    }

    /// The address emails come from: `email.from`, else the letterhead's email.
    public var senderAddress: String? { email.from ?? company.email }

    /// The display name emails come from: `email.fromName`, else the company name.
    public var senderName: String { email.fromName ?? company.name }

    /// The dated postal prices letters are estimated with.
    public var costTable: CollectionCostTable {
        CollectionCostTable(postal: postalFees ?? PostalFees.standard)
    }
}

/// The creditor's letterhead (差出人).
public struct Letterhead: Hashable, Codable, Sendable {
    public var name: String
    public var postalCode: String?
    public var address: String
    public var phone: String?
    public var fax: String?
    public var email: String?
    /// The signatory, e.g. 代表取締役 見本太郎.
    public var representative: String?

    public init(
        name: String, postalCode: String? = nil, address: String, phone: String? = nil,
        fax: String? = nil, email: String? = nil, representative: String? = nil
    ) {
        self.name = name
        self.postalCode = postalCode
        self.address = address
        self.phone = phone
        self.fax = fax
        self.email = email
        self.representative = representative
    }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(
            in: decoder,
            allowed: ["name", "postalCode", "address", "phone", "fax", "email", "representative"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        postalCode = try container.decodeIfPresent(String.self, forKey: .postalCode)
        address = try container.decode(String.self, forKey: .address)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        fax = try container.decodeIfPresent(String.self, forKey: .fax)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        representative = try container.decodeIfPresent(String.self, forKey: .representative)
    }

    /// 見本 means "sample": a letter printed with these values shows it was not configured.
    public static let placeholder = Letterhead(
        name: "見本商事株式会社", postalCode: "100-0005", address: "東京都千代田区丸の内9丁目9番9号 見本ビル9階",
        phone: "03-0000-0000", email: "billing@kaishu.example", representative: "代表取締役 見本太郎")
}

/// The bank account the debtor is asked to transfer to (振込先).
public struct TransferAccount: Hashable, Codable, Sendable {
    public var bank: String
    public var branch: String
    /// 普通 or 当座.
    public var type: String
    public var number: String
    /// The holder's name as the bank shows it, usually in katakana (口座名義).
    public var holder: String

    public init(bank: String, branch: String, type: String, number: String, holder: String) {
        self.bank = bank
        self.branch = branch
        self.type = type
        self.number = number
        self.holder = holder
    }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(in: decoder, allowed: ["bank", "branch", "type", "number", "holder"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        bank = try container.decode(String.self, forKey: .bank)
        branch = try container.decode(String.self, forKey: .branch)
        type = try container.decode(String.self, forKey: .type)
        number = try container.decode(String.self, forKey: .number)
        holder = try container.decode(String.self, forKey: .holder)
    }

    public static let placeholder = TransferAccount(
        bank: "見本銀行", branch: "本店営業部", type: "普通", number: "0000000", holder: "ミホンシヨウジ（カ")
}

/// How emails are addressed and sent.
public struct EmailSettings: Hashable, Codable, Sendable {
    /// The sender address; `nil` uses the letterhead's email.
    public var from: String?
    /// The sender's display name; `nil` uses the company name.
    public var fromName: String?
    /// A sendmail-compatible command that reads the message on standard input and the
    /// recipients from its headers, run through `/bin/sh -c` (e.g. `msmtp -t`,
    /// `/usr/sbin/sendmail -t -oi`). `nil`: messages are written to `outbox` instead.
    public var sendmail: String?
    /// Blind copies on every reminder (e.g. the company's own archive address).
    public var bcc: [String]
    /// Where unsent messages are written; `nil`: `$XDG_DATA_HOME/kaishu/outbox`.
    public var outbox: String?

    public init(
        from: String? = nil, fromName: String? = nil, sendmail: String? = nil, bcc: [String] = [],
        outbox: String? = nil
    ) {
        self.from = from
        self.fromName = fromName
        self.sendmail = sendmail
        self.bcc = bcc
        self.outbox = outbox
    }

    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(in: decoder, allowed: ["from", "fromName", "sendmail", "bcc", "outbox"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        fromName = try container.decodeIfPresent(String.self, forKey: .fromName)
        sendmail = try container.decodeIfPresent(String.self, forKey: .sendmail)
        bcc = try container.decodeIfPresent([String].self, forKey: .bcc) ?? []
        outbox = try container.decodeIfPresent(String.self, forKey: .outbox)
    }
}

extension LetterConfig: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case company, account, email, paymentDays, language, certifiedLayout, postalFees
    }

    /// Every key may be left out; an unknown key is an error (a misspelt "acount" would
    /// otherwise silently print the placeholder account).
    public init(from decoder: any Decoder) throws {
        try ConfigKeys.rejectUnknown(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = LetterConfig.placeholder
        company = try container.decodeIfPresent(Letterhead.self, forKey: .company) ?? defaults.company
        account = try container.decodeIfPresent(TransferAccount.self, forKey: .account) ?? defaults.account
        email = try container.decodeIfPresent(EmailSettings.self, forKey: .email) ?? defaults.email
        paymentDays = try container.decodeIfPresent(Int.self, forKey: .paymentDays) ?? defaults.paymentDays
        guard (1...60).contains(paymentDays) else {
            throw DecodingError.dataCorruptedError(
                forKey: .paymentDays, in: container,
                debugDescription: "paymentDays must be between 1 and 60 days, not \(paymentDays)")
        }
        language = try container.decodeIfPresent(LetterLanguage.self, forKey: .language) ?? defaults.language
        certifiedLayout =
            try container.decodeIfPresent(CertifiedMailLayout.self, forKey: .certifiedLayout)
            ?? defaults.certifiedLayout
        postalFees = try container.decodeIfPresent([PostalFees].self, forKey: .postalFees)
    }
}

/// Rejects keys a configuration section does not know, naming them.
enum ConfigKeys {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static func rejectUnknown(in decoder: any Decoder, allowed: [String]) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        if let first = unknown.first {
            throw DecodingError.dataCorruptedError(
                forKey: AnyKey(stringValue: first), in: container,
                debugDescription:
                    "unknown key\(unknown.count > 1 ? "s" : "") \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); known keys: \(allowed.joined(separator: ", "))"
            )
        }
    }
}
