import ProviderRegistration
import Registrar

/// The registration client as call handling sees it (``ProviderPresence``): which provider a
/// Contact token belongs to, and who is registered.
struct RegisteredProviders: ProviderPresence {
    let registrations: ProviderRegistrations

    init(_ registrations: ProviderRegistrations) {
        self.registrations = registrations
    }

    func provider(forContactUser user: String) -> String? {
        registrations.provider(forContactUser: user)
    }

    func isRegistered(_ name: String) -> Bool {
        registrations.status(of: name)?.state == .registered
    }
}
