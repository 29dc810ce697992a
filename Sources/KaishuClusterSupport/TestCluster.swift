import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests (the team store's and the workbench's end-to-end): `initdb` and `pg_ctl` into a fresh temporary
/// folder, listening only on a Unix socket in that folder (no TCP port to collide with).
///
/// Started once per test process, on first use, and shared by every suite; each test takes its own
/// database (`makeDatabase`). PostgreSQL refuses to run as root, so when the tests run as root the
/// server runs as the `postgres` OS user (`runuser -u postgres --`) and the folder is given to it.
/// A watchdog shell process stops the server (immediate shutdown) and removes the folder once the
/// test process has exited, however it exits. If the cluster cannot start, `shared` holds the
/// reason and every test using it fails with it — the tests never skip silently.
public final class TestCluster: Sendable {
    public let folder: String
    /// The server's port: its socket is `folder/.s.PGSQL.<port>`, and with `tcp` also its TCP port.
    public let port: Int
    public let binaries: String
    public let runAsPostgres: Bool

    public static let shared: Result<TestCluster, ClusterError> = {
        do {
            return .success(try TestCluster.start())
        } catch let error as ClusterError {
            return .failure(error)
        } catch {
            return .failure(ClusterError(description: "\(error)"))
        }
    }()

    public struct ClusterError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The cluster, or an error saying why there is none (a test that throws it fails with it).
    public static func get() throws -> TestCluster {
        switch shared {
        case .success(let cluster): return cluster
        case .failure(let error):
            throw ClusterError(description: "the PostgreSQL test cluster could not start: \(error.description)")
        }
    }

    private init(folder: String, binaries: String, runAsPostgres: Bool, port: Int = 5432) {
        self.folder = folder
        self.binaries = binaries
        self.runAsPostgres = runAsPostgres
        self.port = port
    }

    /// A cluster of the caller's own rather than the shared one — `kaishu bench team` starts one
    /// when given no server — stopped and removed by the same watchdog once this process exits.
    /// `fsync` as asked: the tests run without it (a throwaway cluster on a shared disk); a
    /// benchmark of durable commits wants it on, as any real server has it.
    public static func startPrivate(fsync: Bool) throws -> TestCluster {
        try start(fsync: fsync)
    }

    /// A cluster of the caller's own that also listens on TCP (`localhost`, a free port), for the
    /// tests of `sslmode`; with `tls`, it serves TLS (`ssl = on`) with a self-signed certificate
    /// for `localhost` made by the `openssl` command in its folder (`certificatePath`).
    public static func startPrivate(tcp: Bool, tls: Bool) throws -> TestCluster {
        try start(fsync: false, tcp: tcp, tls: tls)
    }

    /// The self-signed certificate a `tls` cluster serves (PEM).
    public var certificatePath: String { folder + "/server.crt" }

    /// A URL reaching `database` over TCP, with `parameters` (e.g. `sslmode=require`).
    public func tcpURL(database: String, user: String = "postgres", parameters: String = "") -> String {
        "postgres://\(user)@localhost:\(port)/\(database)" + (parameters.isEmpty ? "" : "?" + parameters)
    }

