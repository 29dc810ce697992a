import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Disk full during a note save and during an import, on a real full filesystem: a 3 MB tmpfs
/// mounted for the test (needs root and a kernel that lets the test mount; otherwise the test is
/// skipped and says so). The user is told, nothing acknowledged is lost,
/// and once space is freed the next start is clean.
@Suite("faults: a full disk loses nothing acknowledged")
struct DiskFullTests {
    static let canMount: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    @Test(
        "disk full during a note and an import: refused with a message, acknowledged notes kept, recovers",
        .enabled(if: canMount))
    func diskFull() throws {
        let folder = try KaishuProcess.folder("enospc")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mountPoint = folder + "/mnt"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = try Self.shell(["/bin/mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", mountPoint])
        guard mount == 0 else {
            print("disk-full test skipped: cannot mount a tmpfs here")
            return
        }
        defer { _ = try? Self.shell(["/bin/umount", "-l", mountPoint]) }
        let db = mountPoint + "/casebook.sqlite"
        try #require(try KaishuProcess.run(["demo", "--cases", "40", "--db", db]).status == 0)
        for key in ["full-1", "full-2", "full-3"] {
            let saved = try KaishuProcess.run(
                [
                    "case", "note", "1", "--outcome", "no-answer", "--text", "acknowledged \(key)", "--idempotency-key",
                    key, "--db", db,
                ])
            try #require(saved.status == 0, "\(saved.stderr)")
        }
        let csv = folder + "/invoices.csv"
        var text = "取引先コード,取引先名,請求書番号,取引日,支払期日,金額\r\n"
        for row in 0..<3000 {
            text += "F\(row / 2),株式会社満杯商事\(row / 2),F-\(row),2025-04-01,2025-04-30,\(1000 + row)\r\n"
        }
        try text.write(toFile: csv, atomically: true, encoding: .utf8)

        // Fill the filesystem but for 256 KB, then save long notes until the disk is full: every
        // note before the failing one was acknowledged, the failing one was not.
        let block = [UInt8](repeating: 0xAB, count: 4096)
        let reserve = mountPoint + "/reserve"
        let reserved = open(reserve, O_WRONLY | O_CREAT, 0o600)
        for _ in 0..<64 { _ = write(reserved, block, block.count) }
        close(reserved)
        let filler = mountPoint + "/filler"
        let descriptor = open(filler, O_WRONLY | O_CREAT, 0o600)
        while write(descriptor, block, block.count) > 0 {}
        close(descriptor)
        unlink(reserve)

        var acknowledged = ["full-1", "full-2", "full-3"]
        var refused: (key: String, message: String)?
        for index in 4..<60 {
            let key = "full-\(index)"
            let note = try KaishuProcess.run(
                [
                    "case", "note", "1", "--outcome", "no-answer", "--text",
                    "\(key) " + String(repeating: "長い記録", count: 2500),
                    "--idempotency-key", key, "--db", db,
                ])
            if note.status == 0 {
                acknowledged.append(key)
            } else {
                refused = (key, note.stderr)
                break
            }
        }
        let failure = try #require(refused, "the disk never filled")
        #expect(failure.message.contains("disk is full"), "the user is told why: \(failure.message)")
        let imported = try KaishuProcess.run(["import", csv, "--db", db])
        #expect(imported.status != 0, "an import on a full disk must fail")
        #expect(imported.stderr.contains("disk is full"), "the user is told why: \(imported.stderr)")
        print(
            "disk full after \(acknowledged.count) notes; note: \(failure.message.trimmingCharacters(in: .whitespacesAndNewlines))"
        )
        print("disk full, import: \(imported.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")

        unlink(filler)
        let queue = try DatabaseQueue(path: db)
        let (quick, keys, lost, leftover) = try queue.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA quick_check"),
                try String.fetchAll(db, sql: "SELECT idem_key FROM events WHERE idem_key LIKE 'full-%' ORDER BY seq"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM events WHERE idem_key = ?", arguments: [failure.key])
                    ?? -1,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM claims WHERE invoice LIKE 'F-%'") ?? -1
            )
        }
        try queue.close()
        #expect(quick == ["ok"])
        #expect(keys == acknowledged, "every acknowledged note, once; the refused one absent")
        #expect(lost == 0)
        #expect(leftover == 0, "the failed import left nothing behind")
        #expect(try KaishuProcess.run(["audit", "verify", "--db", db]).status == 0)
        // The next start is clean: the same note and the same import now go through.
        #expect(
            try KaishuProcess.run(
                [
                    "case", "note", "1", "--outcome", "no-answer", "--text", "after", "--idempotency-key", failure.key,
                    "--db", db,
                ]).status == 0)
        let retried = try KaishuProcess.run(["import", csv, "--db", db])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try KaishuProcess.run(["audit", "verify", "--db", db]).status == 0)
    }

    static func shell(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
