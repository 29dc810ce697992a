import Foundation

/// Call-note drafts: saves and deletes are handed to the `DraftStore`, which does them on its own
/// queue and is not tracked as pending work (no frame waits for a draft to be written); looking
/// for a draft is tracked like a load, and answers only when there is one.
extension EffectRunner {
    func startDraft(_ effect: DraftEffect) {
        guard let drafts else { return }
        let post = self.post
        switch effect {
        case .save(let draft):
            drafts.save(draft)
        case .discard(let caseID):
            drafts.discard(caseID: caseID)
        case .look(let caseID):
            track {
                if let draft = drafts.draft(caseID: caseID) { post(.draftsFound([draft], atStart: false)) }
            }
        case .lookAll:
            track {
                let all = drafts.all()
                if !all.isEmpty { post(.draftsFound(all, atStart: true)) }
            }
        }
    }
}
