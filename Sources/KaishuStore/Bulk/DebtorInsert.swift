import KaishuCore

/// The debtor row as the bulk writers (imports, the demo book) insert it.
enum DebtorInsert {
    static let sql = """
        INSERT INTO debtors (id, code, name, kana, phones, email, postal_code, address, domestic)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Binds `sql`'s parameters; a `nil` id lets SQLite pick the next one.
    static func bind<B: SQLBinder>(_ b: inout B, _ debtor: Debtor, id: Int64?) {
        b.int(id)
        b.text(debtor.code)
        b.text(debtor.name)
        b.text(debtor.kana)
        b.text(CaseFileReader.encodePhones(debtor.phones))
        b.text(debtor.email)
        b.text(debtor.postalCode)
        b.text(debtor.address)
        b.bool(debtor.isDomestic)
    }
}
