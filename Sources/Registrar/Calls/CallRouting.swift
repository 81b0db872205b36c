import Routing
import RuntimeBundle

/// The routing tables of one bundle, built when the bundle is loaded so that a request only
/// looks things up: the trunks' source ranges, the inbound router, and the hosts of every
/// provider (a request whose From names one of them claims to come from that provider).
public struct CallRouting: Sendable {
    public let trunks: TrunkTable
    public let inbound: InboundRouter
    /// Provider names by the lower-case host of each of their servers and proxies.
    let providersByHost: [String: String]

    /// Builds the tables; a trunk allow-list entry the routing module cannot read refuses the
    /// bundle (the compiler never writes one, so this means a bundle made by hand or damaged).
    public init(bundle: SwitchboardBundle) throws(TrunkTable.LoadError) {
        trunks = try TrunkTable(bundle: bundle)
        inbound = InboundRouter(bundle: bundle)
        var hosts: [String: String] = [:]
        for provider in bundle.providers {
            for address in provider.servers + (provider.proxy.map { [$0] } ?? []) {
                hosts[address.host.lowercased()] = hosts[address.host.lowercased()] ?? provider.name
            }
        }
        providersByHost = hosts
    }

    /// The provider whose server or proxy is `host`, if any.
    func provider(claimedBy host: String) -> String? {
        providersByHost[host.lowercased()]
    }
}
