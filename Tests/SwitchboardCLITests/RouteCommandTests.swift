import Foundation
import ManifestCompiler
import RuntimeBundle
import Testing
@testable import SwitchboardCLI

private let goldenFolder = "Tests/SwitchboardCLITests/Golden/route"

/// The bundles of the manifests the tests route through, compiled once with the library and
/// written where `route` reads them; the folder is removed when the test process exits.
private enum RouteBundles {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sb-route-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: RouteBundles.folder) }
        for (name, path) in [
            ("multi-provider", "samples/multi-provider"), ("small-office", "samples/small-office"),
            ("edge-cases", "\(goldenFolder)/edge-cases.yaml"),
        ] {
            let found = ManifestFileFinder(baseDirectory: packageRoot.path).find([path])
            if let bundle = BundleCompiler().compile(found.inputs).bundle {
                try? Data(BundleEncoding.encode(bundle).bytes).write(to: url.appendingPathComponent("\(name).json"))
            }
        }
        return url
    }()

    static func path(_ name: String) -> String {
        folder.appendingPathComponent("\(name).json").path
    }
}

/// Runs `route` in-process with a captured console.
private func runRoute(
    _ bundle: String, _ number: String, busy: [String] = [], unregistered: [String] = [], inbound: String? = nil,
    caller: String? = nil, format: RouteFormat = .human
) -> (status: Int32, output: String, errors: String) {
    let console = Console.capturing()
    let request = RouteRequest(number: number, busy: busy, unregistered: unregistered, inbound: inbound, caller: caller)
    let status = RouteRunner(format: format).run(bundlePath: RouteBundles.path(bundle), request: request, console: console)
    return (status.rawValue, console.output, console.errors)
}

/// One dry run with a golden output file.
struct RouteCase: CustomTestStringConvertible, Sendable {
    var golden: String
    var bundle: String
    var number: String
    var busy: [String] = []
    var unregistered: [String] = []
    var inbound: String?
    var caller: String?
    var format: RouteFormat = .human
    var status: Int32

    var testDescription: String { golden }

    static let all: [RouteCase] = [
        // Explicit rule, first route: strip/prepend, the rule's caller ID over the provider's.
        RouteCase(golden: "routed.txt", bundle: "multi-provider", number: "0301234567", status: 0),
        // The provider's caller ID when the rule has none.
        RouteCase(golden: "provider-caller-id.txt", bundle: "multi-provider", number: "89161234567", status: 0),
        // northwind's 30 lines busy: the next route of the same rule.
        RouteCase(golden: "busy-fallthrough.txt", bundle: "multi-provider", number: "0301234567", busy: ["northwind=30"], status: 0),
        RouteCase(golden: "busy-fallthrough.json", bundle: "multi-provider", number: "0301234567", busy: ["northwind=30"], format: .json, status: 0),
        // Every route of `emergency` unusable: on to the generated rules.
        RouteCase(
            golden: "rule-fallthrough.txt", bundle: "multi-provider", number: "112", busy: ["northwind=30"],
            unregistered: ["acme"], status: 0),
        // The only provider's lines all busy: 503 with Retry-After.
        RouteCase(golden: "all-busy.txt", bundle: "small-office", number: "0301234567", busy: ["acme=4"], status: 1),
        RouteCase(golden: "all-busy.json", bundle: "small-office", number: "0301234567", busy: ["acme=4"], format: .json, status: 1),
        // Busy and not registered: unavailable, no Retry-After.
        RouteCase(golden: "unavailable.txt", bundle: "small-office", number: "0301234567", unregistered: ["acme"], status: 1),
        // A disabled and an outgoing-denied provider passed over.
        RouteCase(golden: "disabled-and-outgoing-denied.txt", bundle: "edge-cases", number: "0074951234567", status: 0),
        RouteCase(golden: "no-rule.txt", bundle: "edge-cases", number: "0301234567", status: 1),
        RouteCase(golden: "no-rule.json", bundle: "edge-cases", number: "0301234567", format: .json, status: 1),
        // Inbound.
        RouteCase(golden: "inbound-sales.txt", bundle: "multi-provider", number: "+4930123457", inbound: "northwind", status: 0),
        RouteCase(
            golden: "inbound-key-customer.txt", bundle: "multi-provider", number: "+74951234567", inbound: "acme",
            caller: "+4930555123", status: 0),
        RouteCase(
            golden: "inbound-key-customer.json", bundle: "multi-provider", number: "+74951234567", inbound: "acme",
            caller: "+4930555123", format: .json, status: 0),
        RouteCase(golden: "inbound-refused.txt", bundle: "multi-provider", number: "+4930123456", inbound: "budget-voip", status: 1),
        RouteCase(golden: "inbound-no-rule.txt", bundle: "edge-cases", number: "+4930300", inbound: "listen-only", status: 1),
    ]
}

