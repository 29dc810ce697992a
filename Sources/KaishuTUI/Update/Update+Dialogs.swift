import KaishuCore

/// Pickers, the escalation dialog, forms and the filter line.
extension Reducer {
    mutating func globalCommand(_ command: Command) -> Bool {
        switch command {
        case .help: state.help = 0
        case .quit: state.exitStatus = 0
        case .suspend: effects.append(.suspend)
        case .redraw: effects.append(.redraw)
        default: return false
        }
        return true
    }

    /// Opens a call form with the weekly cap's warning: at once on the case's page, else after
    /// reading the case for its earlier attempts (from the queue, or a draft restored at start).
    mutating func openContactForm(_ form: Form) {
        var form = form
        if let caseState = state.detail?.state, caseState.id == form.target.id {
            form.weeklyCapWarning = weeklyCapWarning(before: caseState)
        } else {
            let id = state.makeRequest()
            form.historyRequest = id
            effects.append(.loadCase(id, form.target.id))
        }
        state.overlay = .form(form)
    }

    mutating func outcomePickerCommand(_ command: Command, target: CaseTarget) {
        if globalCommand(command) { return }
        switch command {
        case .pickOutcome(let outcome):
            openContactForm(FormCatalog.contact(outcome, target))
        default:
            state.overlay = nil
        }
    }

    mutating func stagePickerCommand(_ command: Command, target: CaseTarget, stages: [Stage]) {
        if globalCommand(command) { return }
        switch command {
        case .pickIndex(let index):
            guard stages.indices.contains(index) else {
                effects.append(.bell)
                return
            }
            state.overlay = .form(FormCatalog.deescalate(target, to: stages[index]))
        default:
            state.overlay = nil
        }
    }

    mutating func escalationCommand(_ command: Command, dialog: EscalationDialog) {
        if globalCommand(command) { return }
        var dialog = dialog
        if dialog.saving != nil { return }  // the write is running: wait for the store
        switch command {
        case .pickIndex(let index):
            guard dialog.options.indices.contains(index) else {
                effects.append(.bell)
                return
            }
            dialog.selected = index
            dialog.error = nil
        case .moveDown:
            dialog.selected = min(max(0, dialog.options.count - 1), dialog.selected + 1)
            dialog.error = nil
        case .moveUp:
            dialog.selected = max(0, dialog.selected - 1)
            dialog.error = nil
        case .confirm, .confirmOverride:
            guard dialog.loading == nil, let option = dialog.selectedOption else {
                effects.append(.bell)
                return
            }
            var override = false
            if option.refusal != nil {
                let canOverride =
                    dialog.overridable.indices.contains(dialog.selected)
                    && dialog.overridable[dialog.selected]
                guard command == .confirmOverride, canOverride else {
                    // The refusal is already on screen; only the override needs saying.
                    if canOverride {
                        dialog.error = "Press ! to escalate anyway (recorded as an override)."
                    } else {
                        effects.append(.bell)
                    }
                    state.overlay = .escalation(dialog)
                    return
                }
                override = true
            }
            let action = CaseAction.escalate(to: option.to, reason: nil, court: nil, override: override)
            let (id, attempt) = beginWrite(action, previous: dialog.attempt)
            dialog.saving = id
            dialog.attempt = attempt
            dialog.error = nil
            effects.append(
                .append(id, caseID: dialog.target.id, action: action, idempotencyKey: attempt.idempotencyKey))
        default:
            state.overlay = nil
            state.flash = Flash(.info, "Escalation cancelled: nothing recorded")
            return
        }
        state.overlay = .escalation(dialog)
    }

    /// Issues a request id and the idempotency key for a write. Retrying the very same action
    /// reuses the previous key.
    mutating func beginWrite(_ action: CaseAction, previous: WriteAttempt?) -> (RequestID, WriteAttempt) {
        let id = state.makeRequest()
        if let previous, previous.action == action { return (id, previous) }
        state.writeCount += 1
        let key = "\(state.config.sessionID)-\(state.writeCount)"
        return (id, WriteAttempt(action: action, idempotencyKey: key))
    }

