import Foundation
import KaishuTestSupport
import Testing

/// Runs the real `kaishu` binary built next to the tests, the way scripts and users run it.
struct KaishuBinary {
    typealias Result = BuiltProgram.Result

    /// `.build/<config>/kaishu`, found from the test bundle's location.
    static let path = BuiltProgram.path("kaishu")

    let directory: URL
    var db: String { directory.appendingPathComponent("casebook.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaishu-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = directory.appendingPathComponent("data").path
        environment["XDG_CONFIG_HOME"] = directory.appendingPathComponent("config").path
        environment["KAISHU_COLLECTOR"] = "tester"
        environment.removeValue(forKey: "KAISHU_TODAY")
        for (key, value) in extra { environment[key] = value }
        return try BuiltProgram.run(KaishuBinary.path, arguments, environment: environment)
    }
}