@Suite struct RouteGoldenTests {
    @Test(arguments: RouteCase.all)
    func outputMatchesGolden(_ test: RouteCase) throws {
        let result = runRoute(
            test.bundle, test.number, busy: test.busy, unregistered: test.unregistered, inbound: test.inbound,
            caller: test.caller, format: test.format)
        #expect(result.status == test.status, "\(result.errors)")
        #expect(result.errors.isEmpty)
        let goldenPath = packageRoot.appendingPathComponent("\(goldenFolder)/\(test.golden)")
        if ProcessInfo.processInfo.environment["SWITCHBOARD_UPDATE_GOLDEN"] != nil {
            try Data(result.output.utf8).write(to: goldenPath)
        }
        let golden = try #require(FileManager.default.contents(atPath: goldenPath.path), "missing \(test.golden)")
        #expect(result.output == String(decoding: golden, as: UTF8.self),
            "regenerate with: SWITCHBOARD_UPDATE_GOLDEN=1 swift test --filter RouteGoldenTests")
    }

    @Test func jsonOutputIsOneDocument() throws {
        for test in RouteCase.all where test.format == .json {
            let output = runRoute(test.bundle, test.number, busy: test.busy, inbound: test.inbound, caller: test.caller, format: .json).output
            let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            #expect(object["version"] as? Int == 1)
        }
    }

    /// docs/routing.md shows real output: the worked example is the golden files.
    @Test func theDocumentationShowsTheGoldenOutput() throws {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/routing.md"), encoding: .utf8)
        for golden in ["routed.txt", "busy-fallthrough.txt", "rule-fallthrough.txt", "inbound-sales.txt", "all-busy.txt"] {
            let output = try String(contentsOf: packageRoot.appendingPathComponent("\(goldenFolder)/\(golden)"), encoding: .utf8)
            #expect(doc.contains(output), "copy \(golden) into the worked example of docs/routing.md")
        }
    }
}

