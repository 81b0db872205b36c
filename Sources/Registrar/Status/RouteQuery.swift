/// A live dry run asked of serve's status endpoint: `GET /route?number=…[&inbound=…][&caller=…]
/// [&format=json]`. Serve answers it with the routing engine over the bundle in force and the
/// providers' live registration states ([routing.md](../../../docs/routing.md)).
public struct RouteQuery: Sendable, Hashable {
    public var number: String
    /// The provider of an inbound call; nil for an outbound one.
    public var inbound: String?
    public var caller: String?
    /// JSON (as `route --format json`) instead of the human text.
    public var json: Bool

    public init(number: String, inbound: String? = nil, caller: String? = nil, json: Bool = false) {
        self.number = number
        self.inbound = inbound
        self.caller = caller
        self.json = json
    }

    /// Reads a query string (`number=%2B4930…&format=json`); nil without a `number`. Values are
    /// percent-decoded; `+` stays a plus (a number's leading `+` must not become a space).
    public init?(queryString: Substring) {
        var values: [String: String] = [:]
        for pair in queryString.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Self.percentDecoded(parts[1]) else { return nil }
            values[String(parts[0])] = value
        }
        guard let number = values["number"] else { return nil }
        self.init(number: number, inbound: values["inbound"], caller: values["caller"], json: values["format"] == "json")
    }

    /// The query string, each value percent-encoded but for unreserved characters.
    public var queryString: String {
        var pairs = [("number", number)]
        if let inbound { pairs.append(("inbound", inbound)) }
        if let caller { pairs.append(("caller", caller)) }
        if json { pairs.append(("format", "json")) }
        return pairs.map { "\($0.0)=\(Self.percentEncoded($0.1))" }.joined(separator: "&")
    }

    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            result += unreserved ? String(UnicodeScalar(byte)) : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return result
    }

    /// nil for a malformed escape or bytes that are not UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Serve's answer to a ``RouteQuery``: the text `switchboard route` prints, and how it ended.
public struct RouteAnswer: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        /// A rule and provider (or extensions) were found: `route` exits 0.
        case routed
        /// No route: `route` exits 1.
        case notRouted = "not-routed"
        /// The query itself is wrong (not a number, an unknown provider): `route` exits 2.
        case refused
    }

    public var outcome: Outcome
    public var text: String

    public init(outcome: Outcome, text: String) {
        self.outcome = outcome
        self.text = text
    }
}

/// Answers live route queries; `serve` provides it, the endpoint calls it off the event loops.
public typealias RouteSource = @Sendable (RouteQuery) -> RouteAnswer
