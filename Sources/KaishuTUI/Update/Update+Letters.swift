import KaishuCore
import KaishuLetters

/// `l` and the letter pane: drafting, scrolling, writing, editing, sending and recording. The
/// work itself runs as `LetterEffect`s; this only decides what to ask for and shows answers.
extension Reducer {
    mutating func openLetter(_ target: CaseTarget) {
        guard let kind = LetterKind(stage: target.stage) else {
            state.flash = Flash(
                .error,
                "A case at \(target.stage.rawValue) sends no letter: letters go out at email, demand-letter and certified-mail (e escalates)"
            )
            return
        }
        var pane = LetterPane(target: target, kind: kind)
        let id = state.makeRequest()
        pane.loading = id
        state.overlay = .letter(pane)
        effects.append(.letter(.draft(id, caseID: target.id, kind: kind)))
    }

    mutating func letterCommand(_ command: Command, pane: LetterPane) {
        if globalCommand(command) { return }
        var pane = pane
        defer { if case .letter = state.overlay { state.overlay = .letter(pane) } }
        if let question = pane.question {
            pane.question = nil
            if command == .confirm {
                answer(question, &pane)
            } else {
                pane.notice = Flash(.info, question == .send ? "Not sent: nothing recorded" : "Nothing recorded")
            }
            return
        }
        let page = max(1, LetterView.bodyRows(in: state.size))
        switch command {
        case .moveDown: pane.scroll += 1
        case .moveUp: pane.scroll -= 1
        case .pageDown: pane.scroll += page
        case .pageUp: pane.scroll -= page
        case .top: pane.scroll = 0
        case .bottom: pane.scroll = Int.max / 2
        case .back:
            if pane.work == .sending || pane.work == .recording {
                pane.notice = Flash(.info, "Wait: the letter is being \(pane.work == .sending ? "sent" : "recorded")")
                return
            }
            state.overlay = nil
            return
        case .writeLetter, .editLetter, .sendLetter, .recordLetter:
            guard let letter = pane.letter else {
                pane.notice = Flash(
                    .error, pane.loading != nil ? "The letter is still being drafted" : "There is no letter to work on")
                return
            }
            guard pane.busy == nil else {
                pane.notice = Flash(.info, "Wait: the last step is still running")
                return
            }
            switch command {
            case .writeLetter:
                start(.writing, &pane) { .write($0, letter) }
            case .editLetter:
                start(.editing, &pane) { .edit($0, letter) }
            case .sendLetter:
                guard let email = letter.email else {
                    pane.notice = Flash(
                        .error,
                        "s sends emails; a \(pane.kind.englishName) is printed and posted: w writes it, r records it as sent"
                    )
                    return
                }
                pane.question = .send
                pane.notice = Flash(.info, "Send this email to \(email.to.map(\.address).joined(separator: ", ")) now?")
            default:
                pane.question = .record
                pane.notice = Flash(
                    .info,
                    "Record the \(pane.kind.englishName) as sent on \(state.today.iso)\(escalationNote(pane))?")
            }
        case .legalFact(.demandDelivered):
            state.overlay = .form(FormCatalog.legalFact(.demandDelivered, pane.target, today: state.today))
            requestDeliveryPreview(pane.target)
        default:
            effects.append(.bell)
        }
        pane.scroll = clampedLetterScroll(pane)
    }

    /// " (the case moves up to demand-letter first)" when recording escalates.
    func escalationNote(_ pane: LetterPane) -> String {
        if let here = pane.target.stage.rung, let there = pane.kind.stage.rung, here < there {
            return " (the case moves up to \(pane.kind.stage.rawValue) first)"
        }
        return ""
    }

    private mutating func start(
        _ work: LetterPane.Work, _ pane: inout LetterPane, _ effect: (RequestID) -> LetterEffect
    ) {
        let id = state.makeRequest()
        pane.busy = id
        pane.work = work
        pane.notice = nil
        effects.append(.letter(effect(id)))
    }

    private mutating func answer(_ question: LetterPane.Question, _ pane: inout LetterPane) {
        guard let letter = pane.letter else { return }
        let key: String
        if let previous = pane.attempt {
            key = previous
        } else {
            state.writeCount += 1
            key = "\(state.config.sessionID)-\(state.writeCount)"
            pane.attempt = key
        }
        let caseID = pane.target.id
        switch question {
        case .send:
            guard let email = letter.email else { return }
            start(.sending, &pane) { .send($0, caseID: caseID, email: email, idempotencyKey: key) }
            pane.notice = Flash(.info, "Sending…")
        case .record:
            let kind = pane.kind
            let reference = letter.email?.messageID
            start(.recording, &pane) {
                .record($0, caseID: caseID, kind: kind, reference: reference, idempotencyKey: key)
            }
            pane.notice = Flash(.info, "Recording…")
        }
    }

