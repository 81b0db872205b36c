import ArgumentParser
import Foundation
import Routing
import RuntimeBundle

/// The work of `route`, apart from argument parsing so tests can run it with a captured console.
public struct RouteRunner {
    public var format: RouteFormat

    public init(format: RouteFormat = .human) {
        self.format = format
    }

    public func run(bundlePath: String, request: RouteRequest, console: Console) -> ExitCode {
        do throws(RouteRequest.UsageError) {
            try request.validateAlone()
        } catch {
            console.writeError("switchboard: \(error.message)\n")
            return ExitStatus.usageOrIO
        }
        guard let data = FileManager.default.contents(atPath: bundlePath) else {
            console.writeError("switchboard: cannot read the bundle \(bundlePath)\n")
            return ExitStatus.usageOrIO
        }
        do {
            return run(bundle: try BundleLoader.load(Array(data)), request: request, console: console)
        } catch {
            console.writeError("switchboard: \(bundlePath): \(error)\n")
            return ExitStatus.usageOrIO
        }
    }

    /// The dry run on a bundle already loaded (serve's, for a live query).
    public func run(bundle: SwitchboardBundle, request: RouteRequest, console: Console) -> ExitCode {
        let scenario: RouteScenario
        do throws(RouteRequest.UsageError) {
            try request.validateAlone()
            scenario = try request.scenario(in: bundle)
        } catch {
            console.writeError("switchboard: \(error.message)\n")
            return ExitStatus.usageOrIO
        }

        if let provider = request.inbound {
            let decision = InboundRouter(bundle: bundle).decide(provider: provider, called: request.number, caller: request.caller)
            let call = InboundCallReport(provider: provider, called: request.number, caller: request.caller, decision: decision)
            console.write(format == .json ? RouteJSONRenderer().render(call) : RouteHumanRenderer().render(call))
            guard case .routed = decision else { return ExitStatus.findings }
            return ExitStatus.success
        }

        let router = OutboundRouter(bundle: bundle)
        let decision = router.decide(number: request.number, registered: scenario.registered, lines: scenario.lines)
        let call = OutboundCallReport(
            number: request.number, decision: decision, rejection: router.rejection(for: decision), scenario: scenario)
        console.write(format == .json ? RouteJSONRenderer().render(call) : RouteHumanRenderer().render(call))
        guard case .routed = decision else { return ExitStatus.findings }
        return ExitStatus.success
    }
}

/// An outbound dry run and what it assumed, for the renderers.
struct OutboundCallReport {
    var number: String
    var decision: OutboundDecision
    var rejection: OutboundRejection?
    var scenario: RouteScenario
}

/// An inbound dry run, for the renderers.
struct InboundCallReport {
    var provider: String
    var called: String
    var caller: String?
    var decision: InboundDecision
}
