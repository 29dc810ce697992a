import Foundation
import PostgresNIO

/// A `postgres://` URL turned into a connection configuration.
///
/// Accepted forms (the libpq URL shape, the parts Kaishu needs):
///
///     postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]
///     postgres://user@/database?host=/run/postgresql[&port=5432]     (a Unix socket folder)
///
/// `sslmode=require` makes the connection fail unless TLS is set up (certificates are verified
/// against the system's trust store); `prefer` (libpq's default) uses TLS when the server offers
/// it; `disable` never does. A socket connection never uses TLS.
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    public enum TLSMode: String, Hashable, Sendable { case disable, prefer, require }

    public var user: String
    public var password: String?
    public var host: String?
    public var socketFolder: String?
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public init(_ text: String) throws {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
            let parts = URLComponents(string: text)
        else {
            throw TeamStoreError.badURL(text, "expected postgres://user@host/database")
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        user =
            parts.user.flatMap { $0.removingPercentEncoding } ?? query["user"]
            ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = parts.password.flatMap { $0.removingPercentEncoding } ?? query["password"]
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let database = path.removingPercentEncoding ?? path
        guard !database.isEmpty else { throw TeamStoreError.badURL(text, "no database name after the host") }
        self.database = database
        if let portText = query["port"] ?? parts.port.map(String.init) {
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw TeamStoreError.badURL(text, "port '\(portText)' is not a port number")
            }
            self.port = port
        } else {
            port = 5432
        }
        let hostParameter = query["host"]
        if let folder = hostParameter, folder.hasPrefix("/") {
            socketFolder = folder
            host = nil
        } else {
            socketFolder = nil
            host = hostParameter ?? parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        }
        let mode = query["sslmode"] ?? "prefer"
        switch mode {
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require", "verify-ca", "verify-full": tls = .require
        default: throw TeamStoreError.badURL(text, "sslmode '\(mode)' is not disable, prefer or require")
        }
    }

    /// The URL without its password, for messages.
    public var description: String {
        let credentials = password == nil ? user : user + ":***"
        if let socketFolder { return "postgres://\(credentials)@/\(database)?host=\(socketFolder)&port=\(port)" }
        let mode = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(credentials)@\(host ?? "localhost"):\(port)/\(database)\(mode)"
    }

    /// The client configuration: durable commits forced on for every connection.
    public func configuration() -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketFolder {
            configuration = .init(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS
            switch self.tls {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(.makeClientConfiguration())
            case .require: tls = .require(.makeClientConfiguration())
            }
            configuration = .init(
                host: host ?? "localhost", port: port, username: user, password: password, database: database,
                tls: tls)
        }
        configuration.options.additionalStartupParameters = [
            ("synchronous_commit", "on"), ("application_name", "kaishu"),
        ]
        return configuration
    }
}
