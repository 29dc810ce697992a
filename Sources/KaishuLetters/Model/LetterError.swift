/// Why a letter could not be produced or sent, in words a collector can act on.
///
/// Refusals that come from the case itself (no email address, nothing outstanding) are
/// `KaishuCore.Refusal`s, like every other refused action.
public enum LetterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `letters.json` could not be read or says something invalid.
    case config(file: String, reason: String)
    /// A template file does not parse.
    case template(name: String, file: String, reason: String)
    /// No template of that name, neither the user's nor the built-in one.
    case missingTemplate(name: String, searched: [String])
    /// The letter kind has no such format or language.
    case unsupported(String)
    /// The sendmail command failed or could not be started.
    case mail(String)
    /// A file could not be written.
    case write(path: String, reason: String)

    public var description: String {
        switch self {
        case .config(let file, let reason):
            "\(file): \(reason)"
        case .template(let name, let file, let reason):
            "template \(name) (\(file)): \(reason)"
        case .missingTemplate(let name, let searched):
            "no template \(name).mustache in \(searched.joined(separator: " or "))"
        case .unsupported(let what):
            what
        case .mail(let reason):
            "sending failed: \(reason)"
        case .write(let path, let reason):
            "cannot write \(path): \(reason)"
        }
    }
}
