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
        func poolKey(_ pool: StaffPools.Pool, _ member: StaffID) -> String { "\(pool.term)|\(pool.day.rawValue)|\(member)" }
        // First, people who were already at the session in the current plan.
        for entry in wanted {
            let before = Set(current?.escorts[entry.session] ?? [])
            for member in entry.pool.members where before.contains(member) && (escorts[entry.session]?.count ?? 0) < entry.count {
                guard taken.insert(poolKey(entry.pool, member)).inserted else { continue }
                escorts[entry.session, default: []].append(member)
            }
        }
        // Then the rest, in id order.
        var filled: [String: Int] = [:]
        for entry in wanted {
            let key = "\(entry.session)|\(entry.pool.label)"
            filled[key] = (escorts[entry.session] ?? []).filter { entry.pool.members.contains($0) }.count
            for member in entry.pool.members where filled[key]! < entry.count {
                guard taken.insert(poolKey(entry.pool, member)).inserted else { continue }
                escorts[entry.session, default: []].append(member)
                filled[key]! += 1
            }
        }
        return Plan(placements: placements, escorts: escorts.mapValues { $0.sorted() })
    }
}
