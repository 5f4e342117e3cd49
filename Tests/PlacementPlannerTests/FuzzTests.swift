import Foundation
import Testing
import PlacementDomain
import WorkspaceImport
import YearSolver

/// A deterministic, seeded random-mutation fuzzer for the CSV and workspace reader.
///
/// Starts from the committed seed corpus in `Fixtures/FuzzCorpus/` (small valid and broken files,
/// each named after the workspace file it stands for), mutates bytes — bit flips, inserted
/// quotes, commas, line breaks, invalid UTF-8, byte-order marks, huge numbers; truncation,
/// duplicated and swapped lines — and checks, for every mutated file:
///
/// - `CSVTable.parse` and `WorkspaceLoader.load` return (no crash, no hang: each call is timed);
/// - they return either a value or at least one problem, and every problem names its file;
/// - every problem's line, and every record's line, lies within the file.
///
/// The same seed always runs the same inputs, so a failure is reproducible from its iteration number.
@Suite struct FuzzTests {
    static let seed: UInt64 = 0x5EED_2026
    static let iterations = 3_000
    /// One in this many iterations also loads a whole workspace holding the mutated file.
    static let workspaceEvery = 3

    struct Corpus {
        let name: String
        let bytes: [UInt8]
        /// The workspace file this seed stands for (`students-broken.csv` → `students.csv`).
        var target: String { String(name.prefix { $0 != "-" }) + ".csv" }
    }

