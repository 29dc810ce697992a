// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Kaishu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kaishu", targets: ["kaishu"]),
        .library(name: "KaishuCore", targets: ["KaishuCore"]),
        .library(name: "KaishuStore", targets: ["KaishuStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Pure domain: money, civil dates, the law, the workflow, queue ranking. Foundation only.
        .target(name: "KaishuCore"),
        // The case book on SQLite (GRDB): migrations, the append-only event log, import, demo data.
        .target(
            name: "KaishuStore",
            dependencies: [
                "KaishuCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The workbench's pure core: state, update, view, key table, themes, display width,
        // the runtime loop over a `Terminal` protocol. No C, no store implementation.
        .target(name: "KaishuTUI", dependencies: ["KaishuCore"]),
        .executableTarget(
            name: "kaishu",
            dependencies: [
                "KaishuCore",
                "KaishuStore",
                "KaishuTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),  // raw SQLite floors in `kaishu bench`
            ]
        ),
        .testTarget(name: "KaishuCoreTests", dependencies: ["KaishuCore"]),
        .testTarget(name: "KaishuStoreTests", dependencies: ["KaishuStore", "KaishuCore"]),
        // Runs the built `kaishu` binary: the command line as scripts see it.
        .testTarget(name: "KaishuCLITests", dependencies: ["kaishu"]),
        // Audit tampering, kill -9 and disk-full tests, CSV differential tests (issue 7).
        .testTarget(
            name: "KaishuReliabilityTests",
            dependencies: [
                "kaishu", "KaishuStore", "KaishuCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
    ]
)