@Suite struct RouteUsageTests {
    @Test(arguments: [
        (["ghost=1"], [], "switchboard: --busy ghost=1: the bundle has no provider `ghost`\n"),
        (["acme=9"], [], "switchboard: --busy acme=9: `acme` has 8 lines\n"),
        (["acme=-1"], [], "switchboard: --busy acme=-1: the count must be a whole number, 0 or more\n"),
        (["acme=two"], [], "switchboard: --busy acme=two: the count must be a whole number, 0 or more\n"),
        (["acme=+1"], [], "switchboard: --busy acme=+1: the count must be a whole number, 0 or more\n"),
        (["acme"], [], "switchboard: --busy acme: write PROVIDER=N\n"),
        (["acme=1", "acme=2"], [], "switchboard: --busy acme=2: `acme` is given twice\n"),
        ([], ["ghost"], "switchboard: --unregistered ghost: the bundle has no provider `ghost`\n"),
        ([], ["northwind"], "switchboard: --unregistered northwind: `northwind` is a trunk; trunks do not register\n"),
    ] as [([String], [String], String)])
    func badScenarioIsAUsageError(_ busy: [String], _ unregistered: [String], _ message: String) {
        let result = runRoute("multi-provider", "0301234567", busy: busy, unregistered: unregistered)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors == message)
    }

    @Test func busyCountsUpToTheLimitAndAnyOnUnlimitedAreAccepted() {
        // Unlimited lines are never all busy, however many are given.
        let unlimited = runRoute("multi-provider", "0301234567", busy: ["acme=0", "northwind=30", "budget-voip=100000"])
        #expect(unlimited.status == 0)
        #expect(unlimited.output.hasPrefix("routed: 0301234567 → budget-voip as +49301234567\n"))
        #expect(runRoute("multi-provider", "0301234567", busy: ["legacy=5"]).status == 0)
    }

    @Test(arguments: [
        ("abc", nil, nil, "switchboard: NUMBER `abc` is not a number: use digits, * and #, with an optional leading +\n"),
        ("", nil, nil, "switchboard: NUMBER `` is not a number: use digits, * and #, with an optional leading +\n"),
        ("+", nil, nil, "switchboard: NUMBER `+` is not a number: use digits, * and #, with an optional leading +\n"),
        ("030 1234", nil, nil, "switchboard: NUMBER `030 1234` is not a number: use digits, * and #, with an optional leading +\n"),
        ("112", nil, "+49", "switchboard: --caller goes with --inbound\n"),
        ("112", "acme", "anonymous", "switchboard: --caller `anonymous` is not a number: use digits, * and #, with an optional leading +\n"),
        ("112", "ghost", nil, "switchboard: --inbound ghost: the bundle has no provider `ghost`\n"),
    ] as [(String, String?, String?, String)])
    func badNumbersAndOptionsAreUsageErrors(_ number: String, _ inbound: String?, _ caller: String?, _ message: String) {
        let result = runRoute("multi-provider", number, inbound: inbound, caller: caller)
        #expect(result.status == 2)
        #expect(result.errors == message)
    }

    @Test func outboundOptionsDoNotGoWithInbound() {
        let result = runRoute("multi-provider", "+4930123457", busy: ["acme=1"], inbound: "northwind")
        #expect(result.status == 2)
        #expect(result.errors == "switchboard: --busy and --unregistered apply to outbound calls, not with --inbound\n")
    }

    @Test func dialCharactersAreNumbers() {
        #expect(runRoute("multi-provider", "*21#").status == 0)
        #expect(runRoute("multi-provider", "+4930123456").status == 0)
    }

    @Test func unreadableOrTamperedBundleIsExitTwo() throws {
        let console = Console.capturing()
        let missing = RouteRunner().run(bundlePath: "/no/such/bundle.json", request: RouteRequest(number: "112"), console: console)
        #expect(missing == ExitStatus.usageOrIO)
        #expect(console.errors == "switchboard: cannot read the bundle /no/such/bundle.json\n")

        let original = try String(contentsOfFile: RouteBundles.path("small-office"), encoding: .utf8)
        let tampered = RouteBundles.folder.appendingPathComponent("tampered.json")
        try original.replacingOccurrences(of: "\"lines\": 4", with: "\"lines\": 40").write(to: tampered, atomically: true, encoding: .utf8)
        let tamperedConsole = Console.capturing()
        let status = RouteRunner().run(bundlePath: tampered.path, request: RouteRequest(number: "112"), console: tamperedConsole)
        #expect(status == ExitStatus.usageOrIO)
        #expect(tamperedConsole.errors.contains("does not match its content"))
        #expect(tamperedConsole.output.isEmpty)
    }
}

@Suite struct RouteExecutableTests {
    @Test func exitStatusesOfTheRealBinary() throws {
        let bundle = RouteBundles.path("small-office")
        #expect(try runSwitchboard(["route", bundle, "0301234567"]).status == 0)
        let busy = try runSwitchboard(["route", bundle, "0301234567", "--busy", "acme=4"])
        #expect(busy.status == 1)
        #expect(busy.output.contains("503 Service Unavailable, Retry-After: 30"))
        let usage = try runSwitchboard(["route", bundle, "0301234567", "--busy", "acme=5"])
        #expect(usage.status == 2)
        #expect(usage.errors == "switchboard: --busy acme=5: `acme` has 4 lines\n")
        #expect(try runSwitchboard(["route", bundle]).status == 2)
        #expect(try runSwitchboard(["route", bundle, "112", "--format", "xml"]).status == 2)
    }
}
