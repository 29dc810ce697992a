import Foundation
import KaishuCore
import PostgresNIO

/// The lease statements (`PostgresCaseStore+Leasing`), prepared.
///
/// A claim carries the ranking check inside it: the ready set is only walked when
/// `meta.ranked_as_of` is the caller's day, and the row returned says which day the book is
/// ranked for, so a claim is one statement on one pooled connection; only the first claim of a
/// new day finds the book unranked, ranks it and claims again.
enum TeamLeaseSQL {
    /// `$n::double precision * interval '1 millisecond'`: a lease length bound in milliseconds.
    static func span(_ parameter: Int) -> String {
        "now() + $\(parameter)::double precision * interval '1 millisecond'"
    }

    static let ranked = "ranked AS (SELECT value FROM meta WHERE key = '\(TeamReranking.key)')"

    /// `claimNext` walks `cases_ready` (today's queue in urgency order) and takes the first row
    /// that is neither claimed (live) nor locked by another transaction (`SKIP LOCKED`): two
    /// collectors asking at once get two different cases, and nobody waits. `$1` collector, `$2`
    /// lease in milliseconds, `$3` the caller's day. Always one row: `ranked_as_of`, then the
    /// claimed case's columns (all `NULL` when nothing was free or the book is not ranked for `$3`).
    static let claimNext = """
        WITH \(ranked),
        next AS (
            SELECT id FROM cases
            WHERE status = 'open' AND tier <= \(QueueRanking.Tier.actionDue.rawValue)
                AND (claim_expires IS NULL OR claim_expires <= now())
                AND EXISTS (SELECT 1 FROM ranked WHERE value = $3)
            ORDER BY tier, outstanding DESC, oldest_due, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED
        ),
        claimed AS (
            UPDATE cases SET claimed_by = $1, claim_token = nextval('lease_tokens'), claim_expires = \(span(2))
            FROM next WHERE cases.id = next.id
            RETURNING cases.claim_token, cases.claim_expires, \(TeamQueueSQL.rowColumns.replacingOccurrences(of: "id, debtor_name", with: "cases.id, debtor_name"))
        )
        SELECT (SELECT value FROM ranked) AS ranked_as_of, claimed.* FROM (VALUES (1)) AS one LEFT JOIN claimed ON true
        """

    /// Claims case `$3` for `$1` unless someone else holds it live; the holder renewing keeps its
    /// token. `$2` lease in milliseconds, `$4` the caller's day. One row, as `claimNext`.
    static let claim = """
        WITH \(ranked),
        claimed AS (
            UPDATE cases SET claimed_by = $1,
                claim_token = CASE WHEN claimed_by = $1 AND claim_expires > now() THEN claim_token
                    ELSE nextval('lease_tokens') END,
                claim_expires = \(span(2))
            WHERE id = $3 AND (claim_expires IS NULL OR claim_expires <= now() OR claimed_by = $1)
                AND EXISTS (SELECT 1 FROM ranked WHERE value = $4)
            RETURNING claim_token, claim_expires, \(TeamQueueSQL.rowColumns)
        )
        SELECT (SELECT value FROM ranked) AS ranked_as_of, claimed.* FROM (VALUES (1)) AS one LEFT JOIN claimed ON true
        """
}

struct ClaimNextStatement: TeamPreparedStatement {
    static let sql = TeamLeaseSQL.claimNext
    static let bindingDataTypes: [PostgresDataType] = [.text, .int8, .text]
    let bindings: PostgresBindings

    init(collector: String, milliseconds: Int64, today: CivilDate) {
        var bindings = PostgresBindings()
        bindings.append(collector)
        bindings.append(milliseconds)
        bindings.append(today.iso)
        self.bindings = bindings
    }
}

struct ClaimStatement: TeamPreparedStatement {
    static let sql = TeamLeaseSQL.claim
    static let bindingDataTypes: [PostgresDataType] = [.text, .int8, .int8, .text]
    let bindings: PostgresBindings

    init(caseID: Int64, collector: String, milliseconds: Int64, today: CivilDate) {
        var bindings = PostgresBindings()
        bindings.append(collector)
        bindings.append(milliseconds)
        bindings.append(caseID)
        bindings.append(today.iso)
        self.bindings = bindings
    }
}

/// Renews lease `$3` on case `$2` by `$1` milliseconds from now.
struct HeartbeatStatement: TeamPreparedStatement {
    static let sql = """
        UPDATE cases SET claim_expires = \(TeamLeaseSQL.span(1)) WHERE id = $2 AND claim_token = $3 \
        RETURNING claim_expires
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8, .int8, .int8]
    let bindings: PostgresBindings

    init(_ lease: Lease, milliseconds: Int64) {
        var bindings = PostgresBindings()
        bindings.append(milliseconds)
        bindings.append(lease.caseID)
        bindings.append(lease.token)
        self.bindings = bindings
    }
}

/// Gives back lease `$2` on case `$1` (nothing when the token is no longer the case's).
struct ReleaseLeaseStatement: TeamPreparedStatement {
    static let sql = """
        UPDATE cases SET claimed_by = NULL, claim_token = NULL, claim_expires = NULL \
        WHERE id = $1 AND claim_token = $2
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8, .int8]
    let bindings: PostgresBindings

    init(_ lease: Lease) {
        var bindings = PostgresBindings()
        bindings.append(lease.caseID)
        bindings.append(lease.token)
        self.bindings = bindings
    }
}

/// Gives back whatever claim `$2` holds on case `$1`; a row when there was one.
struct ReleaseByCollectorStatement: TeamPreparedStatement {
    static let sql = """
        UPDATE cases SET claimed_by = NULL, claim_token = NULL, claim_expires = NULL \
        WHERE id = $1 AND claimed_by = $2 RETURNING id
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8, .text]
    let bindings: PostgresBindings

    init(caseID: Int64, collector: String) {
        var bindings = PostgresBindings()
        bindings.append(caseID)
        bindings.append(collector)
        self.bindings = bindings
    }
}

/// Who holds case `$1`, until when, and whether that is still live.
struct CurrentClaimStatement: TeamPreparedStatement {
    static let sql = """
        SELECT claimed_by, claim_token, claim_expires, coalesce(claim_expires > now(), false) AS live \
        FROM cases WHERE id = $1
        """
    static let bindingDataTypes: [PostgresDataType] = [.int8]
    let bindings: PostgresBindings

    init(caseID: Int64) {
        var bindings = PostgresBindings()
        bindings.append(caseID)
        self.bindings = bindings
    }
}
