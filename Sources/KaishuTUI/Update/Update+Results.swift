import KaishuCore

/// What the store answered: each result goes to the part of the state that asked for it.
extension Reducer {
    mutating func caseLoaded(_ id: RequestID, _ file: CaseFile?, _ caseState: CaseState?) {
        if var detail = state.detail, detail.loading == id {
            detail.loading = nil
            if let file, let caseState {
                detail.file = file
                detail.state = caseState
                detail.debtorName = caseState.debtor.name
                detail.error = nil
            } else {
                detail.error = "Case \(detail.id) is not in the case book (any more)"
            }
            state.detail = detail
            clampCaseScroll()
        }
        if case .form(var form) = state.overlay, form.historyRequest == id {
            form.historyRequest = nil
            if let caseState { form.weeklyCapWarning = weeklyCapWarning(before: caseState) }
            state.overlay = .form(form)
        }
        if case .quietHours(var question) = state.overlay, question.form.historyRequest == id {
            question.form.historyRequest = nil
            if let caseState, let cap = weeklyCapWarning(before: caseState) {
                question.form.weeklyCapWarning = cap
                question.warnings = question.warnings.filter { $0.kind != .weeklyCap } + [cap]
            }
            state.overlay = .quietHours(question)
        }
        if case .escalation(var dialog) = state.overlay, dialog.loading == id {
            if let caseState {
                dialog.fill(from: caseState, today: state.today)
            } else {
                dialog.loading = nil
                dialog.error = "Case \(dialog.target.id) is not in the case book (any more)"
            }
            state.overlay = .escalation(dialog)
        }
    }

    mutating func appended(_ id: RequestID, _ file: CaseFile, _ caseState: CaseState) {
        switch state.overlay {
        case .form(let form) where form.saving == id:
            state.overlay = nil
            discardDraft(form)
            if case .contact = form.purpose, let count = attemptAboveCap(after: caseState) {
                // The form gave the full sentence; the hint line has room for the count.
                state.flash = Flash(
                    .warning,
                    "Saved: \(savedSummary(form)). Warning: attempt \(count) with this debtor in 7 days, "
                        + "above the weekly cap of \(state.config.contactPolicy.weeklyCap)")
            } else {
                state.flash = Flash(.success, "Saved: \(savedSummary(form)) (\(caseState.debtor.name))")
            }
        case .escalation(let dialog) where dialog.saving == id:
            state.overlay = nil
            state.flash = Flash(
                .success,
                "Saved: escalated to \(caseState.stage.rawValue) \(caseState.stage.japaneseName) (\(caseState.debtor.name))"
            )
        case .letter(let pane) where pane.busy == id:
            letterAppended(pane, caseState)
        default:
            break
        }
        if var detail = state.detail, detail.id == file.id {
            detail.file = file
            detail.state = caseState
            state.detail = detail
            clampCaseScroll()
        }
        reloadQueue(target: .keep(caseID: state.queue.selectedRow?.id, index: state.queue.selected))
        loadCounts()
    }

    func savedSummary(_ form: Form) -> String {
        switch form.purpose {
        case .contact(let outcome): "call, \(outcome.label)"
        case .payment: "payment of ¥\(FieldParsing.amount(form.text(.amount) ?? "")?.grouped ?? "?")"
        case .acknowledgment: "acknowledgment"
        case .legalFact(let kind): kind.title.lowercased()
        case .dispute(let on): on ? "marked disputed" : "dispute resolved"
        case .hold(let on): on ? "put on hold" : "hold released"
        case .reschedule:
            "next action on \(FieldParsing.date(form.text(.date) ?? "", today: state.today)?.iso ?? form.text(.date) ?? "")"
        case .deescalate(let stage): "back to \(stage.rawValue)"
        }
    }

    mutating func demoCreated(_ id: RequestID) {
        guard state.demoRequest == id else { return }
        state.demoRequest = nil
        state.page = .queue
        state.showingImportHelp = false
        state.flash = Flash(.success, "Demo case book created")
        reloadQueue(target: .first)
        loadCounts()
    }

    mutating func failed(_ id: RequestID, _ message: String) {
        if state.queue.reload?.request == id {
            state.queue.reload = nil
            state.queue.loaded = true
            state.queue.error = message
            state.flash = Flash(.error, "Could not load the queue: \(message)")
        }
        if state.queue.extending?.request == id {
            state.queue.extending = nil
            state.flash = Flash(.error, "Could not load more cases: \(message)")
        }
        if state.countsRequest == id {
            state.countsRequest = nil
        }
        if state.demoRequest == id {
            state.demoRequest = nil
            state.flash = Flash(.error, "Could not create the demo case book: \(message)")
        }
        if var detail = state.detail, detail.loading == id {
            detail.loading = nil
            detail.error = message
            state.detail = detail
        }
        letterFailed(id, message)
        switch state.overlay {
        case .form(var form) where form.saving == id:
            form.saving = nil
            form.error = "Not saved: \(message). Your text is kept: Enter retries, Esc discards."
            state.overlay = .form(form)
        case .form(var form) where form.historyRequest == id:
            form.historyRequest = nil  // the weekly cap is judged again once saved
            state.overlay = .form(form)
        case .quietHours(var question) where question.form.historyRequest == id:
            question.form.historyRequest = nil
            state.overlay = .quietHours(question)
        case .escalation(var dialog) where dialog.saving == id:
            dialog.saving = nil
            dialog.error = "Not saved: \(message)"
            state.overlay = .escalation(dialog)
        case .escalation(var dialog) where dialog.loading == id:
            dialog.loading = nil
            dialog.error = "Could not load the case: \(message)"
            state.overlay = .escalation(dialog)
        default:
            break
        }
    }
}
