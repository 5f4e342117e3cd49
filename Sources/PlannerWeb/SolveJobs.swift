import Foundation
import LinearSolver
import Synchronization

/// Solves run on their own thread, off the request path, one at a time; the page polls a
/// snapshot of the progress. A second Plan while one runs is refused with a link to the first.
final class SolveJobs: Sendable {
    enum Outcome: Sendable, Equatable {
        /// The page that shows the result.
        case done(path: String)
        case failed(String)
    }

    struct Snapshot: Sendable {
        let id: Int
        let title: String
        let started: Date
        var progress: SolveProgress?
        var outcome: Outcome?
        var finished: Date?

        var elapsedSeconds: Double { (finished ?? Date()).timeIntervalSince(started) }
    }

    /// Does the work, reporting progress; returns the result page's path.
    typealias Work = @Sendable (_ progress: @escaping @Sendable (SolveProgress) -> Void) throws -> String

    private struct State {
        var nextID = 1
        var jobs: [Int: Snapshot] = [:]
        var running: Int?
    }
    private let state = Mutex(State())

    func start(_ title: String, work: @escaping Work) throws(PageError) -> Int {
        let started = state.withLock { state -> Result<Int, PageError> in
            if let running = state.running {
                return .failure(PageError(.conflict, "\(state.jobs[running]?.title ?? "A plan") is already running (see /jobs/\(running)); wait for it to finish, then try again."))
            }
            let id = state.nextID
            state.nextID += 1
            state.jobs[id] = Snapshot(id: id, title: title, started: Date())
            state.running = id
            return .success(id)
        }
        let id = try started.get()
        Thread.detachNewThread { [self] in
            let outcome: Outcome
            do {
                outcome = .done(path: try work { progress in self.state.withLock { $0.jobs[id]?.progress = progress } })
            } catch let error as PageError {
                outcome = .failed(error.message)
            } catch {
                outcome = .failed("\(error)")
            }
            state.withLock { state in
                state.jobs[id]?.outcome = outcome
                state.jobs[id]?.finished = Date()
                state.running = nil
            }
        }
        return id
    }

    func snapshot(_ id: Int) -> Snapshot? { state.withLock { $0.jobs[id] } }

    var running: Snapshot? { state.withLock { state in state.running.flatMap { state.jobs[$0] } } }

    /// Waits (polling) until the job has an outcome; for tests and the CLI's shutdown.
    func finished(_ id: Int) async -> Snapshot? {
        while let snapshot = snapshot(id), snapshot.outcome == nil {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return snapshot(id)
    }
}
