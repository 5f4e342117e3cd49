import Foundation
import Testing

/// A small valid workspace as CSV text (every file, optional ones included), to be broken one
/// thing at a time. Data lines start at line 2.
enum MinimalWorkspace {
    static let files: [String: String] = [
        "terms.csv": """
            id,name
            t1,Term 1
            t2,Term 2

            """,
        "sites.csv": """
            id,name,latitude,longitude
            main,Main Site,51.0,0.0

            """,
        "students.csv": """
            id,name,year,pathway,site,interests,needs,escort,escort_skills,max_travel_minutes,days,terms,avoid
            S1,Ann Lee,10,Brook,main,farm;cafe,,none,,60,,,
            S2,"Ray, Bob",11,Stream,main,cafe,step-free,shared,epilepsy,60,Mon;Tue,t1,

            """,
        "employers.csv": """
            id,name,sector,days,capacity,terms,features,pathways,min_year,max_year,latitude,longitude
            farm1,Farm One,farm,Mon;Tue,2,,step-free,,,,51.01,0.01
            cafe1,Cafe One,cafe,Mon,1,t1,step-free,Brook;Stream,10,12,51.02,0.0

            """,
        "staff.csv": """
            id,name,skills,days,terms
            ST1,Sam Ng,epilepsy,Mon;Tue,

            """,
        "travel.csv": """
            site,employer,minutes
            main,farm1,12

            """,
        "history.csv": """
            student,employer,term,day
            S1,farm1,t1,Mon

            """,
        "settings.csv": """
            setting,value
            shared_escort_ratio,3

            """,
    ]

    /// Writes the files into a fresh folder.
    static func write(_ files: [String: String] = files) throws -> URL {
        try writeFiles(files, label: "workspace")
    }
}

/// One change to a workspace folder on disk.
struct WorkspaceEdit: Sendable {
    let apply: @Sendable (URL) throws -> Void

    /// Replaces text in one file; fails the test if the text is not there (so no case is vacuous).
    static func replace(_ file: String, _ old: String, _ new: String) -> WorkspaceEdit {
        WorkspaceEdit { folder in
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try #require(text.contains(old), "'\(old)' is not in \(file)")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        }
    }

    static func setText(_ file: String, _ text: String) -> WorkspaceEdit {
        WorkspaceEdit { folder in try Data(text.utf8).write(to: folder.appendingPathComponent(file)) }
    }

    static func setBytes(_ file: String, _ bytes: [UInt8]) -> WorkspaceEdit {
        WorkspaceEdit { folder in try Data(bytes).write(to: folder.appendingPathComponent(file)) }
    }

    static func remove(_ file: String) -> WorkspaceEdit {
        WorkspaceEdit { folder in try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
    }
}

extension WorkspaceEdit {
    static func all(_ edits: WorkspaceEdit...) -> WorkspaceEdit {
        WorkspaceEdit { folder in for edit in edits { try edit.apply(folder) } }
    }
}
