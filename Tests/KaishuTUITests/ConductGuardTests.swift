import KaishuCore
import KaishuTestSupport
import Testing

@testable import KaishuTUI

/// LEGAL.md §10 in the workbench: a call saved in the quiet hours asks first; a call above the
/// weekly cap of attempts with one debtor warns. The local time comes from the runtime's
/// injected clock, never from `update`.
@Suite("Conduct guards when saving a call")
struct ConductGuardTests {
    /// The contact events of a case, newest last.
    static func contacts(_ h: Harness, _ caseID: Int64) async throws -> [ContactLog] {
        let file = try #require(await h.store.caseFile(caseID))
        return file.events.compactMap { event in
            if case .contact(let log) = event.fact { return log }
            return nil
        }
    }

    @Test("quiet hours: at 22:30 saving a call asks; n goes back to the note with the text kept, nothing recorded")
    func quietHoursAskAndKeepText() async throws {
        let h = await Harness(demo: 5, localTime: LocalTime(22, 30))
        let caseID = try #require(h.state.queue.selectedRow?.id)
        let before = try await Self.contacts(h, caseID).count
        await h.press(.char("c"), .char("1"))
        await h.type("夜分に折り返し希望")
        await h.press(.enter)

        guard case .quietHours(let question) = h.state.overlay else {
            Issue.record("no quiet-hours question; overlay: \(String(describing: h.state.overlay))")
            return
        }
        #expect(question.warnings.map(\.kind) == [.quietHours])
        // What would be logged, and why to pause, citing the rule as `kaishu case note` does.
        #expect(h.text.contains("Quiet hours"))
        #expect(h.text.contains("Call: no answer at 22:30"))
        #expect(h.text.contains("夜分に折り返し希望"))
        #expect(h.text.contains("22:30 is within the quiet hours 21:00–08:00"))
        #expect(h.text.contains("貸金業法21条1項1号"))
        #expect(h.text.contains("民法709条"))
        #expect(h.text.contains("y save anyway"))
        #expect(!h.text.contains("Saved"))
        #expect(await h.store.appendCount == 0)

        await h.press(.char("n"))
        guard case .form(let form) = h.state.overlay else {
            Issue.record("n did not return to the note; overlay: \(String(describing: h.state.overlay))")
            return
        }
        #expect(form.text(.note) == "夜分に折り返し希望")
        #expect(form.focus == form.index(of: .note))
        #expect(form.saving == nil)
        #expect(h.text.contains("夜分に折り返し希望"))
        #expect(h.text.contains("Not saved"))
        #expect(await h.store.appendCount == 0)
        #expect(try await Self.contacts(h, caseID).count == before)

        // Esc is "any other key" too; the text survives a second round.
        await h.press(.enter)
        guard case .quietHours = h.state.overlay else {
            Issue.record("Enter on the kept note did not ask again")
            return
        }
        await h.press(.escape)
        guard case .form(let again) = h.state.overlay else {
            Issue.record("Esc on the question closed the form")
            return
        }
        #expect(again.text(.note) == "夜分に折り返し希望")
        #expect(await h.store.appendCount == 0)
    }

    @Test("quiet hours: y saves the call exactly once, durable before \"Saved\" shows")
    func quietHoursYesRecordsOnce() async throws {
        let h = await Harness(demo: 5, localTime: LocalTime(22, 30))
        let caseID = try #require(h.state.queue.selectedRow?.id)
        let before = try await Self.contacts(h, caseID).count
        await h.press(.char("c"), .char("2"))
        await h.type("本人希望で夜に架電")
        await h.press(.enter)
        guard case .quietHours = h.state.overlay else {
            Issue.record("no quiet-hours question")
            return
        }
        await h.store.holdAppends()
        h.terminal.send(.char("y"))
        for _ in 0..<5 { h.runtime.step(timeout: 0.01) }
        // The write is running: the form says so, nothing says saved.
        guard case .form(let form) = h.state.overlay else {
            Issue.record("y did not start the save; overlay: \(String(describing: h.state.overlay))")
            return
        }
        #expect(form.saving != nil)
        #expect(!h.text.contains("Saved"))
        await h.store.releaseAppends()
        await h.settle()

        #expect(h.state.overlay == nil)
        #expect(h.text.contains("Saved: call, left message"))
        #expect(await h.store.appendCount == 1)
        let logs = try await Self.contacts(h, caseID)
        #expect(logs.count == before + 1)
        #expect(logs.last?.outcome == .leftMessage)
        #expect(logs.last?.text == "本人希望で夜に架電")
        // A later key does not record it again.
        await h.press(.char("j"))
        #expect(await h.store.appendCount == 1)
    }