    private static func start(fsync: Bool = false, tcp: Bool = false, tls: Bool = false) throws -> TestCluster {
        guard let binaries = findBinaries() else {
            throw ClusterError(
                description:
                    "no initdb found under /usr/lib/postgresql/*/bin or on PATH; install the postgresql package")
        }
        let asRoot = getuid() == 0
        let folder = "/tmp/kaishu-pg-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let port = try tcp ? freePort() : 5432
        let cluster = TestCluster(folder: folder, binaries: binaries, runAsPostgres: asRoot, port: port)
        if asRoot {
            try cluster.shell(["chown", "postgres:postgres", folder], asPostgres: false)
        }
        try cluster.shell(
            [
                binaries + "/initdb", "-D", folder + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8",
                "--locale=C", "--no-sync",
            ], asPostgres: asRoot)
        var options = ""
        if tls {
            try cluster.shell(
                [
                    "openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1", "-keyout", folder + "/server.key", "-out",
                    cluster.certificatePath,
                ], asPostgres: asRoot)
            try cluster.shell(["chmod", "600", folder + "/server.key"], asPostgres: asRoot)
            options += " -c ssl=on -c ssl_cert_file=\(cluster.certificatePath) -c ssl_key_file=\(folder)/server.key"
        }
        // fsync off for the tests: a throwaway cluster on a shared CI disk; synchronous_commit stays on
        // (the store checks).
        try cluster.shell(
            [
                binaries + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                "-p \(cluster.port) -k \(folder) -c listen_addresses='\(tcp ? "localhost" : "")'"
                    + " -c fsync=\(fsync ? "on" : "off") -c max_connections=300" + options,
                "start",
            ], asPostgres: asRoot)
        cluster.startWatchdog()
        return cluster
    }

    /// The folder of the newest PostgreSQL's programs (`initdb`, `pg_ctl`, `pgbench` …): under
    /// /usr/lib/postgresql/*/bin, else on PATH.
    public static func findBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(version)/bin/initdb") {
            return "\(root)/\(version)/bin"
        }
        for path in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(path)/initdb") {
            return String(path)
        }
        return nil
    }

    /// A TCP port nobody listens on now (the kernel's pick for port 0 on the loopback address).
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClusterError(description: "cannot open a socket to find a free port") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw ClusterError(description: "cannot find a free TCP port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Stops the server and removes the folder once this process is gone.
    private func startWatchdog() {
        let script = """
            while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done
            pid=$(head -1 '\(folder)/data/postmaster.pid' 2>/dev/null)
            [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null
            sleep 2
            rm -rf '\(folder)'
            """
        // Detached (setsid, in the background), so it outlives this process.
        _ = try? shell(
            ["/bin/sh", "-c", "setsid /bin/sh -c \"$0\" </dev/null >/dev/null 2>&1 &", script], asPostgres: false)
    }

    /// Runs a command (as the `postgres` user when asked), failing with its output.
    ///
    /// posix_spawn and waitpid rather than Foundation's `Process`: its `waitUntilExit` can wait
    /// forever for a child that has exited when called while the cooperative pool is blocked on
    /// this cluster's one-time start. Output goes to a file, not a pipe, because the server that
    /// pg_ctl starts would inherit a pipe's write end and keep it open.
    @discardableResult
    public func shell(_ arguments: [String], asPostgres: Bool) throws -> String {
        // From /tmp: the postgres user may not be allowed into the package's folder.
        let argv =
            ["/bin/sh", "-c", "cd /tmp && exec \"$@\"", "sh"]
            + (asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments)
        let outputPath = NSTemporaryDirectory() + "kaishu-pg-out-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard status == 0 else {
            throw ClusterError(
                description: "cannot run \(argv.joined(separator: " ")): \(String(cString: strerror(status)))")
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (exitStatus & 0x7f) == 0
        let code = (exitStatus >> 8) & 0xff
        guard exited && code == 0 else {
            throw ClusterError(description: "\(argv.joined(separator: " ")) failed (status \(exitStatus)): \(text)")
        }
        return text
    }

    /// Runs SQL through psql as the superuser.
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try shell(
            [
                binaries + "/psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", String(port),
                "-U", "postgres", "-d", database, "-c", sql,
            ], asPostgres: runAsPostgres)
    }

    /// A fresh, empty database; returns its URL.
    public func makeDatabase(owner: String = "postgres") throws -> (name: String, url: String) {
        let name = "t_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name) OWNER \(owner)")
        return (name, url(database: name, user: owner))
    }

    public func url(database: String, user: String = "postgres") -> String {
        "postgres://\(user)@/\(database)?host=\(folder)&port=\(port)"
    }
}
