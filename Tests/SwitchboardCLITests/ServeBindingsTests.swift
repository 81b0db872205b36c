import Foundation
import Logging
@testable import Registrar
import Routing
import RuntimeBundle
import Testing
@testable import SwitchboardCLI

/// `serve --bindings`: the default file beside the bundle, `none`, and what a start does with
/// the file it finds (restores what is live and served, moves a corrupt one aside).
@Suite struct ServeBindingsTests {
    @Test func theDefaultIsBesideTheBundleAndNoneKeepsBindingsInMemory() {
        #expect(ServeBindings.path(nil, bundle: "/etc/pbx/bundle.json") == "/etc/pbx/bundle.json.bindings.sqlite")
        #expect(ServeBindings.path(nil, bundle: "bundle.json") == "bundle.json.bindings.sqlite")
        #expect(ServeBindings.path("none", bundle: "bundle.json") == nil)
        #expect(ServeBindings.path("/var/lib/switchboard/b.sqlite", bundle: "bundle.json") == "/var/lib/switchboard/b.sqlite")
    }

    @Test func aStartRestoresLiveServedBindingsAndDropsTheRest() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.sqlite").path
        do {
            let store = try SQLiteBindingStore.open(at: path)
            try store.save([Self.binding(expiresAt: 2000)], of: "sip:100@pbx.example")
            try store.save([Self.binding(expiresAt: 999)], of: "sip:101@pbx.example")  // lapsed
            try store.save([Self.binding(expiresAt: 2000)], of: "sip:102@pbx.example")  // no such extension
        }
        let location = try ServeBindings.location(at: path, state: try Self.state(), now: 1000, logger: Logger(label: "test"))
        #expect(location.snapshot(now: 1000) == ["sip:100@pbx.example": [Self.binding(expiresAt: 2000)]])
        #expect(try (location.store as? SQLiteBindingStore)?.load() == ["sip:100@pbx.example": [Self.binding(expiresAt: 2000)]])
    }

    @Test func aCorruptDatabaseIsMovedAsideAndServeStartsEmpty() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.sqlite").path
        let garbage = Data("this is not an SQLite database, it is a text file someone put here\n".utf8)
        try garbage.write(to: URL(fileURLWithPath: path))

        let location = try ServeBindings.location(at: path, state: try Self.state(), now: 1000, logger: Logger(label: "test"))
        #expect(location.snapshot(now: 1000).isEmpty)
        #expect(FileManager.default.contents(atPath: "\(path).corrupt-1000") == garbage)
        #expect(try (location.store as? SQLiteBindingStore)?.load() == [:])
    }

    @Test func noneOpensNoFile() throws {
        let location = try ServeBindings.location(at: nil, state: try Self.state(), now: 1000, logger: Logger(label: "test"))
        #expect(location.store == nil)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-bindings-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func binding(expiresAt: UInt64) -> Binding {
        Binding(
            contact: "sip:100@10.0.0.5:5060", contactKey: "sip:100@10.0.0.5:5060;", qualityThousandths: 1000, expiresAt: expiresAt,
            callID: "c1", cseq: 2, source: PacketSource(host: "10.0.0.5", port: 5060, transport: .udp))
    }

    /// Extensions 100 and 101 in pbx.example.
    static func state() throws -> RegistrarState {
        let bundle = SwitchboardBundle(providers: [], extensions: ["100", "101"].map {
            BundleExtension(number: $0, displayName: nil, password: .inline("pw"), source: "a.yaml:1:1")
        }, inbound: [], outbound: [])
        let configuration = RegistrarConfiguration(
            passwords: ["100": "pw", "101": "pw"], bundleDigest: "sha256:test", bundle: bundle,
            routing: try CallRouting(bundle: bundle), loadedAt: 0)
        return RegistrarState(configuration: configuration, policy: RegistrarPolicy(domains: ["pbx.example"]))
    }
}
