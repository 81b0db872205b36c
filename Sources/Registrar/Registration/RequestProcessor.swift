import Logging
import SIP
import SIPDigest

/// Turns one SIP request into its one final response, whatever transport it came over: parsing
/// errors become 400 (or nothing, when no response can be built), retransmissions get the cached
/// response, REGISTER goes through digest authentication and RFC 3261 §10.3, OPTIONS is answered
/// for keep-alives, everything else is refused.
///
/// Failed authentications go to the ``RequestGuard`` (bans, user locks), and over UDP a response
/// to a request that did not authenticate is never larger than the request (``ReflectionLimit``).
public final class RequestProcessor: Sendable {
    public let state: RegistrarState
    public let location: LocationService
    public let transactions: TransactionCache
    public let authenticator: DigestAuthenticator
    public let clock: RegistrarClock
    public let logger: Logger
    /// A `Server` header value; none by default, so the product is not fingerprinted.
    public let serverHeader: String?
    /// Bans and locks; the transports ask it before parsing.
    public let requestGuard: RequestGuard
    /// Whether UDP responses to unauthenticated requests are held to the request's size
    /// (``ReflectionLimit``); only tests of other behaviour switch it off.
    public let limitsReflection: Bool

    /// INVITE is answered for providers only (``inboundCall``); the header is the same for all.
    static let allowedMethods = "REGISTER, OPTIONS, INVITE"

    public init(
        state: RegistrarState, location: LocationService, authenticator: DigestAuthenticator,
        transactions: TransactionCache = TransactionCache(), clock: RegistrarClock = .system,
        logger: Logger, serverHeader: String? = nil, requestGuard: RequestGuard? = nil, limitsReflection: Bool = true
    ) {
        self.state = state
        self.location = location
        self.transactions = transactions
        self.authenticator = authenticator
        self.clock = clock
        self.logger = logger
        self.serverHeader = serverHeader
        self.requestGuard = requestGuard ?? RequestGuard(limits: state.snapshot.configuration.guardLimits, logger: logger)
        self.limitsReflection = limitsReflection
    }

    /// Handles one UDP datagram; returns the bytes to send back, or nil to send nothing.
    public func handle(datagram: [UInt8], from source: PacketSource) -> [UInt8]? {
        let sizeLimit = limitsReflection ? datagram.count : nil
        switch SIPParser.parseWithTransactionHeaders(datagram) {
        case .success(let parsed):
            return handle(parsed.message, headers: parsed.headers, from: source, sizeLimit: sizeLimit)
        case .failure(let error):
            return malformed(error, from: source, sizeLimit: sizeLimit)
        }
    }

    /// The response to a message that could not be parsed: 400 with the reason, if one can be
    /// built, and never a binding. `sizeLimit`: the request's size over UDP (``ReflectionLimit``).
    public func malformed(_ error: SIPParseError, from source: PacketSource, sizeLimit: Int? = nil) -> [UInt8]? {
        logger.debug("malformed message", metadata: ["source": "\(source)", "error": "\(error)"])
        guard let response = SIPResponseBuilder.errorResponse(for: error, source: source.peerAddress, toTag: Self.newTag()) else {
            return nil
        }
        return finish(response, sizeLimit: sizeLimit)
    }

    /// Handles one parsed message.
    ///
    /// Over UDP the request's server transaction is looked up first: a retransmission gets the
    /// response already sent, or nothing while the original is still being processed on another
    /// event loop. Reliable transports keep no transactions (Timer J is 0, RFC 3261 §17.2.2).
    public func handle(_ message: SIPMessage, from source: PacketSource) -> [UInt8]? {
        handle(message, headers: nil, from: source, sizeLimit: nil)
    }

