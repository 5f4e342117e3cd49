import Foundation

// Value types of the generated school: weekday and term sets, the fixed vocabularies (pathways,
// sectors, features, skills), one struct per kind of row, and the travel-time formula.

/// Weekdays, in the order and spelling the workspace uses.
enum Weekday {
    static let codes = ["Mon", "Tue", "Wed", "Thu", "Fri"]
}

/// A set of weekdays (bit 0 = Mon … bit 4 = Fri).
struct DaySet: Equatable {
    var mask: UInt8
    static let all = DaySet(mask: 0b11111)
    static let none = DaySet(mask: 0)
    init(mask: UInt8) { self.mask = mask & 0b11111 }
    init(_ days: [Int]) { var m: UInt8 = 0; for d in days { m |= 1 << UInt8(d) }; self.init(mask: m) }
    func contains(_ day: Int) -> Bool { mask & (1 << UInt8(day)) != 0 }
    var list: [Int] { (0..<5).filter { contains($0) } }
    var count: Int { mask.nonzeroBitCount }
    mutating func insert(_ day: Int) { mask |= 1 << UInt8(day) }
    mutating func remove(_ day: Int) { mask &= ~(1 << UInt8(day)) }
    func intersection(_ other: DaySet) -> DaySet { DaySet(mask: mask & other.mask) }
    var csv: String { CSVText.list(list.map { Weekday.codes[$0] }) }
}

/// A set of term indexes (bit i = the i-th term in chronological order).
struct TermSet: Equatable {
    var mask: UInt64
    static func all(_ count: Int) -> TermSet { TermSet(mask: count >= 64 ? ~0 : (UInt64(1) << UInt64(count)) - 1) }
    func contains(_ term: Int) -> Bool { mask & (UInt64(1) << UInt64(term)) != 0 }
    func list(_ count: Int) -> [Int] { (0..<count).filter { contains($0) } }
    var count: Int { mask.nonzeroBitCount }
    mutating func insert(_ term: Int) { mask |= UInt64(1) << UInt64(term) }
    mutating func remove(_ term: Int) { mask &= ~(UInt64(1) << UInt64(term)) }
}

enum Pathway: Int, CaseIterable {
    case brook, stream, waterfall
    var name: String { ["Brook", "Stream", "Waterfall"][rawValue] }
}

enum EscortKind: Int {
    case none, shared, oneToOne
    var code: String { ["none", "shared", "one-to-one"][rawValue] }
}

/// Placement sectors, in the order the files list them.
enum Sector: Int, CaseIterable {
    case farm, cafe, charityShop, supermarket, leisureCentre, hairdresser, kitchenShowroom, gardenCentre, office, careHome
    var code: String {
        ["farm", "cafe", "charity-shop", "supermarket", "leisure-centre", "hairdresser",
         "kitchen-showroom", "garden-centre", "office", "care-home"][rawValue]
    }
}

/// Features a host site can offer and a student can need.
enum Feature: Int, CaseIterable {
    case stepFree, accessibleToilet, quietSpace, changingBed
    var code: String { ["step-free", "accessible-toilet", "quiet-space", "changing-bed"][rawValue] }
}

/// Escort staff skills. The first four can be required by students; first-aid and makaton are
/// realistic extras staff hold that no student in the generated data requires.
enum Skill: Int, CaseIterable {
    case epilepsy, manualHandling, autismTrained, pegFeeding, firstAid, makaton
    var code: String {
        ["epilepsy", "manual-handling", "autism-trained", "peg-feeding", "first-aid", "makaton"][rawValue]
    }
}

/// A set of small enum values stored as bits, written in enum order.
struct FlagSet: Equatable {
    var mask: UInt16 = 0
    func contains(_ raw: Int) -> Bool { mask & (1 << UInt16(raw)) != 0 }
    mutating func insert(_ raw: Int) { mask |= 1 << UInt16(raw) }
    mutating func remove(_ raw: Int) { mask &= ~(1 << UInt16(raw)) }
    func isSubset(of other: FlagSet) -> Bool { mask & ~other.mask == 0 }
    var isEmpty: Bool { mask == 0 }
    var raws: [Int] { (0..<16).filter { contains($0) } }
}

struct GenTerm { var id: String; var name: String }

struct GenSite { var id: String; var name: String; var latitude: Double; var longitude: Double }

struct GenStudent {
    var id: String
    var name: String
    var year: Int
    var pathway: Pathway
    var site: Int
    var interests: [Sector]
    var needs: FlagSet          // Feature raw values
    var escort: EscortKind
    var escortSkills: FlagSet   // Skill raw values
    var maxTravel: Int
    var days: DaySet
    var terms: TermSet
    var avoid: [Int]            // employer indexes
}

struct GenEmployer {
    var id: String
    var name: String
    var sector: Sector
    var days: DaySet
    var capacity: Int
    var terms: TermSet
    var features: FlagSet       // Feature raw values
    var pathways: [Pathway]     // empty = all
    var minYear: Int?
    var maxYear: Int?
    var latitude: Double
    var longitude: Double
    /// When false the coordinates are left out of employers.csv and travel.csv gives a
    /// time from every site instead.
    var publishCoordinates = true
}

struct GenStaff {
    var id: String
    var name: String
    var skills: FlagSet         // Skill raw values
    var days: DaySet
    var terms: TermSet
}

/// Plain-value copy of the employer fields used by `suitableHosts`.
struct HostProfile {
    var capacity: Int
    var features: UInt16
    var pathways: UInt8
    var minYear: Int
    var maxYear: Int
    var terms: UInt64
    var days: UInt8
}

struct TravelOverride { var site: Int; var employer: Int; var minutes: Int }

/// A student–term the generator deliberately made impossible, and why.
struct HardCase { var student: Int; var term: Int; var reason: String }

/// Great-circle travel time: `ceil(5 + 2.6 × km)`, haversine with Earth radius 6371.0 km.
func computedTravelMinutes(fromLatitude lat1: Double, longitude lon1: Double,
                           toLatitude lat2: Double, longitude lon2: Double) -> Int {
    let rad = Double.pi / 180
    let dLat = (lat2 - lat1) * rad
    let dLon = (lon2 - lon1) * rad
    let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
    let km = 2 * 6371.0 * asin(min(1, sqrt(a)))
    return Int((5 + 2.6 * km).rounded(.up))
}

/// A point `km` kilometres from (lat, lon) on compass `bearing` (radians), flat-earth approximation.
func offset(latitude: Double, longitude: Double, km: Double, bearing: Double) -> (Double, Double) {
    let kmPerDegree = 6371.0 * Double.pi / 180
    let lat = latitude + km * cos(bearing) / kmPerDegree
    let lon = longitude + km * sin(bearing) / (kmPerDegree * cos(latitude * Double.pi / 180))
    return (lat, lon)
}
