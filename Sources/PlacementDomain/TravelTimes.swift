import Foundation

/// One-way travel minutes from each school site to each employer: `travel.csv` where it gives a
/// figure, otherwise `ceil(5 + 2.6 × d)` with d the great-circle distance in km.
public struct TravelTimes: Sendable, Equatable {
    public struct Route: Hashable, Sendable {
        public let site: SiteID
        public let employer: EmployerID
        public init(site: SiteID, employer: EmployerID) { self.site = site; self.employer = employer }
    }

    public static let earthRadiusKilometres = 6371.0
    private var minutesByRoute: [Route: Int] = [:]

    /// Computes every route from coordinates, then applies the overrides.
    public init(sites: [Site], employers: [Employer], overrides: [Route: Int]) {
        for site in sites {
            for employer in employers {
                let route = Route(site: site.id, employer: employer.id)
                if let minutes = overrides[route] {
                    minutesByRoute[route] = minutes
                } else if let location = employer.location {
                    minutesByRoute[route] = Self.computedMinutes(from: site.location, to: location)
                }
            }
        }
    }

    /// Minutes from a site to an employer; nil when neither coordinates nor an override exist.
    public func minutes(from site: SiteID, to employer: EmployerID) -> Int? {
        minutesByRoute[Route(site: site, employer: employer)]
    }

    public static func computedMinutes(from a: Coordinate, to b: Coordinate) -> Int {
        Int((5 + 2.6 * haversineKilometres(a, b)).rounded(.up))
    }

    public static func haversineKilometres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (b.latitude - a.latitude) * radians
        let dLon = (b.longitude - a.longitude) * radians
        let h = pow(sin(dLat / 2), 2) + cos(a.latitude * radians) * cos(b.latitude * radians) * pow(sin(dLon / 2), 2)
        return 2 * earthRadiusKilometres * asin(min(1, sqrt(h)))
    }
}
