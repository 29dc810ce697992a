import Foundation

@testable import KaishuCore

/// Receivables files built in the tests, so each test shows the bytes it reads.
enum ImportFixtures {
    static let header = "取引先コード,取引先名,フリガナ,請求書番号,取引日,支払期日,金額,入金額,電話,メール,郵便番号,住所,種別,国内"

    /// A good export in the shape accounting tools write: CRLF, Japanese headers, quoted
    /// amounts with separators, a multi-line address, era dates and full-width digits.
    static let goodRows = [
        "C001,株式会社山田商事,ヤマダショウジ,INV-001,2024-04-01,2024-04-30,\"1,234,000\",0,03-1234-5678,keiri@yamada.example.jp,100-0001,東京都千代田区千代田1-1,商事,国内",
        "C001,株式会社山田商事,ヤマダショウジ,INV-002,令和6年5月1日,R6.5.31,￥500000,\"￥100,000\",03-1234-5678 / 090-1111-2222,,1000001,\"東京都千代田区\r\n千代田1-1\",retail,",
        "C002,㈱佐藤工務店,ｻﾄｳｺｳﾑﾃﾝ,A-77,2019/3/15,,２２０，０００円,,０６－６１２３－４５６７,,〒530-0001,大阪府大阪市北区梅田1-1,工事,yes",
        "C003,John Smith Ltd.,,X9,H31/4/30,2019/5/31,80000,80000,+44 20 7946 0958,john@smith.example.uk,,\"10 Downing St, London\",,海外",
    ]

    static func text(header: String = header, rows: [String] = goodRows, lineEnding: String = "\r\n") -> String {
        ([header] + rows).joined(separator: lineEnding) + lineEnding
    }

    static func utf8(_ text: String, bom: Bool = false) -> Data {
        Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
    }

    /// The file as CP932, encoded through Foundation (the decoding side is checked
    /// byte by byte in `CSVEncodingTests`).
    static func cp932(_ text: String) -> Data {
        text.data(using: .shiftJIS)!
    }

    static func file(_ text: String, encoding: ReceivablesFile.Encoding? = nil, chunkSize: Int = 1 << 20) throws
        -> ReceivablesFile
    {
        try ReceivablesFile(data: utf8(text), encoding: encoding, chunkSize: chunkSize)
    }

    static func results(_ file: ReceivablesFile) -> [Result<ImportRecord, ImportRowError>] {
        Array(file.records())
    }

    /// The issues of the rows, as the CLI prints them.
    static func messages(_ text: String) throws -> [String] {
        try results(file(text)).flatMap { result -> [String] in
            guard case .failure(let error) = result else { return [] }
            return error.issues.map(\.description)
        }
    }
}
