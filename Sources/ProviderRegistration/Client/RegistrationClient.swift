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
/// - No final response (Timer F), and every other final response: back off (`RetryBackoff`),
///   never sooner than a `Retry-After`.
/// - `stop`: if the provider may hold our binding, REGISTER with `Expires: 0`, bounded by
///   `RegistrationPolicy.unregisterTimeout`; then `finished`.
public struct RegistrationClient: Sendable {
    public let settings: ProviderRegistrationSettings
    public let policy: RegistrationPolicy
    public private(set) var status: ProviderRegistrationStatus

    private let target: RegistrationTarget
    private let random: RegistrationRandom
    private var factory: RegisterRequestFactory?
    /// Why the client cannot register at all (TLS, an address that makes no URI).
    private var setupProblem: ProviderRegistrationState?
    private var answers = ChallengeAnswers()
    private var phase = Phase.notStarted
    /// What `Expires` asks for: the bundle's value, raised by a 423.
    private var requestedExpires: Int
    private var consecutiveFailures = 0
    /// Until when the provider holds our binding, as far as we know.
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
        target = RegistrationTarget(settings.nextHop)
        status = ProviderRegistrationStatus(provider: settings.provider, state: .idle, target: target)
        requestedExpires = settings.expires
        guard target.transport == .udp || target.transport == .tcp else {
            setupProblem = .unsupported(reason: "\(target.transport.rawValue) transport is not supported by this build (UDP and TCP are)")
            return
        }
        do {
            factory = try RegisterRequestFactory(settings: settings, endpoint: endpoint, contactUser: contactUser, random: random)
        } catch {
            setupProblem = .failed(reason: error.reason)
        }
    }

    /// The Call-ID of every request of this client: responses are matched to clients by it.
    public var callID: String? { factory?.callID }

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
        switch line.statusCode {
        case 200..<300:
            return registered(message, now: now)
        case 403:
            return halt(.forbidden)
        case 423:
            return intervalTooBrief(message, transaction: transaction, now: now)
        default:
            return backOff(now: now, reason: "\(line.statusCode) \(line.reasonPhrase)", retryAfter: try? message.headers.retryAfter)
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
                return [.send(transaction.message, to: target), .schedule(at: transaction.timers.nextEvent)]
            case .timeout:
                return timeout(now: now)
            }
        case .notStarted, .halted, .finished:
            return []
        }
    }

    /// The request on its way has failed without a response: Timer F, or the driver could not
    /// deliver it (`reason` says why, e.g. the host does not resolve).
    public mutating func timeout(now: NIODeadline, reason: String? = nil) -> [RegistrationAction] {
        guard case .inFlight(let transaction) = phase else { return [] }
        if transaction.isUnregistration { return finish() }
        return backOff(now: now, reason: reason ?? "no response from \(target) within \(Self.seconds(policy.transactionTimeout)) s")
    }

    /// Stops: unregisters when the provider may hold our binding (or a REGISTER is on its way),
    /// else finishes at once. Ends with the `finished` action.
    public mutating func stop(now: NIODeadline) -> [RegistrationAction] {
        let mayHoldBinding: Bool
        switch phase {
        case .finished:
            return []
        case .inFlight(let transaction):
            if transaction.isUnregistration { return [] }
            mayHoldBinding = true
        case .notStarted, .waiting, .halted:
            mayHoldBinding = bindingExpiresAt.map { $0 > now } ?? false
        }
        guard mayHoldBinding else { return finish() }
        return changed(to: .unregistering, nextAttempt: nil)
            + send(now: now, expires: 0, freshAnswers: [], requestsInAttempt: 1, deadline: now + policy.unregisterTimeout)
    }

    // MARK: Responses

    private mutating func registered(_ response: SIPMessage, now: NIODeadline) -> [RegistrationAction] {
        guard let factory else { return [] }
        let granted = GrantedExpiry.seconds(in: response, contact: factory.contactURI, asked: requestedExpires)
        guard granted > 0 else { return backOff(now: now, reason: "the provider granted 0 seconds") }
        consecutiveFailures = 0
        bindingExpiresAt = now + .seconds(Int64(granted))
        status.grantedExpires = granted
        let refresh = now + policy.refreshDelay(granted: granted)
        phase = .waiting(until: refresh)
        return changed(to: .registered, nextAttempt: refresh) + [.schedule(at: refresh)]
    }

    private mutating func challenged(
        _ response: SIPMessage, kind: ChallengeKind, transaction: Transaction, now: NIODeadline
    ) -> [RegistrationAction] {
        let stale: Bool
        do {
            stale = try answers.accept(response, kind: kind).challenge.stale
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

    // MARK: Steps

    private mutating func beginAttempt(now: NIODeadline) -> [RegistrationAction] {
        let state: ProviderRegistrationState = (bindingExpiresAt.map { $0 > now } ?? false) ? .registered : .registering
        return changed(to: state, nextAttempt: nil)
            + send(now: now, expires: requestedExpires, freshAnswers: [], requestsInAttempt: 1, deadline: nil)
    }

    /// Sends the next request of the registration and waits for its response.
    private mutating func send(
        now: NIODeadline, expires: Int, freshAnswers: Set<ChallengeKind>, requestsInAttempt: Int, deadline: NIODeadline?
    ) -> [RegistrationAction] {
        guard var factory else { return [] }
        let branch = "z9hG4bK" + random.hex(8)
        let credentials = answers.headers(
            login: settings.login, password: settings.password, uri: factory.requestURI.description, random: random)
        let (message, cseq) = factory.next(expires: expires, branch: branch, authorizations: credentials)
        self.factory = factory
        let timers = ClientTransactionTimers(sentAt: now, reliable: target.transport.isStream, policy: policy, deadline: deadline)
        phase = .inFlight(Transaction(
            message: message, branch: branch, cseq: cseq, expires: expires, timers: timers, freshAnswers: freshAnswers,
            requestsInAttempt: requestsInAttempt))
        return [.send(message, to: target), .schedule(at: timers.nextEvent)]
    }

    private mutating func backOff(now: NIODeadline, reason: String, retryAfter: UInt32? = nil) -> [RegistrationAction] {
        consecutiveFailures += 1
        var delay = policy.backoff.delay(failures: consecutiveFailures, fraction: random.fraction())
        if let retryAfter { delay = max(delay, .seconds(Int64(retryAfter))) }
        let next = now + delay
        phase = .waiting(until: next)
        return changed(to: .backingOff(reason: reason), nextAttempt: next) + [.schedule(at: next)]
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
        return headers.0 == factory?.callID && headers.1.sequenceNumber == transaction.cseq && headers.1.method == .register
            && headers.2.branch == transaction.branch
    }

    /// Whole seconds, for messages.
    static func seconds(_ amount: TimeAmount) -> String {
        String(amount.nanoseconds / 1_000_000_000)
    }
}
