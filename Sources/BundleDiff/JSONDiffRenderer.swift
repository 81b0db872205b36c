import RuntimeBundle

/// The difference as one versioned JSON document, in Switchboard's canonical JSON (sorted
/// members, two-space indentation), so the same difference is always the same bytes:
///
/// ```json
/// {
///   "changes": [ { "section", "kind", "name", "old_name"?, "source"?, "old_source"?,
///                  "generated_for"?, "fields": [ { "path", "old"?, "new"?, "secret"?,
///                  "secret_changed"? } ], "because": [ { "kind", "provider"?, "text" } ] } ],
///   "new_digest": "sha256:…",
///   "old_digest": "sha256:…",
///   "order_changes": [ { "section", "old", "new", "moved", "effects": [ { "kind", "text" } ] } ],
///   "version": 1
/// }
/// ```
///
/// A field's `old` or `new` is left out when the member is absent on that side. A password's
/// values are `{"env": NAME}`, `{"file": PATH}` or `{"inline": "(secret)"}`, never the secret.
public struct JSONDiffRenderer: Sendable {
    public static let version = 1

    public init() {}

    public func render(_ difference: BundleDifference) -> String {
        String(decoding: CanonicalJSONWriter.bytes(json(difference)), as: UTF8.self)
    }

    public func json(_ difference: BundleDifference) -> JSONValue {
        .object([
            "version": .integer(Self.version),
            "old_digest": .string(difference.oldDigest),
            "new_digest": .string(difference.newDigest),
            "changes": .array(difference.changes.map(json)),
            "order_changes": .array(difference.orderChanges.map(json)),
        ])
    }

    func json(_ change: ObjectChange) -> JSONValue {
        var members: [String: JSONValue] = [
            "section": .string(change.section.rawValue),
            "kind": .string(change.kind.rawValue),
            "name": .string(change.name),
            "fields": .array(change.fields.map(json)),
            "because": .array(change.causes.map { cause in
                var members: [String: JSONValue] = ["kind": .string(cause.kind), "text": .string(cause.text)]
                if let provider = cause.provider { members["provider"] = .string(provider) }
                return .object(members)
            }),
        ]
        if let oldName = change.oldName { members["old_name"] = .string(oldName) }
        if let source = change.source { members["source"] = .string(source) }
        if let source = change.oldSource { members["old_source"] = .string(source) }
        if let provider = change.generatedFor { members["generated_for"] = .string(provider) }
        return .object(members)
    }

    func json(_ field: FieldChange) -> JSONValue {
        var members: [String: JSONValue] = ["path": .string(field.path)]
        if let old = json(field.old) { members["old"] = old }
        if let new = json(field.new) { members["new"] = new }
        if field.isSecret { members["secret"] = .bool(true) }
        if field.isHiddenSecretChange { members["secret_changed"] = .bool(true) }
        return .object(members)
    }

    func json(_ value: FieldValue) -> JSONValue? {
        switch value {
        case .absent: nil
        case .value(let json): json
        case .secret(.env(let name)): .object(["env": .string(name)])
        case .secret(.file(let path)): .object(["file": .string(path)])
        case .secret(.inline): .object(["inline": .string(ValueText.secret)])
        }
    }

    func json(_ order: OrderChange) -> JSONValue {
        .object([
            "section": .string(order.section.rawValue),
            "old": .array(order.old.map(JSONValue.string)),
            "new": .array(order.new.map(JSONValue.string)),
            "moved": .array(order.moved.map(JSONValue.string)),
            "effects": .array(order.effects.map { .object(["kind": .string($0.kind), "text": .string($0.text)]) }),
        ])
    }
}
