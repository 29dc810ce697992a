import Foundation
import KaishuCore

/// Team mode: claiming the open case, keeping the claim alive, following other collectors'
/// changes, and riding out a store that went away. Everything here is inert unless
/// `state.team.leasing` or `state.team.watching` is on.
extension Reducer {
    // MARK: - Around every action

    /// Bookkeeping before an action is handled: a result from the store means it is reachable
    /// again (then the page re-queries, since notifications were lost meanwhile), and an answered
    /// write is no longer pending.
    mutating func teamBefore(_ action: Action) {
        switch action {
        case .start:
            if state.team.watching { effects.append(.watchChanges) }
            if state.team.enabled { effects.append(.schedule(.poll, seconds: state.team.pollSeconds)) }
        case .queueLoaded, .countsLoaded, .caseLoaded, .appended, .claimed, .leaseRenewed, .demoCreated:
            if state.team.unreachable != nil {
                state.team.unreachable = nil
                if case .appended = action {} else { requery() }
            }
        default:
            break
        }
        switch action {
        case .appended(let id, _, _), .failed(let id, _):
            state.team.saves[id] = nil
        default:
            break
        }
        if case .failed(let id, let message) = action { teamFailed(id, message) }
    }

    /// After the action: writes to the claimed case carry the claim, every write is remembered
    /// until answered (for retries), and quitting gives the claim back.
    mutating func teamAfter() {
        guard state.team.enabled else { return }
        effects = effects.map { effect in
            guard case .append(let id, let caseID, let action, let key) = effect else { return effect }
            let sent: Effect
            if let lease = state.team.lease, lease.caseID == caseID {
                sent = .appendLeased(id, caseID: caseID, action: action, idempotencyKey: key, lease: lease)
            } else {
                sent = effect
            }
            if state.team.saves[id] == nil { state.team.saves[id] = PendingSave(effect: sent) }
            return sent
        }
        if state.exitStatus != nil, let lease = state.team.lease {
            state.team.lease = nil
            effects.append(.release(lease))
        }
    }

    // MARK: - Team actions

    mutating func handleTeam(_ action: Action) {
        switch action {
        case .claimed(let id, let claimed):
            claimAnswered(id, claimed)
        case .leaseRenewed(let id, let lease):
            guard state.team.heartbeat == id else { return }
            state.team.heartbeat = nil
            guard state.team.lease?.caseID == lease.caseID else { return }
            state.team.lease = lease
            effects.append(.schedule(.heartbeat, seconds: state.team.heartbeatSeconds))
        case .timerFired(let timer):
            timerFired(timer)
        case .caseChanged(let caseID):
            caseChanged(caseID)
        case .unreachable(let id, let message):
            unreachable(id, message)
        default:
            break
        }
    }

    mutating func claimAnswered(_ id: RequestID, _ claimed: ClaimedCase?) {
        if state.team.claiming == id {
            state.team.claiming = nil
            guard let claimed else { return }
            if state.page == .caseDetail, state.detail?.id == claimed.lease.caseID {
                hold(claimed.lease)
            } else {
                // The collector left the case before the claim arrived.
                effects.append(.release(claimed.lease))
            }
        } else if state.team.claimingNext == id {
            state.team.claimingNext = nil
            guard let claimed else {
                state.flash = Flash(.info, "No free case is due today: the others are claimed, or the queue is done")
                return
            }
            if state.overlay != nil {
                // A dialog opened meanwhile: never throw away what is being typed in it.
                effects.append(.release(claimed.lease))
                state.flash = Flash(.info, "A dialog is open: finish it, then press n again")
                return
            }
            if let old = state.team.lease, old.caseID != claimed.lease.caseID {
                effects.append(.release(old))
            }
            hold(claimed.lease)
            let load = state.makeRequest()
            var detail = CaseDetail(id: claimed.row.id, debtorName: claimed.row.debtorName)
            detail.loading = load
            state.detail = detail
            state.page = .caseDetail
            effects.append(.loadCase(load, claimed.row.id))
            state.flash = Flash(.info, "Claimed case \(claimed.row.id) (\(claimed.row.debtorName)) for you")
            reloadQueue(target: .keep(caseID: claimed.row.id, index: state.queue.selected))
        } else {
            // An answer nobody waits for any more: do not keep a claim we do not show.
            if let claimed, state.team.lease != claimed.lease { effects.append(.release(claimed.lease)) }
        }
    }

    mutating func hold(_ lease: Lease) {
        state.team.lease = lease
        state.team.readOnly = nil
        effects.append(.schedule(.heartbeat, seconds: state.team.heartbeatSeconds))
    }

