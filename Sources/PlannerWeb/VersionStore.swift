import Foundation
import GRDB

/// One saved plan: made by Plan, or a what-if the coordinator kept. Never changed once saved.
public struct Version: Sendable, Equatable {
    public enum Kind: String, Sendable { case plan, whatif }
    public let id: Int64
    public let createdAt: Date
    public let kind: Kind
    /// Counts only (the summary.txt's first lines), safe to show anywhere.
    public let summary: String
    /// The change that made it, in plain words ("" for a plan).
    public let change: String
    /// The changes in the form `ChangeSet` reads back, so later what-ifs start from the same school.
    public let changeSpec: String
    public let parent: Int64?
}

/// The versions in `WORKSPACE/planner.sqlite`: each saved with its files in one transaction, and
/// never updated or deleted (triggers refuse it), so two tabs or a killed server lose nothing.
public final class VersionStore: Sendable {
    public static let fileName = "planner.sqlite"
    private let database: DatabasePool

    public init(path: String) throws {
        var configuration = Configuration()
        // Another process (a second server on the same workspace) may be writing: wait for it.
        configuration.busyMode = .timeout(10)
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("versions") { db in
            try db.execute(sql: """
                CREATE TABLE versions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created_at REAL NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('plan', 'whatif')),
                    summary TEXT NOT NULL,
                    change TEXT NOT NULL,
                    change_spec TEXT NOT NULL,
                    parent_id INTEGER REFERENCES versions(id)
                );
                CREATE TABLE files (
                    version_id INTEGER NOT NULL REFERENCES versions(id),
                    name TEXT NOT NULL,
                    content TEXT NOT NULL,
                    PRIMARY KEY (version_id, name)
                );
                CREATE TRIGGER versions_kept_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'a saved version is never changed'); END;
                CREATE TRIGGER versions_kept_delete BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'a saved version is never deleted'); END;
                CREATE TRIGGER files_kept_update BEFORE UPDATE ON files BEGIN SELECT RAISE(ABORT, 'a saved file is never changed'); END;
                CREATE TRIGGER files_kept_delete BEFORE DELETE ON files BEGIN SELECT RAISE(ABORT, 'a saved file is never deleted'); END;
                """)
        }
        return migrator
    }

    /// Saves a version and all its files at once; returns it with its new id.
    public func save(kind: Version.Kind, summary: String, change: String, changeSpec: String, parent: Int64?,
                     files: [String: String], at date: Date = Date()) throws -> Version {
        try database.write { db in
            try db.execute(sql: """
                INSERT INTO versions (created_at, kind, summary, change, change_spec, parent_id) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [date.timeIntervalSince1970, kind.rawValue, summary, change, changeSpec, parent])
            let id = db.lastInsertedRowID
            for name in files.keys.sorted() {
                try db.execute(sql: "INSERT INTO files (version_id, name, content) VALUES (?, ?, ?)",
                               arguments: [id, name, files[name]!])
            }
            return Version(id: id, createdAt: Date(timeIntervalSince1970: date.timeIntervalSince1970), kind: kind, summary: summary, change: change,
                           changeSpec: changeSpec, parent: parent)
        }
    }

    /// Newest first.
    public func versions() throws -> [Version] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM versions ORDER BY id DESC").map(Self.version)
        }
    }

    public func version(_ id: Int64) throws -> Version? {
        try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM versions WHERE id = ?", arguments: [id]).map(Self.version)
        }
    }

    public func files(of id: Int64) throws -> [String: String] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, content FROM files WHERE version_id = ?", arguments: [id])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as String, $0["content"] as String) })
        }
    }

    private static func version(_ row: Row) -> Version {
        Version(id: row["id"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
                kind: Version.Kind(rawValue: row["kind"]) ?? .plan, summary: row["summary"], change: row["change"],
                changeSpec: row["change_spec"], parent: row["parent_id"])
    }
}
