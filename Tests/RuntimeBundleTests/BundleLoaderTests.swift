import Foundation
import RuntimeBundle
import Testing

@Suite struct BundleLoaderTests {
    static let bundle = SwitchboardBundle(
        providers: [
            BundleProvider(
                name: "acme", title: "Acme", enabled: true, calls: .init(incoming: true, outgoing: false), type: "standard",
                servers: [BundleAddress(host: "sip.acme.example", port: nil, transport: "udp")],
                proxy: BundleAddress(host: "2001:db8::1", port: 5070, transport: "tcp"), login: "100",
                password: .env("ACME_PASSWORD"), lines: .limited(4), callerId: "+74951234567", registrationIp: "203.0.113.10",
                registration: .init(expires: 3600), trunk: nil, rules: .init(inbound: "auto", outbound: "none"), source: "a.yaml:2:11"),
            BundleProvider(
                name: "north", title: nil, enabled: false, calls: .init(incoming: true, outgoing: true), type: "trunk",
                servers: [BundleAddress(host: "198.51.100.7", port: 5060, transport: "udp")], proxy: nil, login: nil,
                password: nil, lines: .unlimited, callerId: nil, registrationIp: nil, registration: nil,
                trunk: .init(allow: ["198.51.100.7"], derived: true), rules: .init(inbound: "auto", outbound: "auto"),
                source: "b.yaml:3:11"),
        ],
        extensions: [BundleExtension(number: "100", displayName: nil, password: .file("secrets/100"), source: "a.yaml:9:15")],
        inbound: [
            BundleInboundRule(
                name: "inbound-acme", generatedFor: "acme", provider: "acme", calledPrefixes: [], callerPrefixes: ["+7"],
                destination: .init(extensions: ["100"], ring: "in_order"), source: "a.yaml:2:11"),
        ],
        outbound: [
            BundleOutboundRule(
                name: "mobile", generatedFor: nil, prefixes: ["89"], minLength: 11, maxLength: nil, callerId: nil,
                routes: [BundleRoute(provider: "acme", strip: 1, prepend: "+7")], source: "a.yaml:20:13"),
        ])

    private var encoded: [UInt8] { BundleEncoding.encode(Self.bundle).bytes }

    @Test func roundTrip() throws {
        #expect(try BundleLoader.load(encoded) == Self.bundle)
    }

    @Test func digestCoversTheContent() {
        var changed = Self.bundle
        changed.providers[0].lines = .limited(5)
        #expect(BundleEncoding.digest(of: changed) != BundleEncoding.digest(of: Self.bundle))
        #expect(BundleEncoding.encode(Self.bundle).digest.hasPrefix("sha256:"))
        #expect(BundleEncoding.encode(Self.bundle).digest.count == 7 + 64)
    }

    @Test func handEditedValueIsADigestMismatch() {
        let text = String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "\"lines\": 4", with: "\"lines\": 40")
        #expect(throws: BundleLoader.LoadError.self) { try BundleLoader.load(Array(text.utf8)) }
        do {
            _ = try BundleLoader.load(Array(text.utf8))
        } catch {
            guard case .digestMismatch = error else { Issue.record("expected a digest mismatch, got \(error)"); return }
        }
    }

    @Test func reformattedBundleIsNotCanonical() {
        let text = String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "  ", with: "\t")
        #expect(throws: BundleLoader.LoadError.notCanonical) { try BundleLoader.load(Array(text.utf8)) }
    }

    @Test func otherVersionsAndFormatsAreRefused() {
        let newer = String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "\"format_version\": 2", with: "\"format_version\": 3")
        #expect(throws: BundleLoader.LoadError.unsupportedVersion(3)) { try BundleLoader.load(Array(newer.utf8)) }
        #expect(throws: BundleLoader.LoadError.notABundle) { try BundleLoader.load(Array("{\"providers\": []}".utf8)) }
        #expect(throws: BundleLoader.LoadError.self) { try BundleLoader.load(Array("not json".utf8)) }
        #expect(throws: BundleLoader.LoadError.self) { try BundleLoader.load([]) }
    }

    /// A version 1 bundle has no `registrar` member: it must be compiled again, and says so.
    @Test func versionOneAsksToCompileAgain() {
        let older = String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "\"format_version\": 2", with: "\"format_version\": 1")
        do {
            _ = try BundleLoader.load(Array(older.utf8))
            Issue.record("a version 1 bundle loaded")
        } catch {
            #expect(error == .unsupportedVersion(1))
            #expect(error.description.contains("compiled by an older switchboard; compile the manifests again"))
        }
    }

    @Test func registrarDefaultsAreWrittenOut() throws {
        let text = String(decoding: encoded, as: UTF8.self)
        for member in ["\"ban_time\": 900", "\"failed_auth_per_source\": 10", "\"failed_auth_per_user\": 20",
                       "\"failed_auth_window\": 300", "\"requests_per_source\": 200", "\"exempt\": []",
                       "\"max_connections\": 1024", "\"max_connections_per_source\": 32", "\"idle_timeout\": 300",
                       "\"message_timeout\": 10"] {
            #expect(text.contains(member), "\(member)")
        }
    }

    /// A hand-made bundle with a limit the compiler would refuse (digest recomputed) is refused too.
    @Test func registrarLimitOutOfRangeIsRefused() {
        var bundle = Self.bundle
        bundle.registrar.limits.banTime = 1
        do {
            _ = try BundleLoader.load(BundleEncoding.encode(bundle).bytes)
            Issue.record("a bundle with ban_time 1 loaded")
        } catch {
            #expect(error.description.contains("registrar.limits.ban_time is 1"))
        }
    }

    @Test func malformedContentNamesThePath() {
        let text = String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "\"lines\": \"unlimited\"", with: "\"lines\": 0")
        do {
            _ = try BundleLoader.load(Array(text.utf8))
            Issue.record("a bundle with lines 0 loaded")
        } catch {
            #expect(error.description.contains("providers[1].lines"))
        }
    }
}
