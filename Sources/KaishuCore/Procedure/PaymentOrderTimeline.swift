/// The dates of a payment order (支払督促, 民事訴訟法382条〜396条) from its service on the
/// debtor to the moment it has the effect of a final judgment.
///
/// 1. **Objection** (督促異議, 391条1項): 2 weeks from service (the service day not counted),
///    the end moved past closed days (95条3項).
/// 2. **Provisional execution** (仮執行宣言, 391条1項 / 392条): the creditor may apply from
///    the day after the objection period ends, and must apply within 30 days of the day it
///    first could — counting that first day as day 1 — or the order loses its effect. The
///    30-day period is a period under the Code, so 95条3項 moves its end too.
/// 3. **Objection after the declaration** (393条): 2 weeks from the service of the declared
///    order, moved likewise.
/// 4. **Final** (396条): with no objection the order has the effect of a final judgment from
///    the day after that period ends (the 10-year prescription of 民法169条 runs from there).
///
/// Example (LEGAL.md §6): served 2027-06-01 → objection ends 2027-06-15 → apply from
/// 2027-06-16 → last day to apply 2027-07-15.
public struct PaymentOrderTimeline: Hashable, Sendable, Codable {
    public var served: CivilDate
    /// 391条1項: the debtor's 2 weeks to object.
    public var objection: ProceduralDeadline
    /// The first day the creditor may apply for the declaration of provisional execution.
    public var provisionalExecutionFrom: CivilDate
    /// 392条: the 30 days to apply; past `lastDay` the order lapses.
    public var provisionalExecution: ProceduralDeadline
    /// When the application was made, if it was.
    public var provisionalExecutionApplied: CivilDate?
    /// When the declared order was served on the debtor, if it was.
    public var declarationServed: CivilDate?
    /// 393条: the debtor's 2 weeks to object to the declared order.
    public var declarationObjection: ProceduralDeadline?
    /// 396条: the day the order has the effect of a final judgment, absent an objection.
    public var finalOn: CivilDate?

    /// Every date that follows from the service date and what has happened since.
    public init(
        served: CivilDate, provisionalExecutionApplied: CivilDate? = nil,
        declarationServed: CivilDate? = nil, calendar: CourtCalendar = .japan
    ) {
        self.served = served
        objection = calendar.deadline(after: served, weeks: 2)
        provisionalExecutionFrom = objection.lastDay.adding(days: 1)
        provisionalExecution = calendar.deadline(firstDay: provisionalExecutionFrom, days: 30)
        self.provisionalExecutionApplied = provisionalExecutionApplied
        self.declarationServed = declarationServed
        if let declarationServed {
            let period = calendar.deadline(after: declarationServed, weeks: 2)
            declarationObjection = period
            finalOn = period.lastDay.adding(days: 1)
        }
    }

    /// What the collector must know today, most pressing first: the deadline running now,
    /// a warning when the 392条 window closes within `warnWithinDays`, or the lapse.
    public func alerts(today: CivilDate, warnWithinDays: Int = 7) -> [DeadlineAlert] {
        if let declarationObjection, let finalOn {
            if today < finalOn {
                return [
                    DeadlineAlert(
                        level: .info, date: declarationObjection.lastDay,
                        daysLeft: declarationObjection.daysLeft(today: today),
                        message:
                            "仮執行宣言付支払督促への督促異議期間 (民訴法393条) ends \(declarationObjection.lastDay); final on \(finalOn) without objection"
                    )
                ]
            }
            return [
                DeadlineAlert(
                    level: .info, date: finalOn, daysLeft: today.days(until: finalOn),
                    message:
                        "支払督促 final since \(finalOn) unless the debtor objected (民訴法396条): same effect as a final judgment, 10-year prescription (民法169条)"
                )
            ]
        }
        if today <= objection.lastDay {
            return [
                DeadlineAlert(
                    level: .info, date: objection.lastDay,
                    daysLeft: objection.daysLeft(today: today),
                    message:
                        "督促異議期間 (民訴法391条) ends \(objection.lastDay); apply for provisional execution from \(provisionalExecutionFrom) to \(provisionalExecution.lastDay)"
                )
            ]
        }
        if let applied = provisionalExecutionApplied, applied <= provisionalExecution.lastDay {
            return [
                DeadlineAlert(
                    level: .info, date: applied, daysLeft: today.days(until: applied),
                    message:
                        "仮執行宣言 applied for on \(applied); waiting for the declared order to be served"
                )
            ]
        }
        let left = provisionalExecution.daysLeft(today: today)
        if left < 0 {
            return [
                DeadlineAlert(
                    level: .lapsed, date: provisionalExecution.lastDay, daysLeft: left,
                    message:
                        "支払督促 lost its effect: no application for provisional execution by \(provisionalExecution.lastDay) (民訴法392条); prescription is postponed only until 6 months after the lapse"
                )
            ]
        }
        return [
            DeadlineAlert(
                level: left <= warnWithinDays ? .warning : .info,
                date: provisionalExecution.lastDay,
                daysLeft: left,
                message:
                    "apply for the declaration of provisional execution by \(provisionalExecution.lastDay) (\(left) days left), or the payment order lapses (民訴法392条)"
            )
        ]
    }
}

/// A dated notice about a procedural deadline, for the case view and the queue.
public struct DeadlineAlert: Hashable, Sendable, Codable {
    public enum Level: String, Hashable, Sendable, Codable {
        /// A deadline is running; nothing to do yet.
        case info
        /// The deadline is near: act now.
        case warning
        /// The deadline has passed and the right is lost.
        case lapsed
    }

    public var level: Level
    /// The date the alert is about (a last day, a final date).
    public var date: CivilDate
    /// Days from today to `date` (negative when past).
    public var daysLeft: Int
    public var message: String

    public init(level: Level, date: CivilDate, daysLeft: Int, message: String) {
        self.level = level
        self.date = date
        self.daysLeft = daysLeft
        self.message = message
    }
}
