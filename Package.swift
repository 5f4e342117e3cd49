// swift-tools-version: 6.0
import PackageDescription

// Data flows one way: WorkspaceImport → PlacementDomain → YearSolver (model → LinearSolver/GLPK → plan)
// → PlanExplain (why, why not, what would it take) → PlanExport; PlanVerify re-checks a plan independently of the model builder.
let package = Package(
    name: "PlacementPlanner",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "placement-planner", targets: ["PlacementPlannerCLI"]),
        .library(name: "PlacementPlanner", targets: ["PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify", "SchoolGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // GLPK from Debian's libglpk-dev. Only LinearSolver imports it.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "LinearSolver", dependencies: ["CGLPK"]),
        .target(name: "PlacementDomain"),
        .target(name: "WorkspaceImport", dependencies: ["PlacementDomain", .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "YearSolver", dependencies: ["PlacementDomain", "LinearSolver"]),
        .target(name: "PlanExplain", dependencies: ["PlacementDomain", "YearSolver"]),
        .target(name: "PlanExport", dependencies: ["PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain"]),
        .target(name: "PlanVerify", dependencies: ["PlacementDomain", "WorkspaceImport"]),
        .target(name: "SchoolGenerator"),
        // The coordinator's web page (`serve`): router, views, background solves, version store.
        .target(name: "PlannerWeb", dependencies: [
            "LinearSolver", "PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "PlacementPlannerCLI", dependencies: [
            "PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify", "SchoolGenerator", "PlannerWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "PlacementPlannerTests", dependencies: [
            "LinearSolver", "PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify", "SchoolGenerator", "PlacementPlannerCLI",
            "PlannerWeb", .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Fixtures")]),
    ]
)
