import Foundation
import Logging
import ManifestCompiler
import Registrar
import RuntimeBundle
import SIPDigest

/// The registrar the fuzzer talks to, without sockets: a `RequestProcessor` for extensions 100
/// and 101 in `pbx.example`, a trunk allowed from 198.51.100.0/28 whose calls ring 100, a
/// standard provider, a fixed clock, and a logger that builds every message at trace level and
/// drops it.
///
/// Each input gets a new processor (empty location service and transaction cache), so an input
/// always does the same thing; the configuration is made once.
enum FuzzRegistrar {
    static let realm = "pbx.example"
    static let passwords = ["100": "secret100", "101": "secret101"]
    static let now: UInt64 = 1_800_000_000
    /// A phone on the internet, and an address of the trunk.
    static let phone = PacketSource(host: "203.0.113.9", port: 40_000, transport: .udp)
    static let trunk = PacketSource(host: "198.51.100.7", port: 5060, transport: .udp)

    static let manifest = """
        version: 1
        providers:
          - name: acme
            server: sip.acme.example
            login: "4930100"
            password: acme-secret
          - name: northwind
            type: trunk
            server: 198.51.100.1
            trunk: { allow: [198.51.100.0/28] }
        defaults:
          inbound_destination: { extensions: ["100"] }
        extensions:
          - { number: "100", password: secret100 }
          - { number: "101", password: secret101 }
        """

    static let configuration: RegistrarConfiguration = {
        let result = BundleCompiler().compile([ManifestInput(name: "fuzz.yaml", text: manifest)])
        guard let bundle = result.bundle else { fatalError("the fuzz registrar's manifest does not compile: \(result.check.diagnostics)") }
        // `RegistrarConfiguration` is made the way serve makes it: from a bundle file.
        let path = NSTemporaryDirectory() + "switchboard-fuzz-\(getpid()).json"
        guard FileManager.default.createFile(atPath: path, contents: Data(BundleEncoding.encode(bundle).bytes)) else {
            fatalError("cannot write the fuzz registrar's bundle to \(path)")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            return try RegistrarConfiguration.load(bundleAt: path, environment: [:], clock: RegistrarClock { now })
        } catch {
            fatalError("the fuzz registrar's bundle does not load: \(error)")
        }
    }()

    static func makeProcessor() -> RequestProcessor {
        RequestProcessor(
            state: RegistrarState(configuration: configuration, policy: RegistrarPolicy(domains: [realm, "127.0.0.1"])),
            location: LocationService(stripes: 4),
            // Small tables: the default transaction cache allocates room for 200,000 entries,
            // which would cost more than the request itself.
            authenticator: DigestAuthenticator(realm: realm, maxTrackedNonces: 64, secret: Array(repeating: 7, count: 32), now: { now }),
            transactions: TransactionCache(capacity: 64, stripes: 1),
            clock: RegistrarClock { now },
            logger: Logger(label: "fuzz") { _ in DiscardingLogHandler() })
    }
}

/// Evaluates every log message and its metadata (so the code that formats them runs) and
/// drops them.
struct DiscardingLogHandler: LogHandler {
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        _ = event.message.description
        _ = event.metadata?.description
    }
}
