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
        var search = YearSearch(block: block, values: values)
        search.explore(term: 0, value: 0)
        for term in search.best.indices where search.best[term] >= 0 { chosen.append(block.options[search.best[term]].column) }
        return search.bestValue
    }

    /// Depth-first search over one student's terms, on flat arrays.
    private struct YearSearch {
        /// Per term, the options worth considering (best per employer, best first): positions in
        /// `block.options` and their values, in `ranked[termStart[t]..<termStart[t + 1]]`.
        let ranked: [Int]
        let rankedValue: [Double]
        let termStart: [Int]
        let forcedTerm: [Bool]
        let block: Block
        /// Best value still possible from each term on.
        let remaining: [Double]
        var usedEmployer: [Bool]
        var sectorCount: [Int]
        var path: [Int]
        var best: [Int]
        var bestValue = -Double.infinity

        init(block: Block, values: [Double]) {
            self.block = block
            var ranked: [Int] = [], rankedValue: [Double] = [], termStart = [0]
            var forcedTerm = [Bool](repeating: false, count: block.termCount)
            var bestOfEmployer = [Int](repeating: -1, count: block.employerCount)
            var position = 0
            for term in 0..<block.termCount {
                let first = ranked.count
                while position < block.options.count && block.options[position].term == term {
                    let option = block.options[position]
                    let value = values[option.column]
                    if option.forced {
                        // History: the term's only choice.
                        for k in first..<ranked.count { bestOfEmployer[block.options[ranked[k]].employer] = -1 }
                        ranked.removeSubrange(first...)
                        rankedValue.removeSubrange(first...)
                        ranked.append(position)
                        rankedValue.append(value)
                        forcedTerm[term] = true
                    } else if !forcedTerm[term] && value > 1e-12 {
                        let seen = bestOfEmployer[option.employer]
                        if seen >= first, seen < ranked.count, block.options[ranked[seen]].employer == option.employer {
                            if rankedValue[seen] < value { ranked[seen] = position; rankedValue[seen] = value }
                        } else {
                            bestOfEmployer[option.employer] = ranked.count
                            ranked.append(position)
                            rankedValue.append(value)
                        }
                    }
                    position += 1
                }
                for k in first..<ranked.count { bestOfEmployer[block.options[ranked[k]].employer] = -1 }
                // Best first (ties: earlier option first), then only the options an optimum may need.
                let order = StudentBlocks.neededOptions(first..<ranked.count, values: rankedValue, ties: ranked,
                                                        sector: { block.options[ranked[$0]].sector },
                                                        terms: block.termCount, sectors: block.sectorPenalty.count)
                let sortedRanked = order.map { ranked[$0] }, sortedValues = order.map { rankedValue[$0] }
                ranked.replaceSubrange(first..., with: sortedRanked)
                rankedValue.replaceSubrange(first..., with: sortedValues)
                termStart.append(ranked.count)
            }
            var remaining = [Double](repeating: 0, count: block.termCount + 1)
            for term in stride(from: block.termCount - 1, through: 0, by: -1) {
                let top = termStart[term] < termStart[term + 1] ? rankedValue[termStart[term]] : 0
                remaining[term] = remaining[term + 1] + (forcedTerm[term] ? top : max(0, top))
            }
            self.ranked = ranked; self.rankedValue = rankedValue; self.termStart = termStart
            self.forcedTerm = forcedTerm; self.remaining = remaining
            usedEmployer = [Bool](repeating: false, count: block.employerCount)
            sectorCount = [Int](repeating: 0, count: block.sectorPenalty.count)
            path = [Int](repeating: -1, count: block.termCount)
            best = path
        }

        mutating func explore(term: Int, value: Double) {
            guard term < block.termCount else {
                if value > bestValue {
                    bestValue = value
                    best = path
                }
                return
            }
            let rest = remaining[term + 1]
            for k in termStart[term]..<termStart[term + 1] {
                let optionValue = rankedValue[k]
                // Options come best first and a repeat only costs: nothing further can beat the best.
                if value + optionValue + rest <= bestValue + 1e-12 { break }
                let option = block.options[ranked[k]]
                guard !usedEmployer[option.employer] else { continue }
                let repeatCost = sectorCount[option.sector] > 0 ? block.sectorPenalty[option.sector] : 0
                usedEmployer[option.employer] = true
                sectorCount[option.sector] += 1
                path[term] = ranked[k]
                explore(term: term + 1, value: value + optionValue - repeatCost)
                path[term] = -1
                sectorCount[option.sector] -= 1
                usedEmployer[option.employer] = false
            }
            // Leaving the term empty (not allowed when history fixes a placement in it).
            if !forcedTerm[term] && value + rest > bestValue + 1e-12 { explore(term: term + 1, value: value) }
        }
    }
}

extension StudentBlocks {
    /// The options of one term (one per employer) that an optimal year may need, best first
    /// (higher value, then the lower tie-breaker). The other terms hold at most T − 1 employers and
    /// T − 1 sectors. An option can be swapped, at no loss, for a better one of its own sector whose
    /// employer is free (so with T better ones in its sector it is never needed), or for a better
    /// one whose employer and sector are both free (so once 2T − 1 better ones of distinct sectors
    /// are listed, nothing below is needed). Without this, students with hundreds of near-equal
    /// options (2,000-student schools) made the search explode.
    ///
    /// Only each sector's T best are ordered (one pass keeps them): sorting every option of the
    /// term was a fifth of a 2,000-student what-if's run, whose master prices every student's year
    /// 156 times.
    static func neededOptions(_ positions: Range<Int>, values: [Double], ties: [Int], sector: (Int) -> Int, terms: Int,
                              sectors: Int) -> [Int] {
        func isBetter(_ a: Int, _ b: Int) -> Bool { values[a] > values[b] || (values[a] == values[b] && ties[a] < ties[b]) }
        // Each sector's T best, best first, in `top[sector * T ..< sector * T + count[sector]]`.
        var top = [Int](repeating: 0, count: sectors * terms)
        var count = [Int](repeating: 0, count: sectors)
        for position in positions {
            let s = sector(position), base = s * terms
            var slot = count[s]
            if slot == terms {
                guard isBetter(position, top[base + terms - 1]) else { continue }
                slot -= 1
            } else {
                count[s] += 1
            }
            while slot > 0 && isBetter(position, top[base + slot - 1]) {
                top[base + slot] = top[base + slot - 1]
                slot -= 1
            }
            top[base + slot] = position
        }
        var candidates: [Int] = []
        for s in 0..<sectors { candidates += top[(s * terms)..<(s * terms + count[s])] }
        candidates.sort(by: isBetter)
        var seen = [Bool](repeating: false, count: sectors)
        var distinctSectors = 0
        var kept: [Int] = []
        for position in candidates {
            if !seen[sector(position)] {
                seen[sector(position)] = true
                distinctSectors += 1
            }
            kept.append(position)
            if distinctSectors >= 2 * terms - 1 { break }
        }
        return kept
    }
}
