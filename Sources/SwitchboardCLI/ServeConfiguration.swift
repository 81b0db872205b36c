import Foundation
import ProviderRegistration
import Registrar
import RuntimeBundle

/// Everything `serve` takes from one bundle: the registrar's configuration (extensions and their
/// passwords) and the registrations at standard providers (with theirs). Loaded together, so a
/// start or a reload takes both or neither: a missing provider password refuses the bundle just
/// as a missing extension password does.
struct ServeConfiguration {
    var registrar: RegistrarConfiguration
    var providers: [ProviderRegistrationSettings]

    static func load(bundleAt path: String, environment: [String: String]) throws -> ServeConfiguration {
        let registrar = try RegistrarConfiguration.load(bundleAt: path, environment: environment)
        let providers = try ProviderRegistrationSettings.all(
            in: registrar.bundle, secrets: SecretResolver(bundleAt: path, environment: environment))
        return ServeConfiguration(registrar: registrar, providers: providers)
    }
}
