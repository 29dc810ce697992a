import Foundation
import KaishuCore

/// CSV import: `kaishu import` (parsing, validation, debtor and case rows, one event per invoice,
/// every index maintained, one durable transaction) against `sqlite3 .import` of the same file
/// into one table plus as many secondary indexes as the case book keeps (10), with `iconv` first
/// for CP932. Both run as separate processes, so each one's peak memory is its own.
struct ImportBench {
    struct Result {
        var kaishu: ChildRun
        var floor: ChildRun
        /// `iconv`'s share of the floor (CP932 only).
        var iconv: ChildRun?
    }

    let folder: String
    let today: CivilDate

    /// The columns an accounting export of unpaid invoices typically has (see docs/import.md).
    static let header = "取引先コード,取引先名,フリガナ,請求書番号,取引日,支払期日,金額,入金額,電話,メール,郵便番号,住所,種別"

    static let floorSchema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        CREATE TABLE raw (code TEXT, name TEXT, kana TEXT, invoice TEXT, contract TEXT, due TEXT, amount TEXT,
            paid TEXT, phone TEXT, email TEXT, postal TEXT, address TEXT, kind TEXT);
        """
    static let floorIndexes = """
        CREATE INDEX raw_code ON raw(code);
        CREATE UNIQUE INDEX raw_invoice ON raw(code, invoice);
        CREATE INDEX raw_amount ON raw(amount DESC);
        CREATE INDEX raw_due ON raw(due);
        CREATE INDEX raw_contract ON raw(contract);
        CREATE INDEX raw_name ON raw(name);
        CREATE INDEX raw_kana ON raw(kana);
        CREATE INDEX raw_kind ON raw(kind, due);
        CREATE INDEX raw_paid ON raw(paid);
        CREATE INDEX raw_phone ON raw(phone);
        """

    /// Writes a receivables file of `rows` invoices (three per debtor), deterministic: Japanese
    /// names and addresses, ~7% of addresses with a line break inside quotes, ~15% of amounts
    /// quoted with thousands separators. CP932 files hold only characters CP932 has.
    static func writeCSV(rows: Int, cp932: Bool, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw ChildRun.Failure(description: "cannot write \(path)") }
        defer { try? handle.close() }
        func write(_ text: String) throws {
            guard let data = cp932 ? text.data(using: .shiftJIS) : Data(text.utf8) else {
                throw ChildRun.Failure(description: "the generated text is not encodable in CP932")
            }
            try handle.write(contentsOf: data)
        }
        let families = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "山本"]
        let trades = ["商事", "工務店", "製作所", "物産", "運輸", "食品", "電機", "建設", "印刷", "精工"]
        let kana = ["ヤマダ", "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマモト"]
        let towns = ["東京都千代田区丸の内", "大阪府大阪市北区梅田", "愛知県名古屋市中区栄", "福岡県福岡市博多区博多駅前", "北海道札幌市中央区北一条西"]
        let kinds = ["商事", "工事", "retail", "", "運送"]
        var generator = SeededGenerator(seed: 20_240_401)
        var chunk = header + "\r\n"
        for row in 0..<rows {
            let debtor = row / 3
            let family = families[debtor % families.count]
            let name =
                debtor % 2 == 0
                ? "株式会社\(family)\(trades[debtor % trades.count])"
                : "\(family)\(trades[(debtor / 7) % trades.count])株式会社"
            let yen = Int.random(in: 10...5_000, using: &generator) * 1_000
            let amount =
                Int.random(in: 0..<100, using: &generator) < 15
                ? "\"\(grouped(yen))\"" : String(yen)
            let month = 1 + (row % 12)
            let contract = "2024-\(month < 10 ? "0" : "")\(month)-\(10 + row % 18)"
            let due = "2024-\(month < 10 ? "0" : "")\(month)-28"
            let street = "\(1 + debtor % 9)-\(1 + debtor % 30)-\(1 + debtor % 12)"
            let town = towns[debtor % towns.count]
            let address =
                Int.random(in: 0..<100, using: &generator) < 7
                ? "\"\(town)\r\n\(street) 第\(debtor % 5 + 1)ビル\"" : "\(town)\(street)"
            chunk +=
                "C\(debtor),\(name),\(kana[debtor % kana.count])\(debtor % 2 == 0 ? "ショウジ" : "コウギョウ"),"
                + "INV-\(row),\(contract),\(due),\(amount),0,03-\(1000 + debtor % 9000)-\(1000 + row % 9000),"
                + "keiri\(debtor)@example.co.jp,100-\(String(format: "%04d", debtor % 10000)),\(address),\(kinds[debtor % kinds.count])\r\n"
            if chunk.utf8.count > 1 << 20 {
                try write(chunk)
                chunk = ""
            }
        }
        try write(chunk)
    }

    /// `1234000` → `1,234,000`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Imports `csv` into a fresh case book with the `kaishu` binary.
    func kaishuImport(_ csv: String, cp932: Bool, name: String) throws -> ChildRun {
        let book = "\(folder)/\(name).sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(book + suffix) }
        defer { for suffix in ["", "-wal", "-shm"] { unlink(book + suffix) } }
        return try ChildRun.checked(
            [
                ChildRun.selfPath, "import", csv, "--encoding", cp932 ? "cp932" : "utf8", "--db", book, "--today",
                today.iso, "--json",
            ],
            environment: ["KAISHU_COLLECTOR": "bench"])
    }

    /// The floor: (iconv, then) sqlite3 .import and the indexes, into a fresh file.
    func floorImport(_ csv: String, cp932: Bool, name: String) throws -> (sqlite: ChildRun, iconv: ChildRun?) {
        guard let sqlite3 = ChildRun.which("sqlite3") else {
            throw ChildRun.Failure(description: "sqlite3 is not installed (apt-get install sqlite3): no import floor")
        }
        let database = "\(folder)/\(name)-floor.sqlite"
        let script = "\(folder)/\(name)-floor.sql"
        var input = csv
        var iconvRun: ChildRun?
        if cp932 {
            input = "\(folder)/\(name)-floor-utf8.csv"
            guard let iconv = ChildRun.which("iconv") else {
                throw ChildRun.Failure(description: "iconv is not installed")
            }
            iconvRun = try ChildRun.run(
                ["/bin/sh", "-c", "exec \(iconv) -f CP932 -t UTF-8 '\(csv)' > '\(input)'"])
            guard iconvRun?.status == 0 else {
                throw ChildRun.Failure(description: "iconv failed: \(iconvRun?.output ?? "")")
            }
        }
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
            unlink(script)
            if cp932 { unlink(input) }
        }
        for suffix in ["", "-wal", "-shm"] { unlink(database + suffix) }
        try (ImportBench.floorSchema + "\n.import --csv --skip 1 '\(input)' raw\n" + ImportBench.floorIndexes)
            .write(toFile: script, atomically: true, encoding: .utf8)
        let run = try ChildRun.checked([sqlite3, "-bail", database, ".read '\(script)'"])
        return (run, iconvRun)
    }
}
