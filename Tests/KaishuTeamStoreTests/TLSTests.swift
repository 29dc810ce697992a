import Foundation
import KaishuCore
import KaishuTeamStore
import Testing

/// `sslmode` against a real server over TCP: a throwaway cluster of the test's own, with
/// `ssl = on` and a self-signed certificate made by `openssl` in its folder, or without TLS.
@Suite("TLS to the team's server")
struct TLSTests {
    /// A book at `url` answers one round trip (the store's own open check: schema version and
    /// `synchronous_commit`) and a queue read.
    static func roundTrip(_ url: String) async throws -> Int {
        try await PostgresCaseStore.withStore(url: url, calendar: TeamFixture.calendar, migrating: true) { store in
            try await store.queueCounts(today: TeamFixture.today).open
        }
    }

    @Test("sslmode=require connects to a TLS server with a self-signed certificate; verify-full checks it")
    func requireOverTLS() async throws {
        let cluster = try TestCluster.startPrivate(tcp: true, tls: true)
        let database = try cluster.makeDatabase()
        let require = cluster.tcpURL(database: database.name, parameters: "sslmode=require")
        #expect(try PostgresURL(require).tls == .require)
        #expect(try await Self.roundTrip(require) == 0)
        // The server sees the store's connections encrypted.
        let seen = try await PostgresCaseStore.withStore(url: require, calendar: TeamFixture.calendar) { store in
            _ = try await store.queueCounts(today: TeamFixture.today)
            return try cluster.psql(
                "SELECT bool_and(s.ssl) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) "
                    + "WHERE a.application_name = 'kaishu'", database: database.name)
        }
        #expect(seen.trimmingCharacters(in: .whitespacesAndNewlines) == "t")

        // verify-full against the certificate itself (sslrootcert) passes: it names localhost.
        let verified = cluster.tcpURL(
            database: database.name, parameters: "sslmode=verify-full&sslrootcert=\(cluster.certificatePath)")
        #expect(try await Self.roundTrip(verified) == 0)
        // verify-full against the system's CAs refuses the self-signed certificate.
        let unverified = cluster.tcpURL(database: database.name, parameters: "sslmode=verify-full")
        do {
            _ = try await Self.roundTrip(unverified)
            Issue.record("a self-signed certificate passed verification against the system's CAs")
        } catch let error as TeamStoreError {
            #expect(error.storeUnreachable, "\(error)")
            #expect("\(error)".contains("cannot connect"), "\(error)")
        }
    }

    @Test("sslmode=require against a server without TLS fails, saying the server does not offer it")
    func requireWithoutTLS() async throws {
        let cluster = try TestCluster.startPrivate(tcp: true, tls: false)
        let database = try cluster.makeDatabase()
        let require = cluster.tcpURL(database: database.name, parameters: "sslmode=require")
        do {
            _ = try await Self.roundTrip(require)
            Issue.record("sslmode=require connected without TLS")
        } catch let error as TeamStoreError {
            #expect(
                "\(error)".contains("the server does not offer TLS, and the URL asks for it (sslmode=require)"),
                "\(error)")
            #expect("\(error)".contains("localhost:\(cluster.port)/\(database.name)?sslmode=require"), "\(error)")
        }
        // prefer falls back to plain, as libpq does.
        #expect(try await Self.roundTrip(cluster.tcpURL(database: database.name, parameters: "sslmode=prefer")) == 0)
    }

    @Test("sslmode values are libpq's; a missing sslrootcert file is a bad URL")
    func urlModes() throws {
        let base = "postgres://kaishu@db.example.jp/kaishu"
        #expect(try PostgresURL(base).tls == .prefer)
        #expect(try PostgresURL(base + "?sslmode=disable").tls == .disable)
        #expect(try PostgresURL(base + "?sslmode=verify-ca").tls == .verifyCA)
        #expect(try PostgresURL(base + "?sslmode=verify-full").description.hasSuffix("?sslmode=verify-full"))
        #expect(throws: TeamStoreError.self) { try PostgresURL(base + "?sslmode=always") }
        do {
            _ = try PostgresURL(base + "?sslmode=require&sslrootcert=/nonexistent/root.crt")
            Issue.record("a missing sslrootcert was accepted")
        } catch let error as TeamStoreError {
            #expect("\(error)".contains("sslrootcert '/nonexistent/root.crt' is not a readable file"))
        }
    }
}
