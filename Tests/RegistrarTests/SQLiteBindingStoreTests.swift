import Foundation
import SQLite
import Testing
@testable import Registrar

/// The SQLite binding store: every field survives a round trip through the file, changes are
/// per AoR and all or nothing, and every way a file can be wrong gives an error that names it.
@Suite struct SQLiteBindingStoreTests {
    let folder: URL
    let path: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("binding-store-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("bundle.json.bindings.sqlite").path
    }

    func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Bindings that use every field at its edges: IPv6 and TCP sources, q 0 and 1000, the
    /// largest CSeq, an expiry past 2038, text with quotes and non-ASCII.
    static let edgeBindings = [
        Binding(
            contact: "sip:100@[2001:db8::5]:5062;transport=tcp", contactKey: "sip:100@[2001:db8::5]:5062;tcp",
            qualityThousandths: 0, expiresAt: 4_102_444_800, callID: "a'b\"c-ü@host", cseq: UInt32.max,
            source: PacketSource(host: "2001:db8::5", port: 65535, transport: .tcp)),
        Binding(
            contact: "sip:100@192.0.2.7", contactKey: "sip:100@192.0.2.7:0;", qualityThousandths: 1000, expiresAt: 1_000_060,
            callID: "call-2", cseq: 0, source: PacketSource(host: "192.0.2.7", port: 0, transport: .udp)),
        Binding(
            contact: "sip:100@10.0.0.9:5060", contactKey: "sip:100@10.0.0.9:5060;", qualityThousandths: 500, expiresAt: 1_000_100,
            callID: "call-3", cseq: 7, source: PacketSource(host: "10.0.0.9", port: 5060, transport: .udp)),
    ]

    @Test func everyFieldSurvivesARoundTripThroughTheFileInOrder() throws {
        defer { removeFolder() }
        do {
            let store = try SQLiteBindingStore.open(at: path)
            try store.save(Self.edgeBindings, of: "sip:100@pbx.example")
            try store.save([LocationServiceTests.binding(101, expiresAt: 2_000_000)], of: "sip:101@pbx.example")
        }
        // A new connection, as after a restart.
        let loaded = try SQLiteBindingStore.open(at: path).load()
        #expect(loaded["sip:100@pbx.example"] == Self.edgeBindings)
        #expect(loaded["sip:101@pbx.example"] == [LocationServiceTests.binding(101, expiresAt: 2_000_000)])
        #expect(loaded.count == 2)
    }

