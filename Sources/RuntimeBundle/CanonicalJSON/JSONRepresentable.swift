/// A bundle type that can say what it is as JSON. Encoding is written out by hand, member by
/// member, so the bundle's shape is visible in one place per type and needs no Foundation
/// encoder; decoding uses `Decodable` with snake-case keys, and a round-trip test keeps the two
/// in step.
public protocol JSONRepresentable {
    var jsonValue: JSONValue { get }
}

extension JSONValue {
    /// An object without the members whose value is nil: absent means "not set".
    static func members(_ members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in members {
            if let value { object[key] = value }
        }
        return .object(object)
    }

    static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    static func array(_ values: [some JSONRepresentable]) -> JSONValue {
        .array(values.map(\.jsonValue))
    }
}
