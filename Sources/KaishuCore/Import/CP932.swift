/// Windows-31J (CP932), the "Shift_JIS" that Japanese Excel and accounting software write.
///
/// It differs from JIS-standard Shift_JIS in ways that show up in business data: NEC special
/// characters (① 0x8740, ㈱ 0x878A, № 0x8782), the NEC-selected and IBM extensions (髙 0xEEE0
/// and 0xFBFC, 﨑 0xED95 and 0xFAB1), and the mapping of 0x8160 to U+FF5E (～) where JIS has
/// the wave dash U+301C.
/// A plain Shift_JIS decoder rejects or mis-maps those, so a company named ㈱髙橋 would fail
/// to import. The table (`CP932Table`) comes from Foundation's decoder, which is CP932.
///
/// Single bytes: 0x00–0x7F are ASCII (0x5C is a backslash, shown as ¥ on Japanese systems;
/// see `Money.parse`), 0xA1–0xDF are half-width katakana U+FF61–U+FF9F. 0x80, 0xA0 and
/// 0xFD–0xFF are not characters; Windows maps them to private or control code points, but
/// in a CSV they only ever mean the file is not CP932, so Kaishu reports them.
enum CP932 {
    static func isLead(_ byte: UInt8) -> Bool { (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) }
    static func isTrail(_ byte: UInt8) -> Bool { (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) }

    /// UTF-16 code unit for each lead/trail pair, indexed by `lead << 8 | trail`; 0 = unassigned.
    static let pairs: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 1 << 16)
        let trails = Array(0x40...0x7E) + Array(0x80...0xFC)
        for row in CP932Table.rows {
            let utf8 = Array(row.utf8)
            let lead = hexValue(utf8[0..<2])
            precondition(utf8.count == 3 + 4 * trails.count && utf8[2] == UInt8(ascii: ":"), "bad CP932 table row")
            for (index, trail) in trails.enumerated() {
                let start = 3 + 4 * index
                table[lead << 8 | trail] = UInt16(hexValue(utf8[start..<(start + 4)]))
            }
        }
        return table
    }()

    private static func hexValue(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { value, digit in
            value * 16 + Int(digit <= 0x39 ? digit - 0x30 : (digit | 0x20) - 0x61 + 10)
        }
    }

    /// The UTF-8 encoding of CP932 `bytes`. Each undecodable place is replaced by U+FFFD and
    /// its byte range appended to `invalid`.
    static func decode(_ bytes: [UInt8], invalid: inout [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2 + 16)
        let table = pairs
        bytes.withUnsafeBufferPointer { input in
            table.withUnsafeBufferPointer { pairs in
                let n = input.count
                var i = 0
                while i < n {
                    let byte = input[i]
                    if byte < 0x80 {
                        out.append(byte)
                        i += 1
                    } else if byte >= 0xA1 && byte <= 0xDF {
                        appendUTF8(UInt16(0xFF61 + Int(byte) - 0xA1), to: &out)
                        i += 1
                    } else if isLead(byte) && i + 1 < n && isTrail(input[i + 1]) {
                        let unit = pairs[Int(byte) << 8 | Int(input[i + 1])]
                        if unit != 0 {
                            appendUTF8(unit, to: &out)
                        } else {
                            invalid.append(i..<(i + 2))
                            appendUTF8(0xFFFD, to: &out)
                        }
                        i += 2
                    } else {
                        invalid.append(i..<(i + 1))
                        appendUTF8(0xFFFD, to: &out)
                        i += 1
                    }
                }
            }
        }
        return out
    }

    @inline(__always)
    private static func appendUTF8(_ unit: UInt16, to out: inout [UInt8]) {
        if unit < 0x80 {
            out.append(UInt8(unit))
        } else if unit < 0x800 {
            out.append(UInt8(0xC0 | (unit >> 6)))
            out.append(UInt8(0x80 | (unit & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (unit >> 12)))
            out.append(UInt8(0x80 | ((unit >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (unit & 0x3F)))
        }
    }

    /// Whether `bytes` read as CP932 without a single undecodable place.
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            if byte < 0x80 || (byte >= 0xA1 && byte <= 0xDF) { continue }
            guard isLead(byte), let trail = iterator.next(), isTrail(trail),
                pairs[Int(byte) << 8 | Int(trail)] != 0
            else { return false }
        }
        return true
    }
}
