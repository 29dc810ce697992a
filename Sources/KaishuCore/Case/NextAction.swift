/// When to work a case again after a contact: the schedule the call outcome implies.
/// Every date lands on a business day.
public enum NextAction {
    public static func after(_ log: ContactLog, on date: CivilDate, calendar: BusinessCalendar)
        -> CivilDate
    {
        switch log.outcome {
        case .noAnswer, .wrongNumber, .refused:
            return calendar.nextBusinessDay(after: date)
        case .leftMessage:
            return calendar.adding(businessDays: 2, to: date)
        case .promised:
            // Check the day after the promised date whether the money came.
            return calendar.nextBusinessDay(after: log.promise?.date ?? date)
        case .callback:
            return calendar.onOrAfter(log.callbackOn ?? calendar.nextBusinessDay(after: date))
        case .saysPaid:
            // Give accounting time to find the payment before calling again.
            return calendar.adding(businessDays: 3, to: date)
        case .disputed:
            return calendar.adding(businessDays: 5, to: date)
        }
    }
}
