import NIOCore
import SIP

/// The registration at one standard provider, as a state machine without I/O and without a
/// clock: the driver feeds it events with the current time and carries out the actions it
/// returns (send a message, set the one timer, publish the status). So every timeline can be
/// tested with a manual clock.
///
/// The rules (docs/providers.md tells them in full):
/// - One Call-ID and From tag for the client's life, CSeq one higher and a new branch on every
///   request; a retransmission is the same request again (RFC 3261 §17.1.2).
/// - 401/407 are answered from the password (`ChallengeAnswers`); the answers are kept and sent
///   again, nonce count up, on later requests. A second challenge in one attempt, without
///   `stale=true`, for a kind just answered means the credentials are wrong: `failed`, nothing
///   more is sent. `stale=true` is answered at once.
/// - 200: registered for what the provider granted (`GrantedExpiry`); the refresh is scheduled
///   at `RegistrationPolicy.refreshDelay(granted:)`.
/// - 403: `forbidden`, permanently. 423: again at once with `Min-Expires`, unless that is above
///   `RegistrationPolicy.maximumExpires`.
/// - Failover (`ServerRotation`): no final response (Timer F), a transport error, 408 and 5xx say
///   "this server cannot serve us now": the next of the provider's servers is tried at once, and
///   only after a whole round of them the backoff applies. With a proxy only 408 and 5xx move on
///   (the proxy answers them for a registrar it could not reach); the proxy's own silence or
///   transport errors would be the same for every server. A new server means a new dialogue
///   (`RegistrationDialogue`: new Call-ID, From tag, CSeq start, no kept answers).
/// - Every other final response (3xx, other 4xx, 6xx): back off (`RetryBackoff`) at the same
///   server. Never sooner than a server's `Retry-After`.
/// - `stop`: if a server may hold our binding, REGISTER with `Expires: 0` there, bounded by
///   `RegistrationPolicy.unregisterTimeout`; then `finished`.
public struct RegistrationClient: Sendable {
    public let settings: ProviderRegistrationSettings
    public let policy: RegistrationPolicy
    public private(set) var status: ProviderRegistrationStatus

    private let random: RegistrationRandom
    /// The servers requests may go to, in failover order; empty when `setupProblem` is set.
    private let servers: [RegistrationServer]
    private let local: RegisterRequestFactory.Local?
    private var rotation: ServerRotation
    /// The registration at the current server; nil only when `setupProblem` is set.
    private var dialogue: RegistrationDialogue?
    /// The registration at a server that still holds our binding after a failure moved us away
    /// from it: the unregistration goes there, and a return to that server continues it.
    private var heldBinding: RegistrationDialogue?
    /// Why the client cannot register at all (TLS, an address that makes no URI).
    private var setupProblem: ProviderRegistrationState?
    private var phase = Phase.notStarted
    /// What `Expires` asks for: the bundle's value, raised by a 423.
    private var requestedExpires: Int
    /// Backoffs since the last success: each is a failed round of servers, or a failure no other
    /// server would cure.
    private var consecutiveFailures = 0
    /// Until when a server holds our binding, as far as we know (`heldBinding`'s when set, else
    /// the current dialogue's).
    private var bindingExpiresAt: NIODeadline?

    private enum Phase: Sendable {
        case notStarted
        /// The next REGISTER is due then (the first attempt, a refresh, a retry).
        case waiting(until: NIODeadline)
        case inFlight(Transaction)
        /// Failed, forbidden or unsupported: nothing more is sent.
        case halted
        case finished
    }

    /// The one request on its way.
    private struct Transaction: Sendable {
        var message: SIPMessage
        var branch: String
        var cseq: UInt32
        var expires: Int
        var timers: ClientTransactionTimers
        /// Kinds whose credentials in this request answer a challenge received in this attempt
        /// (not ones kept from an earlier attempt).
        var freshAnswers: Set<ChallengeKind>
        /// Requests sent in this attempt, this one included.
        var requestsInAttempt: Int

        var isUnregistration: Bool { expires == 0 }
    }

    /// - Parameters:
    ///   - contactUser: the token in our Contact's user part, by which inbound requests are
    ///     mapped back to this provider.
    public init(
        settings: ProviderRegistrationSettings, endpoint: RegistrationEndpoint, contactUser: String,
        policy: RegistrationPolicy = RegistrationPolicy(), random: RegistrationRandom = .system
    ) {
        self.settings = settings
        self.policy = policy
        self.random = random
        requestedExpires = settings.expires
        let first = settings.servers.first.map { RegistrationTarget(settings.proxy ?? $0) }
            ?? RegistrationTarget(host: "", port: Int(SIPTransport.udp.defaultPort), transport: .udp)
        status = ProviderRegistrationStatus(
            provider: settings.provider, state: .idle, target: first,
            server: settings.servers.first.map(RegistrationTarget.init) ?? first)
        do throws(RegistrationServer.Problem) {
            servers = try RegistrationServer.usable(settings.servers, proxy: settings.proxy)
        } catch {
            servers = []
            setupProblem = error.state
        }
        rotation = ServerRotation(count: servers.count)
        do {
            local = try RegisterRequestFactory.Local(
                endpoint: endpoint, registrationIP: settings.registrationIP, contactUser: contactUser)
        } catch {
            local = nil
            setupProblem = setupProblem ?? .failed(reason: error.reason)
        }
        guard setupProblem == nil else { return }
        dialogue = newDialogue(server: 0)
        showServer()
    }

