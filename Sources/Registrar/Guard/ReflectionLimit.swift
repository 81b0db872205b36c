import SIP

/// No reflection amplification: over UDP, where the source address is not proven, a response
/// to a request that did not authenticate is never larger than the request. Otherwise a spoofed
/// request would make the registrar send a bigger packet to the victim whose address it bears.
///
/// A response that is too large is degraded, in this order, until it fits: a 401 offers only
/// its first challenge (the first of `--digest-algorithms`); the `Allow`, `Server` and `Date`
/// headers are dropped. If it still does not fit, nothing is sent: the client's retransmission
/// gets nothing either (the transaction is abandoned), and a real phone's request, which carries
/// its own Contact, User-Agent, Allow and Supported headers, is larger than our answer.
///
/// Responses to authenticated requests are exempt (a 200 listing every binding may be larger):
/// the digest proves the sender knows the password and the nonce count makes each
/// Authorization usable once, so a spoofed copy is answered with a small 401, not the 200.
enum ReflectionLimit {
    /// Headers removed one after another when a response is too large.
    static let droppable: [SIPHeaderName] = [.allow, .server, .date]

    /// The bytes of `response`, degraded to at most `limit` bytes; nil when it cannot fit.
    static func fit(_ response: SIPMessage, within limit: Int, serialize: (SIPMessage) -> [UInt8]) -> [UInt8]? {
        var response = response
        var bytes = serialize(response)
        if bytes.count <= limit { return bytes }
        if response.headers.count(name: .wwwAuthenticate) > 1, let first = response.headers.first(name: .wwwAuthenticate) {
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: first)
            bytes = serialize(response)
            if bytes.count <= limit { return bytes }
        }
        for name in droppable where response.headers.contains(name: name) {
            response.headers.remove(name: name)
            bytes = serialize(response)
            if bytes.count <= limit { return bytes }
        }
        return nil
    }
}
