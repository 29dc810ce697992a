import Foundation
import KaishuCore

/// Reading what a collector types into date, amount and time fields.
///
/// Dates: `11/30` or `11-30` (this year), `today`, `tomorrow`, `+N` (N days from today), and
/// every full date `CivilDate.parse` reads: `2026-11-30` (the form Kaishu writes), `2026/11/30`,
/// `20261130`, `2026年11月30日`, `令和8年11月30日`, `R8.11.30`. Full-width digits are accepted. Amounts: digits with optional commas, `¥`/`円`, full-width digits (`１２，０００円`).
/// Times: `14:30`, `9:00`.
public enum FieldParsing {
    /// Full-width to ASCII, trimmed.
    static func normalise(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
    }

    public static func date(_ text: String, today: CivilDate) -> CivilDate? {
        let typed = normalise(text)
        let s = typed.lowercased()
        if s == "today" || s == "今日" { return today }
        if s == "tomorrow" || s == "明日" { return today.adding(days: 1) }
        if s.hasPrefix("+"), let days = Int(s.dropFirst()), (0...3650).contains(days) {
            return today.adding(days: days)
        }
        if let (month, day) = monthAndDay(typed) { return CivilDate(year: today.year, month: month, day: day) }
        // Every full date the case book reads: 2026-11-30, 2026/11/30, 20261130, 2026年11月30日,
        // 令和8年11月30日, R8.11.30 — as typed (`R8`, not lowercased).
        return CivilDate(parsing: typed)
    }

    /// `11/30`, `11-30` or `11.30`: a month and a day, of this year.
    private static func monthAndDay(_ text: String) -> (month: Int, day: Int)? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1])
        else { return nil }
        return (month, day)
    }

    /// Why `text` is not a date, in words a collector can act on: `February 2023 has 28 days`,
    /// `there is no month 13`, `令和 began on 2019-05-01 …`. Era dates (`令和8年2月30日`) and
    /// `2024年4月30日` are judged by `CivilDate.parse`, which the date field also accepts.
    public static func dateProblem(_ text: String, today: CivilDate) -> String {
        let s = normalise(text)
        // `11/31` is this year's 31 November: judge it as the full date it stands for.
        let judged = monthAndDay(s).map { "\(today.year)/\($0.month)/\($0.day)" } ?? s
        do throws(CivilDateParseError) {
            _ = try CivilDate.parse(judged)
        } catch {
            if !error.reason.hasPrefix("expected a date") && !error.reason.hasPrefix("unexpected") {
                return error.reason
            }
        }
        return "write it as YYYY-MM-DD, 2026/11/30, 11/30, +7 or 令和8年11月30日"
    }

    public static func amount(_ text: String) -> Money? {
        var s = normalise(text)
        for mark in ["¥", "￥", "\\", "円", "yen"] { s = s.replacingOccurrences(of: mark, with: "") }
        s = s.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }),
            !s.hasPrefix(","), !s.hasSuffix(",")
        else { return nil }
        let groups = s.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), (1...3).contains(groups[0].count) else {
                return nil
            }
        }
        guard let yen = Int64(s.replacingOccurrences(of: ",", with: "")) else { return nil }
        return Money(yen: yen)
    }

    /// `HH:mm`, normalised to two-digit hours.
    public static func time(_ text: String) -> String? {
        let s = normalise(text)
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), parts[1].count == 2,
            (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return (h < 10 ? "0" : "") + "\(h):" + String(parts[1])
    }
}
