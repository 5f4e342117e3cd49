import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PlannerWeb

@Suite("serve: the real server process", .enabled(if: BuiltBinary.isAvailable))
struct ServeCommandTests {
    @Test("Listens on loopback by default and prints the address to open; no warning")
    func loopbackByDefault() throws {
        let folder = try MinimalWorkspace.write()
        let result = try BuiltBinary.run(["serve", folder.path, "--port", "0"], signal: SIGTERM, signalAfter: 2, timeout: 20)
        #expect(result.stdout.contains("Open http://127.0.0.1:"), "\(result.stdout)")
        #expect(!result.stderr.contains("Warning"))
    }

    @Test("Another address only when asked, with a printed warning")
    func otherAddressWarns() throws {
        let folder = try MinimalWorkspace.write()
        let result = try BuiltBinary.run(["serve", folder.path, "--port", "0", "--hostname", "0.0.0.0"],
                                         signal: SIGTERM, signalAfter: 2, timeout: 20)
        #expect(result.stderr.contains("Warning: listening on 0.0.0.0"))
        #expect(result.stdout.contains("Open http://0.0.0.0:"))
    }

    @Test("A missing workspace folder or a bad port: exit 2 with the reason")
    func badArguments() throws {
        #expect(try BuiltBinary.run(["serve", "/no/such/folder"]).status == 2)
        #expect(try BuiltBinary.run(["serve", "/tmp", "--port", "70000"]).status != 0)
    }

    @Test("A server killed (SIGKILL) right after saving a plan loses no saved version")
    func killedServerKeepsVersions() async throws {
        let folder = try MinimalWorkspace.write()
        let process = Process()
        process.executableURL = BuiltBinary.url!  // the suite runs only when it is built
        process.arguments = ["serve", folder.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var announced = Data()
        while !announced.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced.append(chunk)
        }
        let line = String(decoding: announced, as: UTF8.self)
        let address = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        var request = URLRequest(url: try #require(URL(string: address + "plan")))
        request.httpMethod = "POST"
        _ = try await URLSession.shared.data(for: request)
        let store = try VersionStore(path: folder.appendingPathComponent(VersionStore.fileName).path)
        for _ in 0..<200 where try store.versions().isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let reopened = try VersionStore(path: folder.appendingPathComponent(VersionStore.fileName).path)
        let versions = try reopened.versions()
        #expect(versions.count == 1)
        #expect(try reopened.files(of: try #require(versions.first).id).keys.sorted() == ["employer_rota.csv", "escorts.csv", "summary.txt", "timetable.csv", "unplaced.csv"])
    }
}
