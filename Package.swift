// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Kaishu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kaishu", targets: ["kaishu"]),
        .library(name: "KaishuCore", targets: ["KaishuCore"]),
        .library(name: "KaishuStore", targets: ["KaishuStore"]),
        .library(name: "KaishuLetters", targets: ["KaishuLetters"]),
        .library(name: "KaishuTeamStore", targets: ["KaishuTeamStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
    ],
    targets: [
        // Pure domain: money, civil dates, the law, the workflow, queue ranking. Foundation only.
        .target(name: "KaishuCore"),
        // What both stores must agree on byte for byte: the canonical event payload, the chain
        // hash, the search keys and the cached case row. Foundation and swift-crypto only.
        .target(
            name: "KaishuEventLog",
            dependencies: ["KaishuCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The case book on SQLite (GRDB): migrations, the append-only event log, import, demo data.
        .target(
            name: "KaishuStore",
            dependencies: [
                "KaishuCore",
                "KaishuEventLog",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // bulk inserts bind through the C API
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // ncursesw as Swift sees it: a module map and a shim header of inline wrappers.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The documents each stage sends: emails (RFC 5322), demand letters, certified mail on
        // the post office's grid. Mustache templates, overridable from the config folder.
        .target(
            name: "KaishuLetters",
            dependencies: [
                "KaishuCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")]
        ),
        // The team's case book on PostgreSQL (postgres-nio): the same promises as SQLite, plus
        // leases on cases so several collectors work one queue.
        .target(
            name: "KaishuTeamStore",
            dependencies: [
                "KaishuCore",
                "KaishuEventLog",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),  // sslmode and sslrootcert
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The workbench's pure core: state, update, view, key table, themes, display width,
        // the runtime loop over a `Terminal` protocol. No C, no store implementation.
        .target(name: "KaishuTUI", dependencies: ["KaishuCore", "KaishuLetters"]),
        // The only code that touches the terminal: the ncurses adapter and `Workbench.run`.
        .target(name: "KaishuCurses", dependencies: ["KaishuTUI", "KaishuCore", "KaishuLetters", "CNcursesw"]),
        // Test doubles shared by test targets and benchmarks: an in-memory case store.
        .target(name: "KaishuTestSupport", dependencies: ["KaishuCore"]),
        // A throwaway PostgreSQL cluster (initdb + pg_ctl on a Unix socket) for test targets.
        .target(name: "KaishuClusterSupport"),
        // The workbench over an in-memory demo case book: the end-to-end tests' subject and a
        // quick way to try the screens without a database.
        .executableTarget(
            name: "kaishu-workbench-demo",
            dependencies: ["KaishuCurses", "KaishuTUI", "KaishuTestSupport", "KaishuCore", "KaishuLetters"]
        ),
        .executableTarget(
            name: "kaishu",
            dependencies: [
                "KaishuCore",
                "KaishuStore",
                "KaishuLetters",
                "KaishuTeamStore",
                "KaishuTUI",
                "KaishuCurses",
                "KaishuClusterSupport",  // `kaishu bench team` starts a throwaway server when given none
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // raw SQLite floors in `kaishu bench`
                .product(name: "PostgresNIO", package: "postgres-nio"),  // the bare-connection floors of `bench team`
            ]
        ),
        .testTarget(name: "KaishuCoreTests", dependencies: ["KaishuCore"]),
        // Golden files are read from the source tree (Tests/KaishuLettersTests/Golden).
        .testTarget(
            name: "KaishuLettersTests",
            dependencies: ["KaishuLetters", "KaishuCore"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "KaishuStoreTests", dependencies: ["KaishuStore", "KaishuEventLog", "KaishuCore"]),
        .testTarget(
            name: "KaishuTeamStoreTests",
            dependencies: ["KaishuTeamStore", "KaishuStore", "KaishuEventLog", "KaishuCore", "KaishuClusterSupport"]
        ),
        // Runs the built `kaishu` binary: the command line as scripts see it.
        // `bench team` runs against the shared throwaway PostgreSQL cluster.
        .testTarget(name: "KaishuCLITests", dependencies: ["kaishu", "KaishuClusterSupport", "KaishuTestSupport"]),
        .testTarget(
            name: "KaishuTUITests",
            dependencies: ["KaishuTUI", "KaishuCore", "KaishuTestSupport", "KaishuLetters"]
        ),
        .testTarget(
            name: "KaishuCursesTests", dependencies: ["KaishuCurses", "KaishuTUI", "KaishuCore", "KaishuTestSupport"]),
        // Runs the workbench binary in a private tmux server; skipped without tmux.
        // Depends on the demo executable and `kaishu` so `swift test` builds the binaries it drives;
        // the team tests run two `kaishu` workbenches on a throwaway PostgreSQL cluster.
        .testTarget(name: "KaishuE2ETests", dependencies: ["kaishu-workbench-demo", "kaishu", "KaishuClusterSupport"]),
        // Audit tampering, kill -9 and disk-full tests, CSV differential tests (issue 7).
        .testTarget(
            name: "KaishuReliabilityTests",
            dependencies: [
                "kaishu", "KaishuStore", "KaishuEventLog", "KaishuCore", "KaishuTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
    ]
)
