import KaishuCore
import KaishuLetters

/// The letter effects: the `LetterService` drafts, writes, sends and edits; the store records.
extension EffectRunner {
    func letterWork(_ effect: LetterEffect) -> @Sendable () async -> Void {
        let store = self.store
        let calendar = self.calendar
        let collector = self.collector
        let today = self.today
        let timestamp = self.timestamp
        let post = self.post
        guard let letters else {
            let id: RequestID =
                switch effect {
                case .draft(let id, _, _), .write(let id, _), .edit(let id, _), .send(let id, _, _, _),
                    .record(let id, _, _, _, _), .deliveryPreview(let id, _, _):
                    id
                }
            return { post(.failed(id, "letters are not set up in this workbench")) }
        }
        /// Records `actions(state)` in one write, decided against the case inside the transaction.
        @Sendable func record(
            _ caseID: Int64, key: String, _ actions: @escaping @Sendable (CaseState) -> [CaseAction]
        ) async throws -> (CaseFile, CaseState) {
            let context = WriteContext(actor: collector, recordedAt: timestamp(), today: today, idempotencyKey: key)
            let file = try await store.append(to: caseID, context: context) { file in
                try LetterRecord.drafts(
                    actions(CaseState(file: file, calendar: calendar)), file: file, today: context.today,
                    calendar: calendar)
            }
            return (file, CaseState(file: file, calendar: calendar))
        }
        switch effect {
        case .draft(let id, let caseID, let kind):
            return {
                do {
                    guard let file = try await store.caseFile(caseID) else {
                        post(.failed(id, "case \(caseID) is not in the case book (any more)"))
                        return
                    }
                    let state = CaseState(file: file, calendar: calendar)
                    let letter = try letters.draft(kind, case: state, today: today, calendar: calendar)
                    post(.letter(.drafted(id, file, letter)))
                } catch {
                    post(.failed(id, EffectRunner.describe(error)))
                }
            }
        case .write(let id, let letter):
            return {
                do { post(.letter(.written(id, path: try letters.write(letter)))) } catch {
                    post(.failed(id, EffectRunner.describe(error)))
                }
            }
        case .edit(let id, _):
            return { post(.failed(id, "the editor runs on the terminal's thread (Runtime)")) }
        case .send(let id, let caseID, let email, let key):
            return {
                let delivery: Mailer.Delivery
                do { delivery = try letters.send(email) } catch {
                    post(.failed(id, EffectRunner.describe(error)))
                    return
                }
                guard delivery.wasSent else {
                    post(.letter(.mailed(id, delivery, nil, nil)))
                    return
                }
                do {
                    let (file, state) = try await record(caseID, key: key) { _ in
                        LetterRecord.emailDelivered(delivery, on: today)
                    }
                    post(.letter(.mailed(id, delivery, file, state)))
                } catch {
                    post(
                        .failed(
                            id,
                            "the email WAS sent (Message-ID \(delivery.messageID)) but recording it failed: \(EffectRunner.describe(error)). Press r to record it."
                        ))
                }
            }
        case .record(let id, let caseID, let kind, let reference, let key):
            return {
                do {
                    let (file, state) = try await record(caseID, key: key) { state in
                        LetterRecord.sentActions(kind, state: state, on: today, reference: reference)
                    }
                    post(.appended(id, file, state))
                } catch {
                    post(.failed(id, EffectRunner.describe(error)))
                }
            }
        case .deliveryPreview(let id, let caseID, let date):
            return {
                do {
                    guard let file = try await store.caseFile(caseID) else { return }
                    let change = try LetterRecord.deliveryEffect(
                        file: file, deliveredOn: date, reference: nil, today: today, calendar: calendar)
                    post(.letter(.deliveryPreview(id, caseID: caseID, on: date, change)))
                } catch {
                    // The form says what the law does in general; a case the demand cannot
                    // apply to is refused when saved, with the reason.
                }
            }
        }
    }

    /// Runs the collector's editor on the letter, synchronously, inside `around` (which hands
    /// the terminal over and takes it back); returns the action to post.
    func runEditor(_ id: RequestID, _ letter: RenderedLetter, around: (() -> Void) -> Void) -> Action {
        guard let letters else { return .failed(id, "letters are not set up in this workbench") }
        var result: Action = .failed(id, "the editor did not run")
        around {
            do {
                result = .letter(.edited(id, try letters.edit(letter)))
            } catch {
                result = .failed(id, EffectRunner.describe(error))
            }
        }
        return result
    }
}
