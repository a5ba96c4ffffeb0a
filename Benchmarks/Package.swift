// swift-tools-version: 6.1
import PackageDescription

// rotor's benchmarks, apart from the main package so its build and tests stay lean.
// Run from this folder: `swift package benchmark` (or `make bench-suite` at the top).
let package = Package(
    name: "rotor-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named, so the products resolve whatever the checkout folder is called.
        .package(name: "rotor", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RotorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RotorCore", package: "rotor"),
                .product(name: "RotorData", package: "rotor"),
                .product(name: "RotorUI", package: "rotor"),
                .product(name: "RotorDemo", package: "rotor"),
            ],
            path: "Benchmarks/RotorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