    func clampedLetterScroll(_ pane: LetterPane) -> Int {
        let lines = LetterDocument.document(
            pane, width: LetterView.bodyWidth(in: state.size), measure: state.config.measure
        ).lines.count
        return max(0, min(pane.scroll, lines - LetterView.bodyRows(in: state.size)))
    }

    mutating func clampLetterScroll() {
        guard case .letter(var pane) = state.overlay else { return }
        pane.scroll = clampedLetterScroll(pane)
        state.overlay = .letter(pane)
    }

    /// Asks what a delivery today would do to limitation, for the `D` form's notes.
    mutating func requestDeliveryPreview(_ target: CaseTarget) {
        let id = state.makeRequest()
        effects.append(.letter(.deliveryPreview(id, caseID: target.id, on: state.today)))
    }

    // MARK: - Results

    mutating func letterResult(_ result: LetterResult) {
        if case .deliveryPreview(_, let caseID, let date, let change) = result {
            guard case .form(var form) = state.overlay, form.purpose == .legalFact(.demandDelivered),
                form.target.id == caseID
            else { return }
            form.notes.append("If delivered on \(date.iso): \(change.summary).")
            state.overlay = .form(form)
            return
        }
        guard case .letter(var pane) = state.overlay else { return }
        switch result {
        case .drafted(let id, let file, let letter) where pane.loading == id:
            pane.loading = nil
            pane.letter = letter
            pane.file = file
        case .written(let id, let path) where pane.busy == id:
            pane.busy = nil
            pane.work = nil
            pane.notice = Flash(.success, "Wrote \(path)")
        case .edited(let id, let edited) where pane.busy == id:
            pane.busy = nil
            pane.work = nil
            pane.edited = edited
            pane.scroll = 0
            pane.notice = Flash(
                .success,
                pane.kind == .email
                    ? "Your copy is in \(edited.path); s sends the draft as drafted: send your copy from your mail program, then r"
                    : "Your copy is in \(edited.path): print that file, then r records it as sent")
        case .mailed(let id, let delivery, let file, let caseState) where pane.busy == id:
            switch delivery {
            case .sent(let messageID):
                if let file, let caseState {
                    appended(id, file, caseState)
                    state.flash = Flash(
                        .success, "Sent and recorded: email to \(caseState.debtor.name) (Message-ID \(messageID))")
                }
                return
            case .written(let path, _):
                pane.busy = nil
                pane.work = nil
                pane.attempt = nil
                pane.notice = Flash(
                    .info,
                    "No sendmail command is configured: the message is in \(path). Send it from your mail program, then r records it. Nothing recorded yet."
                )
            }
        default:
            return
        }
        pane.scroll = clampedLetterScroll(pane)
        state.overlay = .letter(pane)
    }

    /// The pane's write committed (`appended` calls this first): close it and say what was saved.
    mutating func letterAppended(_ pane: LetterPane, _ caseState: CaseState) {
        state.overlay = nil
        let moved = pane.target.stage != caseState.stage ? ", case moved to \(caseState.stage.rawValue)" : ""
        state.flash = Flash(
            .success,
            "Saved: \(pane.kind.japaneseName) \(pane.kind.englishName) sent on \(state.today.iso)\(moved) (\(caseState.debtor.name))"
        )
    }

    mutating func letterFailed(_ id: RequestID, _ message: String) {
        guard case .letter(var pane) = state.overlay else { return }
        if pane.loading == id {
            pane.loading = nil
            pane.notice = Flash(.error, "Could not draft the letter: \(message)")
        } else if pane.busy == id {
            let what: String =
                switch pane.work {
                case .writing: "Not written"
                case .editing: "Editor failed"
                case .sending: "Not sent"
                case .recording: "Not recorded"
                case nil: "Failed"
                }
            pane.busy = nil
            pane.work = nil
            pane.notice = Flash(.error, "\(what): \(message)")
        } else {
            return
        }
        state.overlay = .letter(pane)
    }
}
