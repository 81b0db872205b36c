import Foundation
import SQLite
import Testing

/// The thin wrapper over libsqlite3: statements run with their parameters, transactions are all
/// or nothing, and errors carry SQLite's own message.
struct SQLiteConnectionTests {
    /// A fresh database file in a temporary folder, removed with the folder.
    static func temporaryPath(_ name: String = "test.sqlite") throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sqlite-tests-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder.appendingPathComponent(name).path, folder)
    }

    @Test func preparedStatementsRunManyTimesWithTheirParameters() throws {
        let (path, folder) = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE t (name TEXT NOT NULL, value INTEGER NOT NULL)")
        let insert = try connection.prepare("INSERT INTO t VALUES (?1, ?2)")
        for number in 1...3 { try insert.run(.text("n\(number) ünïcode"), .integer(Int64(number) << 40)) }

        var rows: [String] = []
        try connection.prepare("SELECT name, value FROM t ORDER BY value").query { row in
            rows.append("\(row.text(0) ?? "nil")=\(row.integer(1))")
        }
        #expect(rows == ["n1 ünïcode=1099511627776", "n2 ünïcode=2199023255552", "n3 ünïcode=3298534883328"])
        #expect(try connection.integer("SELECT count(*) FROM t") == 3)
        #expect(try connection.integer("SELECT value FROM t WHERE name = 'none'") == nil)
    }

    @Test func aTransactionThatThrowsLeavesNothingBehind() throws {
        let (path, folder) = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let connection = try SQLiteConnection(path: path)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        let insert = try connection.prepare("INSERT INTO t VALUES (?1)")
        try connection.transaction { () throws(SQLiteError) in try insert.run(.integer(1)) }

        let error = #expect(throws: SQLiteError.self) {
            try connection.transaction { () throws(SQLiteError) in
                try insert.run(.integer(2))
                try insert.run(.integer(1))  // the primary key again: fails
            }
        }
        #expect(error?.message.contains("UNIQUE constraint failed") == true, "\(String(describing: error))")
        #expect(error?.description.contains("running INSERT INTO t") == true)
        #expect(try connection.integer("SELECT count(*) FROM t") == 1)
        // The connection is usable again: the failed transaction was rolled back.
        try connection.transaction { () throws(SQLiteError) in try insert.run(.integer(3)) }
        #expect(try connection.integer("SELECT count(*) FROM t") == 2)
    }

    @Test func aFileThatIsNotADatabaseIsReportedCorruptOnFirstRead() throws {
        let (path, folder) = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: path))
        let connection = try SQLiteConnection(path: path)
        let error = #expect(throws: SQLiteError.self) { _ = try connection.integer("PRAGMA user_version") }
        #expect(error?.isCorrupt == true, "\(String(describing: error))")
        #expect(error?.message == "file is not a database")
    }

    @Test func aPathInAMissingFolderCannotBeOpened() throws {
        let error = #expect(throws: SQLiteError.self) {
            _ = try SQLiteConnection(path: "/nonexistent-\(UUID().uuidString)/x.sqlite")
        }
        #expect(error?.description.contains("opening /nonexistent-") == true, "\(String(describing: error))")
        #expect(error?.message == "unable to open database file")
    }

    @Test func aSyntaxErrorNamesTheStatementAndSQLitesMessage() throws {
        let (path, folder) = try Self.temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let connection = try SQLiteConnection(path: path)
        let error = #expect(throws: SQLiteError.self) { _ = try connection.prepare("SELEC 1") }
        #expect(error?.description.hasPrefix("preparing SELEC 1: near \"SELEC\": syntax error") == true, "\(String(describing: error))")
    }
}
