/// Where an inbound call rings.
public struct BundleDestination: Hashable, Sendable, Decodable, JSONRepresentable {
    public var extensions: [String]
    /// `together` or `in_order`.
    public var ring: String

    public init(extensions: [String], ring: String) {
        self.extensions = extensions
        self.ring = ring
    }

    public var jsonValue: JSONValue {
        .object(["extensions": .strings(extensions), "ring": .string(ring)])
    }
}

/// An inbound rule. The first rule that matches the provider, called and caller number wins.
public struct BundleInboundRule: Hashable, Sendable, Decodable, JSONRepresentable {
    public var name: String
    /// The provider this rule was generated for; absent for rules written in a manifest.
    public var generatedFor: String?
    /// Absent: any provider.
    public var provider: String?
    /// Empty: every called number.
    public var calledPrefixes: [String]
    /// Empty: every caller.
    public var callerPrefixes: [String]
    public var destination: BundleDestination
    /// `file:line:col` of the rule's name (for a generated rule: of its provider's name).
    public var source: String

    public init(
        name: String, generatedFor: String?, provider: String?, calledPrefixes: [String], callerPrefixes: [String],
        destination: BundleDestination, source: String
    ) {
        self.name = name
        self.generatedFor = generatedFor
        self.provider = provider
        self.calledPrefixes = calledPrefixes
        self.callerPrefixes = callerPrefixes
        self.destination = destination
        self.source = source
    }

    public var jsonValue: JSONValue {
        .members([
            "name": .string(name),
            "generated_for": generatedFor.map(JSONValue.string),
            "provider": provider.map(JSONValue.string),
            "called_prefixes": .strings(calledPrefixes),
            "caller_prefixes": .strings(callerPrefixes),
            "destination": destination.jsonValue,
            "source": .string(source),
        ])
    }
}

/// One way out: a provider, and the rewrite applied for it.
public struct BundleRoute: Hashable, Sendable, Decodable, JSONRepresentable {
    public var provider: String
    /// Characters removed from the start of the dialled number.
    public var strip: Int
    /// Text put in front after stripping.
    public var prepend: String

    public init(provider: String, strip: Int, prepend: String) {
        self.provider = provider
        self.strip = strip
        self.prepend = prepend
    }

    public var jsonValue: JSONValue {
        .object(["provider": .string(provider), "strip": .integer(strip), "prepend": .string(prepend)])
    }
}

/// An outbound rule. Rules are tried in order; a matching rule whose routes are all unusable
/// (busy, unregistered, disabled) falls through to the next matching rule.
public struct BundleOutboundRule: Hashable, Sendable, Decodable, JSONRepresentable {
    public var name: String
    public var generatedFor: String?
    /// Empty: every number.
    public var prefixes: [String]
    public var minLength: Int?
    public var maxLength: Int?
    /// Overrides the caller ID of the provider.
    public var callerId: String?
    public var routes: [BundleRoute]
    public var source: String

    public init(
        name: String, generatedFor: String?, prefixes: [String], minLength: Int?, maxLength: Int?, callerId: String?,
        routes: [BundleRoute], source: String
    ) {
        self.name = name
        self.generatedFor = generatedFor
        self.prefixes = prefixes
        self.minLength = minLength
        self.maxLength = maxLength
        self.callerId = callerId
        self.routes = routes
        self.source = source
    }

    public var jsonValue: JSONValue {
        .members([
            "name": .string(name),
            "generated_for": generatedFor.map(JSONValue.string),
            "prefixes": .strings(prefixes),
            "min_length": minLength.map(JSONValue.integer),
            "max_length": maxLength.map(JSONValue.integer),
            "caller_id": callerId.map(JSONValue.string),
            "routes": .array(routes),
            "source": .string(source),
        ])
    }
}

// The canonical writers of the rule types: the members of each `jsonValue`, in key order (see
// `CanonicalJSONWritable`).

extension BundleDestination: CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("extensions", extensions)
        output.member("ring", ring)
        output.endObject()
    }
}

extension BundleInboundRule: CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("called_prefixes", calledPrefixes)
        output.member("caller_prefixes", callerPrefixes)
        output.member("destination", destination)
        output.member("generated_for", generatedFor)
        output.member("name", name)
        output.member("provider", provider)
        output.member("source", source)
        output.endObject()
    }
}

extension BundleRoute: CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("prepend", prepend)
        output.member("provider", provider)
        output.member("strip", strip)
        output.endObject()
    }
}

extension BundleOutboundRule: CanonicalJSONWritable {
    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        output.member("caller_id", callerId)
        output.member("generated_for", generatedFor)
        output.member("max_length", maxLength)
        output.member("min_length", minLength)
        output.member("name", name)
        output.member("prefixes", prefixes)
        output.member("routes", routes)
        output.member("source", source)
        output.endObject()
    }
}