    /// The Call-ID of the current registration: responses are matched to clients by it. It
    /// changes when a failure moves the registration to another server.
    public var callID: String? { dialogue?.factory.callID }

    // MARK: Events

    /// Starts registering: the first REGISTER goes out at a random moment within `spread` of
    /// `now` (so many providers do not all start at once), or at once when `spread` is zero.
    public mutating func start(now: NIODeadline, spread: TimeAmount = .zero) -> [RegistrationAction] {
        guard case .notStarted = phase else { return [] }
        if let setupProblem { return halt(setupProblem) }
        let first = now + .nanoseconds(Int64(Double(spread.nanoseconds) * random.fraction()))
        guard first > now else { return beginAttempt(now: now) }
        phase = .waiting(until: first)
        return changed(to: .registering, nextAttempt: first) + [.schedule(at: first)]
    }

    /// A response arrived. Responses to anything but the request on its way are ignored.
    public mutating func response(_ message: SIPMessage, now: NIODeadline) -> [RegistrationAction] {
        guard case .inFlight(var transaction) = phase, let line = message.statusLine, matches(message, transaction) else {
            return []
        }
        if line.statusCode < 200 {
            transaction.timers.proceeding(now: now)
            phase = .inFlight(transaction)
            return [.schedule(at: transaction.timers.nextEvent)]
        }
        status.lastResponse = SIPResponseStatus(code: line.statusCode, reasonPhrase: line.reasonPhrase)
        if let kind = ChallengeKind(statusCode: line.statusCode) {
            return challenged(message, kind: kind, transaction: transaction, now: now)
        }
        if transaction.isUnregistration { return finish() }
        let reason = "\(line.statusCode) \(line.reasonPhrase)"
        switch line.statusCode {
        case 200..<300:
            return registered(message, now: now)
        case 403:
            return halt(.forbidden)
        case 423:
            return intervalTooBrief(message, transaction: transaction, now: now)
        case 408, 500..<600:
            // The server (or the proxy on its behalf) cannot serve us now; RFC 3261 §21.6.4 does
            // not tie a 6xx to one server, so a 6xx stays below.
            return serverFailed(now: now, reason: reason, retryAfter: try? message.headers.retryAfter)
        default:
            return backOff(now: now, reason: reason, retryAfter: try? message.headers.retryAfter)
        }
    }

    /// The timer set by the last `schedule` action fired.
    public mutating func timerFired(now: NIODeadline) -> [RegistrationAction] {
        switch phase {
        case .waiting(let until):
            guard now >= until else { return [.schedule(at: until)] }
            return beginAttempt(now: now)
        case .inFlight(var transaction):
            switch transaction.timers.fire(now: now) {
            case .nothing:
                return [.schedule(at: transaction.timers.nextEvent)]
            case .retransmit:
                phase = .inFlight(transaction)
                return [.send(transaction.message, to: status.target), .schedule(at: transaction.timers.nextEvent)]
            case .timeout:
                return nextHopFailed(
                    now: now, reason: "no response from \(status.target) within \(Self.seconds(policy.transactionTimeout)) s")
            }
        case .notStarted, .halted, .finished:
            return []
        }
    }

    /// The request on its way cannot reach `target`: its name does not resolve, the connection
    /// was refused or reset, an ICMP unreachable came back (RFC 3261 §8.1.3.1: as a 503 from the
    /// next hop). `reason` says which. Ignored unless a request to `target` is on its way: a
    /// report about another address says nothing about this request.
    public mutating func transportFailed(now: NIODeadline, target: RegistrationTarget, reason: String) -> [RegistrationAction] {
        guard case .inFlight = phase, target == status.target else { return [] }
        return nextHopFailed(now: now, reason: reason)
    }

