import ArgumentParser

@main
struct PlacementPlanner: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement-planner",
        abstract: "Plans a year of work-experience placements for a school.",
        discussion: "A workspace is a folder of CSV files (see Data/README.md). Start with: placement-planner plan Data --out plan",
        subcommands: [Check.self, Plan.self, Verify.self, Explain.self, WhatIf.self, Generate.self, Serve.self])
}
