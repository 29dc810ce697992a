import KaishuCore

/// The case page, and the actions that work a case from either page.
extension Reducer {
    mutating func caseCommand(_ command: Command) {
        guard let detail = state.detail else { return }
        switch command {
        case .moveDown: scrollCase(by: 1)
        case .moveUp: scrollCase(by: -1)
        case .pageDown: scrollCase(by: state.bodyHeight)
        case .pageUp: scrollCase(by: -state.bodyHeight)
        case .top: scrollCase(by: -Int.max / 2)
        case .bottom: scrollCase(by: Int.max / 2)
        case .back:
            state.page = .queue
            state.detail = nil
            releaseClaim()
        case .nextCase where state.team.leasing:
            claimNextCase()
        case .nextCase, .previousCase:
            let before = state.queue.selected
            moveSelection(by: command == .nextCase ? 1 : -1)
            if state.queue.selected != before, let row = state.queue.selectedRow {
                openCase(row)
            } else {
                state.flash = Flash(
                    .info, command == .nextCase ? "This is the last case loaded" : "This is the first case")
            }
        case .refresh:
            let id = state.makeRequest()
            state.detail?.loading = id
            effects.append(.loadCase(id, detail.id))
        default:
            effects.append(.bell)
        }
    }

    mutating func scrollCase(by delta: Int) {
        guard var detail = state.detail else { return }
        detail.scroll += delta
        state.detail = detail
        clampCaseScroll()
    }

    mutating func clampCaseScroll() {
        guard var detail = state.detail else { return }
        let lines = CaseDocument.lines(for: detail, today: state.today, width: state.size.columns).count
        detail.scroll = max(0, min(detail.scroll, lines - state.bodyHeight))
        state.detail = detail
    }

    /// The case the page is about: the open case, or the highlighted queue row.
    var currentTarget: CaseTarget? {
        switch state.page {
        case .caseDetail:
            if let caseState = state.detail?.state { return CaseTarget(caseState) }
            return nil
        case .queue:
            return state.queue.selectedRow.map(CaseTarget.init)
        case .firstRun:
            return nil
        }
    }

    mutating func caseAction(_ command: Command) {
        guard state.page != .firstRun else {
            effects.append(.bell)
            return
        }
        guard let target = currentTarget else {
            state.flash = Flash(
                .error, state.page == .caseDetail ? "The case is still loading" : "No case is highlighted")
            return
        }
        if target.stage.isClosed {
            state.flash = Flash(.error, "The case is closed (\(target.stage.rawValue)): nothing more to record")
            return
        }
        switch command {
        case .logContact:
            state.overlay = .outcomePicker(target)
        case .escalate:
            openEscalation(target)
        case .deescalate:
            let stages = Stage.ladder.prefix(target.stage.rung ?? 0).reversed().flatMap { $0 }
            guard !stages.isEmpty else {
                state.flash = Flash(
                    .error,
                    target.stage.rung == nil
                        ? "A \(target.stage.rawValue) case has no lower stage" : "Phone is the lowest stage")
                return
            }
            state.overlay = .stagePicker(target, stages: Array(stages))
        case .payment:
            state.overlay = .form(FormCatalog.payment(target, today: state.today))
        case .acknowledge:
            state.overlay = .form(FormCatalog.acknowledgment(target, today: state.today))
        case .legalFact(var kind):
            if case .courtStep = kind {
                // The next step of the payment order, from the open case's history.
                let timeline = state.detail?.state?.id == target.id ? state.detail?.state?.paymentOrder : nil
                kind = .courtStep(
                    timeline == nil
                        ? .paymentOrderServed
                        : timeline?.provisionalExecutionApplied == nil
                            ? .provisionalExecutionApplied : .declarationServed)
            }
            state.overlay = .form(FormCatalog.legalFact(kind, target, today: state.today))
            if kind == .demandDelivered { requestDeliveryPreview(target) }
        case .toggleDispute:
            state.overlay = .form(FormCatalog.dispute(target))
        case .toggleHold:
            state.overlay = .form(FormCatalog.hold(target))
        case .reschedule:
            state.overlay = .form(FormCatalog.reschedule(target))
        case .previewLetter:
            openLetter(target)
        default:
            break
        }
    }

    mutating func openEscalation(_ target: CaseTarget) {
        var dialog = EscalationDialog(target: target)
        if state.page == .caseDetail, let caseState = state.detail?.state, caseState.id == target.id {
            dialog.fill(from: caseState, today: state.today)
        } else {
            let id = state.makeRequest()
            dialog.loading = id
            effects.append(.loadCase(id, target.id))
        }
        state.overlay = .escalation(dialog)
    }
}

extension EscalationDialog {
    /// The options the workflow offers for the case as it stands.
    mutating func fill(from caseState: CaseState, today: CivilDate) {
        target = CaseTarget(caseState)
        options = Workflow.escalationOptions(for: caseState, today: today)
        overridable = options.map {
            $0.refusal != nil && Workflow.guardRefusal(caseState, to: $0.to, override: true) == nil
        }
        let steps = CaseLegalPosition(state: caseState, today: today).nextSteps
        costs = options.map { option in steps.first { $0.step == option.to } }
        selected = options.firstIndex { $0.refusal == nil } ?? 0
        loading = nil
        if options.isEmpty {
            error = "\(caseState.stage.rawValue) is the last stage: there is nothing to escalate to"
        }
    }
}
