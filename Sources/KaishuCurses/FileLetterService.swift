import Foundation
import Glibc
import KaishuCore
import KaishuLetters
import KaishuTUI

/// The workbench's letters on this machine: the configuration and templates from the config
/// folder, letters written to a folder, `$EDITOR`, and the configured sendmail command.
///
/// The desk (`letters.json` and the templates) is read again for every draft, so a template or
/// configuration edited while the workbench is open is used at the next `l`, and a mistake in
/// it is shown in the pane rather than stopping the workbench.
public struct FileLetterService: LetterService {
    public var paths: LetterPaths
    /// Where `w` and `E` put letters (default: the directory the workbench started in).
    public var folder: URL
    public var environment: [String: String]

    public init(paths: LetterPaths, folder: URL, environment: [String: String]) {
        self.paths = paths
        self.folder = folder
        self.environment = environment
    }

    /// The usual set-up: the XDG folders of `environment`, letters written into `folder` or the
    /// current directory.
    public init(environment: [String: String], folder: String? = nil) {
        self.init(
            paths: LetterPaths(environment: environment),
            folder: URL(fileURLWithPath: folder ?? FileManager.default.currentDirectoryPath, isDirectory: true),
            environment: environment)
    }

    public func draft(_ kind: LetterKind, case state: CaseState, today: CivilDate, calendar: BusinessCalendar) throws
        -> RenderedLetter
    {
        try LetterDesk.load(paths: paths).draft(kind: kind, case: state, today: today, calendar: calendar)
    }

    public func write(_ letter: RenderedLetter) throws -> String {
        let file = folder.appendingPathComponent(letter.fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(letter.document.utf8).write(to: file, options: .atomic)
        } catch {
            throw LetterError.write(path: file.path, reason: error.localizedDescription)
        }
        return file.path
    }

    public func edit(_ letter: RenderedLetter) throws -> EditedLetter {
        let file = folder.appendingPathComponent(letter.fileName)
        if !FileManager.default.fileExists(atPath: file.path) { _ = try write(letter) }
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // Through the shell, as git and mutt do, so `EDITOR="code --wait"` works; the path is
        // passed as $1, never spliced into the command.
        let status = try Self.spawn(["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path])
        guard status == 0 else {
            throw LetterError.write(path: file.path, reason: "the editor '\(editor)' exited with status \(status)")
        }
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw LetterError.write(path: file.path, reason: "cannot be read back: \(error.localizedDescription)")
        }
        return EditedLetter(path: file.path, text: text)
    }

    public func send(_ email: EmailMessage) throws -> Mailer.Delivery {
        try LetterDesk.load(paths: paths).mailer(paths: paths).deliver(email)
    }

    /// Runs a program on this terminal and waits for it; returns its exit status.
    static func spawn(_ arguments: [String]) throws -> Int32 {
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let result = posix_spawn(&pid, arguments[0], nil, nil, argv, environ)
        guard result == 0 else {
            throw LetterError.write(
                path: arguments[0], reason: "cannot start the editor: \(String(cString: strerror(result)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
