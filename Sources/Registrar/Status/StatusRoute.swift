import NIOHTTP1

/// What the status endpoint answers to a request line, without any I/O: `GET /status` (and
/// `HEAD`) gets the report as JSON; another method on `/status` gets `405` with `Allow`; any other
/// path gets `404`. A query string is ignored.
enum StatusRoute {
    static let path = "/status"

    struct Answer: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)]
        /// The body, and for `HEAD` the body whose length `Content-Length` states.
        var body: [UInt8]
        var sendsBody = true
    }

    static func answer(method: HTTPMethod, uri: String, source: StatusSource) -> Answer {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard path == Self.path else {
            return text(.notFound, "not found: the status endpoint serves GET \(Self.path)\n")
        }
        switch method {
        case .GET, .HEAD:
            return Answer(
                status: .ok,
                headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                body: source().jsonBytes(), sendsBody: method == .GET)
        default:
            var answer = text(.methodNotAllowed, "method not allowed: use GET \(Self.path)\n")
            answer.headers.append(("Allow", "GET, HEAD"))
            return answer
        }
    }

    private static func text(_ status: HTTPResponseStatus, _ message: String) -> Answer {
        Answer(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(message.utf8))
    }
}
