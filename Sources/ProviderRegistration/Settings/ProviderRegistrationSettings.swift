import RuntimeBundle

/// What one registration at a standard provider needs, taken from the bundle with the password
/// resolved. Two settings are equal exactly when a running registration can be kept across a
/// reload; any difference means unregister and register again.
public struct ProviderRegistrationSettings: Hashable, Sendable {
    /// The provider's name in the bundle.
    public var provider: String
    /// The provider's registrars in failover order (the bundle's `servers`): a registration is
    /// at one of them at a time. The Request-URI names it, and the address of record is
    /// `sip:<login>@<its host>`.
    public var servers: [BundleAddress]
    /// The outbound proxy; when set, every request goes to it, whichever server it names.
    public var proxy: BundleAddress?
    public var login: String
    public var password: String
    /// Where the password came from; a changed reference re-registers even when it resolves to
    /// the same text.
    public var passwordReference: BundleSecret
    /// The address announced in our Contact instead of the listen address (NAT, gateway).
    public var registrationIP: String?
    /// Seconds asked for in `Expires`.
    public var expires: Int

    public init(
        provider: String, servers: [BundleAddress], proxy: BundleAddress? = nil, login: String, password: String,
        passwordReference: BundleSecret, registrationIP: String? = nil, expires: Int
    ) {
        self.provider = provider
        self.servers = servers
        self.proxy = proxy
        self.login = login
        self.password = password
        self.passwordReference = passwordReference
        self.registrationIP = registrationIP
        self.expires = expires
    }

    /// The expiry asked for when the bundle has no `registration` (it always has one for a
    /// standard provider; this is the compiler's default too).
    public static let defaultExpires = 3600

    /// The settings of every enabled standard provider of `bundle`, in bundle order, with their
    /// passwords resolved by `secrets`. A password that cannot be read (or a provider without
    /// login or password, which the compiler never writes) stops here, naming the provider.
    public static func all(
        in bundle: SwitchboardBundle, secrets: SecretResolver
    ) throws(SecretResolver.MissingSecret) -> [ProviderRegistrationSettings] {
        var result: [ProviderRegistrationSettings] = []
        for provider in bundle.providers where provider.enabled && provider.type == "standard" {
            let owner = "provider \(provider.name)"
            guard !provider.servers.isEmpty else {
                throw SecretResolver.MissingSecret(owner: owner, reason: "the bundle gives it no server")
            }
            guard let login = provider.login, let reference = provider.password else {
                throw SecretResolver.MissingSecret(owner: owner, reason: "the bundle gives it no login or no password")
            }
            result.append(ProviderRegistrationSettings(
                provider: provider.name, servers: provider.servers, proxy: provider.proxy, login: login,
                password: try secrets.resolve(reference, owner: owner), passwordReference: reference,
                registrationIP: provider.registrationIp, expires: provider.registration?.expires ?? defaultExpires))
        }
        return result
    }
}
