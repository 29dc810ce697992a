import KaishuCore

/// One demo case before it is stored: the debtor, the invoices, and the history that explains
/// where the case stands. The case row is not made here — the store folds these events with
/// `CaseState`, exactly as it does for a real write.
struct DemoCase {
    struct Entry {
        var draft: EventDraft
        var actor: String
        /// `HH:mm`, the wall-clock time the event was recorded on its date.
        var time: String
    }

    var debtor: Debtor
    var collector: String
    var claims: [Claim]
    var entries: [Entry]
}

/// Makes demo case number `index` from its own random stream, relative to `today`.
///
/// The mix aims at a book a collector recognises: most cases at the phone stage, a tail climbing
/// the ladder to the courts, some outcomes; limitation near for a few percent (due dates about
/// five years back), claims under the old law (contracts before 2020-04-01, short-period kinds),
/// broken and pending promises, callbacks, disputes, holds, part payments, acknowledgments, a
/// delivered certified demand. The first thirteen cases take the thirteen stages in turn, so even
/// a tiny book shows every stage.
struct DemoCaseFactory {
    let seed: UInt64
    let today: CivilDate

    static let collectors = ["sato", "suzuki", "takahashi"]

    /// How a case's oldest invoice sits against limitation.
    private enum Shape {
        case critical, near, oldLaw, ordinary
    }

