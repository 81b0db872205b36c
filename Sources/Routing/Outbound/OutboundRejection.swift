/// The SIP final response for an outbound call that was not routed (docs/routing.md says why
/// each). The routing module has no SIP types; the registrar turns this into a response.
public struct OutboundRejection: Hashable, Sendable {
    public var statusCode: Int
    public var reasonPhrase: String
    /// Seconds for a Retry-After header; nil for none.
    public var retryAfter: Int?

    public init(statusCode: Int, reasonPhrase: String, retryAfter: Int?) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.retryAfter = retryAfter
    }

    /// Every line of every candidate busy: 503 with Retry-After (RFC 3261 §21.5.4, "this server
    /// cannot take the call now, try again after"). Not 486 Busy Here: that is the callee's
    /// answer, and the caller's phone would show the called party as busy, which it is not.
    public static func busy(retryAfter: Int) -> OutboundRejection {
        OutboundRejection(statusCode: 503, reasonPhrase: "Service Unavailable", retryAfter: retryAfter)
    }

    /// Routes matched but none is usable for other reasons (not registered, disabled, …), with
    /// no time at which that is known to change: 503 without Retry-After.
    public static let unavailable = OutboundRejection(statusCode: 503, reasonPhrase: "Service Unavailable", retryAfter: nil)

    /// No outbound rule matches the number: 404, as other PBXs answer a number with no route.
    public static let noRoute = OutboundRejection(statusCode: 404, reasonPhrase: "Not Found", retryAfter: nil)
}
