import SIP

/// Who sent a request that is not a REGISTER (docs/routing.md, "Calls in serve").
///
/// A provider is recognised only from what a sender cannot choose freely: a trunk by the packet
/// source (never Via or From, which anyone can write), a standard provider by the random token
/// in the Contact its registration put there (the Request-URI of the requests it sends us). A
/// request that names a provider's host in From but is neither is an impostor and is refused.
enum RequestOrigin: Equatable {
    enum Recognition: Equatable {
        /// The packet source is in the trunk's allow-list.
        case packetSource
        /// The Request-URI's user is the token of the provider's registration.
        case contactToken
    }

    case provider(String, by: Recognition)
    /// From names the host of `provider`, but the request came from none of its addresses.
    case impostor(claimed: String)
    /// Not a provider, and not claiming to be one.
    case other

    /// - Parameter domains: the domains the registrar serves: a From in one of them names one of
    ///   our users, not a provider, even where a provider's host is the same address.
    init(_ request: IncomingRequest, routing: CallRouting, presence: any ProviderPresence, domains: Set<String>) {
        let source = request.source
        if let address = source.address, let trunk = routing.trunks.provider(forSource: address, port: source.port) {
            self = .provider(trunk, by: .packetSource)
        } else if let user = request.message.requestURI?.sipURI?.canonicalUser,
                  let provider = presence.provider(forContactUser: user) {
            self = .provider(provider, by: .contactToken)
        } else if let host = (try? request.message.headers.from)?.uri.sipURI?.host.addressText,
                  !domains.contains(host.lowercased()), let claimed = routing.provider(claimedBy: host) {
            self = .impostor(claimed: claimed)
        } else {
            self = .other
        }
    }
}
