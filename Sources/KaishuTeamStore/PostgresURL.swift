import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://` URL turned into a connection configuration.
///
/// Accepted forms (the libpq URL shape, the parts Kaishu needs):
///
///     postgres://user[:password]@host[:port]/database[?sslmode=MODE][&sslrootcert=PATH]
///     postgres://user@/database?host=/run/postgresql[&port=5432]     (a Unix socket folder)
///
/// `sslmode` means what it means to libpq (`psql`), so a URL works the same in both:
///
/// - `disable` (or `allow`): never TLS.
/// - `prefer` (the default): TLS when the server offers it, else plain; the certificate is not
///   checked.
/// - `require`: TLS or no connection. The certificate is not checked unless `sslrootcert` names
///   the certificate (or CA) to check it against — a team's own server usually has a self-signed
///   one, which is what `require` is for: the traffic is encrypted.
/// - `verify-ca`: TLS, and the certificate must be signed by `sslrootcert` (else the system's
///   trusted CAs); `verify-full`: that, and issued for the host name in the URL.
///
/// A socket connection never uses TLS.
public struct PostgresURL: Hashable, Sendable, CustomStringConvertible {
    public enum TLSMode: String, Hashable, Sendable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String?
    public var socketFolder: String?
    public var port: Int
    public var database: String
    public var tls: TLSMode
    /// `sslrootcert`: a PEM file of the certificates to check the server's against.
    public var rootCertificate: String?

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
        case "require": tls = .require
        case "verify-ca": tls = .verifyCA
        case "verify-full": tls = .verifyFull
        default:
            throw TeamStoreError.badURL(
                text, "sslmode '\(mode)' is not disable, prefer, require, verify-ca or verify-full")
        }
        rootCertificate = query["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
        if let rootCertificate, !FileManager.default.isReadableFile(atPath: rootCertificate) {
            throw TeamStoreError.badURL(text, "sslrootcert '\(rootCertificate)' is not a readable file")
        }
    }

    /// The URL without its password, for messages.
    public var description: String {
        let credentials = password == nil ? user : user + ":***"
        if let socketFolder { return "postgres://\(credentials)@/\(database)?host=\(socketFolder)&port=\(port)" }
        var parameters = tls == .prefer ? [] : ["sslmode=\(tls.rawValue)"]
        if let rootCertificate { parameters.append("sslrootcert=\(rootCertificate)") }
        let mode = parameters.isEmpty ? "" : "?" + parameters.joined(separator: "&")
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
            switch tlsUse {
            case .disable: tls = .disable
            case .prefer(let settings): tls = .prefer(settings)
            case .require(let settings): tls = .require(settings)
            }
            configuration = .init(
                host: host ?? "localhost", port: port, username: user, password: password, database: database,
                tls: tls)
        }
        configuration.options.additionalStartupParameters = PostgresURL.startupParameters
        return configuration
    }

    /// Sent on every connection, the pool's and the check's: durable commits whatever the
    /// server's default.
    private static let startupParameters = [("synchronous_commit", "on"), ("application_name", "kaishu")]

    /// Whether and how a TCP connection uses TLS: one reading of `sslmode` for both configurations.
    private enum TLSUse {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)
    }

    private var tlsUse: TLSUse {
        guard let settings = tlsConfiguration() else { return .disable }
        return tls == .prefer ? .prefer(settings) : .require(settings)
    }

    /// What `sslmode` and `sslrootcert` ask of TLS (`nil`: no TLS), as libpq reads them.
    func tlsConfiguration() -> TLSConfiguration? {
        guard socketFolder == nil, tls != .disable else { return nil }
        var settings = TLSConfiguration.makeClientConfiguration()
        if let rootCertificate { settings.trustRoots = .file(rootCertificate) }
        switch tls {
        case .disable, .prefer: settings.certificateVerification = .none
        case .require: settings.certificateVerification = rootCertificate == nil ? .none : .noHostnameVerification
        case .verifyCA: settings.certificateVerification = .noHostnameVerification
        case .verifyFull: settings.certificateVerification = .fullVerification
        }
        return settings
    }

    /// The same server, TLS and startup parameters for one connection of its own: the store's
    /// check at open, which fails at once with the reason (no TLS on the server, a certificate
    /// refused, a login refused) where the pool would retry for a minute and then only say that
    /// it gave up.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketFolder {
            configuration = .init(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS
            switch tlsUse {
            case .disable: tls = .disable
            case .prefer(let settings): tls = .prefer(try NIOSSLContext(configuration: settings))
            case .require(let settings): tls = .require(try NIOSSLContext(configuration: settings))
            }
            configuration = .init(
                host: host ?? "localhost", port: port, username: user, password: password, database: database,
                tls: tls)
        }
        configuration.options.additionalStartupParameters = PostgresURL.startupParameters
        return configuration
    }
}
