import Foundation
import LinearSolver
import Synchronization

private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C stops the search and keeps the best plan found so far.
enum Interruption {
    static func install() {
        // Unblocked first: a program started from a thread that blocks signals (any Dispatch
        // worker, so many launchers and test runners) would otherwise inherit that mask and
        // never see them.
        var interruptSignals = sigset_t()
        sigemptyset(&interruptSignals)
        sigaddset(&interruptSignals, SIGINT)
        sigaddset(&interruptSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &interruptSignals, nil)
        signal(SIGINT) { _ in interruptRequested.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in interruptRequested.store(true, ordering: .relaxed) }
    }

    static var requested: Bool { interruptRequested.load(ordering: .relaxed) }
}

/// A live line on standard error while solving, when standard error is a terminal.
enum ProgressLine {
    static func reporter() -> (@Sendable (SolveProgress) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        return { progress in
            var text = String(format: "\r  solving %5.1f s", progress.elapsedSeconds)
            if let best = progress.bestObjective { text += String(format: "  best plan %.2f", best) }
            if let bound = progress.bound { text += String(format: "  bound %.2f", bound) }
            if let gap = progress.relativeGap { text += String(format: "  gap %.4f %%", gap * 100) }
            if progress.nodes > 0 { text += "  nodes \(progress.nodes)" }
            text += "   "
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    static func finish(_ shown: Bool) {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
