import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where drafts live: `$XDG_STATE_HOME/kaishu/drafts/<book>/`, falling back to
/// `~/.local/state/kaishu/drafts/<book>/` (XDG Base Directory: state that should survive a
/// restart but is not worth backing up).
///
/// `<book>` names the case book and the collector — a readable part of the book's path or
/// server address and a hash of both — so two books, or two collectors sharing an account, never
/// see each other's drafts. Drafts are on the collector's machine, whatever the store: a SQLite
/// file and a PostgreSQL team book alike.
public enum DraftLocation {
    public static func folder(
        book: String, collector: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        let stateHome: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            stateHome = xdg
        } else {
            stateHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        }
        return URL(fileURLWithPath: stateHome).appendingPathComponent("kaishu/drafts")
            .appendingPathComponent(bookKey(book: book, collector: collector))
    }

    /// `casebook.sqlite-3f2a…`: the last path component (or host), made safe, and an FNV-1a hash
    /// of the whole address and the collector.
    static func bookKey(book: String, collector: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (book + "\n" + collector).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let tail = book.split(separator: "/").last.map(String.init) ?? "book"
        let safe = String(
            tail.unicodeScalars.prefix(40).map {
                ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
                    ? Character($0) : "_"
            })
        return safe + "-" + String(hash, radix: 16)
    }
}

/// The drafts of one case book on disk, one JSON file per case (`case-42.json`, mode 0600 in a
/// 0700 folder), each written whole to a temporary file and renamed over the old one, so a crash
/// mid-write leaves the previous draft, never half of one. Not fsync'd: a draft protects against
/// the program dying, which leaves the page cache intact; a power cut may lose the last seconds.
///
/// Saving is debounced: `save` only remembers the draft and writes it `delay` seconds later on
/// the store's own serial queue, so typing never waits for the disk. Deletes go through the same
/// queue, so a delete can never be overtaken by an older write.
public final class DraftStore: @unchecked Sendable {
    public let folder: URL
    public let delay: Double
    private let queue = DispatchQueue(label: "kaishu.drafts")
    private let lock = NSLock()
    private var pending: [Int64: NoteDraft] = [:]
    private var scheduled = false
    private let timestamp: @Sendable () -> String

    public init(folder: URL, delay: Double = 0.3, timestamp: @escaping @Sendable () -> String = Runtime.isoNow) {
        self.folder = folder
        self.delay = delay
        self.timestamp = timestamp
    }

    func file(_ caseID: Int64) -> URL { folder.appendingPathComponent("case-\(caseID).json") }

    /// Remembers the draft and writes it a moment later (the newest draft of a case wins).
    public func save(_ draft: NoteDraft) {
        let schedule: Bool = lock.withLock {
            pending[draft.caseID] = draft
            defer { scheduled = true }
            return !scheduled
        }
        if schedule { queue.asyncAfter(deadline: .now() + delay) { self.writePending() } }
    }

    /// Forgets the case's draft: the pending one and the file.
    public func discard(caseID: Int64) {
        lock.withLock { _ = pending.removeValue(forKey: caseID) }
        queue.async { unlink(self.file(caseID).path) }
    }

    /// The draft of one case (a pending one first, else the file), read on the store's queue.
    public func draft(caseID: Int64) -> NoteDraft? {
        if let draft = lock.withLock({ pending[caseID] }) { return draft }
        return queue.sync { read(file(caseID)) }
    }

    /// Every draft kept for this book, newest first.
    public func all() -> [NoteDraft] {
        let onDisk: [NoteDraft] = queue.sync {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0.hasPrefix("case-") && $0.hasSuffix(".json") }
                .compactMap { read(folder.appendingPathComponent($0)) }
        }
        let waiting = lock.withLock { pending }
        var byCase: [Int64: NoteDraft] = [:]
        for draft in onDisk { byCase[draft.caseID] = draft }
        for (id, draft) in waiting { byCase[id] = draft }
        return byCase.values.sorted { ($0.savedAt ?? "~", $0.caseID) > ($1.savedAt ?? "~", $1.caseID) }
    }

    /// Writes what is pending now and waits for every queued write and delete (quitting, tests).
    public func flush() {
        queue.sync { writePending() }
    }

    private func writePending() {
        let drafts: [NoteDraft] = lock.withLock {
            scheduled = false
            defer { pending = [:] }
            return Array(pending.values)
        }
        for var draft in drafts {
            draft.savedAt = timestamp()
            write(draft)
        }
    }

    /// Temp file (0600) then `rename`: the old draft or the new one, never a torn file.
    private func write(_ draft: NoteDraft) {
        guard let data = try? JSONEncoder().encode(draft) else { return }
        try? FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let target = file(draft.caseID).path
        let temporary = target + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        if written == data.count {
            rename(temporary, target)
        } else {
            unlink(temporary)
        }
    }

    private func read(_ url: URL) -> NoteDraft? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(NoteDraft.self, from: data)
    }
}
