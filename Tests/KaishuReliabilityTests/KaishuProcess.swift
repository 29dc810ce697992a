import Foundation
import KaishuTestSupport

/// Runs the built `kaishu` binary (next to the test bundle) as users and scripts do.
enum KaishuProcess {
    typealias Result = BuiltProgram.Result

    static let path = BuiltProgram.path("kaishu")

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["KAISHU_COLLECTOR"] = "tester"
        environment["KAISHU_TODAY"] = "2026-11-23"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    @discardableResult
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        try BuiltProgram.run(path, arguments, environment: environment(extra))
    }

    /// A fresh folder under the temporary directory.
    static func folder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "kaishu-\(name)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
