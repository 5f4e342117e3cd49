import Foundation
import PlacementDomain

/// Small pieces shared by the views: times, sector colours, select options, escort badges.
enum ViewHelpers {
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy, HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    /// CSS class per sector, by the order sectors first appear among the employers.
    static func sectorClasses(_ workspace: Workspace) -> [String: String] {
        var classes: [String: String] = [:]
        for employer in workspace.employers where classes[employer.sector] == nil {
            classes[employer.sector] = "sector-\(classes.count % Style.sectorColours.count)"
        }
        return classes
    }

    static func legend(_ workspace: Workspace) -> [[String: Any]] {
        sectorClasses(workspace).sorted { $0.key < $1.key }.map { ["sector": $0.key, "class": $0.value] }
    }

    static func options(_ items: [(value: String, label: String)], selected: String? = nil) -> [[String: Any]] {
        items.map { ["value": $0.value, "label": $0.label, "selected": $0.value == selected] }
    }

    static func escortBadge(_ student: Student) -> String? {
        switch student.escort {
        case .none: nil
        case .shared: "shared escort"
        case .oneToOne: "1:1 escort"
        }
    }

    static func versionHeader(_ version: VersionPlan) -> [String: Any] {
        let v = version.version
        var header: [String: Any] = [
            "id": v.id, "kind": v.kind == .plan ? "Plan" : "What-if", "created": time(v.createdAt),
            "summary": v.summary,
            "files": version.files.keys.sorted().map { ["name": $0, "id": v.id] },
        ]
        if let parent = v.parent { header["parent"] = ["id": parent] }
        if !v.change.isEmpty { header["change"] = v.change }
        return header
    }

    static let versionHeaderTemplate = """
        <p class="note">Version {{id}} · {{kind}} · saved {{created}}{{#parent}} · from <a href="/versions/{{id}}">version {{id}}</a>{{/parent}}</p>
        <p>{{summary}}</p>
        {{#change}}<p>Change: <strong>{{change}}</strong></p>{{/change}}
        <p class="noprint">Download: {{#files}}<a href="/versions/{{id}}/files/{{name}}">{{name}}</a> · {{/files}}<a href="/versions/{{id}}/download.zip">all as a zip</a></p>
        """
}
