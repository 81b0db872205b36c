/// An internal extension: its number is also its digest user name.
public struct BundleExtension: Hashable, Sendable, Decodable, JSONRepresentable {
    public var number: String
    public var displayName: String?
    public var password: BundleSecret
    public var source: String

    public init(number: String, displayName: String?, password: BundleSecret, source: String) {
        self.number = number
        self.displayName = displayName
        self.password = password
        self.source = source
    }

    public var jsonValue: JSONValue {
        .members([
            "number": .string(number),
            "display_name": displayName.map(JSONValue.string),
            "password": password.jsonValue,
            "source": .string(source),
        ])
    }
}

extension BundleExtension: CanonicalJSONWritable {
    /// The members of `jsonValue`, in key order (see `CanonicalJSONWritable`).
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("display_name", displayName)
        output.member("number", number)
        output.member("password", password)
        output.member("source", source)
        output.endObject()
    }
}
