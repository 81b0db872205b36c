import Foundation
import Logging
import NIOCore
import ProviderRegistration
import RuntimeBundle
import Testing

/// The manager on real sockets (127.0.0.1 only) against `LoopbackRegistrar`: start, reload,
/// Contact tokens, shutdown.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ProviderRegistrationsTests {
    private func settings(_ name: String, port: Int, expires: Int = 3600) -> ProviderRegistrationSettings {
        ProviderRegistrationSettings(
            provider: name, servers: [BundleAddress(host: "127.0.0.1", port: port, transport: "udp")], login: name,
            password: "unused", passwordReference: .env("UNUSED"), expires: expires)
    }

    /// Polls until `condition` holds, at most `seconds`.
    private func eventually(seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    private func states(_ registrations: ProviderRegistrations) -> [String: String] {
        Dictionary(uniqueKeysWithValues: registrations.statuses().map { ($0.provider, $0.state.description) })
    }

    @Test func reloadKeepsUnchangedProvidersAndReRegistersChangedOnes() async throws {
        let provider = try await LoopbackRegistrar()
        let port = provider.port
        let registrations = try await ProviderRegistrations.start(
            [settings("alpha", port: port), settings("beta", port: port)], contactHost: "127.0.0.1", contactPort: 5999,
            bindHost: "127.0.0.1", logger: Logger(label: "test"))

        #expect(await eventually { states(registrations) == ["alpha": "registered", "beta": "registered"] }, "\(states(registrations))")
        #expect(registrations.statuses().map(\.provider) == ["alpha", "beta"])
        #expect(registrations.statuses().allSatisfy { $0.grantedExpires == 3600 && $0.lastResponse?.code == 200 })
        let alphaToken = try #require(provider.requests.first { $0.user == "alpha" }?.contactUser)
        #expect(alphaToken.hasPrefix("sb-"))
        #expect(registrations.provider(forContactUser: alphaToken) == "alpha")
        #expect(registrations.provider(forContactUser: "sb-unknown") == nil)

        // beta's expiry changes, alpha's settings do not.
        registrations.reload([settings("alpha", port: port), settings("beta", port: port, expires: 600)])
        #expect(await eventually { provider.requests.contains { $0.user == "beta" && $0.expires == 600 } })
        #expect(await eventually { states(registrations)["beta"] == "registered" })
        #expect(provider.requests.filter { $0.user == "alpha" }.map(\.expires) == [3600], "alpha was left alone")
        #expect(provider.requests.filter { $0.user == "beta" }.map(\.expires) == [3600, 0, 600],
                "beta unregistered before registering again")
        #expect(registrations.statuses().first { $0.provider == "beta" }?.grantedExpires == 600)

        // alpha is removed: it unregisters and disappears, with its token.
        registrations.reload([settings("beta", port: port, expires: 600)])
        #expect(await eventually { registrations.statuses().map(\.provider) == ["beta"] })
        #expect(provider.requests.filter { $0.user == "alpha" }.map(\.expires) == [3600, 0])
        #expect(registrations.provider(forContactUser: alphaToken) == nil)

        await registrations.shutdown()
        #expect(provider.requests.filter { $0.user == "beta" }.map(\.expires) == [3600, 0, 600, 0], "shutdown unregisters")
        await provider.close()
    }

    /// A host name is resolved (from /etc/hosts here, so nothing leaves the machine) in the
    /// family of the client socket, and the request reaches it.
    @Test func aHostNameIsResolved() async throws {
        let provider = try await LoopbackRegistrar()
        let byName = ProviderRegistrationSettings(
            provider: "named", servers: [BundleAddress(host: "localhost", port: provider.port, transport: "udp")], login: "named",
            password: "unused", passwordReference: .env("UNUSED"), expires: 300)
        let registrations = try await ProviderRegistrations.start(
            [byName], contactHost: "127.0.0.1", contactPort: 5999, bindHost: "127.0.0.1", logger: Logger(label: "test"))
        #expect(await eventually { states(registrations)["named"] == "registered" }, "\(states(registrations))")
        await registrations.shutdown()
        await provider.close()
    }
}