    mutating func formCommand(_ command: Command, key: Key, form: Form) {
        let typed = form.fields.map(\.editor.characters)
        var form = form
        if form.saving != nil {
            // While the store writes, the text is frozen; only quitting and redraw still work.
            _ = globalCommand(command)
            return
        }
        switch command {
        case .help, .quit, .suspend, .redraw:
            _ = globalCommand(command)
            return
        case .submit:
            if let message = FormCatalog.validate(form.fields[form.focus], today: state.today) {
                form.error = message
            } else if form.focus < form.fields.count - 1 {
                form.focus += 1
                form.error = nil
            } else {
                submit(form)
                return
            }
        case .nextField:
            form.focus = min(form.fields.count - 1, form.focus + 1)
        case .previousField:
            form.focus = max(0, form.focus - 1)
        case .cancel:
            state.overlay = nil
            state.flash = Flash(.info, "Cancelled: nothing saved")
            discardDraft(form)
            return
        case .edit:
            form.fields[form.focus].editor.apply(key)
        case .insert:
            guard case .char(let character) = key else {
                effects.append(.bell)
                return
            }
            if form.fields[form.focus].editor.insert(String(character), whole: true) {
                form.error = nil
            } else {
                form.error = Self.tooLong(form.fields[form.focus], adding: String(character), pasted: false)
                effects.append(.bell)
            }
        default:
            break
        }
        state.overlay = .form(form)
        if form.fields.map(\.editor.characters) != typed { keepDraft(form) }
    }

    /// Saves a filled form, or shows what is wrong with it. A call in the quiet hours first asks
    /// (`QuietHoursQuestion`) unless the collector already said `y` to this one.
    mutating func submit(_ form: Form) {
        var form = form
        switch FormCatalog.action(for: form, today: state.today) {
        case .failure(let invalid):
            form.focus = invalid.field
            form.error = invalid.message
        case .success(let action):
            if let question = quietHoursQuestion(form) {
                form.error = nil
                state.overlay = .quietHours(question)
                return
            }
            let (id, attempt) = beginWrite(action, previous: form.attempt)
            form.saving = id
            form.attempt = attempt
            form.error = nil
            effects.append(.append(id, caseID: form.target.id, action: action, idempotencyKey: attempt.idempotencyKey))
        }
        state.overlay = .form(form)
    }

    // MARK: - Conduct (LEGAL.md §10)

    /// The question to ask before saving `form`: a call, not yet confirmed, while the local
    /// time is in the quiet hours. `nil` without a clock, as `kaishu case note` with a fixed
    /// `--today` and no `--time`.
    func quietHoursQuestion(_ form: Form) -> QuietHoursQuestion? {
        guard case .contact = form.purpose, !form.quietHoursConfirmed, let time = state.localTime,
            let quiet = ContactConduct.quietHoursWarning(at: time, window: state.config.contactPolicy.quietHours)
        else { return nil }
        return QuietHoursQuestion(form: form, warnings: [quiet] + [form.weeklyCapWarning].compactMap { $0 })
    }

    /// The weekly cap's warning for one more call today on a case as it stood before it.
    func weeklyCapWarning(before caseState: CaseState) -> ConductWarning? {
        ContactConduct.weeklyCapWarning(
            previousAttempts: ContactConduct.attemptDates(in: caseState), on: state.today,
            cap: state.config.contactPolicy.weeklyCap)
    }

    /// The call just recorded, judged on the case as the store now holds it (every collector's
    /// calls included): its number in the rolling week when that is above the weekly cap.
    func attemptAboveCap(after caseState: CaseState) -> Int? {
        var previous = ContactConduct.attemptDates(in: caseState)
        guard let just = previous.lastIndex(of: state.today) else { return nil }
        previous.remove(at: just)
        let count = ContactConduct.attemptsInWeek(previousAttempts: previous, on: state.today)
        return count > state.config.contactPolicy.weeklyCap ? count : nil
    }

    /// `y` saves the call as typed; any other key goes back to the note, nothing lost.
    mutating func quietHoursCommand(_ command: Command, question: QuietHoursQuestion) {
        if globalCommand(command) { return }
        var form = question.form
        switch command {
        case .confirm:
            form.quietHoursConfirmed = true
            submit(form)
        default:
            state.overlay = .form(form)
            state.flash = Flash(.info, "Not saved: the call is back in the form (Enter asks again, Esc discards it)")
        }
    }

    mutating func filterCommand(_ command: Command, key: Key, editor: LineEditor) {
        var editor = editor
        switch command {
        case .help, .quit, .suspend, .redraw:
            _ = globalCommand(command)
            return
        case .submit:
            let text = editor.committed
            state.overlay = nil
            state.queue.filter = text.isEmpty ? nil : text
            state.flash = Flash(.info, text.isEmpty ? "Filter cleared" : "Filter: \(text)")
            reloadQueue(target: .first)
            return
        case .cancel:
            state.overlay = nil
            return
        case .edit, .insert:
            guard command == .edit || key.isTypable else {
                effects.append(.bell)
                return
            }
            editor.apply(key)
        default:
            break
        }
        state.overlay = .filter(editor)
    }
}
