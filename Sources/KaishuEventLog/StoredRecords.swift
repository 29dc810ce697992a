/// A case book's rows exactly as stored, for moving a book between stores (`kaishu copy`).
///
/// Every column is carried as the text or number the source holds, never re-derived: the event
/// hash covers `seq`, `case_id`, `kind`, `date`, `recorded_at`, `actor`, `payload` and
/// `prev_hash` byte for byte, so a copy that re-encoded anything would break the chain.
public struct StoredDebtor: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
    public var kana: String?
    /// JSON list of phone numbers, as stored.
    public var phones: String
    public var email: String?
    public var postalCode: String?
    public var address: String?
    public var domestic: Bool

    public init(
        id: Int64, code: String, name: String, kana: String?, phones: String, email: String?,
        postalCode: String?, address: String?, domestic: Bool
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kana = kana
        self.phones = phones
        self.email = email
        self.postalCode = postalCode
        self.address = address
        self.domestic = domestic
    }
}

/// The cached `cases` row with its keys (the values of `CaseRow`, as stored).
public struct StoredCase: Hashable, Sendable {
    public var id: Int64
    public var debtorID: Int64
    public var collector: String?
    public var stage: String
    public var status: String
    public var outstanding: Int64
    public var oldestDue: String
    public var expires: String
    public var nextAction: String?
    public var promiseDate: String?
    public var promiseAmount: Int64?
    public var disputed: Bool
    public var onHold: Bool
    public var lastContact: String?
    public var tier: Int
    public var version: Int64
    public var debtorName: String
    public var debtorCode: String
    public var nameKey: String
    public var searchKey: String

    public init(
        id: Int64, debtorID: Int64, collector: String?, stage: String, status: String, outstanding: Int64,
        oldestDue: String, expires: String, nextAction: String?, promiseDate: String?, promiseAmount: Int64?,
        disputed: Bool, onHold: Bool, lastContact: String?, tier: Int, version: Int64, debtorName: String,
        debtorCode: String, nameKey: String, searchKey: String
    ) {
        self.id = id
        self.debtorID = debtorID
        self.collector = collector
        self.stage = stage
        self.status = status
        self.outstanding = outstanding
        self.oldestDue = oldestDue
        self.expires = expires
        self.nextAction = nextAction
        self.promiseDate = promiseDate
        self.promiseAmount = promiseAmount
        self.disputed = disputed
        self.onHold = onHold
        self.lastContact = lastContact
        self.tier = tier
        self.version = version
        self.debtorName = debtorName
        self.debtorCode = debtorCode
        self.nameKey = nameKey
        self.searchKey = searchKey
    }
}

public struct StoredClaim: Hashable, Sendable {
    public var caseID: Int64
    public var invoice: String
    public var contractDate: String
    public var dueDate: String?
    public var amount: Int64
    public var seq: Int64

    public init(caseID: Int64, invoice: String, contractDate: String, dueDate: String?, amount: Int64, seq: Int64) {
        self.caseID = caseID
        self.invoice = invoice
        self.contractDate = contractDate
        self.dueDate = dueDate
        self.amount = amount
        self.seq = seq
    }
}

/// One `events` row: the hashed content, the idempotency key and the stored hash.
public struct StoredEvent: Hashable, Sendable {
    public var content: EventContent
    public var idempotencyKey: String?
    public var hash: String

    public init(content: EventContent, idempotencyKey: String?, hash: String) {
        self.content = content
        self.idempotencyKey = idempotencyKey
        self.hash = hash
    }
}

/// A whole case book's header facts: what the copy must reproduce besides the rows.
public struct StoredBookHead: Hashable, Sendable {
    /// The day the cached tiers are ranked as of (`meta.ranked_as_of`), if ever ranked.
    public var rankedAsOf: String?
    /// The highest event `seq` ever handed out (a shortfall at the end of the log is a cut).
    public var lastSeqHandedOut: Int64
    /// The hash of the last event (`EventContent.genesis` for an empty log).
    public var headHash: String
    public var eventCount: Int64
    public var caseCount: Int64

    public init(rankedAsOf: String?, lastSeqHandedOut: Int64, headHash: String, eventCount: Int64, caseCount: Int64) {
        self.rankedAsOf = rankedAsOf
        self.lastSeqHandedOut = lastSeqHandedOut
        self.headHash = headHash
        self.eventCount = eventCount
        self.caseCount = caseCount
    }
}

/// Walks a log in `seq` order and finds the first event whose link or hash does not hold.
///
/// Both stores verify with this one rule: an event is bad when its `prev_hash` is not the previous
/// event's hash or its stored hash is not the hash of its content. After the walk, `finish`
/// reports a log cut short at its end as the first missing `seq`.
public struct ChainCheck: Sendable {
    public private(set) var previous = EventContent.genesis
    public private(set) var lastSeq: Int64 = 0
    public private(set) var firstBroken: Int64?

    public init() {}

    /// Feeds the next event; returns `false` once the chain is broken (stop walking).
    public mutating func feed(_ content: EventContent, storedHash: String) -> Bool {
        guard firstBroken == nil else { return false }
        if content.prevHash != previous || content.hash != storedHash {
            firstBroken = content.seq
            return false
        }
        previous = storedHash
        lastSeq = content.seq
        return true
    }

    /// The first bad `seq`, or `nil` when intact, given the highest `seq` ever handed out.
    public func finish(lastSeqHandedOut: Int64) -> Int64? {
        if let firstBroken { return firstBroken }
        return lastSeqHandedOut > lastSeq ? lastSeq + 1 : nil
    }
}

/// A case book that can hand over its rows as stored, in keyset batches (`SQLiteCaseStore`
/// conforms; `PostgresCaseStore.copy(from:)` reads it).
public protocol CasebookExporting: Sendable {
    func exportHead() throws -> StoredBookHead
    func exportDebtors(after: Int64, limit: Int) throws -> [StoredDebtor]
    func exportCases(after: Int64, limit: Int) throws -> [StoredCase]
    func exportClaims(caseIDs: ClosedRange<Int64>) throws -> [StoredClaim]
    func exportEvents(after: Int64, limit: Int) throws -> [StoredEvent]
}
