import NIOCore
import ProviderRegistration
import RuntimeBundle
import SIP
import SIPDigest
import Synchronization
import Testing

/// A clock the test moves by hand: no test waits for real time.
struct ManualClock {
    private(set) var now = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

    mutating func advance(_ amount: TimeAmount) { now = now + amount }
    mutating func set(_ deadline: NIODeadline) { now = deadline }
}

/// Deterministic randomness: a fixed jitter fraction, and hex strings that never repeat.
func fixedRandom(fraction: Double = 0.5) -> RegistrationRandom {
    let counter = Mutex(0)
    return RegistrationRandom(
        fraction: { fraction },
        hex: { count in
            let value = counter.withLock { value -> Int in
                value += 1
                return value
            }
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: max(0, 2 * count - digits.count)) + digits
        })
}

let testEndpoint = RegistrationEndpoint(viaHost: "127.0.0.1", viaPort: 40000, contactHost: "127.0.0.1", contactPort: 5060)

func testSettings(
    provider: String = "acme", server: BundleAddress = BundleAddress(host: "sip.acme.example", port: nil, transport: "udp"),
    servers: [BundleAddress]? = nil, proxy: BundleAddress? = nil, login: String = "74951234567", password: String = "s3cret", expires: Int = 3600,
    registrationIP: String? = nil
) -> ProviderRegistrationSettings {
    ProviderRegistrationSettings(
        provider: provider, servers: servers ?? [server], proxy: proxy, login: login, password: password,
        passwordReference: .env("ACME_PASSWORD"), registrationIP: registrationIP, expires: expires)
}

/// The provider's side: builds responses to the client's requests, challenges with the server
/// side of `SIPDigest`, and verifies the answers with it.
struct FakeProvider {
    let realm = "sip.acme.example"
    let password = "s3cret"
    let authenticator: DigestAuthenticator

    init(algorithms: [DigestAuthAlgorithm] = [.md5], opaque: String? = nil) {
        authenticator = DigestAuthenticator(
            realm: realm, algorithms: algorithms, opaque: opaque, secret: [UInt8](repeating: 7, count: 32), now: { 1_700_000_000 })
    }

    func respond(to request: SIPMessage, _ code: Int, headers: [(SIPHeaderName, String)] = []) -> SIPMessage {
        var response = try! SIPResponseBuilder(request: request).response(SIPResponseStatus(code: code), toTag: "prov")
        for (name, value) in headers { response.headers.add(name: name, value: value) }
        return response
    }

    func challenge(_ request: SIPMessage, stale: Bool = false, proxy: Bool = false) -> SIPMessage {
        respond(to: request, proxy ? 407 : 401, headers: authenticator.challenges(stale: stale).map {
            (proxy ? .proxyAuthenticate : .wwwAuthenticate, $0)
        })
    }

    /// Whether the request's credentials (of `header`) are right for the login.
    func accepts(_ request: SIPMessage, header: SIPHeaderName = .authorization) -> Bool {
        guard let values = try? request.headers.authValues(name: header), let value = values.first else { return false }
        let outcome = authenticator.verify(
            value.parametersByName, method: "REGISTER", requestURI: request.requestURI!.description,
            credentials: { _ in .password(password) })
        if case .authenticated = outcome { return true }
        return false
    }

    /// A 200 that grants `expires` on our Contact.
    func ok(_ request: SIPMessage, contactExpires: Int?, expiresHeader: Int? = nil) -> SIPMessage {
        var headers: [(SIPHeaderName, String)] = []
        if let contactExpires, let contact = request.headers.first(name: .contact) {
            headers.append((.contact, contact + ";expires=\(contactExpires)"))
        }
        if let expiresHeader { headers.append((.expires, String(expiresHeader))) }
        return respond(to: request, 200, headers: headers)
    }
}

extension Array where Element == RegistrationAction {
    /// The messages to send, in order.
    var sent: [SIPMessage] {
        compactMap { if case .send(let message, _) = $0 { message } else { nil } }
    }

    /// Where they go.
    var targets: [RegistrationTarget] {
        compactMap { if case .send(_, let target) = $0 { target } else { nil } }
    }

    /// The last timer asked for.
    var scheduled: NIODeadline? {
        last { if case .schedule = $0 { true } else { false } }.flatMap { if case .schedule(let at) = $0 { at } else { nil } }
    }

    /// The last status published.
    var status: ProviderRegistrationStatus? {
        last { if case .statusChanged = $0 { true } else { false } }.flatMap { if case .statusChanged(let s) = $0 { s } else { nil } }
    }

    var finishes: Bool { contains(.finished) }
    var cancelsTimer: Bool { contains(.cancelTimer) }
}

extension SIPMessage {
    var cseqNumber: UInt32 { try! headers.cseq.sequenceNumber }
    var callIDValue: String { try! headers.callID }
    var branch: String { try! headers.topVia.branch! }
    var expiresValue: UInt32? { try! headers.expires }
}

/// A client and a clock, and the last request it sent: the usual frame of a timeline test.
struct Timeline {
    var clock = ManualClock()
    var client: RegistrationClient
    var requests: [SIPMessage] = []
    var timer: NIODeadline?

    init(settings: ProviderRegistrationSettings = testSettings(), policy: RegistrationPolicy = RegistrationPolicy(), fraction: Double = 0.5) {
        client = RegistrationClient(
            settings: settings, endpoint: testEndpoint, contactUser: "sb-0123456789ab", policy: policy,
            random: fixedRandom(fraction: fraction))
    }

    var last: SIPMessage { requests.last! }

    @discardableResult
    mutating func record(_ actions: [RegistrationAction]) -> [RegistrationAction] {
        requests += actions.sent
        if let scheduled = actions.scheduled { timer = scheduled }
        if actions.cancelsTimer { timer = nil }
        return actions
    }

    @discardableResult
    mutating func start(spread: TimeAmount = .zero) -> [RegistrationAction] {
        record(client.start(now: clock.now, spread: spread))
    }

    @discardableResult
    mutating func receive(_ response: SIPMessage) -> [RegistrationAction] {
        record(client.response(response, now: clock.now))
    }

    /// Moves the clock to the pending timer and fires it.
    @discardableResult
    mutating func fireTimer() -> [RegistrationAction] {
        guard let timer else {
            Issue.record("no timer is pending")
            return []
        }
        clock.set(timer)
        return record(client.timerFired(now: clock.now))
    }

    /// Fires timers (retransmissions) until the request on its way gives up at Timer F, and
    /// returns what the client did then.
    @discardableResult
    mutating func timeOut() -> [RegistrationAction] {
        let original = last
        for _ in 0..<64 {
            let actions = fireTimer()
            guard actions.status == nil, actions.sent.allSatisfy({ $0 == original }) else { return actions }
        }
        Issue.record("the request never timed out")
        return []
    }

    @discardableResult
    mutating func stop() -> [RegistrationAction] {
        record(client.stop(now: clock.now))
    }
}