    /// Handles one message, with its transaction headers if the parser handed them out.
    /// `sizeLimit` bounds responses to unauthenticated requests (``ReflectionLimit``).
    private func handle(
        _ message: SIPMessage, headers: SIPTransactionHeaders?, from source: PacketSource, sizeLimit: Int?
    ) -> [UInt8]? {
        // Responses are for the registration client (providers); the registrar ignores them.
        guard let method = message.method, method != .ack else { return nil }
        let now = clock.now()
        let request = IncomingRequest(message, from: source, headers: headers)
        var authenticated = false
        guard source.transport == .udp, let topVia = request.topVia, let branch = topVia.branch else {
            return respond(to: request, method: method, now: now, authenticated: &authenticated).flatMap {
                finish($0, sizeLimit: authenticated ? nil : sizeLimit)
            }
        }
        let key = TransactionCache.key(branch: branch, sentBy: topVia.host.canonical + ":" + String(topVia.port ?? 0), method: method.rawValue)
        switch transactions.begin(key, now: now) {
        case .answered(let cached):
            return cached
        case .inProgress:
            return nil
        case .new:
            guard let response = respond(to: request, method: method, now: now, authenticated: &authenticated),
                  let bytes = finish(response, sizeLimit: authenticated ? nil : sizeLimit)
            else {
                transactions.abandon(key)
                return nil
            }
            transactions.complete(key, response: bytes)
            return bytes
        }
    }

    /// The response to `incoming`; `authenticated` is set when the request carried credentials
    /// that verified (its response is exempt from ``ReflectionLimit``).
    private func respond(to incoming: IncomingRequest, method: SIPMethod, now: UInt64, authenticated: inout Bool) -> SIPMessage? {
        if method == .register { return register(incoming, now: now, authenticated: &authenticated) }
        let snapshot = state.snapshot
        let origin = RequestOrigin(
            incoming, routing: snapshot.configuration.routing, presence: snapshot.presence, domains: snapshot.policy.domains)
        switch (method, origin) {
        case (_, .impostor(let claimed)):
            logger.info("refused a request claiming a provider", metadata: [
                "source": "\(incoming.source)", "provider": "\(claimed)", "method": "\(method.rawValue)"])
            return reply(incoming, .forbidden)
        case (.invite, .provider(let provider, let recognition)):
            return inboundCall(incoming, provider: provider, recognition: recognition, snapshot: snapshot, now: now)
        case (.invite, _):
            // Serve decides calls from providers; it places none for anybody else.
            return reply(incoming, .forbidden)
        case (.bye, _), (.cancel, _):
            // Every INVITE got its final answer at once and serve keeps no dialog: there is
            // nothing to end or cancel (RFC 3261 §15.1.2, §9.2).
            return reply(incoming, .callOrTransactionDoesNotExist)
        case (.options, _):
            return options(incoming)
        default:
            let status: SIPResponseStatus = method.isKnown ? .methodNotAllowed : .notImplemented
            var response = reply(incoming, status)
            response?.headers.add(name: .allow, value: Self.allowedMethods)
            return response
        }
    }

    /// OPTIONS, answered as a UAS would (RFC 3261 §11): 416 for a Request-URI of another scheme
    /// (RFC 4475 §3.3.2, §3.3.3), 420 for a Require we do not support (RFC 3261 §8.2.2.3, RFC 4475
    /// §3.3.5), otherwise 200 with Allow.
    private func options(_ incoming: IncomingRequest) -> SIPMessage? {
        guard incoming.message.requestURI?.sipURI != nil else { return reply(incoming, .unsupportedURIScheme) }
        let require = (try? incoming.message.headers.require) ?? []
        if !require.isEmpty { return badExtension(incoming, require: require) }
        var response = reply(incoming, .ok)
        response?.headers.add(name: .allow, value: Self.allowedMethods)
        return response
    }

    /// 420 listing the option tags of `require` in Unsupported: the registrar supports none.
    private func badExtension(_ incoming: IncomingRequest, require: [String]) -> SIPMessage? {
        var response = reply(incoming, .badExtension)
        response?.headers.add(name: .unsupported, value: require.joined(separator: ", "))
        return response
    }

