import Foundation
import Testing
import PlacementDomain
import WorkspaceImport

/// `--export-model` writes a readable model, and every setting in settings.csv reaches the planner.
@Suite struct OptionsAndSettingsTests {
    @Test func exportModelWritesLPWithNamedRowsAndMPS() throws {
        let workspace = try MinimalWorkspace.write()
        let folder = try TempDir.make("export")
        let lp = folder.appendingPathComponent("year.lp").path
        let mps = folder.appendingPathComponent("year.mps").path
        #expect(CLITests.run(["plan", workspace.path, "--out", folder.appendingPathComponent("a").path, "--quiet", "--export-model", lp]) == 0)
        #expect(CLITests.run(["plan", workspace.path, "--out", folder.appendingPathComponent("b").path, "--quiet", "--export-model", mps]) == 0)
        let lpText = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(lpText.contains("Maximize"))
        #expect(lpText.contains("x(S1,farm1,Mon,t1)") || lpText.contains("x[S1,farm1,Mon,t1]"))
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(mpsText.contains("ROWS"))
        #expect(mpsText.contains("COLUMNS"))
    }

    @Test func everySettingIsRead() throws {
        var files = MinimalWorkspace.files
        files["settings.csv"] = """
            setting,value
            shared_escort_ratio,4
            placement_weight,900
            interest_weight,2
            travel_weight,0.5
            sector_repeat_penalty,7
            escort_penalty,3
            disruption_weight,60
            day_change_weight,6
            escort_change_weight,1.5

            """
        let settings = try WorkspaceLoader.load(MinimalWorkspace.write(files)).settings
        var expected = Settings()
        expected.sharedEscortRatio = 4
        expected.placementWeight = 900
        expected.interestWeight = 2
        expected.travelWeight = 0.5
        expected.sectorRepeatPenalty = 7
        expected.escortPenalty = 3
        expected.disruptionWeight = 60
        expected.dayChangeWeight = 6
        expected.escortChangeWeight = 1.5
        #expect(settings == expected)
    }
}