    @Test func saveReplacesTheAddressOfRecordAndAnEmptyListDeletesIt() throws {
        defer { removeFolder() }
        let store = try SQLiteBindingStore.open(at: path)
        try store.save(Self.edgeBindings, of: "sip:100@pbx.example")
        try store.save([Self.edgeBindings[2]], of: "sip:100@pbx.example")
        try store.save([LocationServiceTests.binding(101, expiresAt: 50)], of: "sip:101@pbx.example")
        #expect(try store.load() == [
            "sip:100@pbx.example": [Self.edgeBindings[2]], "sip:101@pbx.example": [LocationServiceTests.binding(101, expiresAt: 50)],
        ])
        try store.save([], of: "sip:100@pbx.example")
        try store.remove(addressesOfRecord: ["sip:101@pbx.example", "sip:999@pbx.example"])
        #expect(try store.load().isEmpty)
    }

    @Test func removeExpiredDeletesExactlyTheLapsedBindings() throws {
        defer { removeFolder() }
        let store = try SQLiteBindingStore.open(at: path)
        try store.save(Self.edgeBindings, of: "sip:100@pbx.example")
        try store.removeExpired(now: 1_000_060)  // the second binding lapses at exactly this second
        #expect(try store.load()["sip:100@pbx.example"] == [Self.edgeBindings[0], Self.edgeBindings[2]])
    }

    @Test func theFileIsInWALModeWithSchemaVersionOne() throws {
        defer { removeFolder() }
        do { _ = try SQLiteBindingStore.open(at: path) }
        let connection = try SQLiteConnection(path: path, create: false)
        #expect(try connection.texts("PRAGMA journal_mode") == ["wal"])
        #expect(try connection.integer("PRAGMA user_version") == 1)
    }

    @Test func anUnknownSchemaVersionIsRefusedAndLeftAlone() throws {
        defer { removeFolder() }
        do { _ = try SQLiteBindingStore.open(at: path) }
        do { try SQLiteConnection(path: path).execute("PRAGMA user_version = 7") }
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: path) }
        #expect(error == .unknownSchemaVersion(path: path, found: 7, supported: 1))
        #expect(error?.description.contains("schema version 7, this switchboard knows only 1") == true)
        #expect(try SQLiteConnection(path: path).integer("PRAGMA user_version") == 7)
    }

    @Test func aForeignDatabaseIsRefusedAndLeftAlone() throws {
        defer { removeFolder() }
        do { try SQLiteConnection(path: path).execute("CREATE TABLE invoices (id INTEGER)") }
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: path) }
        #expect(error == .foreignDatabase(path: path))
        #expect(try SQLiteConnection(path: path).integer("SELECT count(*) FROM invoices") == 0)
    }

    @Test func aSecondOpenWhileTheFirstHoldsTheFileIsRefusedAsInUse() throws {
        defer { removeFolder() }
        let first = try SQLiteBindingStore.open(at: path)
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: path) }
        #expect(error == .inUse(path: path))
        try first.save(Self.edgeBindings, of: "sip:100@pbx.example")  // the first still works
    }

    @Test func aPathThatCannotBeCreatedNamesThePath() throws {
        let missing = "/nonexistent-\(UUID().uuidString.prefix(8))/b.sqlite"
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: missing) }
        #expect(error == .cannotOpen(path: missing, reason: "unable to open database file"))
        #expect(error?.description == "cannot open the bindings database \(missing): unable to open database file")
    }

    @Test func aFileOfGarbageIsCorruptAndIsMovedAsideIntact() throws {
        defer { removeFolder() }
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try garbage.write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: path) }
        #expect(error == .corrupt(path: path, reason: "file is not a database"))

        let (store, movedAside) = try SQLiteBindingStore.openMovingCorruptAside(at: path, now: 1234)
        #expect(movedAside == MovedAsideDatabase(reason: .corrupt(path: path, reason: "file is not a database"), movedTo: path + ".corrupt-1234"))
        #expect(FileManager.default.contents(atPath: path + ".corrupt-1234") == garbage)
        #expect(try store.load().isEmpty)
        try store.save(Self.edgeBindings, of: "sip:100@pbx.example")
    }

    @Test func aDatabaseWithDamagedPagesIsCorrupt() throws {
        defer { removeFolder() }
        do {
            let store = try SQLiteBindingStore.open(at: path)
            for user in 0..<400 {
                try store.save([LocationServiceTests.binding(user, expiresAt: 5_000_000)], of: "sip:\(user)@pbx.example")
            }
        }
        // Overwrite the middle of the file (the table's pages, not the header).
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096 * 2)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096 * 3))
        try handle.close()
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: path).load() }
        guard case .corrupt(let damaged, _)? = error else {
            Issue.record("expected corrupt, got \(String(describing: error))")
            return
        }
        #expect(damaged == path)
    }

    @Test func aRowWithAnUnknownTransportIsCorrupt() throws {
        defer { removeFolder() }
        do {
            let store = try SQLiteBindingStore.open(at: path)
            try store.save([Self.edgeBindings[1]], of: "sip:100@pbx.example")
        }
        do { try SQLiteConnection(path: path).execute("UPDATE bindings SET source_transport = 'sctp'") }
        let error = #expect(throws: BindingStoreError.self) { _ = try SQLiteBindingStore.open(at: path).load() }
        #expect(error == .corrupt(path: path, reason: "a binding of sip:100@pbx.example has an unreadable value"))
    }
}
