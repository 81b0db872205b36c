import Logging
import NIOCore
import SIP

/// Runs the registration clients on one event loop: starts and stops them as the bundle says,
/// carries out their actions (resolve and send, timers, statuses), hands each response to the
/// client whose Call-ID it carries, and each report of an unreachable address to the clients
/// whose request is on its way there. Every method runs on that loop.
final class RegistrationCoordinator {
    /// One client and what its driver keeps for it.
    final class Runner {
        var client: RegistrationClient
        var timer: Scheduled<Void>?
        /// The next hop and its address, resolved once per attempt (forgotten after a failure,
        /// resolved again when the next hop changes).
        var resolved: (target: RegistrationTarget, address: SocketAddress)?
        /// The Call-ID responses are routed to this runner by: the client's, followed when a
        /// move to another server changes it.
        var callID: String?
        var stopping = false
        /// When stopping: the settings to register with once the old registration is gone.
        var successor: ProviderRegistrationSettings?

        init(client: RegistrationClient) {
            self.client = client
        }

        var provider: String { client.settings.provider }
    }

    private let transport: RegistrationTransport
    private let endpoint: RegistrationEndpoint
    private let policy: RegistrationPolicy
    private let random: RegistrationRandom
    private let board: RegistrationBoard
    private let logger: Logger
    private var runners: [String: Runner] = [:]
    private var byCallID: [String: Runner] = [:]
    private var drained: EventLoopPromise<Void>?

    init(
        transport: RegistrationTransport, endpoint: RegistrationEndpoint, policy: RegistrationPolicy,
        random: RegistrationRandom, board: RegistrationBoard, logger: Logger
    ) {
        self.transport = transport
        self.endpoint = endpoint
        self.policy = policy
        self.random = random
        self.board = board
        self.logger = logger
    }

    private var loop: any EventLoop { transport.loop }

    /// The window first attempts are spread over: 50 ms a provider, at most 5 s.
    static func spread(count: Int) -> TimeAmount {
        .milliseconds(Int64(min(count, 100)) * 50)
    }

    // MARK: Bundle

    /// Makes the running registrations match `wanted` (see `RegistrationReloadPlan`).
    func apply(_ wanted: [ProviderRegistrationSettings]) {
        let current = runners.compactMapValues { $0.stopping ? $0.successor : $0.client.settings }
        var plan = RegistrationReloadPlan(current: current, wanted: wanted)
        let added = plan.decisions.values.filter { if case .add = $0 { true } else { false } }.count
        let spread = Self.spread(count: added)
        let names = wanted.map(\.provider)
        board.setOrder(names + runners.keys.filter { !names.contains($0) }.sorted())
        for name in names + runners.keys.sorted() {
            guard let decision = plan.decisions.removeValue(forKey: name) else { continue }
            switch decision {
            case .keep:
                break
            case .add(let settings) where runners[name] == nil:
                start(settings, spread: spread)
            case .add(let settings), .replace(let settings):
                guard let runner = runners[name] else { continue }
                runner.successor = settings
                stop(runner)
            case .remove:
                guard let runner = runners[name] else { continue }
                runner.successor = nil
                stop(runner)
            }
        }
    }

    /// Stops every registration (unregistering where needed); the future completes when all
    /// have finished, or after the unregistration timeout and a second more.
    func stopAll() -> EventLoopFuture<Void> {
        for runner in runners.values {
            runner.successor = nil
            stop(runner)
        }
        guard !runners.isEmpty else { return loop.makeSucceededVoidFuture() }
        let promise = drained ?? loop.makePromise()
        drained = promise
        let giveUp = loop.assumeIsolated().scheduleTask(in: policy.unregisterTimeout + .seconds(1)) { promise.succeed() }
        promise.futureResult.whenComplete { _ in giveUp.cancel() }
        return promise.futureResult
    }

    /// Cancels every timer and closes the sockets (after `stopAll`).
    func close() -> EventLoopFuture<Void> {
        for runner in runners.values { runner.timer?.cancel() }
        runners = [:]
        byCallID = [:]
        return transport.close()
    }

    /// A response from any socket: to the client with its Call-ID.
    func receive(_ message: SIPMessage) {
        guard let callID = try? message.headers.callID, let runner = byCallID[callID] else { return }
        perform(runner) { $0.response(message, now: .now()) }
    }

    /// `address` cannot be reached over `transport` (an ICMP error on its UDP path, its TCP
    /// connection closed): a transport error for every client whose request is on its way
    /// there. Clients sending elsewhere are not touched.
    func unreachable(_ address: SocketAddress, transport: SIPTransport, why: String) {
        for runner in Array(runners.values) {
            guard let resolved = runner.resolved, resolved.address == address, resolved.target.transport == transport else {
                continue
            }
            perform(runner) { $0.transportFailed(now: .now(), target: resolved.target, reason: "\(resolved.target) is unreachable: \(why)") }
        }
    }

    // MARK: Clients

