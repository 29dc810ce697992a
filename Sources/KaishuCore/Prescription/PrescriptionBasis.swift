/// The basis being written: the lines of `Limitation.basis`, or nothing at all when the caller
/// asked only for the date (building the lines is most of the engine's cost, and a queue of a
/// million claims needs dates, not reasons).
struct PrescriptionBasis {
    let enabled: Bool
    private(set) var lines: [String] = []

    init(enabled: Bool) { self.enabled = enabled }

    /// Adds a line; the text is only built when the basis is being written.
    mutating func add(_ line: @autoclosure () -> String) {
        if enabled { lines.append(line()) }
    }
}
