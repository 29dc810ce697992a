import KaishuCore

/// A reproducible case book for demonstrations, end-to-end tests and benchmarks: Japanese
/// company names, several claims per case, due dates spread so that today's queue holds cases
/// near limitation, broken promises and fresh ones.
///
/// The same `count`, `today` and `seed` always give the same cases, so a test can name the
/// debtor it expects in the first row.
public enum DemoCases {
    static let stems = [
        "山田商事", "佐藤工業", "鈴木建設", "高橋物産", "田中製作所", "伊藤運輸", "渡辺食品", "中村電機",
        "小林印刷", "加藤設計", "吉田薬品", "山口水産", "松本木材", "井上繊維", "木村精機", "林産業",
        "清水デザイン", "山崎ホーム", "森ソフトウェア", "池田化学",
    ]
    static let kana = [
        "ヤマダショウジ", "サトウコウギョウ", "スズキケンセツ", "タカハシブッサン", "タナカセイサクショ",
        "イトウウンユ", "ワタナベショクヒン", "ナカムラデンキ", "コバヤシインサツ", "カトウセッケイ",
        "ヨシダヤクヒン", "ヤマグチスイサン", "マツモトモクザイ", "イノウエセンイ", "キムラセイキ",
        "ハヤシサンギョウ", "シミズデザイン", "ヤマザキホーム", "モリソフトウェア", "イケダカガク",
    ]
    static let forms = ["株式会社", "有限会社", "合同会社"]

    /// The debtor of demo case number `index` (0-based).
    public static func debtor(_ index: Int) -> Debtor {
        let stem = stems[index % stems.count]
        let form = forms[(index / stems.count) % forms.count]
        let branch = index < stems.count * forms.count ? "" : " \(index / (stems.count * forms.count) + 1)号店"
        let name = (index % 2 == 0 ? form + stem : stem + form) + branch
        return Debtor(
            code: String(format4(index + 1)), name: name, kana: kana[index % kana.count],
            phones: ["03-\(format4(1000 + index % 9000))-\(format4((index * 37) % 10000))"],
            email: index % 3 == 0 ? nil : "keiri\(index + 1)@example.co.jp",
            postalCode: "100-\(format4(index % 10000))",
            address: index % 7 == 6 ? nil : "東京都千代田区丸の内\(index % 3 + 1)-\(index % 9 + 1)-\(index % 5 + 1)",
            isDomestic: index % 11 != 10)
    }

    /// Adds `count` cases to the store, as of `today`.
    public static func fill(_ store: InMemoryCaseStore, count: Int, today: CivilDate) async {
        for index in 0..<count {
            let debtor = debtor(index)
            // Due dates from about five years ago (limitation near) to two months ago.
            let ageDays = 60 + (index * 173) % (5 * 365 - 40)
            let due = today.adding(days: -ageDays)
            let contract = due.adding(days: -30)
            let claimCount = 1 + index % 3
            var claims: [Claim] = []
            for n in 0..<claimCount {
                let amount = Money(Int64(30_000 + ((index * 7919 + n * 104_729) % 97) * 10_000))
                claims.append(
                    Claim(
                        invoice: "INV-\(format4(index + 1))-\(n + 1)", contractDate: contract.adding(days: n * 30),
                        dueDate: due.adding(days: n * 30), amount: amount))
            }
            await store.addCase(debtor: debtor, collector: "demo", opened: today.adding(days: -30), claims: claims)
        }
    }

    static func format4(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
