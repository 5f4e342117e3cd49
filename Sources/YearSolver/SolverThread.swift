import Foundation

/// Starts `body` on a thread of its own with room for GLPK's deep recursion (8 MB of stack). GLPK
/// keeps one environment per thread, so each such thread solves with its own memory.
func startSolverThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = 8 << 20
    thread.start()
}
