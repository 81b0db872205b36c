import Synchronization

/// What other threads may read about the registrations: the latest status of each provider,
/// in bundle order, and the Contact tokens. Written by the event loop that runs the clients.
final class RegistrationBoard: Sendable {
    private struct State {
        var order: [String] = []
        var statuses: [String: ProviderRegistrationStatus] = [:]
        var tokens: [String: String] = [:]
        var providers: [String: String] = [:]
    }

    private let state = Mutex(State())
    private let random: RegistrationRandom

    init(random: RegistrationRandom) {
        self.random = random
    }

    /// Every provider's status, in bundle order.
    func statuses() -> [ProviderRegistrationStatus] {
        state.withLock { state in state.order.compactMap { state.statuses[$0] } }
    }

    /// The latest status of one provider; nil for a provider without a client.
    func status(of provider: String) -> ProviderRegistrationStatus? {
        state.withLock { $0.statuses[provider] }
    }

    /// The previous status of the provider, replaced by `status`.
    @discardableResult
    func publish(_ status: ProviderRegistrationStatus) -> ProviderRegistrationStatus? {
        state.withLock { $0.statuses.updateValue(status, forKey: status.provider) }
    }

    /// The order statuses are listed in (the bundle's).
    func setOrder(_ providers: [String]) {
        state.withLock { $0.order = providers }
    }

    /// Forgets a provider that is gone: its status and its token.
    func remove(_ provider: String) {
        state.withLock { state in
            state.statuses[provider] = nil
            if let token = state.tokens.removeValue(forKey: provider) { state.providers[token] = nil }
        }
    }

    /// The provider's Contact token (`sb-` and 12 random hex digits), made on first use and kept
    /// for as long as the provider exists, across reloads.
    func token(for provider: String) -> String {
        state.withLock { state in
            if let token = state.tokens[provider] { return token }
            var token: String
            repeat { token = "sb-" + random.hex(6) } while state.providers[token] != nil
            state.tokens[provider] = token
            state.providers[token] = provider
            return token
        }
    }

    /// The provider whose Contact has `user` as its user part.
    func provider(forToken user: String) -> String? {
        state.withLock { $0.providers[user] }
    }
}
