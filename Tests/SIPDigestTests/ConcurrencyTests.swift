import SIPDigest
import Synchronization
import Testing

@Suite struct ConcurrencyTests {
    /// Many tasks verify at once: every nonce authenticates exactly once per count, no matter how
    /// the racing copies interleave.
    @Test func replaysAreDetectedUnderConcurrency() async {
        let clock = TestClock()
        let authenticator = makeAuthenticator(clock: clock, maxTrackedNonces: 10_000)
        let nonceCount = 64
        let copies = 8
        let requests: [[String: String]] = (0..<nonceCount).map { index in
            let nonce = parameter("nonce", in: authenticator.challenges()[0])!
            return answer(nonce: nonce, algorithm: index.isMultiple(of: 2) ? .sha256 : .md5)
        }

        let outcomes = await withTaskGroup(of: DigestOutcome.self, returning: [DigestOutcome].self) { group in
            for copy in 0..<copies {
                for index in 0..<nonceCount {
                    let request = requests[(index + copy * 7) % nonceCount]
                    group.addTask {
                        authenticator.verify(request, method: "REGISTER", requestURI: registerURI, credentials: lookup)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == nonceCount * copies)
        #expect(outcomes.filter { $0 == .authenticated(username: "alice") }.count == nonceCount)
        #expect(outcomes.filter { $0 == .challenge(stale: true) }.count == nonceCount * (copies - 1))
    }

    /// Each task walks its own nonce's counts upward while others do the same and also inject
    /// replays of their own earlier requests: every fresh count is accepted, every replay refused.
    @Test func independentClientsInParallel() async {
        let clock = TestClock()
        let authenticator = makeAuthenticator(clock: clock, maxTrackedNonces: 10_000)
        let clients = 16
        let steps = 50
        let nonces = (0..<clients).map { _ in parameter("nonce", in: authenticator.challenges()[0])! }
        let results = await withTaskGroup(of: (accepted: Int, replaysRefused: Int).self) { group in
            for client in 0..<clients {
                let nonce = nonces[client]
                group.addTask {
                    var accepted = 0
                    var refused = 0
                    for step in 1...steps {
                        let nc = String(repeating: "0", count: 8 - String(step, radix: 16).count) + String(step, radix: 16)
                        let request = answer(nonce: nonce, nc: nc, cnonce: "c\(client)")
                        if authenticator.verify(request, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .authenticated(username: "alice") { accepted += 1 }
                        if authenticator.verify(request, method: "REGISTER", requestURI: registerURI, credentials: lookup) == .challenge(stale: true) { refused += 1 }
                    }
                    return (accepted, refused)
                }
            }
            return await group.reduce(into: [(accepted: Int, replaysRefused: Int)]()) { $0.append($1) }
        }
        #expect(results.count == clients)
        #expect(results.allSatisfy { $0.accepted == steps && $0.replaysRefused == steps })
    }
}
