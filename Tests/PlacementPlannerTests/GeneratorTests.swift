import Foundation
import Testing
import SchoolGenerator
import WorkspaceImport

/// Generated schools of every size must pass the same checks as a coordinator's files.
@Suite struct GeneratorTests {
    @Test(arguments: [
        SchoolGeneratorParameters(students: 40, employers: 12, staff: 8, sites: 1, terms: 3, seed: 7),
        SchoolGeneratorParameters(students: 600, employers: 120, staff: 80, sites: 4, terms: 3, seed: 1),
        SchoolGeneratorParameters(students: 2_000, employers: 400, staff: 200, sites: 10, terms: 6, seed: 3),
    ])
    func generatedSchoolsLoadClean(_ parameters: SchoolGeneratorParameters) throws {
        let folder = try writeFiles(SchoolGenerator.generate(parameters), label: "generated")
        let workspace = try WorkspaceLoader.load(folder)
        #expect(workspace.students.count == parameters.students)
        #expect(workspace.employers.count == parameters.employers)
        #expect(workspace.terms.count == parameters.terms)
    }

    @Test func theSampleSchoolIsTheGeneratorsDefault() throws {
        let generated = SchoolGenerator.generate(SchoolGeneratorParameters())
        for (name, text) in generated {
            let committed = try String(contentsOf: SampleRun.dataFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(committed == text, "Data/\(name) differs from the generator's output")
        }
    }
}