    private func start(_ settings: ProviderRegistrationSettings, spread: TimeAmount) {
        let client = RegistrationClient(
            settings: settings, endpoint: endpoint, contactUser: board.token(for: settings.provider), policy: policy,
            random: random)
        let runner = Runner(client: client)
        runners[settings.provider] = runner
        perform(runner) { $0.start(now: .now(), spread: spread) }
    }

    private func stop(_ runner: Runner) {
        guard !runner.stopping else { return }
        runner.stopping = true
        perform(runner) { $0.stop(now: .now()) }
    }

    /// Feeds one event to the runner's client and carries out what it asks.
    private func perform(_ runner: Runner, _ event: (inout RegistrationClient) -> [RegistrationAction]) {
        let actions = event(&runner.client)
        route(runner)
        for action in actions {
            switch action {
            case .send(let message, let target):
                send(message, to: target, for: runner)
            case .schedule(let deadline):
                runner.timer?.cancel()
                runner.timer = loop.assumeIsolated().scheduleTask(deadline: deadline) { [weak self] in
                    self?.perform(runner) { $0.timerFired(now: .now()) }
                }
            case .cancelTimer:
                runner.timer?.cancel()
                runner.timer = nil
            case .statusChanged(let status):
                publish(status, for: runner)
            case .finished:
                finished(runner)
            }
        }
    }

    /// Keeps `byCallID` pointing at the runner by its client's current Call-ID.
    private func route(_ runner: Runner) {
        guard runners[runner.provider] === runner, runner.callID != runner.client.callID else { return }
        if let old = runner.callID, byCallID[old] === runner { byCallID[old] = nil }
        runner.callID = runner.client.callID
        if let callID = runner.callID { byCallID[callID] = runner }
    }

    private func send(_ message: SIPMessage, to target: RegistrationTarget, for runner: Runner) {
        if let resolved = runner.resolved, resolved.target == target {
            write(message, to: resolved.address, target: target, for: runner)
            return
        }
        forgetAddress(of: runner)
        TargetResolver.resolve(target, family: transport.family, on: loop).assumeIsolated().whenComplete { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let address):
                runner.resolved = (target, address)
                self.write(message, to: address, target: target, for: runner)
            case .failure(let error):
                self.perform(runner) { $0.transportFailed(now: .now(), target: target, reason: "\(error)") }
            }
        }
    }

    private func write(_ message: SIPMessage, to address: SocketAddress, target: RegistrationTarget, for runner: Runner) {
        transport.send(message, to: address, transport: target.transport).assumeIsolated().whenFailure { [weak self] error in
            guard let self else { return }
            // Over TCP the connection could not be opened or is gone: the request is lost. Over
            // UDP the kernel may refuse the send at once for an unreachable target (an ICMP
            // error kept from the last datagram, no route); other UDP write errors are left to
            // the transaction's timers, like a lost datagram.
            guard target.transport == .tcp || TransportFailure.isUnreachable(error) else {
                self.logger.debug("send failed", metadata: ["provider": "\(runner.provider)", "error": "\(error)"])
                return
            }
            self.perform(runner) {
                $0.transportFailed(now: .now(), target: target, reason: "\(target) is unreachable: \(TransportFailure.describe(error))")
            }
        }
    }

    /// Forgets the runner's resolved next hop, and closes UDP paths nobody uses any more.
    private func forgetAddress(of runner: Runner) {
        guard runner.resolved != nil else { return }
        runner.resolved = nil
        transport.closeFlows(except: Set(runners.values.compactMap { $0.resolved?.address }))
    }

    private func publish(_ status: ProviderRegistrationStatus, for runner: Runner) {
        guard runners[runner.provider] === runner else { return }
        if case .backingOff = status.state { forgetAddress(of: runner) }
        let previous = board.publish(status)
        if let previous, previous.server != status.server || previous.target != status.target {
            var metadata: Logger.Metadata = ["provider": "\(status.provider)", "server": "\(status.server)"]
            if status.target != status.server { metadata["proxy"] = "\(status.target)" }
            if let failure = status.lastFailure { metadata["reason"] = "\(failure)" }
            logger.info("provider registration changes server", metadata: metadata)
        }
        guard previous?.state != status.state else { return }
        var metadata: Logger.Metadata = [
            "provider": "\(status.provider)", "state": "\(status.state)",
            "code": "\(status.lastResponse.map { String($0.code) } ?? "-")",
        ]
        if case .registered = status.state, let expires = status.grantedExpires { metadata["expires"] = "\(expires)" }
        switch status.state {
        case .failed, .forbidden, .unsupported: logger.error("provider registration", metadata: metadata)
        case .backingOff: logger.warning("provider registration", metadata: metadata)
        default: logger.info("provider registration", metadata: metadata)
        }
    }

    private func finished(_ runner: Runner) {
        runner.timer?.cancel()
        runner.timer = nil
        if let callID = runner.callID, byCallID[callID] === runner { byCallID[callID] = nil }
        guard runners[runner.provider] === runner else { return }
        runners[runner.provider] = nil
        forgetAddress(of: runner)
        if let successor = runner.successor {
            start(successor, spread: .zero)
        } else {
            board.remove(runner.provider)
        }
        if runners.isEmpty, let drained {
            self.drained = nil
            drained.succeed()
        }
    }
}
