// swift-tools-version: 6.0
import PackageDescription

// Every target gets the same strictness, in one place (as swift-log does).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "rotor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rotor", targets: ["rotor"]),
        .library(name: "RotorCore", targets: ["RotorCore"]),
        .library(name: "RotorData", targets: ["RotorData"]),
        // For the benchmark package (Benchmarks/), which depends on this one by path.
        .library(name: "RotorUI", targets: ["RotorUI"]),
        .library(name: "RotorDemo", targets: ["RotorDemo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Alerts' run commands: pidfd-based waiting, reaping and a SIGTERM-then-SIGKILL teardown.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        // The desk's shared collector: bars and feed health in PostgreSQL (RotorStore).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "RotorCore", swiftSettings: strict),
        .target(name: "RotorData", dependencies: [
            "RotorCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strict),
        // The shared store on PostgreSQL: schema, writes of one fetch, reads, LISTEN.
        .target(name: "RotorStore", dependencies: [
            "RotorCore", "RotorData",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ], swiftSettings: strict),
        .target(name: "RotorUI", dependencies: ["RotorCore"], swiftSettings: strict),
        .target(name: "RotorTerminal", dependencies: ["CNcursesw", "RotorUI"], swiftSettings: strict),
        .target(name: "RotorDemo", dependencies: ["RotorCore"], swiftSettings: strict),
        .target(name: "RotorConfig", dependencies: ["RotorCore", "RotorUI"], swiftSettings: strict),
        .executableTarget(
            name: "rotor",
            dependencies: [
                "RotorCore", "RotorData", "RotorUI", "RotorTerminal", "RotorDemo", "RotorConfig", "RotorStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "RotorCoreTests", dependencies: ["RotorCore", "RotorData"],
                    exclude: ["Reference"], swiftSettings: strict),
        // Helpers shared by test targets only (the local HTTP server of the feed tests).
        .target(name: "RotorTestSupport", path: "Tests/RotorTestSupport", swiftSettings: strict),
        // GRDB: the cache tests write damaged and tampered files directly.
        .testTarget(name: "RotorDataTests", dependencies: ["RotorData", "RotorCore", "RotorTestSupport",
                                                          .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"], swiftSettings: strict),
        // PostgresNIO (with NIO): a stand-in server that refuses TLS as PostgreSQL does.
        .testTarget(name: "RotorStoreTests", dependencies: ["RotorStore", "RotorData", "RotorCore", "RotorTestSupport",
                                                           .product(name: "PostgresNIO", package: "postgres-nio")],
                    swiftSettings: strict),
        .testTarget(name: "RotorUITests", dependencies: ["RotorUI", "RotorCore"], swiftSettings: strict),
        .testTarget(name: "RotorTerminalTests", dependencies: ["RotorTerminal", "RotorUI", "CNcursesw"],
                    swiftSettings: strict),
        .testTarget(name: "RotorDemoTests", dependencies: ["RotorDemo", "RotorData", "RotorCore"],
                    swiftSettings: strict),
        .testTarget(name: "RotorConfigTests", dependencies: ["RotorConfig", "RotorUI", "RotorCore"],
                    swiftSettings: strict),
        .testTarget(name: "RotorCLITests", dependencies: ["rotor", "RotorCore", "RotorData", "RotorUI", "RotorTerminal", "RotorConfig",
                                                         "RotorStore", "RotorTestSupport"],
                    exclude: ["Fixtures", "Golden"], swiftSettings: strict),
    ]
)