    static func corpus() throws -> [Corpus] {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let folder = fixtures.appendingPathComponent("FuzzCorpus")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        return try names.map { Corpus(name: $0, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    @Test(.timeLimit(.minutes(5))) func mutatedFilesNeverCrashHangOrMisplaceProblems() throws {
        let corpus = try Self.corpus()
        try #require(corpus.count >= 10, "the seed corpus is committed under Fixtures/FuzzCorpus")
        var random = SplitMix64(seed: Self.seed)
        let workspace = try MinimalWorkspace.write()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let clock = ContinuousClock()
        var executions = 0, parsed = 0, refused = 0, loads = 0, loadedClean = 0, plans = 0
        var slowest = Duration.zero

        for iteration in 0..<Self.iterations {
            let seed = corpus[Int(random.next() % UInt64(corpus.count))]
            var bytes = seed.bytes
            for _ in 0..<(1 + Int(random.next() % 4)) { Mutation.apply(&bytes, &random) }
            let data = Data(bytes)
            let lines = Self.lineCount(bytes)

            // 1. The table reader alone.
            var problems = ProblemList()
            var table: CSVTable?
            let parseTime = clock.measure { table = CSVTable.parse(data, file: seed.target, problems: &problems) }
            executions += 1
            slowest = max(slowest, parseTime)
            #expect(parseTime < .seconds(2), "iteration \(iteration): parse took \(parseTime)")
            if let table {
                parsed += 1
                for record in table.records {
                    #expect((2...lines).contains(record.line), "iteration \(iteration): record line \(record.line) of \(lines)")
                }
            } else {
                refused += 1
                #expect(!problems.isEmpty, "iteration \(iteration): parse returned nothing and said nothing")
            }
            for problem in problems.problems {
                #expect(problem.file == seed.target, "iteration \(iteration): \(problem)")
                #expect(problem.line.map { (1...lines + 1).contains($0) } ?? true, "iteration \(iteration): \(problem) (file has \(lines) lines)")
                #expect(!problem.message.isEmpty && !problem.fix.isEmpty)
            }

            // 2. The whole workspace with the mutated file in place of its original.
            guard iteration % Self.workspaceEvery == 0 else { continue }
            let url = workspace.appendingPathComponent(seed.target)
            let original = MinimalWorkspace.files[seed.target]
            try data.write(to: url)
            var loadProblems: [Problem] = []
            var loaded: Workspace?
            let loadTime = clock.measure {
                do { loaded = try WorkspaceLoader.load(workspace); loadedClean += 1 } catch let error as WorkspaceProblems { loadProblems = error.problems } catch {}
            }
            // 3. A workspace the reader accepts must never take GLPK (and the process) down.
            if let loaded {
                do { _ = try YearPlanner.plan(loaded, options: PlanningOptions(timeLimit: 2)) } catch { #expect(!error.description.isEmpty) }
                executions += 1
                plans += 1
            }
            executions += 1
            loads += 1
            slowest = max(slowest, loadTime)
            #expect(loadTime < .seconds(2), "iteration \(iteration): load took \(loadTime)")
            for problem in loadProblems {
                #expect(MinimalWorkspace.files.keys.contains(problem.file), "iteration \(iteration): \(problem)")
                let fileLines = problem.file == seed.target ? lines : Self.lineCount(Array((MinimalWorkspace.files[problem.file] ?? "").utf8))
                #expect(problem.line.map { (1...fileLines + 1).contains($0) } ?? true, "iteration \(iteration): \(problem) (file has \(fileLines) lines)")
            }
            if let original { try Data(original.utf8).write(to: url) } else { try FileManager.default.removeItem(at: url) }
        }
        print("FuzzTests: \(executions) executions (\(Self.iterations) parses: \(parsed) tables, \(refused) refused; \(loads) workspace loads: \(loadedClean) clean, each then planned: \(plans) plans), \(corpus.count) seed files, seed \(Self.seed), slowest \(slowest)")
        #expect(executions >= 4_000)
    }

    /// Lines as a text editor counts them: LF, CRLF and a lone CR each end one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { lines += 1 }
        }
        return lines
    }
}

/// The byte mutations the fuzzer applies.
enum Mutation {
    static let tokens: [[UInt8]] = [
        Array("\"".utf8), Array(",".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8), Array(";".utf8),
        [0xEF, 0xBB, 0xBF], [0xFF], [0xC3], [0xE9], [0xED, 0xA0, 0x80], [0x00], Array("\t".utf8), Array("\"\"".utf8),
        Array("=cmd|' /C calc'!A0".utf8), Array("99999999999999999999".utf8), Array("-1".utf8), Array("1e400".utf8),
        Array("nan".utf8), Array("Sat".utf8), Array("one-to-one".utf8), Array("S1".utf8), Array("farm1".utf8), Array("t1".utf8),
        Array("\u{7}".utf8), Array("é".utf8), Array(String(repeating: "x", count: 300).utf8),
    ]

    static func apply(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        func position(_ extra: Int = 1) -> Int { Int(random.next() % UInt64(bytes.count + extra)) }
        switch random.next() % 9 {
        case 0 where !bytes.isEmpty: // flip a bit
            let at = position(0)
            bytes[at] ^= UInt8(1 << (random.next() % 8))
        case 1, 2: // insert a token
            bytes.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))], at: position())
        case 3 where !bytes.isEmpty: // delete a short range
            let at = position(0)
            bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 8)))
        case 4: // truncate
            bytes.removeSubrange(position()...)
        case 5: // duplicate a line
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = lines[Int(random.next() % UInt64(lines.count))]
            bytes.insert(contentsOf: line + [0x0A], at: lineStart(bytes, position()))
        case 6: // swap two lines
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            lines.swapAt(Int(random.next() % UInt64(lines.count)), Int(random.next() % UInt64(lines.count)))
            bytes = Array(lines.joined(separator: [0x0A]))
        case 7: // a byte-order mark at the start (again)
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
        default: // replace a byte with any byte
            if !bytes.isEmpty { bytes[position(0)] = UInt8(truncatingIfNeeded: random.next()) }
        }
    }

    private static func lineStart(_ bytes: [UInt8], _ at: Int) -> Int {
        var index = min(at, bytes.count)
        while index > 0 && bytes[index - 1] != 0x0A { index -= 1 }
        return index
    }
}

/// A small, fast, seedable generator (public-domain SplitMix64) so every run mutates the same way.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
