import Foundation
import PlacementDomain
import PlanExplain

/// The page's explanations from `PlanExplain`: a student's why and why-not lines at once (no
/// re-planning), and "what would it take" once the whole plan's suggestions are worked out — in
/// the background on first asking (a few seconds on the sample school), so no page waits for them.
public final class PlanExplanations: ExplanationSource, @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [Int: ExplainReport] = [:]
    private var working: Set<Int> = []
    /// Plans whose suggestions are kept (the oldest are dropped beyond this).
    private static let kept = 20
    private var order: [Int] = []

    public init() {}

    public func lines(for student: StudentID, plan: Plan, workspace: Workspace) -> [ExplanationLine] {
        let own = Explainer.explain(workspace, plan: plan, student: student, whatWouldItTake: false)
        var lines = own.explanations.map(Self.line)
        let key = Self.key(plan, workspace)
        if let report = lock.withLock({ reports[key] }) {
            lines += report.explanations.filter { $0.student == student && $0.kind == .whatWouldItTake }.map(Self.line)
        } else {
            startWorking(key, plan: plan, workspace: workspace)
        }
        return lines
    }

    /// Waits until the plan's suggestions are worked out (for tests).
    func waitForSuggestions(_ plan: Plan, workspace: Workspace) {
        let key = Self.key(plan, workspace)
        while lock.withLock({ reports[key] == nil }) { Thread.sleep(forTimeInterval: 0.05) }
    }

    private func startWorking(_ key: Int, plan: Plan, workspace: Workspace) {
        guard lock.withLock({ working.insert(key).inserted }) else { return }
        DispatchQueue.global(qos: .utility).async {
            let report = Explainer.explain(workspace, plan: plan)
            self.lock.withLock {
                self.reports[key] = report
                self.working.remove(key)
                self.order.append(key)
                if self.order.count > Self.kept { self.reports[self.order.removeFirst()] = nil }
            }
        }
    }

    private static func line(_ explanation: Explanation) -> ExplanationLine {
        let kind: ExplanationLine.Kind = switch explanation.kind {
        case .placed: .why
        case .whatWouldItTake: .whatWouldItTake
        case .rules, .nearestMiss, .full, .escort, .betterOption: .whyNot
        }
        return ExplanationLine(kind: kind, term: explanation.term, detail: explanation.detail)
    }

    /// Identifies a plan and the school it was made for (a what-if's school differs from the files).
    private static func key(_ plan: Plan, _ workspace: Workspace) -> Int {
        var hasher = Hasher()
        for placement in plan.placements.sorted(by: { "\($0.student)|\($0.session)" < "\($1.student)|\($1.session)" }) {
            hasher.combine(placement)
        }
        for session in plan.escorts.keys.sorted(by: { $0.description < $1.description }) {
            hasher.combine(session)
            hasher.combine(plan.escorts[session]!)
        }
        for employer in workspace.employers {
            hasher.combine(employer.id)
            hasher.combine(employer.capacity)
            hasher.combine(employer.terms.sorted())
            hasher.combine(employer.capacityByTerm.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            hasher.combine(employer.capacityBySession.map { "\($0.key)=\($0.value)" }.sorted())
        }
        for member in workspace.staff {
            hasher.combine(member.id)
            hasher.combine(member.days.sorted())
            hasher.combine(member.terms.sorted())
        }
        for student in workspace.students {
            hasher.combine(student.id)
            hasher.combine(student.terms.sorted())
            hasher.combine(student.days.sorted())
            hasher.combine(student.maxTravelMinutes)
        }
        return hasher.finalize()
    }
}