    /// An INVITE from a provider: the inbound routing decision, as a redirect to the live
    /// contacts of the destination extensions (``InboundCallAnswer``).
    private func inboundCall(
        _ incoming: IncomingRequest, provider: String, recognition: RequestOrigin.Recognition, snapshot: RegistrarState.Snapshot,
        now: UInt64
    ) -> SIPMessage? {
        let domains = snapshot.policy.domains.sorted()
        let answer = InboundCallAnswer(
            incoming, provider: provider, recognition: recognition, router: snapshot.configuration.routing.inbound
        ) { number in
            domains.flatMap { self.location.lookup("sip:\(number)@\($0)", now: now) }
        }
        logger.info("inbound call", metadata: [
            "provider": "\(provider)", "source": "\(incoming.source)", "status": "\(answer.status.code)",
            "contacts": "\(answer.contacts.count)"])
        var response = reply(incoming, answer.status)
        for contact in answer.contacts { response?.headers.add(name: .contact, value: contact) }
        return response
    }

    private func register(_ incoming: IncomingRequest, now: UInt64, authenticated: inout Bool) -> SIPMessage? {
        let request = incoming.message
        let source = incoming.source
        let snapshot = state.snapshot
        guard let requestURI = request.requestURI?.sipURI else {
            return reply(incoming, .unsupportedURIScheme)
        }
        // §10.3 step 1 and 2 come before authentication: no challenge for a foreign domain.
        // A host's canonical form is lower-case already.
        guard snapshot.policy.domains.contains(requestURI.host.canonical) else {
            return reply(incoming, .notFound)
        }
        let require = (try? request.headers.require) ?? []
        if !require.isEmpty { return badExtension(incoming, require: require) }
        // Step 3: digest authentication.
        let authorizations = ((try? request.headers.authValues(name: .authorization)) ?? [])
            .filter(\.isDigest)
            .map(\.parametersByName)
        let passwords = snapshot.configuration.passwords
        // A locked user name is answered as a wrong password would be, unless this source
        // authenticated as it recently (RequestGuard): the lock must not shut out the user's phone.
        let claimedUser = authorizations.first?["username"]
        let locked = claimedUser.map { requestGuard.isLocked(user: $0, source: source, now: now) } ?? false
        let outcome: DigestOutcome = locked ? .challenge(stale: false) : authenticator.verify(
            anyOf: authorizations, method: "REGISTER", requestURI: requestURI.description,
            credentials: { passwords[$0].map(DigestCredential.password) })
        let user: String
        switch outcome {
        case .authenticated(let username):
            user = username
            authenticated = true
            requestGuard.authenticated(user: username, source: source, now: now)
        case .challenge(let stale):
            if !authorizations.isEmpty {
                logger.info("authentication failed", metadata: ["source": "\(source)", "stale": "\(stale)"])
                // A stale nonce or a replayed count had the right password, and a nonce that is
                // not ours (a phone after a restart) was never a guess: neither is a failure.
                if !stale, locked || authorizations.contains(where: { $0["nonce"].map(authenticator.issued) ?? false }) {
                    requestGuard.authenticationFailed(user: claimedUser, source: source, now: now)
                }
            }
            var response = reply(incoming, .unauthorized)
            for challenge in authenticator.challenges(stale: stale) {
                response?.headers.add(name: .wwwAuthenticate, value: challenge)
            }
            return response
        case .badRequest(let reason):
            requestGuard.authenticationFailed(user: claimedUser, source: source, now: now)
            return reply(incoming, SIPResponseStatus(code: 400, reasonPhrase: reason))
        }
        // Steps 4–8.
        guard let parsed = registerRequest(incoming, requestURI: requestURI, require: require) else {
            return reply(incoming, .badRequest)
        }
        let processor = RegistrationProcessor(policy: snapshot.policy, location: location)
        switch processor.process(parsed, authenticatedUser: user, now: now) {
        case .rejected(let status, let reason, let headers):
            var response = reply(incoming, SIPResponseStatus(code: status, reasonPhrase: reason))
            for header in headers { response?.headers.add(name: SIPHeaderName(header.name), value: header.value) }
            return response
        case .notStored(let error):
            logger.error("registration not stored", metadata: [
                "aor": "\(parsed.addressOfRecord)", "source": "\(source)", "reason": "\(error)"])
            var response = reply(incoming, .serviceUnavailable)
            response?.headers.add(name: .retryAfter, value: String(snapshot.policy.retryAfter))
            return response
        case .registered(let aor, let bindings, let changes):
            log(changes, addressOfRecord: aor, now: now)
            var response = reply(incoming, .ok)
            for binding in bindings {
                response?.headers.add(name: .contact, value: "<\(binding.contact)>;expires=\(binding.remaining(at: now))")
            }
            response?.headers.add(name: .date, value: RegistrarClock.httpDate(now))
            return response
        }
    }

