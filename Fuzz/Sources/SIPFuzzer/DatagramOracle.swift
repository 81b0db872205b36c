import FuzzSupport
import SIP

/// What must hold for any datagram:
/// - a message that parses serializes to bytes that parse again to the same start line,
///   headers (Content-Length aside, which the serializer rewrites) and body, and to the same
///   transaction headers;
/// - a request that parses gets a response whose bytes parse as a response with the request's
///   Call-ID and CSeq;
/// - a request that fails with ``SIPParseError/canBuildResponse`` gets an error response, which
///   parses like the valid one or fails for the reason the request's own header lines fail
///   (it copies the Via lines, malformed lower ones included, as RFC 3261 §8.2.6.2 asks);
/// - the typed header views never crash, and what they parse prints back to itself.
struct DatagramOracle {
    let parser: SIPParser

    func check(_ bytes: [UInt8]) {
        switch parser.parseWithTransactionHeaders(bytes[...]) {
        case .success(let parsed):
            checkRoundTrip(parsed.message, headers: parsed.headers)
            TypedHeaderOracle.check(parsed.message.headers)
            if parsed.message.isRequest, parsed.message.method != .ack {
                let builder = SIPResponseBuilder(request: parsed.message, source: SIPParsers.source)
                switch Result(catching: { () throws(SIPParseError) in try builder.response(.ok, toTag: "fuzz") }) {
                case .success(let response): checkResponse(response, answering: parsed.message, failing: nil)
                case .failure(let error): fuzzCheck(false, "a valid request cannot be answered: \(error)")
                }
            }
        case .failure(let error):
            if let partial = error.partialMessage { TypedHeaderOracle.check(partial.headers) }
            guard error.canBuildResponse else { return }
            guard let response = SIPResponseBuilder.errorResponse(for: error, source: SIPParsers.source, toTag: "fuzz") else {
                fuzzCheck(false, "canBuildResponse is true but no response was built for \(error)")
                return
            }
            checkResponse(response, answering: error.partialMessage!, failing: error.headerLinesProblem)
        }
    }

    private func checkRoundTrip(_ message: SIPMessage, headers: SIPTransactionHeaders) {
        let bytes = message.serialize()
        // The reparse uses the default limits: serializing may lengthen a message (canonical
        // header names, a Content-Length line), which tight limits would refuse.
        switch SIPParser(requiresMaxForwards: parser.requiresMaxForwards).parseWithTransactionHeaders(bytes[...]) {
        case .failure(let error):
            fuzzCheck(false, "a parsed message does not parse after serialization: \(error)\n\(String(decoding: bytes, as: UTF8.self))")
        case .success(let again):
            fuzzCheck(again.message.startLine == message.startLine, "start line changed: \(message.startLine) → \(again.message.startLine)")
            fuzzCheck(again.message.body == message.body, "body changed")
            fuzzCheck(
                Self.withoutContentLength(again.message.headers) == Self.withoutContentLength(message.headers),
                "headers changed: \(Array(message.headers)) → \(Array(again.message.headers))")
            fuzzCheck(again.headers == headers, "transaction headers changed: \(headers) → \(again.headers)")
        }
    }

    /// Checks the response to `request`, whose header lines fail to parse for `failure` (nil:
    /// they parse).
    private func checkResponse(_ response: SIPMessage, answering request: SIPMessage, failing failure: SIPParseError.Kind?) {
        let bytes = response.serialize()
        switch SIPParser.parseWithTransactionHeaders(bytes) {
        case .failure(let error):
            fuzzCheck(
                failure != nil && error.kind == failure,
                "a built response does not parse: \(error)\n\(String(decoding: bytes, as: UTF8.self))")
        case .success(let parsed):
            fuzzCheck(!parsed.message.isRequest, "a response parsed as a request")
            fuzzCheck((try? request.headers.callID) == parsed.headers.callID, "the response's Call-ID differs")
            fuzzCheck((try? request.headers.cseq) == parsed.headers.cseq, "the response's CSeq differs")
        }
    }

    private static func withoutContentLength(_ headers: SIPHeaders) -> [SIPHeaderField] {
        headers.filter { $0.name != .contentLength }
    }
}

