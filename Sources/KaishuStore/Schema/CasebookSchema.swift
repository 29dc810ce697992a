import GRDB
import KaishuEventLog

/// The case book's tables, as numbered migrations. See docs/store.md for what each column holds.
///
/// Truth lives in `events` (append-only, hash-chained) and in `debtors` (who owes and how to reach
/// them). `cases` is a cache of `CaseState` for the queue's indexes, rewritten after every write;
/// `claims` is a lookup of the invoices each case holds, so an import can skip what it already has.
enum CasebookSchema {
    /// The date stored for "no date" in `cases.oldest_due` and `cases.expires`. It sorts after every
    /// real date, which is where `QueueRanking.precedes` puts a missing date, so the indexes can
    /// hold the queue's order without a NULL case. Read back as `nil`.
    static let noDate = CaseRow.noDate

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createV1)
        migrator.registerMigration("v2-open-count", migrate: addOpenCount)
        return migrator
    }

    /// The secondary indexes on `cases` that the queue and the re-ranking read. They are not
    /// constraints, so a bulk load (the demo generator) may drop them and build them once at the end.
    static let queueIndexes: [(name: String, sql: String)] = [
        (
            "cases_queue_urgency",
            "CREATE INDEX cases_queue_urgency ON cases(tier, outstanding DESC, oldest_due, id) WHERE status = 'open'"
        ),
        ("cases_queue_expiry", "CREATE INDEX cases_queue_expiry ON cases(expires, id) WHERE status = 'open'"),
        ("cases_queue_amount", "CREATE INDEX cases_queue_amount ON cases(outstanding DESC, id) WHERE status = 'open'"),
        ("cases_queue_debtor", "CREATE INDEX cases_queue_debtor ON cases(name_key, id) WHERE status = 'open'"),
        (
            "cases_promise",
            "CREATE INDEX cases_promise ON cases(promise_date) WHERE status = 'open' AND promise_date IS NOT NULL"
        ),
        (
            "cases_next_action",
            "CREATE INDEX cases_next_action ON cases(next_action) WHERE status = 'open' AND next_action IS NOT NULL"
        ),
    ]

    private static func createV1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;

                CREATE TABLE debtors (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    kana TEXT,
                    phones TEXT NOT NULL DEFAULT '[]',
                    email TEXT,
                    postal_code TEXT,
                    address TEXT,
                    domestic INTEGER NOT NULL DEFAULT 1 CHECK (domestic IN (0, 1))
                );

                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    debtor_id INTEGER NOT NULL UNIQUE REFERENCES debtors(id),
                    collector TEXT,
                    stage TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
                    outstanding INTEGER NOT NULL,
                    oldest_due TEXT NOT NULL,
                    expires TEXT NOT NULL,
                    next_action TEXT,
                    promise_date TEXT,
                    promise_amount INTEGER,
                    disputed INTEGER NOT NULL CHECK (disputed IN (0, 1)),
                    on_hold INTEGER NOT NULL CHECK (on_hold IN (0, 1)),
                    last_contact TEXT,
                    tier INTEGER NOT NULL CHECK (tier BETWEEN 0 AND 4),
                    version INTEGER NOT NULL,
                    debtor_name TEXT NOT NULL,
                    debtor_code TEXT NOT NULL,
                    name_key TEXT NOT NULL,
                    search_key TEXT NOT NULL
                );

                CREATE TABLE claims (
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    invoice TEXT NOT NULL,
                    contract_date TEXT NOT NULL,
                    due_date TEXT,
                    amount INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    PRIMARY KEY (case_id, invoice)
                ) WITHOUT ROWID;

                CREATE TABLE events (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    case_id INTEGER NOT NULL REFERENCES cases(id),
                    kind TEXT NOT NULL,
                    date TEXT NOT NULL,
                    recorded_at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    idem_key TEXT,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX events_case ON events(case_id, seq);
                CREATE UNIQUE INDEX events_idem_key ON events(idem_key) WHERE idem_key IS NOT NULL;

                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN
                    SELECT RAISE(ABORT, 'the event log is append-only: events cannot be changed');
                END;
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN
                    SELECT RAISE(ABORT, 'the event log is append-only: events cannot be deleted');
                END;
                """)
        for index in queueIndexes {
            try db.execute(sql: index.sql)
        }
    }

    /// The number of open cases, kept by triggers on `cases`. The status line shows it after every
    /// refresh, and counting a million-case book's open rows walks an index of a million entries
    /// (about 230 ms here) where this is one row.
    private static func addOpenCount(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE case_totals (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    open INTEGER NOT NULL
                );
                INSERT INTO case_totals (id, open) SELECT 1, count(*) FROM cases WHERE status = 'open';

                CREATE TRIGGER cases_open_on_insert AFTER INSERT ON cases WHEN new.status = 'open'
                BEGIN
                    UPDATE case_totals SET open = open + 1 WHERE id = 1;
                END;
                CREATE TRIGGER cases_open_on_update AFTER UPDATE OF status ON cases
                WHEN (old.status = 'open') <> (new.status = 'open')
                BEGIN
                    UPDATE case_totals SET open = open + (CASE WHEN new.status = 'open' THEN 1 ELSE -1 END)
                    WHERE id = 1;
                END;
                CREATE TRIGGER cases_open_on_delete AFTER DELETE ON cases WHEN old.status = 'open'
                BEGIN
                    UPDATE case_totals SET open = open - 1 WHERE id = 1;
                END;
                """)
    }
}
