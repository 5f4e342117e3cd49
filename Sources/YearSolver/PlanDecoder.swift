import LinearSolver
import PlacementDomain

/// Reads a solved year model back into a plan, naming escorts from each pool in id order.
enum PlanDecoder {
    /// - Parameter current: a what-if's current plan: each session keeps the escorts it had there
    ///   when their pool still sends as many, so escorts change as little as the plan does.
    static func decode(_ model: YearModel, values: [Double], current: Plan? = nil) -> Plan {
        var placements: [Placement] = []
        var escortedSessions = Set<Session>()
        for (offset, candidate) in model.candidates.enumerated() where values[model.placementColumns[offset].index] > 0.5 {
            placements.append(Placement(student: candidate.student.id, session: candidate.session))
            if candidate.student.escort != .none { escortedSessions.insert(candidate.session) }
        }
        let wanted = model.escortColumns.filter { escortedSessions.contains($0.session) }
            .map { (pool: $0.pool, session: $0.session, count: Int(values[$0.column.index].rounded())) }
            .filter { $0.count > 0 }
        var taken = Set<String>()
        var escorts: [Session: [StaffID]] = [:]
        var filled = [Int](repeating: 0, count: wanted.count)
        /// Sends a member of the entry's pool, unless already busy that day or the entry is full.
        func send(_ member: StaffID, _ position: Int) {
            let entry = wanted[position]
            guard filled[position] < entry.count,
                  taken.insert("\(entry.pool.term)|\(entry.pool.day.rawValue)|\(member)").inserted else { return }
            escorts[entry.session, default: []].append(member)
            filled[position] += 1
        }
        // First, people who were already at the session in the current plan.
        for (position, entry) in wanted.enumerated() {
            let before = Set(current?.escorts[entry.session] ?? [])
            for member in entry.pool.members where before.contains(member) { send(member, position) }
        }
        // Then people whose duty that day has gone (their employer no longer needs them): moving them
        // is one escort change, where a new person would make two (theirs and the one left idle).
        var hadDuty = Set<String>()
        for (session, staff) in current?.escorts ?? [:] {
            for member in staff { hadDuty.insert("\(session.term)|\(session.day.rawValue)|\(member)") }
        }
        for (position, entry) in wanted.enumerated() {
            for member in entry.pool.members where hadDuty.contains("\(entry.pool.term)|\(entry.pool.day.rawValue)|\(member)") {
                send(member, position)
            }
        }
        // Last, anyone else in the pool, in id order.
        for (position, entry) in wanted.enumerated() {
            for member in entry.pool.members { send(member, position) }
        }
        return Plan(placements: placements, escorts: escorts.mapValues { $0.sorted() })
    }
}
