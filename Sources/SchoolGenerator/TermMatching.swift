/// How many students one term could seat if escorts and the "new host every term" rule are
/// ignored: a maximum bipartite matching of students to (host, day) sessions with capacities.
/// The generator uses it to make sure that, apart from the deliberate hard cases, a term's
/// places are not only numerous enough but in the right places for the students who need them.
enum TermMatching {
    /// Students (indexes into `world.students`) left unseated by a maximum matching for term `t`.
    /// `hosts[s]` is `world.suitableHosts(world.students[s])`; `profiles` is `world.hostProfiles()`.
    static func unseated(_ world: SchoolWorld, term t: Int, hosts: [[Int]], profiles: [HostProfile]) -> [Int] {
        var sessionIndex = [Int](repeating: -1, count: world.employers.count * 5)
        var capacity: [Int] = []
        let termBit = UInt64(1) << UInt64(t)
        for (e, host) in profiles.enumerated() where host.terms & termBit != 0 && host.capacity > 0 {
            for d in 0..<5 where host.days & (1 << UInt8(d)) != 0 {
                sessionIndex[e * 5 + d] = capacity.count
                capacity.append(host.capacity)
            }
        }
        let students = world.students.indices.filter { world.students[$0].terms.contains(t) }
        let options: [[Int]] = students.map { s in
            world.eligibleSessions(world.students[s], term: t, hosts: hosts[s], profiles: profiles).map { sessionIndex[$0.employer * 5 + $0.day] }
        }
        var seated = [[Int]](repeating: [], count: capacity.count)   // session -> local student indexes
        var seat = [Int](repeating: -1, count: students.count)
        // Greedy first, most constrained students first; then augmenting paths for the rest.
        let order = students.indices.sorted { (options[$0].count, $0) < (options[$1].count, $1) }
        for u in order {
            if let v = options[u].first(where: { seated[$0].count < capacity[$0] }) { seated[v].append(u); seat[u] = v }
        }
        var visited = [Int](repeating: -1, count: capacity.count)
        func augment(_ u: Int, _ stamp: Int) -> Bool {
            for v in options[u] where visited[v] != stamp {
                visited[v] = stamp
                if seated[v].count < capacity[v] { seated[v].append(u); seat[u] = v; return true }
                for k in seated[v].indices where augment(seated[v][k], stamp) {
                    seated[v][k] = u; seat[u] = v; return true
                }
            }
            return false
        }
        for u in order where seat[u] < 0 && !options[u].isEmpty { _ = augment(u, u) }
        return students.indices.filter { seat[$0] < 0 }.map { students[$0] }
    }
}
