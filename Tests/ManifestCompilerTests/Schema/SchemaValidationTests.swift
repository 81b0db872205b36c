import Foundation
import RuntimeBundle
import Testing
@testable import ManifestCompiler

/// The schemas checked by a validator Switchboard did not write (Python's jsonschema, through
/// `scripts/validate-json-schema`), against the shipped samples, the bundles compiled from them,
/// and manifests the schema must accept or refuse just as `switchboard check` does.
@Suite struct SchemaValidationTests {
    @Test func everySampleValidatesAgainstTheManifestSchema() throws {
        let samples = SchemaTestSupport.packageRoot.appendingPathComponent("samples")
        let enumerator = try #require(FileManager.default.enumerator(atPath: samples.path))
        let files = enumerator.compactMap { $0 as? String }
            .filter { !$0.hasPrefix("broken/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted()
            .map { samples.appendingPathComponent($0).path }
        #expect(files.count >= 5, "found only \(files)")
        let result = try SchemaTestSupport.validate(schema: ManifestSchema.text, files: files)
        #expect(result.output == "")
        #expect(result.status == 0)
    }

    @Test(arguments: ["small-office", "multi-provider"])
    func compiledSampleValidatesAgainstTheBundleSchema(_ sample: String) throws {
        let path = SchemaTestSupport.packageRoot.appendingPathComponent("samples").appendingPathComponent(sample).path
        let found = ManifestFileFinder().find([path])
        let bundle = try #require(BundleCompiler().compile(found.inputs).bundle, "\(sample) does not compile")
        let folder = try SchemaTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(decoding: BundleEncoding.encode(bundle).bytes, as: UTF8.self)
        let files = try SchemaTestSupport.write([("\(sample).json", text)], into: folder)
        let result = try SchemaTestSupport.validate(schema: BundleSchema.text, files: files)
        #expect(result.output == "")
        #expect(result.status == 0)
    }

    /// Damaged copies of a compiled bundle: each must fail, at the member that was damaged.
    @Test func damagedBundlesFailTheBundleSchema() throws {
        let path = SchemaTestSupport.packageRoot.appendingPathComponent("samples/multi-provider").path
        let bundle = try #require(BundleCompiler().compile(ManifestFileFinder().find([path]).inputs).bundle)
        let text = String(decoding: BundleEncoding.encode(bundle).bytes, as: UTF8.self)
        let damages: [(name: String, from: String, to: String, pointer: String)] = [
            ("version", #""format_version": 2"#, #""format_version": 1"#, "/format_version"),
            ("ban-time", #""ban_time": 900"#, #""ban_time": 5"#, "/registrar/limits/ban_time"),
            ("lines", #""lines": 8"#, #""lines": 0"#, "/providers/0/lines"),
            ("transport", #""transport": "tcp""#, #""transport": "sctp""#, "/providers/0/proxy/transport"),
            ("secret", #""file": "/run/secrets/acme-password""#, #""file": "/x", "env": "X""#, "/providers/0/password"),
            ("digest", #""digest": "sha256:"#, #""digest": "md5:"#, "/digest"),
            ("unknown-member", #""format": "switchboard-bundle","#, #""format": "switchboard-bundle", "comment": "x","#, "/: Additional properties"),
        ]
        let folder = try SchemaTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for damage in damages {
            #expect(text.contains(damage.from), "the sample bundle no longer contains \(damage.from)")
            let files = try SchemaTestSupport.write([("\(damage.name).json", text.replacingOccurrences(of: damage.from, with: damage.to))], into: folder)
            let result = try SchemaTestSupport.validate(schema: BundleSchema.text, files: files)
            #expect(result.status == 1, "\(damage.name): \(result.output)")
            #expect(result.output.contains("\(damage.name).json: \(damage.pointer)"), "\(damage.name): \(result.output)")
        }
    }

    /// Values that YAML 1.2 (what editors use) reads as numbers, single values where lists are
    /// allowed, and every key at least once: the schema accepts what Switchboard accepts.
    @Test func schemaAcceptsWhatSwitchboardAccepts() throws {
        let manifest = """
            version: 1
            defaults:
              inbound_destination: { extensions: 100, ring: in_order }
            providers:
              - name: acme
                title: Acme Telecom
                enabled: true
                calls: { incoming: true, outgoing: true }
                servers:
                  - sip1.acme.example
                  - "[2001:db8::1]:5060"
                  - { host: 203.0.113.5, port: 5061, transport: tls }
                proxy: sbc.acme.example:5070
                transport: tcp
                type: standard
                login: 74951234567
                password: { env: ACME_PASSWORD }
                lines: unlimited
                caller_id: +74951234567
                registration_ip: 203.0.113.10
                registration: { expires: 600 }
                rules: { inbound: auto, outbound: none }
              - name: northwind
                type: trunk
                server: 198.51.100.1:5060
                lines: 30
                trunk: { allow: 198.51.100.0/28 }
            extensions:
              - number: 100
                display_name: Reception
                password: { file: /run/secrets/ext-100 }
              - { number: "101", display_name: 2024, password: { env: EXT_101_PASSWORD } }
            inbound:
              - name: office
                provider: northwind
                starts_with: 7495
                caller_starts_with: ["+4930555", "8"]
                to: { extensions: ["100", "101"] }
            outbound:
              - name: mobile
                starts_with: [89, +79]
                length: { min: 11, max: 12 }
                caller_id: "+74951234567"
                routes:
                  - { provider: acme, strip: 1, prepend: +7 }
                  - northwind

            """
        let checked = check(manifest)
        #expect(!checked.hasErrors, "Switchboard refuses the manifest: \(checked.diagnostics.map(\.message))")
        let folder = try SchemaTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try SchemaTestSupport.write([("accepted.yaml", manifest)], into: folder)
        let result = try SchemaTestSupport.validate(schema: ManifestSchema.text, files: files)
        #expect(result.output == "")
        #expect(result.status == 0)
    }

    /// Mistakes a schema can see: each is refused by the schema (at the right place) and by
    /// Switchboard, so the schema is not one that accepts everything.
    static let refused: [(name: String, yaml: String, pointer: String)] = [
        ("zero-lines-and-unknown-key", provider("lines: 0", "colour: blue"), "/providers/0/lines"),
        ("unknown-key", provider("colour: blue"), "/providers/0: Additional properties are not allowed ('colour'"),
        ("server-and-servers", provider("servers: [sip2.acme.example]"), "/providers/0: "),
        ("no-server", provider("server: <absent>"), "/providers/0: "),
        ("standard-without-login", provider("login: <absent>"), "/providers/0: 'login' is a required property"),
        ("standard-without-password", provider("type: standard", "password: <absent>"), "/providers/0: 'password' is a required property"),
        ("yes-as-boolean", provider("enabled: yes"), "/providers/0/enabled"),
        ("misspelled-type", provider("type: trnk"), "/providers/0/type"),
        ("name-not-a-slug", provider("name: Acme"), "/providers/0/name"),
        ("name-double-dash", provider("name: acme--2"), "/providers/0/name"),
        ("national-caller-id", provider("caller_id: \"84951234567\""), "/providers/0/caller_id"),
        ("expires-too-short", provider("registration: { expires: 30 }"), "/providers/0/registration/expires"),
        ("lines-too-many", provider("lines: 65536"), "/providers/0/lines"),
        ("uri-as-server", provider("server: \"sip:100@sip.acme.example\""), "/providers/0/server"),
        ("port-out-of-range", provider("server: { host: sip.acme.example, port: 70000 }"), "/providers/0/server"),
        ("env-and-file", provider("password: { env: A, file: /x }"), "/providers/0/password"),
        ("bad-env-name", provider("password: { env: 1PASSWORD }"), "/providers/0/password"),
        ("host-in-allow-list", provider("type: trunk", "login: <absent>", "password: <absent>", "trunk: { allow: [sip.acme.example] }"), "/providers/0/trunk/allow"),
        ("empty-allow-list", provider("type: trunk", "login: <absent>", "password: <absent>", "trunk: { allow: [] }"), "/providers/0/trunk/allow"),
        ("unsupported-version", "version: 2\n" + provider(), "/version"),
        ("long-extension-number", provider() + "inbound: [{ name: office, to: { extensions: [\"12345678901\"] } }]\n", "/inbound/0/to/extensions"),
        ("extension-without-password", "extensions: [{ number: \"100\" }]\n", "/extensions/0: 'password' is a required property"),
        ("inbound-without-to", provider() + "inbound: [{ name: office }]\n", "/inbound/0: 'to' is a required property"),
        ("prefix-with-dash", provider() + "outbound: [{ name: free, starts_with: \"8-800\", routes: [acme] }]\n", "/outbound/0/starts_with"),
        ("no-routes", provider() + "outbound: [{ name: free, routes: [] }]\n", "/outbound/0/routes"),
        ("strip-too-long", provider() + "outbound: [{ name: free, routes: [{ provider: acme, strip: 21 }] }]\n", "/outbound/0/routes/0"),
        ("wrong-ring", provider() + "inbound: [{ name: office, to: { extensions: \"100\", ring: all } }]\n", "/inbound/0/to/ring"),
    ]

    @Test func schemaRefusesWhatSwitchboardRefuses() throws {
        let folder = try SchemaTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for example in Self.refused {
            #expect(check(example.yaml).hasErrors, "Switchboard accepts \(example.name)")
        }
        let files = try SchemaTestSupport.write(Self.refused.map { ("\($0.name).yaml", $0.yaml) }, into: folder)
        let result = try SchemaTestSupport.validate(schema: ManifestSchema.text, files: files)
        #expect(result.status == 1)
        for example in Self.refused {
            #expect(
                result.output.contains("\(example.name).yaml: \(example.pointer)"),
                "\(example.name) is not refused at \(example.pointer):\n\(result.output)")
        }
    }

    /// The negative test of the brief on its own: a schema that accepted everything would fail it.
    @Test func zeroLinesAndAnUnknownKeyFail() throws {
        let folder = try SchemaTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try SchemaTestSupport.write([("broken.yaml", provider("lines: 0", "colour: blue"))], into: folder)
        let result = try SchemaTestSupport.validate(schema: ManifestSchema.text, files: files)
        #expect(result.status == 1)
        #expect(result.output.contains("broken.yaml: /providers/0/lines: 0 is not valid"))
        #expect(result.output.contains("broken.yaml: /providers/0: Additional properties are not allowed ('colour' was unexpected)"))
    }
}
