import KaishuCore

/// The workbench's one state transition: pure, synchronous, total.
///
/// Given the state and what happened, it returns the next state and the effects to run
/// (store reads and writes, suspending the terminal …). It never performs I/O and never reads a
/// clock, so every key can be tested by comparing states and effects with `==`.
///
///     let (next, effects) = update(state, .char("c"))
///     #expect(next.overlay == .outcomePicker(target))
///     #expect(effects.isEmpty)
public func update(_ state: AppState, _ action: Action, keys: KeyMap = .standard) -> (AppState, [Effect]) {
    var reducer = Reducer(state: state, keys: keys)
    reducer.handle(action)
    reducer.teamAfter()
    return (reducer.state, reducer.effects)
}

/// The working parts of `update`: a state being changed and the effects collected on the way.
/// Split by concern across `Update+*.swift`.
struct Reducer {
    var state: AppState
    var effects: [Effect] = []
    let keys: KeyMap

    init(state: AppState, keys: KeyMap) {
        self.state = state
        self.keys = keys
    }

    mutating func handle(_ action: Action) {
        teamBefore(action)
        switch action {
        case .start:
            reloadQueue(target: .first)
            loadCounts()
            if state.config.keepsDrafts { effects.append(.draft(.lookAll)) }
        case .input(let event):
            handleInput(event)
        case .queueLoaded(let id, let page):
            queueLoaded(id, page)
        case .countsLoaded(let id, let counts):
            countsLoaded(id, counts)
        case .caseLoaded(let id, let file, let caseState):
            caseLoaded(id, file, caseState)
        case .appended(let id, let file, let caseState):
            appended(id, file, caseState)
        case .demoCreated(let id):
            demoCreated(id)
        case .failed(let id, let message):
            failed(id, message)
        case .terminate(let signal):
            state.exitStatus = 128 + signal
        case .clock(let time):
            state.localTime = time
        case .claimed, .leaseRenewed, .timerFired, .caseChanged, .unreachable:
            handleTeam(action)
        case .letter(let result):
            letterResult(result)
        case .draftsFound(let drafts, let atStart):
            draftsFound(drafts, atStart: atStart)
        }
    }

    // MARK: - Input

    mutating func handleInput(_ event: InputEvent) {
        switch event {
        case .resize(let size):
            state.size = size
            normalizeQueue()
            clampCaseScroll()
            clampHelpScroll()
            clampLetterScroll()
        case .mouse(let mouse):
            handleMouse(mouse)
        case .paste(let text):
            paste(text)
        case .key(let key):
            state.flash = nil
            handleKey(key)
        }
    }

    mutating func handleKey(_ key: Key) {
        if state.help != nil {
            if let command = keys.command(for: key, in: [.help]) { helpCommand(command) }
            return
        }
        if let overlay = state.overlay {
            switch overlay {
            case .outcomePicker(let target):
                if let command = keys.command(for: key, in: [.global, .outcomePicker]) {
                    outcomePickerCommand(command, target: target)
                }
            case .stagePicker(let target, let stages):
                if let command = keys.command(for: key, in: [.global, .stagePicker]) {
                    stagePickerCommand(command, target: target, stages: stages)
                }
            case .escalation(let dialog):
                if let command = keys.command(for: key, in: [.global, .escalation]) {
                    escalationCommand(command, dialog: dialog)
                }
            case .form(let form):
                if let command = keys.command(for: key, in: [.form], textEntry: true) {
                    formCommand(command, key: key, form: form)
                }
            case .filter(let editor):
                if let command = keys.command(for: key, in: [.filter], textEntry: true) {
                    filterCommand(command, key: key, editor: editor)
                }
            case .letter(let pane):
                if let command = keys.command(for: key, in: [.global, .letter]) {
                    letterCommand(command, pane: pane)
                }
            case .quietHours(let question):
                if let command = keys.command(for: key, in: [.global, .quietHours]) {
                    quietHoursCommand(command, question: question)
                }
            }
            return
        }
        let contexts: [KeyContext]
        switch state.page {
        case .queue: contexts = [.global, .navigation, .caseActions, .queue]
        case .caseDetail: contexts = [.global, .navigation, .caseActions, .caseDetail]
        case .firstRun: contexts = [.global, .firstRun]
        }
        guard let command = keys.command(for: key, in: contexts) else {
            effects.append(.bell)
            return
        }
        pageCommand(command)
    }