    @Test("quiet hours: a save that fails after y is retried with Enter without asking again")
    func quietHoursRetryDoesNotAskAgain() async throws {
        let h = await Harness(demo: 5, localTime: LocalTime(23, 0))
        await h.store.failAppends(1, with: Refusal("database is locked"))
        await h.press(.char("c"), .char("1"))
        await h.type("不在")
        await h.press(.enter, .char("y"))
        guard case .form(let form) = h.state.overlay else {
            Issue.record("the form closed after a failed save")
            return
        }
        #expect(form.error?.contains("database is locked") == true)
        await h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.text.contains("Saved: call, no answer"))
        #expect(await h.store.appendCount == 1)
    }

    @Test("quiet hours: at 10:00 saving a call asks nothing")
    func daytimeNoQuestion() async throws {
        let h = await Harness(demo: 5, localTime: LocalTime(10, 0))
        let caseID = try #require(h.state.queue.selectedRow?.id)
        let before = try await Self.contacts(h, caseID).count
        await h.press(.char("c"), .char("1"))
        await h.type("不在")
        await h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(!h.text.contains("Quiet hours"))
        #expect(h.text.contains("Saved: call, no answer"))
        #expect(try await Self.contacts(h, caseID).count == before + 1)
    }

    @Test("quiet hours: the configured window is the one checked (12:00-13:00 asks at 12:30, 22:30 does not)")
    func configuredWindow() async throws {
        let lunch = ContactPolicy(quietHours: QuietHours(start: LocalTime(12, 0), end: LocalTime(13, 0)))
        let h = await Harness(demo: 5, localTime: LocalTime(12, 30), contactPolicy: lunch)
        await h.press(.char("c"), .char("1"), .enter)
        guard case .quietHours(let question) = h.state.overlay else {
            Issue.record("no question in the configured window")
            return
        }
        #expect(question.warnings.first?.message.contains("12:00–13:00") == true)
        let night = await Harness(demo: 5, localTime: LocalTime(22, 30), contactPolicy: lunch)
        await night.press(.char("c"), .char("1"), .enter)
        #expect(night.state.overlay == nil)
        #expect(await night.store.appendCount == 1)
    }

    @Test("quiet hours: without a clock (a fixed --today and no --time) nothing is asked, as on the command line")
    func noClockNoQuestion() async {
        let h = await Harness(demo: 5)
        #expect(h.state.localTime == nil)
        await h.press(.char("c"), .char("1"), .enter)
        #expect(h.state.overlay == nil)
        #expect(await h.store.appendCount == 1)
    }

    @Test("weekly cap: the (cap+1)th call in a week warns in the form and on the saved line; it still saves")
    func weeklyCapWarnsOnTheAttemptAboveIt() async throws {
        let cap = 2
        let h = await Harness(demo: 5, localTime: LocalTime(10, 0), contactPolicy: ContactPolicy(weeklyCap: cap))
        // All open cases, so the case stays in the list once a call moves its next action on.
        await h.press(.char("t"))
        let caseID = try #require(h.state.queue.selectedRow?.id)
        // From the queue: the form reads the case for its earlier attempts.
        for attempt in 1...cap {
            try #require(h.state.queue.selectedRow?.id == caseID)
            await h.press(.char("c"), .char("1"))
            guard case .form(let form) = h.state.overlay else {
                Issue.record("no form for attempt \(attempt)")
                return
            }
            #expect(form.weeklyCapWarning == nil, "attempt \(attempt) is within the cap")
            #expect(!h.text.contains("Warning"))
            await h.type("不在\(attempt)")
            await h.press(.enter)
            #expect(h.state.flash?.kind == .success)
            #expect(h.text.contains("Saved: call, no answer"))
            #expect(!h.text.contains("Warning"))
        }
        try #require(h.state.queue.selectedRow?.id == caseID)
        await h.press(.char("c"), .char("1"))
        guard case .form(let form) = h.state.overlay else {
            Issue.record("no form for the attempt above the cap")
            return
        }
        #expect(form.weeklyCapWarning?.kind == .weeklyCap)
        #expect(h.text.contains("Warning: this would be contact attempt 3 with this debtor"))
        #expect(h.text.contains("above the cap of 2"))
        await h.type("不在3")
        await h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.state.flash?.kind == .warning)
        #expect(h.text.contains("Saved: call, no answer. Warning: attempt 3 with this debtor in 7 days"))
        #expect(h.text.contains("above the weekly cap of 2"))
        #expect(try await Self.contacts(h, caseID).count == cap + 1)
        #expect(await h.store.appendCount == cap + 1)
    }

    @Test("weekly cap: on the open case the form warns at once; at night the question names both")
    func weeklyCapOnTheCasePageAndAtNight() async throws {
        let h = await Harness(demo: 5, localTime: LocalTime(21, 15), contactPolicy: ContactPolicy(weeklyCap: 1))
        await h.press(.enter)  // open the highlighted case
        #expect(h.state.page == .caseDetail)
        await h.press(.char("c"), .char("1"))
        await h.type("一回目")
        await h.press(.enter, .char("y"))
        #expect(h.text.contains("Saved: call, no answer"))
        await h.press(.char("c"), .char("1"))
        guard case .form(let form) = h.state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.weeklyCapWarning != nil)
        #expect(form.historyRequest == nil)  // the open case already holds its history
        await h.type("二回目")
        await h.press(.enter)
        guard case .quietHours(let question) = h.state.overlay else {
            Issue.record("no quiet-hours question")
            return
        }
        #expect(question.warnings.map(\.kind) == [.quietHours, .weeklyCap])
        #expect(h.text.contains("attempt 2 with this debtor"))
        await h.press(.char("y"))
        #expect(h.state.flash?.kind == .warning)
        #expect(await h.store.appendCount == 2)
    }

    @Test("update never reads a clock: the time it judges by is the one .clock gave it")
    func clockIsAnAction() {
        var state = UpdateTests.loaded()
        #expect(state.localTime == nil)
        var effects: [Effect]
        (state, _) = update(state, .char("c"))
        (state, _) = update(state, .char("1"))
        let form = state.overlay
        (state, effects) = update(state, .clock(LocalTime(7, 59)))
        #expect(effects.isEmpty)
        #expect(state.overlay == form)
        (state, effects) = update(state, .key(.enter))
        #expect(effects.isEmpty)
        guard case .quietHours = state.overlay else {
            Issue.record("07:59 is in the quiet hours")
            return
        }
        (state, _) = update(state, .char("x"))
        (state, _) = update(state, .clock(LocalTime(8, 0)))
        (state, effects) = update(state, .key(.enter))
        guard case .append(_, caseID: 7, action: .logContact, idempotencyKey: "s-1") = effects.first else {
            Issue.record("08:00 is outside the quiet hours: expected the write, got \(effects)")
            return
        }
    }
}
