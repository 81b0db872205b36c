/// Our side of a registration: where responses reach us (the Via sent-by: the client socket)
/// and where the provider sends requests for us (the Contact: the registrar's listen address,
/// or the provider's registration IP).
public struct RegistrationEndpoint: Hashable, Sendable {
    /// Via sent-by host: an IP address or a name, IPv6 without brackets.
    public var viaHost: String
    public var viaPort: Int
    /// Contact host when the provider has no `registration_ip`.
    public var contactHost: String
    public var contactPort: Int

    public init(viaHost: String, viaPort: Int, contactHost: String, contactPort: Int) {
        self.viaHost = viaHost
        self.viaPort = viaPort
        self.contactHost = contactHost
        self.contactPort = contactPort
    }
}
