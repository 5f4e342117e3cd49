// swift-tools-version: 6.0
import PackageDescription

// Data flows one way: WorkspaceImport → PlacementDomain → YearSolver (model → LinearSolver/GLPK → plan)
// → PlanExplain (why, why not, what would it take) → PlanExport; PlanVerify re-checks a plan independently of the model builder.
let package = Package(
    name: "PlacementPlanner",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placement-planner", targets: ["PlacementPlannerCLI"]),
        .library(name: "PlacementPlanner", targets: ["PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify", "SchoolGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // GLPK from Debian's libglpk-dev. Only LinearSolver imports it.
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "LinearSolver", dependencies: ["CGLPK"]),
        .target(name: "PlacementDomain"),
        .target(name: "WorkspaceImport", dependencies: ["PlacementDomain", .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "YearSolver", dependencies: ["PlacementDomain", "LinearSolver"]),
        .target(name: "PlanExplain", dependencies: ["PlacementDomain", "YearSolver"]),
        .target(name: "PlanExport", dependencies: ["PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "PlanVerify", dependencies: ["PlacementDomain", "WorkspaceImport"]),
        .target(name: "SchoolGenerator"),
        .executableTarget(name: "PlacementPlannerCLI", dependencies: [
            "PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify", "SchoolGenerator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "PlacementPlannerTests", dependencies: [
            "LinearSolver", "PlacementDomain", "WorkspaceImport", "YearSolver", "PlanExplain", "PlanExport", "PlanVerify", "SchoolGenerator", "PlacementPlannerCLI",
        ], resources: [.copy("Fixtures")]),
    ]
)