    /// Stops: unregisters when the provider may hold our binding (or a REGISTER is on its way),
    /// else finishes at once. Ends with the `finished` action.
    public mutating func stop(now: NIODeadline) -> [RegistrationAction] {
        var mayHoldBinding = holdsBinding(now: now)
        switch phase {
        case .finished:
            return []
        case .inFlight(let transaction):
            if transaction.isUnregistration { return [] }
            mayHoldBinding = true
        case .notStarted, .waiting, .halted:
            break
        }
        // The server known to hold the binding, rather than one a REGISTER is on its way to.
        if let heldBinding, holdsBinding(now: now) {
            dialogue = heldBinding
            self.heldBinding = nil
            showServer()
        }
        guard mayHoldBinding else { return finish() }
        return changed(to: .unregistering, nextAttempt: nil)
            + send(now: now, expires: 0, freshAnswers: [], requestsInAttempt: 1, deadline: now + policy.unregisterTimeout)
    }

    // MARK: Responses

    private mutating func registered(_ response: SIPMessage, now: NIODeadline) -> [RegistrationAction] {
        guard let dialogue else { return [] }
        let granted = GrantedExpiry.seconds(in: response, contact: dialogue.factory.contactURI, asked: requestedExpires)
        guard granted > 0 else { return backOff(now: now, reason: "the provider granted 0 seconds") }
        consecutiveFailures = 0
        status.lastFailure = nil
        rotation.succeeded()
        // A binding left at a server we moved away from lapses by itself.
        heldBinding = nil
        bindingExpiresAt = now + .seconds(Int64(granted))
        status.grantedExpires = granted
        let refresh = now + policy.refreshDelay(granted: granted)
        phase = .waiting(until: refresh)
        return changed(to: .registered, nextAttempt: refresh) + [.schedule(at: refresh)]
    }

    private mutating func challenged(
        _ response: SIPMessage, kind: ChallengeKind, transaction: Transaction, now: NIODeadline
    ) -> [RegistrationAction] {
        guard var dialogue else { return [] }
        let stale: Bool
        do {
            stale = try dialogue.answers.accept(response, kind: kind).challenge.stale
            self.dialogue = dialogue
        } catch {
            return transaction.isUnregistration ? finish() : halt(.failed(reason: "the challenge cannot be answered: \(error.reason)"))
        }
        if !stale && transaction.freshAnswers.contains(kind) {
            return transaction.isUnregistration ? finish() : halt(.failed(reason: "credentials rejected"))
        }
        guard transaction.requestsInAttempt < policy.maximumRequestsPerAttempt else {
            if transaction.isUnregistration { return finish() }
            return backOff(now: now, reason: "still challenged after \(transaction.requestsInAttempt) requests")
        }
        return send(
            now: now, expires: transaction.expires, freshAnswers: transaction.freshAnswers.union([kind]),
            requestsInAttempt: transaction.requestsInAttempt + 1,
            deadline: transaction.isUnregistration ? transaction.timers.deadline : nil)
    }

    private mutating func intervalTooBrief(
        _ response: SIPMessage, transaction: Transaction, now: NIODeadline
    ) -> [RegistrationAction] {
        guard let minimum = (try? response.headers.minExpires).flatMap({ $0 }).map(Int.init) else {
            return halt(.failed(reason: "423 without a valid Min-Expires"))
        }
        guard minimum > transaction.expires else {
            return halt(.failed(reason: "423 with Min-Expires \(minimum) s, not more than the \(transaction.expires) s asked"))
        }
        guard minimum <= policy.maximumExpires else {
            return halt(.failed(reason: "the provider demands at least \(minimum) s (Min-Expires), more than the \(policy.maximumExpires) s this client accepts"))
        }
        guard transaction.requestsInAttempt < policy.maximumRequestsPerAttempt else {
            return backOff(now: now, reason: "still refused after \(transaction.requestsInAttempt) requests")
        }
        requestedExpires = minimum
        return send(
            now: now, expires: minimum, freshAnswers: transaction.freshAnswers,
            requestsInAttempt: transaction.requestsInAttempt + 1, deadline: nil)
    }

    // MARK: Failures

    /// Timer F or a transport error: with a proxy every server is behind the same silent or
    /// unreachable next hop, so only the backoff helps; without one, the server has failed.
    private mutating func nextHopFailed(now: NIODeadline, reason: String) -> [RegistrationAction] {
        guard case .inFlight(let transaction) = phase else { return [] }
        if transaction.isUnregistration { return finish() }
        guard settings.proxy == nil else { return backOff(now: now, reason: reason) }
        return serverFailed(now: now, reason: reason)
    }

    /// The current server cannot serve us now: the next server at once (once its `Retry-After`
    /// has passed), or the backoff when every server has failed in this round.
    private mutating func serverFailed(now: NIODeadline, reason: String, retryAfter: UInt32? = nil) -> [RegistrationAction] {
        if let retryAfter { rotation.retryAfter(now + .seconds(Int64(retryAfter))) }
        status.lastFailure = reason
        let step = rotation.serverFailed()
        moveToCurrentServer(now: now)
        guard step == .nextServer else { return backOff(now: now, reason: reason) }
        let next = rotation.earliestAttempt(after: now)
        guard next > now else { return beginAttempt(now: now) }
        phase = .waiting(until: next)
        return changed(to: .backingOff(reason: reason), nextAttempt: next) + [.schedule(at: next)]
    }

