import KaishuEventLog

/// The head of the event log: the number the next event gets and the hash it links to.
///
/// Linking is the one sequential step of writing events (each hash covers the one before), so it
/// is kept apart from storing: an ordinary write links and stores each event in turn, while the
/// demo book links whole batches on the threads that prepare them, ahead of the writer.
struct LogHead: Sendable, Equatable {
    private(set) var nextSeq: Int64
    private(set) var hash: String

    init(nextSeq: Int64, hash: String) {
        self.nextSeq = nextSeq
        self.hash = hash
    }

    /// The link the next event gets at this head; the head does not move.
    func next(
        caseID: Int64, kind: String, date: String, recordedAt: String, actor: String, payload: String
    ) -> EventLink {
        let content = EventContent(
            seq: nextSeq, caseID: caseID, kind: kind, date: date, recordedAt: recordedAt, actor: actor,
            payload: payload, prevHash: hash)
        return EventLink(seq: nextSeq, prevHash: hash, hash: content.hash)
    }

    /// Links the next event to the head and moves the head past it.
    mutating func link(
        caseID: Int64, kind: String, date: String, recordedAt: String, actor: String, payload: String
    ) -> EventLink {
        let link = next(
            caseID: caseID, kind: kind, date: date, recordedAt: recordedAt, actor: actor, payload: payload)
        advance(past: link)
        return link
    }

    /// Moves the head past an event linked to it.
    mutating func advance(past link: EventLink) {
        precondition(
            link.seq == nextSeq && link.prevHash == hash,
            "event \(link.seq) was linked to another head than the log's (\(nextSeq), \(hash))")
        nextSeq += 1
        hash = link.hash
    }
}

/// Where an event sits in the chain: its number, the hash it follows and its own hash.
struct EventLink: Sendable, Equatable {
    var seq: Int64
    var prevHash: String
    var hash: String
}
