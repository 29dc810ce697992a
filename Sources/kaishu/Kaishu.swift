import ArgumentParser

@main
struct Kaishu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaishu",
        abstract: "回収 — a workbench for collecting unpaid receivables under Japanese law.",
        subcommands: [
            PrescriptionCommand.self,
        ]
    )
}
