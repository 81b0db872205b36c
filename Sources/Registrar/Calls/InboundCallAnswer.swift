import Routing
import SIP

/// The answer of `switchboard serve` to an INVITE from a provider: the routing decision as a
/// redirect (RFC 3261 §8.3.1, §21.3.3). Serve decides where a call goes; the party that asked
/// (the provider, or the SBC or B2BUA in front of the PBX) carries the call to the contacts
/// named in the 302. docs/routing.md, "Calls in serve", says why serve does not relay calls.
struct InboundCallAnswer {
    var status: SIPResponseStatus
    /// `Contact` values of a 302, best first.
    var contacts: [String] = []

    /// Decides the call `request` brings from `provider`. The called number is the
    /// Request-URI's user, except when the Request-URI is the provider's registration token:
    /// then the provider addressed our Contact and the number called is in To.
    init(
        _ request: IncomingRequest, provider: String, recognition: RequestOrigin.Recognition, router: InboundRouter,
        contacts lookup: (String) -> [Binding]
    ) {
        let called: String? = switch recognition {
        case .packetSource: request.message.requestURI?.sipURI?.canonicalUser
        case .contactToken: request.to?.uri.sipURI?.canonicalUser
        }
        let caller = (try? request.message.headers.from)?.uri.sipURI?.canonicalUser
        switch router.decide(provider: provider, called: called ?? "", caller: caller) {
        case .providerRefused:
            status = .forbidden
        case .noMatchingRule:
            status = .notFound
        case .routed(let rule):
            let destination = rule.destination
            contacts = Self.contacts(destination.extensions.map(lookup), ringInOrder: destination.ring == "in_order")
            status = contacts.isEmpty ? .temporarilyUnavailable : SIPResponseStatus(code: 302)
        }
    }

    /// The Contact values of the redirect: every live binding of each extension. Ringing
    /// together gives every contact the same preference; in order, each extension's contacts
    /// rank below the previous extension's (q = 1.0, 0.9, … down to 0.1), which a client that
    /// follows the redirect tries in that order (RFC 3261 §8.1.3.4).
    static func contacts(_ bindingsByExtension: [[Binding]], ringInOrder: Bool) -> [String] {
        var values: [String] = []
        for (rank, bindings) in bindingsByExtension.enumerated() {
            let q = ringInOrder ? max(1, 10 - rank) : 10
            for binding in bindings {
                values.append("<\(binding.contact)>;q=\(q == 10 ? "1.0" : "0.\(q)")")
            }
        }
        return values
    }
}
