import Foundation
import KaishuCore

/// The case document of the last frame, reused while the case, the day and the width are the
/// same: scrolling, the hint line changing or a dialog opening over the case redraws without
/// laying the whole case out again (the legal position, every claim, the timeline).
///
/// A memo, not state: `build` gives exactly what `make` gives for the same inputs, so `view`
/// stays a function of the state. The comparison is cheap because a frame's `CaseState` shares
/// its arrays and strings with the last frame's, and `==` on those checks identity first.
extension CaseDocument {
    struct Inputs: Equatable {
        var state: CaseState?
        var error: String?
        var today: CivilDate
        var width: Int
        var measure: DisplayWidth
    }

    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var last: (inputs: Inputs, document: Document)?

        func document(for inputs: Inputs, make: () -> Document) -> Document {
            if let hit = lock.withLock({ last.flatMap { $0.inputs == inputs ? $0.document : nil } }) { return hit }
            let document = make()
            lock.withLock { last = (inputs, document) }
            return document
        }
    }

    static let memo = Memo()

    /// `make`, remembered for the next frame of the same case.
    static func build(_ detail: CaseDetail, today: CivilDate, width: Int, measure: DisplayWidth) -> Document {
        let inputs = Inputs(state: detail.state, error: detail.error, today: today, width: width, measure: measure)
        return memo.document(for: inputs) { make(detail, today: today, width: width, measure: measure) }
    }
}
