import RuntimeBundle

/// One JSON Schema (draft-07) as a value, built with small combinators so the schemas in this
/// folder read like the documents they print. `json` is the `JSONValue` the canonical writer
/// prints; member order does not matter, since the writer sorts keys.
struct SchemaNode {
    private(set) var members: [String: JSONValue]

    init(_ members: [String: JSONValue] = [:]) {
        self.members = members
    }

    var json: JSONValue { .object(members) }

    // MARK: Types

    static var string: SchemaNode { SchemaNode(["type": .string("string")]) }
    static var boolean: SchemaNode { SchemaNode(["type": .string("boolean")]) }
    static var integer: SchemaNode { SchemaNode(["type": .string("integer")]) }

    /// A text field whose value YAML 1.2 may read as a number (`login: 100`, `number: 100`):
    /// Switchboard keeps the text as written, so editors must not flag the number. Text
    /// constraints (`pattern`, `minLength`) apply to strings, numeric ones to integers.
    static var text: SchemaNode { SchemaNode(["type": .array([.string("string"), .string("integer")])]) }

    static func integer(_ range: ClosedRange<Int>) -> SchemaNode {
        integer.minimum(range.lowerBound).maximum(range.upperBound)
    }

    static func object(properties: [String: SchemaNode], required: [String] = []) -> SchemaNode {
        var node = SchemaNode([
            "type": .string("object"),
            "properties": .object(properties.mapValues(\.json)),
            "additionalProperties": .bool(false),
        ])
        if !required.isEmpty { node.members["required"] = .array(required.map(JSONValue.string)) }
        return node
    }

    static func array(of items: SchemaNode, minItems: Int? = nil) -> SchemaNode {
        var node = SchemaNode(["type": .string("array"), "items": items.json])
        if let minItems { node.members["minItems"] = .integer(minItems) }
        return node
    }

    /// One of the listed words, exactly.
    static func choice(_ words: [String]) -> SchemaNode {
        SchemaNode(["type": .string("string"), "enum": .array(words.map(JSONValue.string))])
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) -> SchemaNode
    where Choice.RawValue == String {
        choice(type.allCases.map(\.rawValue))
    }

    static func constant(_ value: JSONValue) -> SchemaNode {
        SchemaNode(["const": value])
    }

    /// A reference to `#/definitions/<name>`.
    static func ref(_ name: String) -> SchemaNode {
        SchemaNode(["$ref": .string("#/definitions/\(name)")])
    }

    static func oneOf(_ schemas: SchemaNode...) -> SchemaNode {
        SchemaNode(["oneOf": .array(schemas.map(\.json))])
    }

    static func anyOf(_ schemas: SchemaNode...) -> SchemaNode {
        SchemaNode(["anyOf": .array(schemas.map(\.json))])
    }

    /// `required` alone: matches when the named keys are present (for "one of these keys"
    /// alternatives under `oneOf`, and for `not`).
    static func requiring(_ keys: String...) -> SchemaNode {
        SchemaNode(["required": .array(keys.map(JSONValue.string))])
    }

    // MARK: Modifiers

    func with(_ key: String, _ value: JSONValue) -> SchemaNode {
        var copy = self
        copy.members[key] = value
        return copy
    }

    func description(_ text: String) -> SchemaNode { with("description", .string(text)) }
    func title(_ text: String) -> SchemaNode { with("title", .string(text)) }
    func defaultValue(_ value: JSONValue) -> SchemaNode { with("default", value) }
    func examples(_ values: JSONValue...) -> SchemaNode { with("examples", .array(values)) }
    func pattern(_ regex: String) -> SchemaNode { with("pattern", .string(regex)) }
    func minLength(_ count: Int) -> SchemaNode { with("minLength", .integer(count)) }
    func maxLength(_ count: Int) -> SchemaNode { with("maxLength", .integer(count)) }
    func minimum(_ value: Int) -> SchemaNode { with("minimum", .integer(value)) }
    func maximum(_ value: Int) -> SchemaNode { with("maximum", .integer(value)) }
    func format(_ name: String) -> SchemaNode { with("format", .string(name)) }
    func oneOf(_ schemas: SchemaNode...) -> SchemaNode { with("oneOf", .array(schemas.map(\.json))) }
    func not(_ schema: SchemaNode) -> SchemaNode { with("not", schema.json) }
    func ifThenElse(_ condition: SchemaNode, then: SchemaNode, else otherwise: SchemaNode) -> SchemaNode {
        with("if", condition.json).with("then", then.json).with("else", otherwise.json)
    }
}

extension JSONValue {
    /// `.array` of strings, for `examples` and `enum`.
    static func texts(_ values: String...) -> JSONValue { .array(values.map(JSONValue.string)) }
}

/// Builds the object schemas of the manifest from the decoders' `KeySchema`s, so the keys an
/// editor offers are exactly the keys the decoder accepts. A key without a property schema, or a
/// property schema for a key the decoder does not know, is recorded in `issues` (a test keeps
/// the list empty) instead of silently shaping the output.
final class ManifestSchemaAssembly {
    private(set) var issues: [String] = []

    /// An object with `additionalProperties: false` whose property list is `keys.keys`.
    func object(
        _ keys: KeySchema, _ subject: String, properties: [String: SchemaNode], required: [String] = []
    ) -> SchemaNode {
        var listed: [String: SchemaNode] = [:]
        for key in keys.keys {
            if let property = properties[key] {
                listed[key] = property
            } else {
                issues.append("\(subject): the decoder accepts `\(key)`, but the schema does not describe it")
                listed[key] = SchemaNode()
            }
        }
        for key in properties.keys.sorted() where !keys.keys.contains(key) {
            issues.append("\(subject): the schema describes `\(key)`, which the decoder does not accept")
        }
        for key in required where !keys.keys.contains(key) {
            issues.append("\(subject): the schema requires `\(key)`, which the decoder does not accept")
        }
        return .object(properties: listed, required: required)
    }
}
