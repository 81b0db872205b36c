import NIOHTTP1

/// What the status endpoint answers to a request line, without any I/O: `GET /status` (and
/// `HEAD`) gets the report as JSON, ignoring a query string; `GET /route?number=…` a live dry run
/// of the routing engine (``RouteQuery``), when serve offers one; another method gets `405` with
/// `Allow`; any other path gets `404`.
enum StatusRoute {
    static let path = "/status"
    static let routePath = "/route"
    /// The header of a `/route` answer that says how the dry run ended (``RouteAnswer/Outcome``).
    static let routeOutcomeHeader = "Switchboard-Route"

    struct Answer: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)]
        /// The body, and for `HEAD` the body whose length `Content-Length` states.
        var body: [UInt8]
        var sendsBody = true
    }

    static func answer(method: HTTPMethod, uri: String, source: StatusSource, routes: RouteSource? = nil) -> Answer {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first ?? ""
        if path == Self.routePath, let routes {
            return route(method: method, query: parts.count > 1 ? parts[1] : "", routes: routes)
        }
        guard path == Self.path else {
            return text(.notFound, "not found: the status endpoint serves GET \(Self.path)\(routes == nil ? "" : " and GET \(Self.routePath)?number=…")\n")
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

    private static func route(method: HTTPMethod, query: Substring, routes: RouteSource) -> Answer {
        guard method == .GET else {
            var answer = text(.methodNotAllowed, "method not allowed: use GET \(Self.routePath)?number=…\n")
            answer.headers.append(("Allow", "GET"))
            return answer
        }
        guard let request = RouteQuery(queryString: query) else {
            return text(.badRequest, "bad request: GET \(Self.routePath)?number=NUMBER[&inbound=PROVIDER][&caller=NUMBER][&format=json]\n")
        }
        let result = routes(request)
        var answer = text(result.outcome == .refused ? .badRequest : .ok, result.text)
        if request.json, result.outcome != .refused { answer.headers = [("Content-Type", "application/json")] }
        answer.headers += [("Cache-Control", "no-store"), (Self.routeOutcomeHeader, result.outcome.rawValue)]
        return answer
    }

    private static func text(_ status: HTTPResponseStatus, _ message: String) -> Answer {
        Answer(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(message.utf8))
    }
}
