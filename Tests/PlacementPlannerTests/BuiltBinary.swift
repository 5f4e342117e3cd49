import Foundation
import Testing

/// The `placement-planner` executable built beside the tests (same scratch path, same configuration),
/// run as a real process so signals, exit statuses and standard error are the real ones.
enum BuiltBinary {
    static let url: URL? = {
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("placement-planner")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    static var isAvailable: Bool { url != nil }

    struct Result {
        let status: Int32
        let reason: Process.TerminationReason
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// Runs the binary; `signal` (e.g. SIGINT) is sent after `signalAfter` seconds; killed after `timeout`.
    static func run(_ arguments: [String], environment: [String: String] = [:], signal: Int32? = nil,
                    signalAfter: Double = 1, timeout: Double = 120, shellPrefix: String? = nil) throws -> Result {
        let binary = try #require(url, "the placement-planner executable is built (swift build --build-tests)")
        let process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            let quoted = ([binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            process.arguments = ["-c", shellPrefix + " exec " + quoted.joined(separator: " ")]
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let start = Date()
        try process.run()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        let outData = LockedData(), errData = LockedData()
        let readers = DispatchGroup()
        for (pipe, sink) in [(out, outData), (err, errData)] {
            readers.enter()
            DispatchQueue.global().async { sink.set(pipe.fileHandleForReading.readDataToEndOfFile()); readers.leave() }
        }
        var signalled = false
        while finished.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
            let elapsed = Date().timeIntervalSince(start)
            if let signal, !signalled, elapsed >= signalAfter {
                kill(process.processIdentifier, signal)
                signalled = true
            }
            if elapsed > timeout {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("placement-planner \(arguments.first ?? "") did not finish within \(timeout) s")
                break
            }
        }
        process.waitUntilExit()
        readers.wait()
        return Result(status: process.terminationStatus, reason: process.terminationReason,
                      stdout: String(decoding: outData.get(), as: UTF8.self), stderr: String(decoding: errData.get(), as: UTF8.self),
                      seconds: Date().timeIntervalSince(start))
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// Every file under a folder, by relative path, with its bytes (to prove nothing was touched).
func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let names = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
    for name in names {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            result[name] = try Data(contentsOf: url)
        }
    }
    return result
}
