import PlacementDomain

/// The changes of one what-if and the term they start in, as stored with a kept version
/// (one `key=value` line each) so a later what-if starts from the same changed school.
public struct ChangeSet: Sendable, Equatable {
    public let from: TermID
    public let changes: [WorkspaceChange]

    public init(from: TermID, changes: [WorkspaceChange]) { self.from = from; self.changes = changes }

    /// "Hop Pocket Stables (hop-pocket-stables) withdraws, from Spring term 2026" — ids with names as
    /// the coordinator knows them.
    public func plainWords(in workspace: Workspace) -> String {
        func named(_ name: String?, _ id: String) -> String { name.map { "\($0) (\(id))" } ?? id }
        let parts = changes.map { change -> String in
            if case .withdraw(let id) = change { return "\(named(workspace.employer(id)?.name, id.rawValue)) withdraws" }
            if case .capacity(let id, let places) = change {
                return "\(named(workspace.employer(id)?.name, id.rawValue)) takes \(places) student(s) a day"
            }
            if case .staffAway(let id) = change { return "\(named(workspace.staffMember(id)?.name, id.rawValue)) is away" }
            if case .studentLeaves(let id) = change { return "\(named(workspace.student(id)?.name, id.rawValue)) leaves" }
            return change.description
        }
        return (parts + ["from \(workspace.term(from)?.name ?? from.rawValue)"]).joined(separator: ", ")
    }

    public var spec: String {
        (["from=\(from)"] + changes.map(\.spec)).joined(separator: "\n")
    }

    /// Reads `spec` back; nil for an empty spec (a plan made from the workspace as it is).
    public init?(spec: String) {
        var from: TermID?
        var changes: [WorkspaceChange] = []
        for line in spec.split(separator: "\n").map(String.init) {
            if line.hasPrefix("from=") {
                from = TermID(String(line.dropFirst("from=".count)))
            } else if let change = WorkspaceChange(spec: line) {
                changes.append(change)
            }
        }
        guard let from else { return nil }
        self.init(from: from, changes: changes)
    }

    /// The workspace with these changes applied from `from` on.
    public func apply(to workspace: Workspace) -> Workspace {
        let start = workspace.order(of: from) ?? 0
        return workspace.applying(changes, from: Set(workspace.terms.dropFirst(start).map(\.id)))
    }
}
