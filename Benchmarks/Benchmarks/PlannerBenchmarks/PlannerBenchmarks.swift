// Benchmarks for Placement Planner: reading + validating a workspace, building the year model,
// and solving it, for the sample school and two generated schools. See ../../README.md.
//
// package-benchmark runs every benchmark in its own process, so each benchmark's setup
// prepares its own school (outside the measured closure) and its teardown removes it again.

import Benchmark
import Foundation
import PlacementDomain
import PlanExplain
import SchoolGenerator
import WorkspaceImport
import YearSolver

/// One school the benchmarks run on.
struct BenchmarkSchool: Sendable {
    /// Prefix of every benchmark name for this school ("sample", "600", "2000").
    let name: String
    /// nil: the sample school in Data/; otherwise a generated school.
    let generator: SchoolGeneratorParameters?
}

let schools: [BenchmarkSchool] = [
    BenchmarkSchool(name: "sample", generator: nil),
    BenchmarkSchool(name: "600", generator: SchoolGeneratorParameters(
        students: 600, employers: 120, staff: 80, sites: 4, terms: 3, seed: 1)),
    BenchmarkSchool(name: "2000", generator: SchoolGeneratorParameters(
        students: 2_000, employers: 400, staff: 200, sites: 10, terms: 3, seed: 1)),
]

/// The sample school: <package root>/Data, found from this file's place in
/// <package root>/Benchmarks/Benchmarks/PlannerBenchmarks/.
let sampleDataFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent() // PlannerBenchmarks
    .deletingLastPathComponent() // Benchmarks (sources)
    .deletingLastPathComponent() // Benchmarks (package)
    .deletingLastPathComponent() // package root
    .appendingPathComponent("Data", isDirectory: true)

struct BenchmarkSetupError: Error, CustomStringConvertible {
    let description: String
}

/// The workspace folder of one benchmark run: Data/ for the sample, or a temporary folder the
/// generated school is written into once, in setup, and removed in teardown.
final class WorkspaceFolder: @unchecked Sendable {
    private let lock = NSLock()
    private var temporary: URL?

