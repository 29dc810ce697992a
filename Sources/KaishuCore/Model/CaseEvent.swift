/// One entry of a case's append-only history, as stored.
public struct CaseEvent: Hashable, Codable, Sendable, Identifiable {
    /// Position in the case book's global log; also the event's id.
    public var seq: Int64
    public var caseID: Int64
    /// The civil date the fact happened (a payment's value date, a delivery date …).
    public var date: CivilDate
    /// When it was recorded (ISO 8601 with offset), from the clock at the edge of the program.
    public var recordedAt: String
    /// Who recorded it (collector name, `import`, `demo` …).
    public var actor: String
    public var fact: CaseFact
    /// SHA-256 over this event's content and the previous event's hash (hex).
    public var hash: String

    public var id: Int64 { seq }

    public init(
        seq: Int64, caseID: Int64, date: CivilDate, recordedAt: String, actor: String,
        fact: CaseFact, hash: String
    ) {
        self.seq = seq
        self.caseID = caseID
        self.date = date
        self.recordedAt = recordedAt
        self.actor = actor
        self.fact = fact
        self.hash = hash
    }
}

/// An event about to be appended: what and when, before the store gives it a place and a hash.
public struct EventDraft: Hashable, Codable, Sendable {
    public var date: CivilDate
    public var fact: CaseFact

    public init(date: CivilDate, fact: CaseFact) {
        self.date = date
        self.fact = fact
    }
}
