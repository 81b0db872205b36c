import NIOHTTP1
import Testing
@testable import Registrar

/// `GET /route?…`: the query string both ways, and what the endpoint answers for each outcome.
@Suite struct RouteQueryTests {
    @Test func theQueryStringRoundTripsAndKeepsAPlus() throws {
        let query = RouteQuery(number: "+4930123456", inbound: "north wind", caller: "*31#", json: true)
        #expect(query.queryString == "number=%2B4930123456&inbound=north%20wind&caller=%2A31%23&format=json")
        #expect(RouteQuery(queryString: query.queryString[...]) == query)
        // A literal + is a plus, not a space: numbers start with one.
        #expect(RouteQuery(queryString: "number=+4930")?.number == "+4930")
    }

    @Test func aQueryWithoutANumberOrWithABrokenEscapeIsRefused() {
        #expect(RouteQuery(queryString: "inbound=acme") == nil)
        #expect(RouteQuery(queryString: "number=%2") == nil)
        #expect(RouteQuery(queryString: "number=%ZZ12") == nil)
        #expect(RouteQuery(queryString: "number=%FF") == nil)
        #expect(RouteQuery(queryString: "number") == nil)
    }

    static let report = StatusReportTests.report()

    /// Routes numbers starting 0; refuses `x`; anything else has no route.
    static let routes: RouteSource = { query in
        if query.number == "x" { return RouteAnswer(outcome: .refused, text: "switchboard: NUMBER `x` is not a number\n") }
        let routed = query.number.hasPrefix("0")
        return RouteAnswer(outcome: routed ? .routed : .notRouted, text: query.json ? "{\"routed\":\(routed)}" : "routed: \(routed)\n")
    }

    @Test func theEndpointAnswersEachOutcome() {
        let routed = StatusRoute.answer(method: .GET, uri: "/route?number=030", source: { Self.report }, routes: Self.routes)
        #expect(routed.status == .ok && String(decoding: routed.body, as: UTF8.self) == "routed: true\n")
        #expect(routed.headers.contains { $0 == ("Switchboard-Route", "routed") })
        let json = StatusRoute.answer(method: .GET, uri: "/route?number=99&format=json", source: { Self.report }, routes: Self.routes)
        #expect(json.status == .ok && json.headers.contains { $0 == ("Content-Type", "application/json") })
        #expect(json.headers.contains { $0 == ("Switchboard-Route", "not-routed") })
        let refused = StatusRoute.answer(method: .GET, uri: "/route?number=x", source: { Self.report }, routes: Self.routes)
        #expect(refused.status == .badRequest && refused.headers.contains { $0 == ("Switchboard-Route", "refused") })
        let noNumber = StatusRoute.answer(method: .GET, uri: "/route", source: { Self.report }, routes: Self.routes)
        #expect(noNumber.status == .badRequest)
        let post = StatusRoute.answer(method: .POST, uri: "/route?number=030", source: { Self.report }, routes: Self.routes)
        #expect(post.status == .methodNotAllowed && post.headers.contains { $0 == ("Allow", "GET") })
        // Without a route source (an endpoint that only reports), /route does not exist.
        #expect(StatusRoute.answer(method: .GET, uri: "/route?number=030", source: { Self.report }).status == .notFound)
    }
}
