import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends an email through a sendmail-compatible command, the way git send-email and mutt do,
/// or — with no command configured — writes it to the outbox for the collector to send.
///
/// The command runs through `/bin/sh -c`, reads the whole RFC 5322 message on standard input
/// and must take the recipients from its headers (`sendmail -t`, `msmtp -t`). A non-zero exit
/// is a failure, reported with what the command wrote on standard error.
public struct Mailer: Sendable {
    /// The shell command, or `nil` to write files instead.
    public var command: String?
    /// Where messages are written when there is no command.
    public var outbox: URL
    /// How long the command may take before it is stopped and the send reported as failed.
    public var timeout: TimeInterval

    public init(command: String?, outbox: URL, timeout: TimeInterval = 60) {
        self.command = command?.trimmingCharacters(in: .whitespaces).isEmpty == false ? command : nil
        self.outbox = outbox
        self.timeout = timeout
    }

    /// The mailer the configuration describes.
    public init(config: LetterConfig, paths: LetterPaths) {
        self.init(command: config.email.sendmail, outbox: paths.outbox(for: config))
    }

    /// What became of a message.
    public enum Delivery: Hashable, Sendable {
        /// Handed to the sendmail command, which accepted it.
        case sent(messageID: String)
        /// Written to a file because no command is configured: not sent.
        case written(path: String, messageID: String)

        public var messageID: String {
            switch self {
            case .sent(let id), .written(_, let id): id
            }
        }

        public var wasSent: Bool {
            if case .sent = self { return true }
            return false
        }
    }

    /// Sends `message`, or writes it to the outbox when no command is configured.
    ///
    /// - Throws: `LetterError.mail` when the command fails, `LetterError.write` when the file
    ///   cannot be written.
    public func deliver(_ message: EmailMessage) throws -> Delivery {
        guard let command else {
            let path = try write(message, into: outbox)
            return .written(path: path.path, messageID: message.messageID)
        }
        try run(command, input: Data(message.rfc5322.utf8))
        return .sent(messageID: message.messageID)
    }

    /// Writes `message` as `<message-id>.eml` into `directory` (created if needed), readable
    /// by the owner only: it holds a debtor's personal data.
    public func write(_ message: EmailMessage, into directory: URL) throws -> URL {
        let name = message.messageID.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            .map { $0 == "@" || $0 == "/" ? "_" : $0 }
        let file = directory.appendingPathComponent(String(name) + ".eml")
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard
                FileManager.default.createFile(
                    atPath: file.path, contents: Data(message.rfc5322.utf8), attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw LetterError.write(path: file.path, reason: error.localizedDescription)
        }
        return file
    }

    /// Runs `command` with `input` on standard input.
    func run(_ command: String, input: Data) throws {
        // A command that exits without reading its input must not kill us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw LetterError.mail("cannot start /bin/sh for `\(command)`: \(error.localizedDescription)")
        }
        let collected = ErrorOutput()
        let reader = Thread {
            collected.set(stderr.fileHandleForReading.readDataToEndOfFile())
        }
        reader.start()
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw LetterError.mail("`\(command)` did not finish within \(Int(timeout)) seconds and was stopped")
        }
        let message = collected.waitText()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how =
                process.terminationReason == .exit
                ? "exited with status \(process.terminationStatus)"
                : "was killed by signal \(process.terminationStatus)"
            throw LetterError.mail("`\(command)` \(how)" + (message.isEmpty ? "" : ": \(message)"))
        }
    }

    /// Standard error of the command, collected on a reader thread.
    private final class ErrorOutput: @unchecked Sendable {
        private let lock = NSCondition()
        private var data: Data?

        func set(_ value: Data) {
            lock.lock()
            data = value
            lock.signal()
            lock.unlock()
        }

        func waitText() -> String {
            lock.lock()
            while data == nil { lock.wait() }
            let text = String(decoding: data!, as: UTF8.self)
            lock.unlock()
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
