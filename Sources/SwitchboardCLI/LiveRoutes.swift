import Registrar
import RuntimeBundle

/// Serve's answers to live route queries (`GET /route`, `switchboard route --control`): the same
/// dry run as `switchboard route` on a bundle file, on the bundle in force, with every standard
/// provider that is not registered right now marked unregistered. Lines are all free: serve
/// carries no calls (docs/routing.md, "Calls in serve").
enum LiveRoutes {
    static func answer(
        _ query: RouteQuery, bundle: SwitchboardBundle, isRegistered: (String) -> Bool
    ) -> RouteAnswer {
        let unregistered = query.inbound == nil
            ? bundle.providers.filter { $0.type == "standard" && !isRegistered($0.name) }.map(\.name) : []
        let request = RouteRequest(number: query.number, unregistered: unregistered, inbound: query.inbound, caller: query.caller)
        let console = Console.capturing()
        let status = RouteRunner(format: query.json ? .json : .human).run(bundle: bundle, request: request, console: console)
        switch status {
        case ExitStatus.success: return RouteAnswer(outcome: .routed, text: console.output)
        case ExitStatus.findings: return RouteAnswer(outcome: .notRouted, text: console.output)
        default: return RouteAnswer(outcome: .refused, text: console.errors)
        }
    }
}
