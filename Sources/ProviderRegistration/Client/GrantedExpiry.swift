import SIP

/// The expiry a provider granted in a 200 to our REGISTER (RFC 3261 §10.2.4): the `expires`
/// parameter of the Contact that is ours, else the `Expires` header, else what we asked for. A
/// 200 lists every binding of the address of record, so the other contacts are not ours to read.
enum GrantedExpiry {
    static func seconds(in response: SIPMessage, contact: SIPURI, asked: Int) -> Int {
        if case .addresses(let addresses)? = try? response.headers.contact {
            for address in addresses {
                guard let uri = address.uri.sipURI, isOurs(uri, contact) else { continue }
                if let expires = address.expires { return Int(expires) }
            }
        }
        if let expires = try? response.headers.expires { return Int(expires) }
        return asked
    }

    /// Our contact is recognised by its token (user part), host and port, even when a provider
    /// adds or drops URI parameters on the way back.
    private static func isOurs(_ uri: SIPURI, _ contact: SIPURI) -> Bool {
        uri.decodedUser == contact.decodedUser && uri.host == contact.host && uri.port == contact.port
    }
}
