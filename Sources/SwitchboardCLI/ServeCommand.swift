import ArgumentParser
import Dispatch
import Foundation
import Logging
import ProviderRegistration
import Registrar
import SIPDigest

/// `switchboard serve BUNDLE` — the SIP registrar.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a compiled bundle: the SIP registrar for the extensions (UDP and TCP), registered at the standard providers.",
        discussion: """
            Secrets are read from the environment or files when the bundle is loaded; a missing one
            stops the start with the extension or provider it belongs to. Every enabled standard
            provider is registered at, with the first listen address (or the provider's
            registration_ip) as Contact. SIGHUP reloads the bundle (an invalid one is refused and
            the running one keeps serving; only providers whose settings changed register again);
            SIGTERM and SIGINT unregister from the providers and shut down.

            Bindings are written to an SQLite file (--bindings, by default the bundle's path with \
            .bindings.sqlite appended) before each 200 is sent, and restored at start: a restart, \
            even a kill -9, forgets no acknowledged registration.

            The status endpoint (`switchboard status`, or GET /status) listens on --control, \
            127.0.0.1:5065 by default. It has no authentication, so only a loopback address is \
            accepted; `--control none` turns it off.
            """
    )

    @Argument(help: "The bundle written by `switchboard compile`.")
    public var bundle: String

    @Option(name: .customLong("listen"), help: "Address to listen on for UDP and TCP, host:port (repeatable).")
    public var listen: [String] = ["127.0.0.1:5060"]

    @Option(name: .customLong("domain"), help: "SIP domain served (repeatable); default: the listen addresses and localhost.")
    public var domains: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    public var logLevel: String = "info"

    @Option(help: "Shortest registration accepted, in seconds (shorter ones get 423).")
    public var minExpires: Int = 60

    @Option(help: "Longest registration granted, in seconds.")
    public var maxExpires: Int = 3600

    @Option(help: "Most contacts one extension may register.")
    public var maxContacts: Int = 10

    @Option(help: "Value of a Server header in responses; none by default.")
    public var serverHeader: String?

    @Option(help: """
        Digest algorithms offered, in order (md5, sha-256). MD5 comes first by default because \
        most phones, SIPp and sipsak answer only the first challenge and know only MD5.
        """)
    public var digestAlgorithms: String = "md5,sha-256"

    @Option(help: "Status endpoint (HTTP, loopback only): host:port, port 0 for any free one, or none.")
    public var control: String = ControlOption.defaultValue

    @Option(help: """
        The bindings database (SQLite), so registrations survive a restart; `none` keeps them in \
        memory only. Default: <bundle>.bindings.sqlite beside the bundle.
        """)
    public var bindings: String?

    @Option(help: "Event loop threads; default: one per core.")
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    public init() {}

    /// The status endpoint's address; nil for `--control none` (checked by `validate()`).
    private var controlAddress: ListenAddress? {
        control == ControlOption.off ? nil : ControlOption.parse(control)
    }

    public func validate() throws {
        for address in listen where ListenAddress(address) == nil {
            throw ValidationError("--listen \(address) is not host:port")
        }
        if control != ControlOption.off {
            guard let address = ControlOption.parse(control) else {
                throw ValidationError("--control \(control) is not host:port or none")
            }
            guard address.isLoopback else {
                throw ValidationError("--control \(control): \(StatusEndpoint.NotLoopback(address: address))")
            }
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown log level \(logLevel)") }
        guard minExpires > 0, maxExpires >= minExpires else { throw ValidationError("need 0 < --min-expires ≤ --max-expires") }
        guard maxContacts > 0, threads > 0 else { throw ValidationError("--max-contacts and --threads must be positive") }
        guard let algorithms = Self.algorithms(digestAlgorithms), !algorithms.isEmpty, Set(algorithms).count == algorithms.count else {
            throw ValidationError("--digest-algorithms takes md5 and/or sha-256, comma-separated, each once")
        }
    }

    public func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "switchboard.registrar")
        let configuration: ServeConfiguration
        do {
            configuration = try ServeConfiguration.load(bundleAt: bundle, environment: ProcessInfo.processInfo.environment)
        } catch {
            Console.standard().writeError("switchboard: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        let addresses = listen.compactMap { ListenAddress($0) }
        let served = domains.isEmpty ? Set(addresses.map(\.host) + ["localhost"]) : Set(domains)
        var policy = RegistrarPolicy(domains: served)
        policy.minExpires = minExpires
        policy.maxExpires = maxExpires
        policy.defaultExpires = maxExpires
        policy.maxContactsPerAddressOfRecord = maxContacts
        let realm = domains.first ?? addresses.first?.host ?? "switchboard"
        let state = RegistrarState(configuration: configuration.registrar, policy: policy)
        let location: LocationService
        do {
            location = try ServeBindings.location(
                at: ServeBindings.path(bindings, bundle: bundle), state: state, now: RegistrarClock.system.now(), logger: logger)
        } catch {
            Console.standard().writeError("switchboard: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        let processor = RequestProcessor(
            state: state, location: location,
            authenticator: DigestAuthenticator(realm: realm, algorithms: Self.algorithms(digestAlgorithms) ?? [.md5]),
            logger: logger, serverHeader: serverHeader)

        let server: RegistrarServer
        do {
            server = try await RegistrarServer.start(processor: processor, listen: addresses, threads: threads)
        } catch {
            Console.standard().writeError("switchboard: cannot listen: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        let registrations: ProviderRegistrations
        do {
            registrations = try await startRegistrations(configuration.providers, server: server, listen: addresses)
        } catch {
            Console.standard().writeError("switchboard: cannot start the provider registrations: \(error)\n")
            await server.shutdown()
            throw ExitStatus.usageOrIO
        }
        processor.state.attach(presence: RegisteredProviders(registrations))
        var status = ControlOption.off
        if let controlAddress {
            do {
                status = try await server.openStatusEndpoint(
                    at: controlAddress,
                    source: {
                        server.statusReport { bundle in ProviderStatusRows.rows(of: bundle, registrations: registrations.statuses()) }
                    },
                    routes: { query in
                        let snapshot = processor.state.snapshot
                        return LiveRoutes.answer(query, bundle: snapshot.configuration.bundle, isRegistered: snapshot.presence.isRegistered)
                    }
                ).description
            } catch {
                Console.standard().writeError(
                    "switchboard: cannot listen on the status address \(controlAddress): \(error); "
                        + "choose another with --control HOST:PORT, or --control none\n")
                await registrations.shutdown()
                await server.shutdown()
                throw ExitStatus.usageOrIO
            }
        }
        let listening = server.boundAddresses.map { ListenAddress($0)?.description ?? "\($0)" }
        logger.info("serving", metadata: [
            "listen": "\(listening.joined(separator: " "))", "control": "\(status)",
            "extensions": "\(configuration.registrar.passwords.count)", "providers": "\(configuration.providers.count)",
            "digest": "\(configuration.registrar.bundleDigest)", "realm": "\(realm)",
        ])
        for await signal in SignalStream.signals([SIGHUP, SIGTERM, SIGINT]) {
            if signal == SIGHUP {
                reload(server: server, registrations: registrations, logger: logger)
            } else {
                logger.info("shutting down", metadata: ["signal": "\(signal)"])
                break
            }
        }
        await registrations.shutdown()
        await server.shutdown()
    }

    /// Registers at the providers from a socket on the first listen IP, with the first listen
    /// address (the port actually bound) as Contact.
    private func startRegistrations(
        _ providers: [ProviderRegistrationSettings], server: RegistrarServer, listen: [ListenAddress]
    ) async throws -> ProviderRegistrations {
        let first = listen[0]
        let port = server.boundAddresses.first { $0.port != nil }?.port ?? first.port
        return try await ProviderRegistrations.start(
            providers, contactHost: first.host, contactPort: port, bindHost: first.host,
            logger: Logger(label: "switchboard.providers"))
    }

    /// SIGHUP: the bundle is loaded again, and put in force for the registrar and the provider
    /// registrations together, or refused as a whole.
    private func reload(server: RegistrarServer, registrations: ProviderRegistrations, logger: Logger) {
        let configuration: ServeConfiguration
        do {
            configuration = try ServeConfiguration.load(bundleAt: bundle, environment: ProcessInfo.processInfo.environment)
        } catch {
            logger.error("reload refused, keeping the running bundle", metadata: ["reason": "\(error)"])
            return
        }
        server.apply(configuration.registrar, from: bundle)
        registrations.reload(configuration.providers)
    }
}

extension ServeCommand {
    /// `md5,sha-256` → the algorithms in that order; nil if a name is unknown.
    static func algorithms(_ list: String) -> [DigestAuthAlgorithm]? {
        var result: [DigestAuthAlgorithm] = []
        for name in list.split(separator: ",") {
            guard let algorithm = DigestAuthAlgorithm(token: name.trimmingCharacters(in: .whitespaces)) else { return nil }
            result.append(algorithm)
        }
        return result
    }
}

/// Unix signals as an async sequence (dispatch sources, so no handler runs in signal context).
enum SignalStream {
    static func signals(_ numbers: [Int32]) -> AsyncStream<Int32> {
        AsyncStream { continuation in
            let sources = Sources(numbers.map { number -> any DispatchSourceSignal in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { continuation.yield(number) }
                source.resume()
                return source
            })
            continuation.onTermination = { _ in sources.cancel() }
        }
    }

    /// Dispatch sources are thread-safe but not marked `Sendable`; cancelling is all that is
    /// done with them after creation.
    private final class Sources: @unchecked Sendable {
        private let sources: [any DispatchSourceSignal]

        init(_ sources: [any DispatchSourceSignal]) {
            self.sources = sources
        }

        func cancel() {
            sources.forEach { $0.cancel() }
        }
    }
}
