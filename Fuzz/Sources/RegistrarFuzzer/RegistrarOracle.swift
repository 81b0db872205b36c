import FuzzSupport
import Registrar
import SIP
import SIPDigest

/// Sends one datagram to a fresh registrar, from a phone and from a trunk address, and checks:
/// - every answer parses as a response (an answer to a malformed request may fail only where the
///   request's own header lines do, see `SIPParseError.headerLinesProblem`);
/// - a datagram that does not parse stores no binding;
/// - a REGISTER that got a 401 is sent again with a correct Authorization for its user (100 or
///   101), so the fuzzer reaches RFC 3261 §10.3 behind the digest check; a 200 lists exactly
///   the bindings the location service then holds for the address of record.
enum RegistrarOracle {
    static func check(_ bytes: [UInt8]) {
        let parsed = SIPParser.parse(bytes)
        for source in [FuzzRegistrar.phone, FuzzRegistrar.trunk] {
            let processor = FuzzRegistrar.makeProcessor()
            let response = processor.handle(datagram: bytes, from: source)
            let answer = response.flatMap { parseResponse($0, allowing: parsed.failureProblem) }
            guard case .success(let request) = parsed else {
                fuzzCheck(bindingCount(processor) == 0, "a binding was stored from a malformed datagram")
                continue
            }
            guard request.method == .register, let answer, answer.statusCode == 401 else { continue }
            authenticateAgain(request, challenge: answer, processor: processor)
        }
    }

    /// `request` with an Authorization answering `challenge`, sent over TCP (no transaction
    /// cache, so it is not taken for a retransmission of the first).
    private static func authenticateAgain(_ request: SIPMessage, challenge: SIPMessage, processor: RequestProcessor) {
        guard let header = challenge.headers.first(name: .wwwAuthenticate), let value = SIPAuthHeaderValue(header),
            let nonce = value["nonce"], let algorithm = DigestAuthAlgorithm(token: value["algorithm"] ?? "MD5")
        else {
            fuzzCheck(false, "a 401 without a usable challenge")
            return
        }
        let user = (try? request.headers.to.uri.sipURI?.user).flatMap { $0 } ?? "100"
        let password = FuzzRegistrar.passwords[user] ?? "secret100"
        let uri = request.requestURI?.description ?? "sip:\(FuzzRegistrar.realm)"
        let response = DigestResponse.response(
            algorithm: algorithm, username: user, realm: FuzzRegistrar.realm, password: password, nonce: nonce, nc: "00000001",
            cnonce: "f00d", method: "REGISTER", digestURI: uri)
        var authorized = request
        authorized.headers.remove(name: .authorization)
        authorized.headers.add(
            name: .authorization,
            value: "Digest username=\"\(user)\", realm=\"\(FuzzRegistrar.realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", "
                + "response=\"\(response)\", algorithm=\(algorithm.token), qop=auth, nc=00000001, cnonce=\"f00d\"")
        let source = PacketSource(host: FuzzRegistrar.phone.host, port: FuzzRegistrar.phone.port, transport: .tcp)
        guard let bytes = processor.handle(datagram: authorized.serialize(), from: source) else {
            fuzzCheck(false, "an authenticated REGISTER got no answer")
            return
        }
        guard let answer = parseResponse(bytes, allowing: nil), answer.statusCode == 200 else { return }
        guard let aor = (try? request.headers.to)?.uri.sipURI?.addressOfRecord else {
            fuzzCheck(false, "a 200 for a REGISTER whose To has no SIP address of record")
            return
        }
        let listed = (try? answer.headers.contact).map { contact -> Int in
            if case .addresses(let addresses) = contact { return addresses.count }
            return -1
        } ?? 0
        let stored = processor.location.lookup(aor, now: FuzzRegistrar.now).count
        fuzzCheck(listed == stored, "the 200 lists \(listed) contacts, the location service holds \(stored) for \(aor)")
    }

    /// The registrar's answer, parsed; stops the fuzzer when it is not a well-formed response,
    /// unless it fails for `problem`, the one the request's own header lines have.
    private static func parseResponse(_ bytes: [UInt8], allowing problem: SIPParseError.Kind?) -> SIPMessage? {
        switch SIPParser.parse(bytes) {
        case .success(let message):
            fuzzCheck(!message.isRequest, "the registrar answered with a request")
            return message
        case .failure(let error):
            fuzzCheck(
                problem != nil && error.kind == problem,
                "the registrar's answer does not parse: \(error)\n\(String(decoding: bytes, as: UTF8.self))")
            return nil
        }
    }

    private static func bindingCount(_ processor: RequestProcessor) -> Int {
        processor.location.counts(now: FuzzRegistrar.now).bindings
    }
}

extension Result where Success == SIPMessage, Failure == SIPParseError {
    /// For a request that failed: what is wrong with its header lines.
    fileprivate var failureProblem: SIPParseError.Kind? {
        if case .failure(let error) = self { return error.headerLinesProblem }
        return nil
    }
}