    func make(_ index: Int) -> DemoCase {
        var r = DemoRandom(seed: seed, stream: UInt64(index))
        let demoDebtor = r.debtor(index: index)
        let debtor = demoDebtor.debtor
        let collector = r.pick(DemoCaseFactory.collectors)

        // Invoices.
        let shape: Shape = [.critical, .near, .oldLaw, .ordinary][r.weighted([3, 5, 7, 85])]
        let count = 1 + r.weighted([60, 24, 10, 6])
        var kind = ClaimKind.commercial
        let oldestDue: CivilDate
        switch shape {
        case .critical:
            oldestDue = today.adding(years: -5).adding(days: r.int(0...30))
        case .near:
            oldestDue = today.adding(years: -5).adding(days: r.int(31...90))
        case .oldLaw:
            // Contracts from 2017-10 to 2020-03: retail, transport, hospitality … had one- to
            // three-year periods before the 2020 reform; most have long expired.
            let contract = CivilDate(2017, 10, 1).adding(days: r.int(0...912))
            kind = r.pick([
                .retail, .transport, .hospitality, .craft, .medical, .construction, .tuition, .rental, .commercial,
                .civil,
            ])
            oldestDue = contract.adding(days: r.int(20...60))
        case .ordinary:
            switch r.weighted([70, 25, 5]) {
            case 0: oldestDue = today.adding(days: -r.int(15...365))
            case 1: oldestDue = today.adding(days: -r.int(366...1400))
            default: oldestDue = today.adding(days: -r.int(1401...1700))
            }
        }
        var claims: [Claim] = []
        var owed = Money.zero
        for number in 0..<count {
            // Later invoices fall between the oldest one and yesterday: nothing is issued in the future.
            let due =
                number == 0
                ? oldestDue : max(oldestDue, min(today.adding(days: -1), oldestDue.adding(days: r.int(1...180))))
            let contract = due.adding(days: -r.int(20...60))
            var base = Int64(r.int(5_000...300_000))
            if r.chance(25) { base = Int64(r.int(300_000...1_500_000)) }
            if r.chance(4) { base = Int64(r.int(1_500_000...8_000_000)) }
            let amount = Money(base * 11 / 10)  // with 10% consumption tax
            let paidBefore = r.chance(8) ? Money(amount.yen * Int64(r.int(10...60)) / 100) : .zero
            let monthText = String(due.month).leftPadded(to: 2)
            claims.append(
                Claim(
                    invoice: "INV-\(due.year)\(monthText)-\(r.digits(4))\(number + 1)", contractDate: contract,
                    dueDate: due, kind: kind, amount: amount, paidBefore: paidBefore))
            owed += amount - paidBefore
        }

        // History.
        var history = History(today: today, collector: collector)
        let opened = min(today, oldestDue.adding(days: r.int(10...60)))
        history.add(opened, .opened(source: "demo"), actor: "demo", &r)
        for claim in claims { history.add(opened, .claimAdded(claim), actor: "demo", &r) }

        let stage: Stage
        if index < Stage.allCases.count {
            stage = Stage.allCases[index]
        } else if shape == .critical || shape == .near {
            // Kept clear of anything that would renew or suspend limitation.
            stage = [.phone, .email, .demandLetter][r.weighted([60, 25, 15])]
        } else {
            let ladder: [Stage] = [
                .phone, .email, .demandLetter, .certifiedMail, .paymentOrder, .smallClaims, .lawsuit, .mediation,
                .enforcement, .paymentPlan, .paid, .writtenOff, .withdrawn,
            ]
            stage = ladder[r.weighted([40, 12, 9, 7, 3, 2, 2, 2, 2, 4, 8, 3, 6])]
        }
        let court = demoDebtor.courtCity
        let summary = court + "簡易裁判所"
        let district = court + "地方裁判所"
        let moved = history.next(after: 7, within: 120, &r)
        switch stage {
        case .phone:
            break
        case .email:
            history.add(moved, .stageChanged(from: .phone, to: .email, reason: "電話がつながらないため", court: nil), &r)
        case .demandLetter:
            history.add(moved, .stageChanged(from: .phone, to: .demandLetter, reason: nil, court: nil), &r)
            history.add(moved, .letterSent(kind: "督促状", reference: nil), &r)
        case .certifiedMail:
            history.add(moved, .stageChanged(from: .phone, to: .certifiedMail, reason: "督促状に応答なし", court: nil), &r)
            history.add(
                history.next(after: 2, within: 4, &r), .demandDelivered(reference: "内容証明 第\(r.digits(5))号"), &r)
        case .paymentOrder, .smallClaims, .lawsuit, .mediation:
            var route = stage
            if route == .smallClaims && owed > Money(600_000) { route = .lawsuit }
            if route == .paymentOrder && !debtor.isDomestic { route = .lawsuit }
            let venue = route == .lawsuit && owed > Money(1_400_000) ? district : summary
            history.add(
                moved, .stageChanged(from: .phone, to: route, reason: "内容証明郵便に応答なし", court: venue), &r)
            if r.chance(30) {
                let ended = history.next(after: 60, within: 200, &r)
                switch route {
                case .paymentOrder: history.add(ended, .judgment(note: "仮執行宣言付支払督促が確定"), &r)
                case .smallClaims: history.add(ended, .judgment(note: "少額訴訟判決が確定"), &r)
                case .lawsuit: history.add(ended, .judgment(note: "請求認容判決が確定"), &r)
                default: history.add(ended, .proceedingEnded(reason: "調停不成立"), &r)
                }
            }
        case .enforcement:
            history.add(moved, .stageChanged(from: .phone, to: .lawsuit, reason: "内容証明郵便に応答なし", court: district), &r)
            history.add(history.next(after: 60, within: 200, &r), .judgment(note: "請求認容判決が確定"), &r)
            history.add(
                history.next(after: 14, within: 60, &r),
                .stageChanged(from: .lawsuit, to: .enforcement, reason: "債権差押命令を申立て", court: district), &r)
        case .paymentPlan:
            let installment = max(Money(1_000), Money(owed.yen / 12 / 1_000 * 1_000))
            history.add(
                moved,
                .stageChanged(
                    from: .phone, to: .paymentPlan, reason: "分割払いで合意（月額\(installment.grouped)円）", court: nil), &r)
            history.add(history.next(after: 20, within: 40, &r), .payment(amount: min(installment, owed)), &r)
            owed -= min(installment, owed)
        case .paid:
            history.add(moved, .payment(amount: owed), &r)
            history.add(moved, .stageChanged(from: .phone, to: .paid, reason: "全額入金を確認", court: nil), &r)
            owed = .zero
        case .writtenOff:
            let reason = r.pick(["所在不明のため回収不能", "破産手続が終結", "回収費用が債権額を上回るため"])
            history.add(moved, .stageChanged(from: .phone, to: .writtenOff, reason: reason, court: nil), &r)
        case .withdrawn:
            if r.chance(30) && debtor.isDomestic {
                history.add(moved, .stageChanged(from: .phone, to: .paymentOrder, reason: nil, court: summary), &r)
                history.add(
                    history.next(after: 10, within: 40, &r),
                    .stageChanged(from: .paymentOrder, to: .withdrawn, reason: "支払督促を取下げ（任意交渉へ）", court: nil), &r)
            } else {
                history.add(moved, .stageChanged(from: .phone, to: .withdrawn, reason: "請求誤りのため取下げ", court: nil), &r)
            }
        }

        if !stage.isClosed {
            addRecentActivity(&history, owed: owed, keepLimitation: shape == .critical || shape == .near, &r)
        }
        return DemoCase(debtor: debtor, collector: collector, claims: claims, entries: history.entries)
    }