    mutating func teamFailed(_ id: RequestID, _ message: String) {
        if state.team.claiming == id {
            state.team.claiming = nil
            state.team.readOnly = message
            state.flash = Flash(.error, "Read only: \(message)")
        }
        if state.team.claimingNext == id {
            state.team.claimingNext = nil
            state.flash = Flash(.error, "Could not claim the next case: \(message)")
        }
        if state.team.heartbeat == id {
            state.team.heartbeat = nil
            if state.team.lease != nil {
                state.team.lease = nil
                state.team.readOnly = message
                state.flash = Flash(.error, "Your claim was lost: \(message)")
            }
        }
        switch state.overlay {
        case .form(let form) where form.saving == id:
            state.flash = Flash(.error, "Not saved: \(message)")
        case .escalation(let dialog) where dialog.saving == id:
            state.flash = Flash(.error, "Not saved: \(message)")
        default:
            break
        }
    }

    mutating func timerFired(_ timer: TimerID) {
        switch timer {
        case .heartbeat:
            guard let lease = state.team.lease, state.team.heartbeat == nil else { return }
            let id = state.makeRequest()
            state.team.heartbeat = id
            effects.append(.heartbeat(id, lease, seconds: state.team.leaseSeconds))
        case .poll:
            requery()
            effects.append(.schedule(.poll, seconds: state.team.pollSeconds))
        case .retry(let id):
            guard var save = state.team.saves[id] else { return }
            save.attempts += 1
            state.team.saves[id] = save
            effects.append(save.effect)
        }
    }

    /// Re-reads what is on screen: the queue window, the counts, the open case.
    mutating func requery() {
        if state.queue.loaded {
            reloadQueue(target: .keep(caseID: state.queue.selectedRow?.id, index: state.queue.selected))
            loadCounts()
        }
        reloadOpenCase()
    }

    mutating func reloadOpenCase() {
        guard state.page == .caseDetail, let detail = state.detail, detail.loading == nil else { return }
        let id = state.makeRequest()
        state.detail?.loading = id
        effects.append(.loadCase(id, detail.id))
    }

    mutating func caseChanged(_ caseID: Int64) {
        if state.queue.rows.contains(where: { $0.id == caseID }) {
            reloadQueue(target: .keep(caseID: state.queue.selectedRow?.id, index: state.queue.selected))
            loadCounts()
        }
        if state.detail?.id == caseID { reloadOpenCase() }
    }

    mutating func unreachable(_ id: RequestID, _ message: String) {
        state.team.unreachable = message
        if let save = state.team.saves[id] {
            let delays = state.team.retryDelays.isEmpty ? [1] : state.team.retryDelays
            let delay = delays[min(save.attempts, delays.count - 1)]
            effects.append(.schedule(.retry(id), seconds: delay))
            let note =
                "The case book is unreachable; retrying in \(Int(delay.rounded(.up))) s. "
                + "Your text is kept and will be saved once."
            switch state.overlay {
            case .form(var form) where form.saving == id:
                form.error = note
                state.overlay = .form(form)
            case .escalation(var dialog) where dialog.saving == id:
                dialog.error = note
                state.overlay = .escalation(dialog)
            default:
                state.flash = Flash(.error, note)
            }
            return
        }
        if state.team.heartbeat == id {
            // Keep the claim: it outlives a short outage; beat again soon.
            state.team.heartbeat = nil
            effects.append(.schedule(.heartbeat, seconds: state.team.retryDelays.first ?? 1))
            return
        }
        teamFailed(id, message)
        failed(id, message)
    }

    // MARK: - Keys and pages

    /// Opening a case claims it; moving to another case gives the previous claim back.
    mutating func claimOnOpen(_ caseID: Int64) {
        guard state.team.leasing else { return }
        state.team.readOnly = nil
        if let lease = state.team.lease {
            if lease.caseID == caseID { return }
            releaseClaim()
        }
        let id = state.makeRequest()
        state.team.claiming = id
        effects.append(.claim(id, caseID: caseID, seconds: state.team.leaseSeconds))
    }

    /// Leaving the case gives the claim back.
    mutating func releaseClaim() {
        state.team.readOnly = nil
        state.team.claiming = nil
        state.team.heartbeat = nil
        guard let lease = state.team.lease else { return }
        state.team.lease = nil
        effects.append(.release(lease))
    }

    /// `n` in team mode: claim the next free case of today's queue and open it.
    mutating func claimNextCase() {
        guard state.team.claimingNext == nil else { return }
        let id = state.makeRequest()
        state.team.claimingNext = id
        state.flash = Flash(.info, "Claiming the next free case…")
        effects.append(.claimNext(id, seconds: state.team.leaseSeconds))
    }
}
