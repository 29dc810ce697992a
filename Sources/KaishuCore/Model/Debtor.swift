import Foundation

/// The party that owes: a company or a person, with what it takes to reach it.
public struct Debtor: Hashable, Codable, Sendable {
    /// The code the accounting system uses (取引先コード); unique in a case book.
    public var code: String
    public var name: String
    /// Reading in kana (フリガナ), when known; used for search.
    public var kana: String?
    public var phones: [String]
    public var email: String?
    public var postalCode: String?
    public var address: String?
    /// A debtor served abroad cannot be sent a payment order (民事訴訟法382条但書).
    public var isDomestic: Bool

    public init(
        code: String, name: String, kana: String? = nil, phones: [String] = [],
        email: String? = nil, postalCode: String? = nil, address: String? = nil,
        isDomestic: Bool = true
    ) {
        self.code = code
        self.name = name
        self.kana = kana
        self.phones = phones
        self.email = email
        self.postalCode = postalCode
        self.address = address
        self.isDomestic = isDomestic
    }

    /// A postal address certified mail can be sent to.
    public var hasPostalAddress: Bool {
        !(address ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }
}