    /// The parts of the REGISTER that §10.3 decides on; nil when To or Contact is malformed.
    private func registerRequest(_ incoming: IncomingRequest, requestURI: SIPURI, require: [String]) -> RegisterRequest? {
        let headers = incoming.message.headers
        let source = incoming.source
        guard let to = incoming.to, let aorURI = to.uri.sipURI, let user = aorURI.canonicalUser,
              let callID = incoming.callID, let cseq = incoming.cseq
        else { return nil }
        let contactHeader: SIPContact?
        do { contactHeader = try headers.contact } catch { return nil }
        let contacts: RegisterRequest.Contacts
        switch contactHeader {
        case nil:
            contacts = .none
        case .wildcard?:
            contacts = .wildcard
        case .addresses(let addresses)?:
            var list: [RegisterRequest.Contact] = []
            for address in addresses {
                guard let uri = address.uri.sipURI else { return nil }
                list.append(RegisterRequest.Contact(
                    uri: uri.description, key: Self.contactKey(uri),
                    expires: address.expires.map { Int(min($0, UInt32(Int32.max))) },
                    qualityThousandths: address.q?.thousandths))
            }
            contacts = .list(list)
        }
        return RegisterRequest(
            requestDomain: requestURI.host.canonical, addressOfRecord: aorURI.addressOfRecord,
            user: user, domain: aorURI.host.canonical, contacts: contacts,
            expires: (try? headers.expires)?.map { Int(min($0, UInt32(Int32.max))) }, callID: callID,
            cseq: cseq.sequenceNumber, require: require, source: source)
    }

    /// A binding's identity within its AoR: scheme, user, host, port and transport.
    static func contactKey(_ uri: SIPURI) -> String {
        var key = [UInt8]()
        key.reserveCapacity(64)
        key += uri.scheme.rawValue.utf8
        key.append(UInt8(ascii: ":"))
        key += (uri.canonicalUser ?? "").utf8
        key.append(UInt8(ascii: "@"))
        key += uri.host.canonical.utf8
        key.append(UInt8(ascii: ":"))
        key += String(uri.port ?? 0).utf8
        key.append(UInt8(ascii: ";"))
        key += (uri.transport ?? "").utf8
        return String(decoding: key, as: UTF8.self)
    }

    private func log(_ changes: [BindingChange], addressOfRecord: String, now: UInt64) {
        for change in changes {
            switch change {
            case .added(let binding):
                logger.info("registered", metadata: Self.metadata(addressOfRecord, binding, now: now))
            case .refreshed(let binding):
                logger.debug("refreshed", metadata: Self.metadata(addressOfRecord, binding, now: now))
            case .removed(let binding):
                logger.info("unregistered", metadata: Self.metadata(addressOfRecord, binding, now: now))
            }
        }
    }

    private static func metadata(_ aor: String, _ binding: Binding, now: UInt64) -> Logger.Metadata {
        ["aor": "\(aor)", "contact": "\(binding.contact)", "expires": "\(binding.remaining(at: now))", "source": "\(binding.source)"]
    }

    private func reply(_ request: IncomingRequest, _ status: SIPResponseStatus) -> SIPMessage? {
        request.reply(status, toTag: Self.newTag())
    }

    /// The response's bytes, with the `Server` header if configured; at most `sizeLimit` bytes
    /// when there is one (``ReflectionLimit``), nil when it cannot be made to fit.
    private func finish(_ response: SIPMessage, sizeLimit: Int?) -> [UInt8]? {
        var response = response
        if let serverHeader { response.headers.add(name: .server, value: serverHeader) }
        guard let sizeLimit else { return response.serialize() }
        let bytes = ReflectionLimit.fit(response, within: sizeLimit) { $0.serialize() }
        if bytes == nil {
            logger.debug("response larger than its unauthenticated request, not sent", metadata: ["limit": "\(sizeLimit)"])
        }
        return bytes
    }


    /// A To tag: 64 random bits as hex.
    static func newTag() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }
}
