import KaishuCore

/// Demo debtors: companies (株式会社山田商事, 東洋運輸株式会社, 有限会社…, 合同会社…) and people,
/// with readings, phones, e-mail and an address in a real prefecture.
struct DemoDebtor {
    var debtor: Debtor
    /// The city whose courts a legal route against this debtor goes to.
    var courtCity: String
}

extension DemoRandom {
    mutating func debtor(index: Int) -> DemoDebtor {
        let code = "C" + String(index + 1).leftPadded(to: 7)
        let prefecture = pick(DemoNames.prefectures)
        let city = pick(prefecture.cities)
        let name: String
        var kana: String?
        var phones: [String]
        var email: String?
        if chance(20) {
            let surname = pick(DemoNames.surnames)
            let given = pick(DemoNames.givenNames)
            name = surname.kanji + "\u{3000}" + given.kanji
            kana = surname.kana + "\u{3000}" + given.kana
            phones = [mobile()]
            if chance(30) { phones.append(landline(city.areaCode)) }
            if chance(40) { email = "\(given.roman).\(surname.roman)\(digits(2))@mail.example.jp" }
        } else {
            let stem = chance(55) ? pick(DemoNames.surnames) : pick(DemoNames.stems)
            let trade = pick(DemoNames.trades)
            let body = stem.kanji + trade.kanji
            switch weighted([45, 25, 20, 10]) {
            case 0: name = "株式会社" + body
            case 1: name = body + "株式会社"
            case 2: name = "有限会社" + body
            default: name = "合同会社" + body
            }
            // Ledgers sort on the reading without the legal form, so the reading leaves it out.
            kana = stem.kana + trade.kana
            phones = [landline(city.areaCode)]
            if chance(20) { phones.append(mobile()) }
            if chance(75) {
                email = pick(["keiri", "info", "soumu", "jimu"]) + "@\(stem.roman)-\(trade.roman).example.jp"
            }
        }
        if chance(10) { kana = nil }

        var address: String? =
            prefecture.name + city.name + pick(city.towns) + "\(int(1...5))丁目\(int(1...30))番\(int(1...20))号"
        if chance(40) {
            address! += " " + pick(DemoNames.stems).kanji + pick(DemoNames.buildings) + "\(int(2...9))階"
        }
        var postalCode: String? = city.postalPrefix + "-" + digits(4)
        var isDomestic = true
        var courtCity = prefecture.courtCity
        if chance(1) {
            let foreign = pick(DemoNames.foreignAddresses)
            address = foreign.address
            phones = [foreign.phone]
            postalCode = nil
            isDomestic = false
            courtCity = "東京"
        } else if chance(2) {
            // Moved without a forwarding address: no certified mail, no payment order.
            address = nil
            postalCode = nil
        }
        return DemoDebtor(
            debtor: Debtor(
                code: code, name: name, kana: kana, phones: phones, email: email, postalCode: postalCode,
                address: address, isDomestic: isDomestic),
            courtCity: courtCity)
    }

    /// A landline: area code, exchange and a four-digit number, ten digits in all (03-1234-5678,
    /// 052-123-4567, 0565-12-3456).
    private mutating func landline(_ areaCode: String) -> String {
        areaCode + "-" + digits(10 - areaCode.count - 4) + "-" + digits(4)
    }

    private mutating func mobile() -> String {
        pick(["090", "080", "070"]) + "-" + digits(4) + "-" + digits(4)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
