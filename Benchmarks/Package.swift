// swift-tools-version: 6.1
import PackageDescription

// A path dependency is known by its folder's name ("main" in /work/main); work it out so the
// package resolves whatever the checkout folder is called.
let plannerPackage = Context.packageDirectory.split(separator: "/").dropLast().last.map { $0.lowercased() } ?? "main"

// Benchmarks for Placement Planner, kept in their own package so that the benchmark
// dependency (ordo-one/benchmark, formerly package-benchmark, and its malloc interposer) never touches the main
// package's `swift build` / `swift test`. Run from this folder: `swift package benchmark`.
// See README.md beside this file.
let package = Package(
    name: "PlacementPlannerBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The benchmark plugin finds benchmark targets by their sources living in Benchmarks/<TargetName>/.
        .executableTarget(
            name: "PlannerBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PlacementPlanner", package: plannerPackage),
            ],
            path: "Benchmarks/PlannerBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
