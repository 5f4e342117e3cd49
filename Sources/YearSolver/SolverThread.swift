import Foundation

/// Starts `body` on a thread of its own with room for GLPK's deep recursion (8 MB of stack). GLPK
/// keeps one environment per thread, so each such thread solves with its own memory.
func startSolverThread(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = 8 << 20
    thread.start()
}

/// A value one thread hands to others once it is known: ``value`` waits until ``fulfil(_:)``.
final class Awaited<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var stored: Value?

    /// Sets the value (the first time only) and wakes every thread waiting for it.
    func fulfil(_ value: Value) {
        condition.withLock {
            if stored == nil { stored = value }
            condition.broadcast()
        }
    }

    var value: Value {
        condition.withLock {
            while stored == nil { condition.wait() }
            return stored!
        }
    }
}
