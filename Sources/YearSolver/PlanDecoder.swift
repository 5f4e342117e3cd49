import LinearSolver
import PlacementDomain

/// Reads a solved year model back into a plan, naming escorts from each pool in id order.
enum PlanDecoder {
    static func decode(_ model: YearModel, values: [Double]) -> Plan {
        var placements: [Placement] = []
        var escortedSessions = Set<Session>()
        for (offset, candidate) in model.candidates.enumerated() where values[model.placementColumns[offset].index] > 0.5 {
            placements.append(Placement(student: candidate.student.id, session: candidate.session))
            if candidate.student.escort != .none { escortedSessions.insert(candidate.session) }
        }
        var nextMember: [String: Int] = [:]
        var escorts: [Session: [StaffID]] = [:]
        for entry in model.escortColumns where escortedSessions.contains(entry.session) {
            let count = Int(values[entry.column.index].rounded())
            guard count > 0 else { continue }
            let key = "\(entry.pool.term)|\(entry.pool.day.rawValue)|\(entry.pool.label)"
            let start = nextMember[key, default: 0]
            let end = min(start + count, entry.pool.members.count)
            escorts[entry.session, default: []].append(contentsOf: entry.pool.members[start..<end])
            nextMember[key] = end
        }
        return Plan(placements: placements, escorts: escorts.mapValues { $0.sorted() })
    }
}
