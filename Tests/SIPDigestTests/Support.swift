import Synchronization
@testable import SIPDigest

/// A settable clock, so no test ever sleeps.
final class TestClock: Sendable {
    private let seconds: Mutex<UInt64>

    init(_ start: UInt64 = 1_700_000_000) { seconds = Mutex(start) }

    var now: UInt64 { seconds.withLock { $0 } }
    func advance(by delta: UInt64) { seconds.withLock { $0 += delta } }
    func set(_ value: UInt64) { seconds.withLock { $0 = value } }

    var closure: @Sendable () -> UInt64 { { self.now } }
}

let testSecret = [UInt8](repeating: 0x42, count: 32)
let testRealm = "switchboard.example"
let registerURI = "sip:switchboard.example"

/// Users of the fake credential store.
let users: [String: DigestCredential] = [
    "alice": .password("wonderland"),
    "bob": .ha1([
        .md5: DigestResponse.ha1(algorithm: .md5, username: "bob", realm: testRealm, password: "builder"),
        .sha256: DigestResponse.ha1(algorithm: .sha256, username: "bob", realm: testRealm, password: "builder"),
    ]),
]

func lookup(_ username: String) -> DigestCredential? { users[username] }

func makeAuthenticator(clock: TestClock, lifetime: UInt64 = 300, opaque: String? = nil, maxTrackedNonces: Int = 1000) -> DigestAuthenticator {
    DigestAuthenticator(
        realm: testRealm, nonceLifetime: lifetime, opaque: opaque, maxTrackedNonces: maxTrackedNonces,
        secret: testSecret, now: clock.closure
    )
}

/// The value of `name` in a challenge header value (quoted or not).
func parameter(_ name: String, in header: String) -> String? {
    for part in header.dropFirst("Digest ".count).split(separator: ",") {
        let part = part.drop(while: { $0 == " " })
        guard part.hasPrefix("\(name)=") else { continue }
        let value = part.dropFirst(name.count + 1)
        if value.first == "\"" { return String(value.dropFirst().dropLast()) }
        return String(value)
    }
    return nil
}

/// What a UAC would send in answer to a challenge.
func answer(
    nonce: String,
    username: String = "alice",
    password: String = "wonderland",
    realm: String = testRealm,
    algorithm: DigestAuthAlgorithm? = .sha256,
    nc: String = "00000001",
    cnonce: String = "0a4f113b",
    method: String = "REGISTER",
    uri: String = registerURI,
    opaque: String? = nil
) -> [String: String] {
    var parameters = [
        "username": username,
        "realm": realm,
        "nonce": nonce,
        "uri": uri,
        "qop": "auth",
        "nc": nc,
        "cnonce": cnonce,
        "response": DigestResponse.response(
            algorithm: algorithm ?? .md5, username: username, realm: realm, password: password,
            nonce: nonce, nc: nc, cnonce: cnonce, method: method, digestURI: uri
        ),
    ]
    if let algorithm { parameters["algorithm"] = algorithm.token }
    if let opaque { parameters["opaque"] = opaque }
    return parameters
}
