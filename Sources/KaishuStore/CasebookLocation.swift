import Foundation

/// Where the embedded case book lives: `$XDG_DATA_HOME/kaishu/casebook.sqlite`, falling back to
/// `~/.local/share/kaishu/casebook.sqlite` (XDG Base Directory Specification).
public enum CasebookLocation {
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/kaishu/casebook.sqlite"
    }
}
