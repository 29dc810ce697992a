import KaishuCore

/// Drafts of call notes (`NoteDraft`): kept while typed, forgotten when saved or cancelled,
/// reopened when the workbench comes back to the case. `update` only asks; the runtime's
/// `DraftStore` writes, debounced, off the loop's thread.
extension Reducer {
    /// A key changed the text of a form: keep the call form's text (or forget it when every
    /// field is empty again).
    mutating func keepDraft(_ form: Form) {
        guard state.config.keepsDrafts, NoteDraft.keeps(form) else { return }
        if let draft = NoteDraft(form) {
            effects.append(.draft(.save(draft)))
        } else {
            effects.append(.draft(.discard(caseID: form.target.id)))
        }
    }

    /// The note was saved (the store committed) or the collector pressed Esc.
    mutating func discardDraft(_ form: Form) {
        guard state.config.keepsDrafts, NoteDraft.keeps(form) else { return }
        effects.append(.draft(.discard(caseID: form.target.id)))
    }

    mutating func lookForDraft(caseID: Int64) {
        guard state.config.keepsDrafts else { return }
        effects.append(.draft(.look(caseID: caseID)))
    }

    /// A kept draft came back. It reopens its form when nothing else is open: on its case's page,
    /// or at start on the queue (opening the case first). A dialog in use is never replaced, and
    /// a case the collector has already left is not opened again.
    mutating func draftsFound(_ drafts: [NoteDraft], atStart: Bool) {
        guard let draft = drafts.first, state.overlay == nil, state.help == nil else { return }
        switch state.page {
        case .caseDetail:
            guard state.detail?.id == draft.caseID else { return }
        case .queue where atStart:
            openCase(id: draft.caseID, debtorName: draft.debtorName)
        case .queue, .firstRun:
            return
        }
        openContactForm(draft.form)
        let more = drafts.count > 1 ? " (\(drafts.count - 1) more kept: open those cases to continue them)" : ""
        state.flash = Flash(
            .info, "Restored your unsaved call note for \(draft.debtorName): Enter saves, Esc discards it\(more)")
    }
}
