import ArgumentParser
import Foundation

@main
struct Kaishu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaishu",
        abstract: "回収 — a workbench for collecting unpaid receivables under Japanese law.",
        subcommands: [
            WorkbenchCommand.self,
            QueueCommand.self,
            CaseCommand.self,
            ImportCommand.self,
            DemoCommand.self,
            WriteOffCommand.self,
            LetterCommand.self,
            HolidaysCommand.self,
            DeadlineCommand.self,
            FeeCommand.self,
            InterestCommand.self,
            PrescriptionCommand.self,
            MigrateCommand.self,
            CopyCommand.self,
            AuditCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: WorkbenchCommand.self
    )

    /// Runs the command; usage errors exit 2 (ArgumentParser's default is 64), refused actions and
    /// bad input exit 1, success 0 — the contract scripts rely on.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
