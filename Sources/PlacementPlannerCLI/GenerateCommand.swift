import ArgumentParser
import Foundation
import SchoolGenerator

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a realistic synthetic school workspace of any size (made-up names).")

    @Option(help: "Number of students.") var students = 150
    @Option(help: "Number of employers.") var employers = 40
    @Option(help: "Number of escort staff.") var staff = 25
    @Option(help: "Number of school sites.") var sites = 2
    @Option(help: "Number of terms.") var terms = 3
    @Option(help: "Random seed; the same seed gives the same school.") var seed: UInt64 = 2026
    @Option(help: "The folder to write the workspace into (must not exist or be empty).") var out: String

    func validate() throws {
        guard (1...100_000).contains(students), (1...20_000).contains(employers), (0...20_000).contains(staff),
              (1...100).contains(sites), (1...6).contains(terms) else {
            throw ValidationError("Sizes must be positive (students ≤ 100000, employers ≤ 20000, staff ≤ 20000, sites ≤ 100, terms ≤ 6).")
        }
    }

    func run() throws {
        let url = URL(fileURLWithPath: out)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        guard existing.isEmpty else {
            printError("The folder \(out) is not empty; choose a new folder so nothing in it is overwritten.")
            throw Exit.badInput
        }
        let files = SchoolGenerator.generate(SchoolGeneratorParameters(
            students: students, employers: employers, staff: staff, sites: sites, terms: terms, seed: seed))
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for name in files.keys.sorted() {
            try Data(files[name]!.utf8).write(to: url.appendingPathComponent(name))
        }
        print("Wrote a school of \(students) students, \(employers) employers, \(staff) staff, \(sites) sites, \(terms) terms to \(out)/")
    }
}