    func prepare(_ school: BenchmarkSchool) throws -> URL {
        guard let parameters = school.generator else {
            guard FileManager.default.fileExists(atPath: sampleDataFolder.appendingPathComponent("students.csv").path) else {
                throw BenchmarkSetupError(description: "the sample school is not at \(sampleDataFolder.path)")
            }
            return sampleDataFolder
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("placement-planner-benchmark-\(school.name)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        lock.withLock { temporary = folder }
        for (name, text) in SchoolGenerator.generate(parameters) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func remove() {
        let folder = lock.withLock { () -> URL? in
            defer { temporary = nil }
            return temporary
        }
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}

func loadWorkspace(_ folder: URL) throws -> Workspace {
    do {
        return try WorkspaceLoader.load(folder)
    } catch {
        throw BenchmarkSetupError(description: "the workspace at \(folder.path) does not load: \(error)")
    }
}

/// What a what-if benchmark starts from: a planned school and the change to ask about.
struct WhatIfStart: Sendable {
    let workspace: Workspace
    let current: Plan
    let change: WorkspaceChange
    let from: TermID
}

/// The employer hosting the most placements in `plan` withdraws.
@Sendable func busiestWithdraws(_ workspace: Workspace, _ plan: Plan) -> WorkspaceChange {
    let counts = Dictionary(grouping: plan.placements, by: \.session.employer).mapValues(\.count)
    return .withdraw(counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? workspace.employers[0].id)
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .peakMemoryResident]

    // Fast stages: a warm-up run, then up to 10 measured runs or 20 s, whichever comes first.
    let quick = Benchmark.Configuration(
        metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(20), maxIterations: 10)
    // The solve: no warm-up, 1–3 runs (a new run is started only while under 60 s in total).
    let solve = Benchmark.Configuration(
        metrics: metrics, timeUnits: .milliseconds, warmupIterations: 0,
        maxDuration: .seconds(60), maxIterations: 3)

    for school in schools {
        // read+validate: WorkspaceLoader.load on the school's folder (CSV parsing, every cell and
        // reference checked). The generated CSV files are written in setup, not measured.
        let readFolder = WorkspaceFolder()
        Benchmark("\(school.name) read+validate", configuration: quick) { _, folder in
            do {
                blackHole(try WorkspaceLoader.load(folder))
            } catch {
                fatalError("\(school.name): the workspace does not load: \(error)")
            }
        } setup: {
            try readFolder.prepare(school)
        } teardown: {
            readFolder.remove()
        }

        // model build: YearPlanner.modelSize — staff pools, candidate placements and the whole
        // year MIP (variables and rows), from an already loaded workspace.
        let modelFolder = WorkspaceFolder()
        Benchmark("\(school.name) model build", configuration: quick) { _, workspace in
            blackHole(YearPlanner.modelSize(workspace))
        } setup: {
            defer { modelFolder.remove() }
            return try loadWorkspace(modelFolder.prepare(school))
        }

        // solve: YearPlanner.plan with a 60 s time limit and the default 0.01 % gap — model build,
        // year relaxation bound, term-by-term plan and re-planning, decoding and unplaced reasons.
        let solveFolder = WorkspaceFolder()
        Benchmark("\(school.name) solve", configuration: solve) { _, workspace in
            do {
                let outcome = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 60))
                blackHole(outcome.score.placements)
                blackHole(outcome.relativeGap)
            } catch {
                fatalError("\(school.name): planning failed: \(error)")
            }
        } setup: {
            defer { solveFolder.remove() }
            return try loadWorkspace(solveFolder.prepare(school))
        }

        // what-if: the school is planned once in setup; measured is WhatIfPlanner.replan after the
        // change (by default the employer hosting the most placements withdraws) from `from` on.
        func whatIf(_ label: String, change: @escaping @Sendable (Workspace, Plan) -> WorkspaceChange = busiestWithdraws,
                    from: @escaping @Sendable (Workspace) -> TermID) {
            let folder = WorkspaceFolder()
            Benchmark("\(school.name) \(label)", configuration: solve) { (_: Benchmark, prepared: WhatIfStart) in
                do {
                    let result = try WhatIfPlanner.replan(prepared.workspace, current: prepared.current,
                                                          changes: [prepared.change], from: prepared.from,
                                                          options: PlanningOptions(timeLimit: 60))
                    blackHole(result.changes.count)
                } catch {
                    fatalError("\(school.name): what-if failed: \(error)")
                }
            } setup: {
                defer { folder.remove() }
                let workspace = try loadWorkspace(folder.prepare(school))
                let current = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 60)).plan
                return WhatIfStart(workspace: workspace, current: current, change: change(workspace, current), from: from(workspace))
            }
        }
        // From the second term on (the first kept).
        whatIf("what-if") { $0.terms.count > 1 ? $0.terms[1].id : $0.terms[0].id }
        // Sample school only: from the first term on, every term re-planned (the quick way's sifted
        // relaxation and whole year over the short list; larger schools' take the large way).
        if school.generator == nil {
            whatIf("whole-year what-if") { $0.terms[0].id }
            // The slowest of the sample's staff-away what-ifs: ST08 away, every term re-planned. Its
            // plan is near the optimum but not provable within the gap, so it runs the quick way's
            // re-plans and search and then the usual way's passes (session 30: 14.5 s with the CLI).
            whatIf("hardest what-if", change: { _, _ in .staffAway("ST08") }) { $0.terms[0].id }
        }

        // explain (sample school only: larger schools re-plan far bigger terms): every unplaced
        // student-term's reasons and "what would it take", each change tried by re-planning its term.
        if school.generator == nil {
            let explainFolder = WorkspaceFolder()
            Benchmark("\(school.name) explain", configuration: solve) { (_: Benchmark, prepared: WhatIfStart) in
                let report = Explainer.explain(prepared.workspace, plan: prepared.current)
                blackHole(report.suggestions.count)
            } setup: {
                defer { explainFolder.remove() }
                let workspace = try loadWorkspace(explainFolder.prepare(school))
                let current = try YearPlanner.plan(workspace, options: PlanningOptions(timeLimit: 60)).plan
                return WhatIfStart(workspace: workspace, current: current, change: .withdraw(workspace.employers[0].id), from: workspace.terms[0].id)
            }
        }
    }
}