    /// Waits for the backoff (and the server's `Retry-After`), then tries the current server.
    private mutating func backOff(now: NIODeadline, reason: String, retryAfter: UInt32? = nil) -> [RegistrationAction] {
        if let retryAfter { rotation.retryAfter(now + .seconds(Int64(retryAfter))) }
        rotation.backedOff()
        status.lastFailure = reason
        consecutiveFailures += 1
        let delay = policy.backoff.delay(failures: consecutiveFailures, fraction: random.fraction())
        let next = max(now + delay, rotation.earliestAttempt(after: now))
        phase = .waiting(until: next)
        return changed(to: .backingOff(reason: reason), nextAttempt: next) + [.schedule(at: next)]
    }

    /// Follows the rotation to its current server: a new dialogue there, or the one that holds
    /// our binding when the rotation came back to its server. A binding still held where we
    /// leave is remembered for the unregistration.
    private mutating func moveToCurrentServer(now: NIODeadline) {
        guard let current = dialogue, current.server != rotation.current else { return }
        if heldBinding == nil, holdsBinding(now: now) { heldBinding = current }
        if let held = heldBinding, held.server == rotation.current {
            dialogue = held
            heldBinding = nil
        } else {
            dialogue = newDialogue(server: rotation.current)
        }
        showServer()
    }

    private func newDialogue(server: Int) -> RegistrationDialogue? {
        guard let local, servers.indices.contains(server) else { return nil }
        return RegistrationDialogue(
            server: server, factory: RegisterRequestFactory(server: servers[server], local: local, login: settings.login, random: random))
    }

    /// Puts the current dialogue's server and next hop into the status.
    private mutating func showServer() {
        guard let dialogue else { return }
        status.target = servers[dialogue.server].nextHop
        status.server = servers[dialogue.server].address
    }

    private func holdsBinding(now: NIODeadline) -> Bool {
        bindingExpiresAt.map { $0 > now } ?? false
    }

    // MARK: Steps

    private mutating func beginAttempt(now: NIODeadline) -> [RegistrationAction] {
        let state: ProviderRegistrationState = holdsBinding(now: now) ? .registered : .registering
        return changed(to: state, nextAttempt: nil)
            + send(now: now, expires: requestedExpires, freshAnswers: [], requestsInAttempt: 1, deadline: nil)
    }

    /// Sends the next request of the registration and waits for its response.
    private mutating func send(
        now: NIODeadline, expires: Int, freshAnswers: Set<ChallengeKind>, requestsInAttempt: Int, deadline: NIODeadline?
    ) -> [RegistrationAction] {
        guard var dialogue else { return [] }
        let branch = "z9hG4bK" + random.hex(8)
        let (message, cseq) = dialogue.next(
            expires: expires, branch: branch, login: settings.login, password: settings.password, random: random)
        self.dialogue = dialogue
        let target = status.target
        let timers = ClientTransactionTimers(sentAt: now, reliable: target.transport.isStream, policy: policy, deadline: deadline)
        phase = .inFlight(Transaction(
            message: message, branch: branch, cseq: cseq, expires: expires, timers: timers, freshAnswers: freshAnswers,
            requestsInAttempt: requestsInAttempt))
        return [.send(message, to: target), .schedule(at: timers.nextEvent)]
    }

    private mutating func halt(_ state: ProviderRegistrationState) -> [RegistrationAction] {
        phase = .halted
        return changed(to: state, nextAttempt: nil) + [.cancelTimer]
    }

    private mutating func finish() -> [RegistrationAction] {
        phase = .finished
        bindingExpiresAt = nil
        return changed(to: .idle, nextAttempt: nil) + [.cancelTimer, .finished]
    }

    private mutating func changed(to state: ProviderRegistrationState, nextAttempt: NIODeadline?) -> [RegistrationAction] {
        status.state = state
        status.nextAttempt = nextAttempt
        status.bindingExpiresAt = bindingExpiresAt
        return [.statusChanged(status)]
    }

    /// Whether `response` answers `transaction`: same Call-ID, CSeq and top Via branch.
    private func matches(_ response: SIPMessage, _ transaction: Transaction) -> Bool {
        guard let headers = try? (response.headers.callID, response.headers.cseq, response.headers.topVia) else { return false }
        return headers.0 == dialogue?.factory.callID && headers.1.sequenceNumber == transaction.cseq && headers.1.method == .register
            && headers.2.branch == transaction.branch
    }

    /// Whole seconds, for messages.
    static func seconds(_ amount: TimeAmount) -> String {
        String(amount.nanoseconds / 1_000_000_000)
    }
}
