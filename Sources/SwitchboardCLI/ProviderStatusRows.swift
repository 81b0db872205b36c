import NIOCore
import ProviderRegistration
import Registrar
import RuntimeBundle

/// The provider rows of `serve`'s status report: what the bundle says about each provider, with
/// the registration client's live state for the standard ones.
enum ProviderStatusRows {
    /// One row per provider of `bundle`, in bundle order. Lines stay at 0 busy: serve decides
    /// calls but carries none (docs/routing.md, "Calls in serve").
    static func rows(
        of bundle: SwitchboardBundle, registrations: [ProviderRegistrationStatus], now: NIODeadline = .now()
    ) -> [ProviderStatus] {
        let live = Dictionary(registrations.map { ($0.provider, $0) }, uniquingKeysWith: { first, _ in first })
        return bundle.providers.map { provider in
            var row = ProviderStatus(unregistered: provider)
            // Only enabled standard providers register; trunks and disabled ones keep their row.
            guard row.type == .standard, provider.enabled, let registration = live[provider.name] else { return row }
            (row.state, row.detail) = state(registration.state)
            row.lastResponse = registration.lastResponse.map { ProviderStatus.Response(code: $0.code, reason: $0.reasonPhrase) }
            row.nextAttemptIn = registration.secondsUntilNextAttempt(from: now)
            row.registrationExpiresIn = registration.secondsUntilBindingExpires(from: now)
            row.server = registration.server.description
            return row
        }
    }

    /// The status word and detail of a registration state.
    static func state(_ state: ProviderRegistrationState) -> (ProviderState, String?) {
        switch state {
        case .idle: (.idle, nil)
        case .registering: (.registering, nil)
        case .registered: (.registered, nil)
        case .backingOff(let reason): (.backingOff, reason)
        case .failed(let reason): (.failed, reason)
        case .forbidden: (.forbidden, nil)
        case .unsupported(let reason): (.unsupported, reason)
        // Only while shutting down; the status list has no word of its own for it.
        case .unregistering: (.idle, "unregistering")
        }
    }
}