    /// The last thing that happened on an open case: a call and its outcome, a promise kept
    /// pending or already broken, a dispute, a hold, a part payment, an acknowledgment … or
    /// nothing yet.
    private func addRecentActivity(_ history: inout History, owed: Money, keepLimitation: Bool, _ r: inout DemoRandom) {
        let promised = max(Money(1_000), Money(owed.yen / 3 / 1_000 * 1_000))
        switch r.weighted([7, 4, 8, 20, 3, 2, keepLimitation ? 0 : 5, keepLimitation ? 0 : 3, 3, 45]) {
        case 0:
            // A promise whose date has passed: the case comes back as "broken promise".
            let promiseDate = today.adding(days: -r.int(1...15))
            let called = promiseDate.adding(days: -r.int(3...10))
            guard called >= history.last else { return }
            history.add(
                called,
                .contact(
                    ContactLog(
                        outcome: .promised, text: "月末までに振り込むとのこと",
                        promise: Promise(date: promiseDate, amount: promised), time: r.time())), &r)
        case 1:
            let promiseDate = today.adding(days: r.int(3...20))
            history.add(
                history.recent(&r),
                .contact(
                    ContactLog(
                        outcome: .promised, text: "次回給料日に入金するとのこと",
                        promise: Promise(date: promiseDate, amount: promised), time: r.time())), &r)
        case 2:
            let callback = today.adding(days: r.int(-3...10))
            history.add(
                min(history.recent(&r), max(history.last, callback)),
                .contact(
                    ContactLog(
                        outcome: .callback, text: "経理担当者から折り返すとのこと", callbackOn: callback,
                        callbackTime: r.pick(["10:00", "13:30", "15:00", "17:00"]), time: r.time())), &r)
        case 3:
            let (outcome, text): (ContactOutcome, String) = r.pick([
                (.noAnswer, "不在"), (.leftMessage, "留守番電話に折り返しを依頼"), (.refused, "支払いを拒否"),
                (.saysPaid, "支払済みとのこと。入金を確認中"), (.wrongNumber, "番号違い。別の連絡先を調査"),
            ])
            history.add(history.recent(&r), .contact(ContactLog(outcome: outcome, text: text, time: r.time())), &r)
        case 4:
            history.add(
                history.recent(&r),
                .contact(ContactLog(outcome: .disputed, text: "納品物に不具合があるとして支払いを拒否", time: r.time())), &r)
        case 5:
            let reason = r.pick(["破産申立ての予定との連絡あり", "担当者入院のため", "社長と直接協議中"])
            history.add(history.recent(&r), .hold(true, reason: reason), &r)
        case 6:
            let part = max(Money(1_000), Money(owed.yen * Int64(r.int(10...40)) / 100 / 1_000 * 1_000))
            if part < owed { history.add(history.recent(&r), .payment(amount: part), &r) }
        case 7:
            history.add(history.recent(&r), .acknowledgment(note: "電話で残高を確認し、支払う意思を示した"), &r)
        case 8:
            history.add(
                history.recent(&r), .rescheduled(to: today.adding(days: r.int(1...30)), reason: "決算期明けに連絡する"), &r)
        default:
            break
        }
    }
}

/// The history being written: keeps dates in order and never after today.
private struct History {
    let today: CivilDate
    let collector: String
    var entries: [DemoCase.Entry] = []
    var last = CivilDate(1970, 1, 1)

    init(today: CivilDate, collector: String) {
        self.today = today
        self.collector = collector
    }

    mutating func add(_ date: CivilDate, _ fact: CaseFact, actor: String? = nil, _ r: inout DemoRandom) {
        let day = min(today, max(last, date))
        last = day
        entries.append(
            DemoCase.Entry(draft: EventDraft(date: day, fact: fact), actor: actor ?? collector, time: r.time()))
    }

    /// A day `after`…`after + within` days after the last event (never after today).
    func next(after: Int, within: Int, _ r: inout DemoRandom) -> CivilDate {
        min(today, last.adding(days: after + r.int(0...within)))
    }

    /// A day in the last two weeks, not before the last event.
    func recent(_ r: inout DemoRandom) -> CivilDate {
        max(last, today.adding(days: -r.int(0...14)))
    }
}

extension DemoRandom {
    /// A time in office hours, `HH:mm`.
    mutating func time() -> String {
        String(int(9...18)).leftPadded(to: 2) + ":" + String(int(0...59)).leftPadded(to: 2)
    }
}
