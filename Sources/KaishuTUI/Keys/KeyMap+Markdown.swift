import Foundation

extension KeyMap {
    /// The key table as Markdown: what `kaishu keys --markdown` prints and docs/keys.md holds.
    /// Generated from the same table the workbench dispatches on.
    public func markdown() -> String {
        """
        # Kaishu keys

        Generated from the workbench's key table (`kaishu keys --markdown`); the `?` help
        overlay shows the same table. Do not edit by hand.

        """ + markdownTables(level: 2)
    }

    /// The tables alone, one section per context, headings at `level` (`##` for 2): what
    /// docs/workbench.md embeds between its generated-keys markers.
    public func markdownTables(level: Int) -> String {
        let hashes = String(repeating: "#", count: max(1, level))
        var out = ""
        for context in KeyContext.allCases {
            let rows = bindings(in: context)
            guard !rows.isEmpty else { continue }
            out += "\n\(hashes) \(context.title)\n\n| Keys | What it does |\n|---|---|\n"
            for binding in rows {
                let keys = binding.keyLabel.replacingOccurrences(of: "|", with: "\\|")
                out += "| `\(keys)` | \(binding.help.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        out += """

            \(hashes) Mouse

            | Action | What it does |
            |---|---|
            | Wheel | Move through the queue, scroll the case and the help |
            | Click | Highlight a queue row |
            | Double-click | Open the case |

            """
        return out
    }

    /// The key table as plain lines for the help overlay: a heading per context, then
    /// `keys  help` rows with the keys padded to `keyWidth` columns.
    public func helpLines(keyWidth: Int = 22) -> [(heading: Bool, keys: String, text: String)] {
        var lines: [(heading: Bool, keys: String, text: String)] = []
        for context in KeyContext.allCases {
            let rows = bindings(in: context)
            guard !rows.isEmpty else { continue }
            if !lines.isEmpty { lines.append((false, "", "")) }
            lines.append((true, "", context.title))
            for binding in rows {
                lines.append((false, binding.keyLabel, binding.help))
            }
        }
        lines.append((false, "", ""))
        lines.append((true, "", "Mouse"))
        lines.append((false, "Wheel", "Move through the queue, scroll the case and the help"))
        lines.append((false, "Click", "Highlight a queue row"))
        lines.append((false, "Double-click", "Open the case"))
        return lines
    }
}
