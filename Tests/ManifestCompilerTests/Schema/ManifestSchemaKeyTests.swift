import Foundation
import RuntimeBundle
import Testing
@testable import ManifestCompiler

/// The manifest schema and the decoders accept the same keys, everywhere.
@Suite struct ManifestSchemaKeyTests {
    /// Every `KeySchema` of the decoders, and where its object is in the schema (a JSON pointer).
    static let decoderObjects: [(pointer: String, keys: KeySchema)] = [
        ("", ManifestDecoder.schema),
        ("/definitions/defaults", DefaultsDecoder.schema),
        ("/definitions/destination", DestinationDecoder.schema),
        ("/definitions/provider", ProviderDecoder.schema),
        ("/definitions/provider/properties/calls", ProviderDecoder.callsSchema),
        ("/definitions/provider/properties/registration", ProviderDecoder.registrationSchema),
        ("/definitions/provider/properties/trunk", ProviderDecoder.trunkSchema),
        ("/definitions/provider/properties/rules", ProviderDecoder.rulesSchema),
        ("/definitions/addressMapping", ServerAddressDecoder.schema),
        ("/definitions/secretReference", SecretDecoder.schema),
        ("/definitions/extension", ExtensionDecoder.schema),
        ("/definitions/inboundRule", InboundRuleDecoder.schema),
        ("/definitions/outboundRule", OutboundRuleDecoder.schema),
        ("/definitions/outboundRule/properties/length", OutboundRuleDecoder.lengthSchema),
        ("/definitions/routeMapping", OutboundRuleDecoder.routeSchema),
        ("/definitions/registrar", RegistrarDecoder.schema),
        ("/definitions/registrar/properties/limits", RegistrarDecoder.limitsSchema),
        ("/definitions/registrar/properties/tcp", RegistrarDecoder.tcpSchema),
    ]

    @Test func assemblyFoundNoDisagreement() {
        #expect(ManifestSchema.build().issues == [])
    }

    @Test(arguments: decoderObjects.map(\.pointer))
    func objectHasExactlyTheDecodersKeys(_ pointer: String) throws {
        let keys = try #require(Self.decoderObjects.first { $0.pointer == pointer }).keys
        let object = try #require(ManifestSchema.json.at(pointer), "no object at \(pointer)")
        let properties = try #require(object.member("properties")?.objectMembers, "\(pointer) has no properties")
        #expect(Set(properties.keys) == Set(keys.keys), "schema at \(pointer) vs the decoder's KeySchema")
        #expect(object.member("additionalProperties") == .bool(false))
        #expect(object.member("type") == .string("object"))
        for required in object.member("required")?.arrayItems ?? [] {
            guard case .string(let key) = required else { Issue.record("required holds \(required)"); continue }
            #expect(keys.keys.contains(key), "\(pointer) requires `\(key)`, which the decoder does not accept")
        }
    }

    /// Every object in the schema that lists properties is one of the decoders' objects, so the
    /// table above (and with it the key comparison) covers the whole schema.
    @Test func everyObjectInTheSchemaBelongsToADecoder() {
        let listed = Set(Self.decoderObjects.map(\.pointer))
        var found: [String] = []
        ManifestSchema.json.walk { pointer, node in
            // The condition of an `if` names properties of its object; it describes nothing.
            if node.member("properties") != nil, !pointer.hasSuffix("/if") { found.append(pointer) }
        }
        #expect(Set(found) == listed)
        #expect(found.count == listed.count, "an object is reachable at two pointers: \(found.sorted())")
    }

    /// The decoders declare no `KeySchema` that the table above leaves out.
    @Test func everyKeySchemaOfTheDecodersIsListed() throws {
        let folder = SchemaTestSupport.packageRoot.appendingPathComponent("Sources/ManifestCompiler/Decoding")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        var declared = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            declared += text.components(separatedBy: "= KeySchema(").count - 1
        }
        #expect(
            declared == Self.decoderObjects.count,
            "the decoders declare \(declared) KeySchemas, the schema covers \(Self.decoderObjects.count): describe the new one in Sources/ManifestCompiler/Schema/ and list it here")
    }

    /// Editors show a property's description on hover and in completion.
    @Test func everyManifestPropertyHasADescription() {
        ManifestSchema.json.walk { pointer, node in
            guard !pointer.hasSuffix("/if") else { return }
            for (key, property) in node.member("properties")?.objectMembers ?? [:] {
                let description = property.member("description")
                #expect(description != nil && description != .string(""), "\(pointer)/properties/\(key) has no description")
            }
        }
    }

    /// In the bundle schema a property may instead take the description of its `$ref`; the
    /// condition of an `if` describes nothing.
    @Test func everyBundlePropertyIsDescribed() {
        BundleSchema.json.walk { pointer, node in
            guard !pointer.hasSuffix("/if") else { return }
            for (key, property) in node.member("properties")?.objectMembers ?? [:] {
                let described = property.member("description") != nil || property.member("$ref") != nil
                #expect(described, "\(pointer)/properties/\(key) has no description")
            }
        }
    }

    @Test func choicesAreTheDecodersEnums() throws {
        let provider = try #require(ManifestSchema.json.at("/definitions/provider/properties"))
        #expect(provider.member("type")?.member("enum") == .array([.string("standard"), .string("trunk")]))
        #expect(provider.member("transport")?.member("enum") == .array([.string("udp"), .string("tcp"), .string("tls")]))
        #expect(provider.at("/rules/properties/inbound/enum") == .array([.string("auto"), .string("none")]))
        #expect(ManifestSchema.json.at("/definitions/destination/properties/ring/enum")
            == .array([.string("together"), .string("in_order")]))
    }
}

extension JSONValue {
    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    var objectMembers: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    var arrayItems: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// The value at a JSON pointer (`""` is the value itself).
    func at(_ pointer: String) -> JSONValue? {
        var value: JSONValue? = self
        for part in pointer.split(separator: "/", omittingEmptySubsequences: true) {
            switch value {
            case .object(let members)?: value = members[String(part)]
            case .array(let items)?: value = Int(part).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return value
    }

    /// Calls `visit` with the pointer and value of this value and everything inside it.
    func walk(_ pointer: String = "", _ visit: (String, JSONValue) -> Void) {
        visit(pointer, self)
        switch self {
        case .object(let members):
            for (key, value) in members { value.walk(pointer + "/" + key, visit) }
        case .array(let items):
            for (index, value) in items.enumerated() { value.walk(pointer + "/\(index)", visit) }
        default:
            break
        }
    }
}