    mutating func pageCommand(_ command: Command) {
        switch command {
        case .help:
            state.help = 0
        case .quit:
            state.exitStatus = 0
        case .suspend:
            effects.append(.suspend)
        case .redraw:
            effects.append(.redraw)
        case .logContact, .escalate, .deescalate, .payment, .acknowledge, .legalFact, .toggleDispute,
            .toggleHold, .reschedule, .previewLetter:
            caseAction(command)
        case .createDemo:
            createDemo()
        case .showImportHelp:
            state.showingImportHelp = true
        default:
            switch state.page {
            case .queue: queueCommand(command)
            case .caseDetail: caseCommand(command)
            case .firstRun: break
            }
        }
    }

    mutating func helpCommand(_ command: Command) {
        guard var scroll = state.help else { return }
        let page = max(1, state.size.rows - 4)
        switch command {
        case .moveDown: scroll += 1
        case .moveUp: scroll -= 1
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        default:
            state.help = nil
            return
        }
        state.help = scroll
        clampHelpScroll()
    }

    mutating func clampHelpScroll() {
        guard let scroll = state.help else { return }
        let total = keys.helpLines().count
        let visible = max(1, HelpView.bodyRows(in: state.size))
        state.help = max(0, min(scroll, total - visible))
    }

    mutating func paste(_ text: String) {
        switch state.overlay {
        case .form(var form) where form.saving == nil:
            if form.fields[form.focus].editor.insert(text, whole: true) {
                form.error = nil
                keepDraft(form)
            } else {
                form.error = Self.tooLong(form.fields[form.focus], adding: text, pasted: true)
                effects.append(.bell)
            }
            state.overlay = .form(form)
        case .filter(var editor):
            editor.insert(text)
            state.overlay = .filter(editor)
        default:
            break
        }
    }

    /// What to say when text does not fit in a field: the field, its limit, and that nothing of
    /// it was taken (a note cut off without a word would be a garbled record).
    static func tooLong(_ field: Form.Field, adding text: String, pasted: Bool) -> String {
        let limit = field.editor.maxLength
        let room = max(0, limit - field.editor.characters.count)
        if pasted {
            return "\(field.label): the paste (\(text.count) characters) does not fit; "
                + "the field holds at most \(limit) characters (\(room) left). Nothing was pasted."
        }
        return "\(field.label): at most \(limit) characters"
    }

    // MARK: - Mouse

    mutating func handleMouse(_ mouse: MouseEvent) {
        if state.help != nil {
            switch mouse.kind {
            case .wheelDown: helpCommand(.moveDown)
            case .wheelUp: helpCommand(.moveUp)
            default: break
            }
            return
        }
        guard state.overlay == nil else { return }
        switch (state.page, mouse.kind) {
        case (.queue, .wheelDown): moveSelection(by: 3)
        case (.queue, .wheelUp): moveSelection(by: -3)
        case (.queue, .click), (.queue, .doubleClick):
            let index = state.queue.top + mouse.at.row - QueueView.firstListRow
            guard mouse.at.row >= QueueView.firstListRow, mouse.at.row < QueueView.firstListRow + state.listHeight,
                state.queue.rows.indices.contains(index)
            else { return }
            state.queue.selected = index
            normalizeQueue()
            if mouse.kind == .doubleClick { queueCommand(.open) }
        case (.caseDetail, .wheelDown): scrollCase(by: 3)
        case (.caseDetail, .wheelUp): scrollCase(by: -3)
        default: break
        }
    }

    // MARK: - Helpers

    mutating func loadCounts() {
        let id = state.makeRequest()
        state.countsRequest = id
        effects.append(.loadCounts(id, today: state.today))
    }

    mutating func createDemo() {
        guard state.config.canCreateDemo, state.demoRequest == nil else {
            effects.append(.bell)
            return
        }
        let id = state.makeRequest()
        state.demoRequest = id
        state.flash = Flash(.info, "Creating the demo case book…")
        effects.append(.createDemo(id))
    }
}
