/// Guards on how and when a collector contacts a debtor (LEGAL.md §10).
///
/// The ban on contact between 21:00 and 08:00 (貸金業法21条1項1号・2号) binds money lenders
/// and licensed servicers, not a business collecting its own trade receivables. But contact
/// at night, or over and over, can still make the collection a tort (民法709条: an
/// unreasonable intrusion on the debtor's peace), and it is the first thing a debtor's
/// lawyer will point to. Kaishu therefore uses the moneylenders' rule as its model and warns —
/// it asks for confirmation rather than refusing.
public enum ContactConduct {
    /// A warning if `time` (local time where the debtor is) falls in the quiet window.
    public static func quietHoursWarning(at time: LocalTime, window: QuietHours = .standard)
        -> ConductWarning?
    {
        guard window.contains(time) else { return nil }
        return ConductWarning(
            kind: .quietHours,
            message:
                "\(time) is within the quiet hours \(window) — a money lender may not contact a debtor then (貸金業法21条1項1号); for a trade creditor repeated contact at night can be a tort (民法709条). Log it only if the debtor asked for this time."
        )
    }

    /// A warning if logging one more attempt on `date` would make more than `cap` attempts
    /// in the 7 days ending that day (a rolling week, so a Monday does not reset it).
    public static func weeklyCapWarning(previousAttempts: [CivilDate], on date: CivilDate, cap: Int)
        -> ConductWarning?
    {
        let weekStart = date.adding(days: -6)
        let count = attemptsInWeek(previousAttempts: previousAttempts, on: date)
        guard count > cap else { return nil }
        return ConductWarning(
            kind: .weeklyCap,
            message:
                "this would be contact attempt \(count) with this debtor in the 7 days \(weekStart) – \(date), above the cap of \(cap). Repeated contact can be harassment (貸金業法21条1項 as the model; a tort under 民法709条 for a trade creditor)."
        )
    }

    /// How many attempts the 7 days ending `date` would hold with one more logged on `date`.
    public static func attemptsInWeek(previousAttempts: [CivilDate], on date: CivilDate) -> Int {
        let weekStart = date.adding(days: -6)
        return previousAttempts.filter { $0 >= weekStart && $0 <= date }.count + 1
    }

    /// The days of a case's contact attempts that the weekly cap counts: calls and visits, as the
    /// history stands after corrections (emails and letters are not attempts to reach someone).
    public static func attemptDates(in state: CaseState) -> [CivilDate] {
        state.effectiveEvents.compactMap { event -> CivilDate? in
            if case .contact(let log) = event.fact, log.channel == .phone || log.channel == .visit { return event.date }
            return nil
        }
    }

    /// Every warning for logging a contact attempt at `time` on `date`.
    public static func check(
        date: CivilDate, time: LocalTime, previousAttempts: [CivilDate],
        policy: ContactPolicy = .standard
    ) -> [ConductWarning] {
        [
            quietHoursWarning(at: time, window: policy.quietHours),
            weeklyCapWarning(previousAttempts: previousAttempts, on: date, cap: policy.weeklyCap),
        ].compactMap { $0 }
    }
}

/// The configurable limits of `ContactConduct`.
public struct ContactPolicy: Hashable, Sendable, Codable {
    public var quietHours: QuietHours
    /// Most contact attempts per debtor in any 7 days before Kaishu warns.
    public var weeklyCap: Int

    public init(
        quietHours: QuietHours = .standard, weeklyCap: Int = ContactPolicy.standardWeeklyCap
    ) {
        self.quietHours = quietHours
        self.weeklyCap = weeklyCap
    }

    /// Kaishu's default cap. No statute sets a number for a trade creditor; five attempts a
    /// week allows a call on each working day and warns beyond that.
    public static let standardWeeklyCap = 5

    public static let standard = ContactPolicy()
}

/// A daily window of local time in which contact is discouraged; it may wrap midnight.
/// The start is inside the window, the end is not: 21:00–08:00 covers 21:00 to 07:59.
public struct QuietHours: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: LocalTime
    public var end: LocalTime

    public init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }

    /// 21:00–08:00, the hours of 貸金業法21条1項1号.
    public static let standard = QuietHours(start: LocalTime(21, 0), end: LocalTime(8, 0))

    public func contains(_ time: LocalTime) -> Bool {
        if start == end { return false }
        if start < end { return time >= start && time < end }
        return time >= start || time < end
    }

    public var description: String { "\(start)–\(end)" }
}

/// A time of day (hours and minutes), local to where the contact happens.
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// For literals known to be valid. Traps on an impossible time.
    public init(_ hour: Int, _ minute: Int) {
        guard let time = LocalTime(hour: hour, minute: minute) else {
            preconditionFailure("invalid time \(hour):\(minute)")
        }
        self = time
    }

    /// `HH:MM` or `H:MM` (24-hour).
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (a: LocalTime, b: LocalTime) -> Bool {
        a.minutesSinceMidnight < b.minutesSinceMidnight
    }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = LocalTime(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a time HH:MM: \(text)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A reason to pause before logging a contact.
public struct ConductWarning: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case quietHours = "quiet-hours"
        case weeklyCap = "weekly-cap"
    }

    public var kind: Kind
    public var message: String
}
