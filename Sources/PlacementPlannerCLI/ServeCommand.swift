import ArgumentParser
import Foundation
import PlannerWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Starts the coordinator's web page for a workspace: plan, look at the year, ask what if, keep versions.",
        discussion: "Versions are saved in WORKSPACE/planner.sqlite. The page listens on this computer only (127.0.0.1) unless --hostname says otherwise.")

    @Argument(help: "The workspace folder.")
    var workspace: String

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "The address to listen on. Anything but 127.0.0.1 or localhost lets other computers open the page (and see students' names).")
    var hostname: String = "127.0.0.1"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: workspace) else {
            printError("The workspace folder \(workspace) does not exist.")
            throw Exit.badInput
        }
        let site: PlannerSite
        do {
            site = try PlannerSite(workspace: URL(fileURLWithPath: workspace), explanations: PlanExplanations())
        } catch {
            printError("Could not open the saved versions in \(workspace)/planner.sqlite: \(error)")
            throw Exit.failed
        }
        if !PlannerServer.isLoopback(hostname) {
            printError("Warning: listening on \(hostname), so other computers on the network can open this page and see students' names. Use the default (127.0.0.1) unless you mean it.")
        }
        try await PlannerServer.run(site: site, hostname: hostname, port: port) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
