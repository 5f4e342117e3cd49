import LinearSolver
import PlacementDomain

/// Each student's own part of the year model, as plain arrays: their placement options and what
/// a repeated sector costs them. Rules 6 (one placement per term), 7 (never the same employer
/// twice) and the sector repeats concern one student only, so they hold inside the block, and
/// ``bestYear(_:values:into:)`` finds the student's best year exactly for any option values.
struct StudentBlocks {
    struct Option {
        /// The placement column in the year model.
        let column: Int
        /// Term, employer and sector, numbered within the student's block.
        let term: Int
        let employer: Int
        let sector: Int
        /// Kept from history: always taken.
        let forced: Bool
    }

    struct Block {
        /// Options in term order.
        var options: [Option] = []
        var termCount = 0
        var employerCount = 0
        /// Points lost for each placement beyond the first in a sector (0 where the model has no repeat column).
        var sectorPenalty: [Double] = []
    }

    let blocks: [Block]
    /// Columns that belong to some student's block (placements and sector repeats).
    let isBlockColumn: [Bool]

    init(_ model: YearModel) {
        var isBlockColumn = [Bool](repeating: false, count: model.linear.columns.count)
        var blockOfStudent: [StudentID: Int] = [:]
        var blocks: [Block] = []
        var terms: [[TermID: Int]] = [], employers: [[EmployerID: Int]] = [], sectors: [[String: Int]] = []
        for (offset, candidate) in model.candidates.enumerated() {
            let column = model.placementColumns[offset].index
            isBlockColumn[column] = true
            guard model.linear.columns[column].upper >= 0.5 else { continue }
            let b = blockOfStudent[candidate.student.id] ?? {
                blocks.append(Block()); terms.append([:]); employers.append([:]); sectors.append([:])
                blockOfStudent[candidate.student.id] = blocks.count - 1
                return blocks.count - 1
            }()
            func number<Key: Hashable>(_ key: Key, in table: inout [Key: Int]) -> Int {
                if let known = table[key] { return known }
                table[key] = table.count
                return table.count - 1
            }
            let option = Option(column: column, term: number(candidate.session.term, in: &terms[b]),
                                employer: number(candidate.employer.id, in: &employers[b]),
                                sector: number(candidate.employer.sector, in: &sectors[b]),
                                forced: model.linear.columns[column].lower >= 0.5)
            blocks[b].options.append(option)
        }
        for b in blocks.indices {
            blocks[b].options.sort { ($0.term, $0.column) < ($1.term, $1.column) }
            blocks[b].termCount = terms[b].count
            blocks[b].employerCount = employers[b].count
            blocks[b].sectorPenalty = [Double](repeating: 0, count: sectors[b].count)
        }
        for entry in model.sectorRepeatColumns {
            isBlockColumn[entry.column.index] = true
            guard let b = blockOfStudent[entry.student], let sector = sectors[b][entry.sector] else { continue }
            blocks[b].sectorPenalty[sector] = -model.linear.columns[entry.column.index].objective
        }
        self.blocks = blocks
        self.isBlockColumn = isBlockColumn
    }

    /// The student's best year for these column values: at most one option per term, never the
    /// same employer twice, every forced option taken, repeated sectors paying their penalty.
    /// Exact (a small depth-first search over terms, pruned by each term's best value).
    /// - Parameter chosen: receives the chosen options' columns.
    /// - Returns: the best year's value (options' values minus sector penalties).
    static func bestYear(_ block: Block, values: [Double], into chosen: inout [Int]) -> Double {
        // Per term: the options worth taking, best per employer, best first.
        var perTerm = [[(value: Double, option: Option)]](repeating: [], count: block.termCount)
        for option in block.options {
            let value = values[option.column]
            if option.forced {
                perTerm[option.term] = [(value, option)]
                continue
            }
            if perTerm[option.term].first?.option.forced == true || value <= 1e-12 { continue }
            if let same = perTerm[option.term].firstIndex(where: { $0.option.employer == option.employer }) {
                if perTerm[option.term][same].value < value { perTerm[option.term][same] = (value, option) }
            } else {
                perTerm[option.term].append((value, option))
            }
        }
        for term in perTerm.indices { perTerm[term].sort { ($0.value, -$0.option.column) > ($1.value, -$1.option.column) } }
        var search = YearSearch(perTerm: perTerm, block: block)
        search.explore(term: 0, value: 0)
        chosen.append(contentsOf: search.best.map(\.column))
        return search.bestValue
    }

    /// Depth-first search over one student's terms.
    private struct YearSearch {
        let perTerm: [[(value: Double, option: Option)]]
        let penalty: [Double]
        /// Best value still possible from each term on.
        let remaining: [Double]
        var usedEmployer: [Bool]
        var sectorCount: [Int]
        var path: [Option] = []
        var best: [Option] = []
        var bestValue = -Double.infinity

        init(perTerm: [[(value: Double, option: Option)]], block: Block) {
            self.perTerm = perTerm
            penalty = block.sectorPenalty
            var remaining = [Double](repeating: 0, count: perTerm.count + 1)
            for term in perTerm.indices.reversed() {
                let top = perTerm[term].first.map { $0.option.forced ? $0.value : max(0, $0.value) } ?? 0
                remaining[term] = remaining[term + 1] + top
            }
            self.remaining = remaining
            usedEmployer = [Bool](repeating: false, count: block.employerCount)
            sectorCount = [Int](repeating: 0, count: block.sectorPenalty.count)
        }

        mutating func explore(term: Int, value: Double) {
            guard value + remaining[term] > bestValue + 1e-12 else { return }
            guard term < perTerm.count else {
                bestValue = value
                best = path
                return
            }
            let options = perTerm[term]
            let forced = options.first?.option.forced == true
            for (optionValue, option) in options where !usedEmployer[option.employer] {
                let repeatCost = sectorCount[option.sector] > 0 ? penalty[option.sector] : 0
                usedEmployer[option.employer] = true
                sectorCount[option.sector] += 1
                path.append(option)
                explore(term: term + 1, value: value + optionValue - repeatCost)
                path.removeLast()
                sectorCount[option.sector] -= 1
                usedEmployer[option.employer] = false
            }
            // Leaving the term empty (not allowed when history fixes a placement in it).
            if !forced { explore(term: term + 1, value: value) }
        }
    }
}
