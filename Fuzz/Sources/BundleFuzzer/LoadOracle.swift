import FuzzSupport
import Routing
import RuntimeBundle

/// Loads one bundle file as `serve` does, and checks what must hold whatever the bytes:
/// - the loader refuses with an error or returns a bundle whose encoding is exactly the bytes;
/// - a file refused only for its digest is loaded again with the digest it should have: then
///   it loads, or is refused as not canonical, and nothing else. Without this second try no
///   mutated input would get past the SHA-256, and nothing behind the loader would be fuzzed;
/// - what loads is handed to the routing tables as `serve` builds them (the trunk table may
///   refuse a bundle, without crashing), and the routers answer a few calls.
enum LoadOracle {
    static func check(_ bytes: [UInt8]) {
        switch Result(catching: { () throws(BundleLoader.LoadError) in try BundleLoader.load(bytes) }) {
        case .success(let bundle):
            accepted(bundle, bytes: bytes)
        case .failure(.digestMismatch(let stated, let actual)):
            guard let fixed = replacing(stated, with: actual, in: bytes) else { return }
            switch Result(catching: { () throws(BundleLoader.LoadError) in try BundleLoader.load(fixed) }) {
            case .success(let bundle): accepted(bundle, bytes: fixed)
            case .failure(.notCanonical): break
            case .failure(let error): fuzzCheck(false, "with its digest fixed, the bundle fails otherwise: \(error)")
            }
        case .failure:
            break
        }
    }

    private static func accepted(_ bundle: SwitchboardBundle, bytes: [UInt8]) {
        fuzzCheck(BundleEncoding.encode(bundle).bytes == bytes, "a loaded bundle does not encode to its file")
        guard let trunks = try? TrunkTable(bundle: bundle) else { return }
        let inbound = InboundRouter(bundle: bundle)
        let outbound = OutboundRouter(bundle: bundle)
        for number in ["112", "0301234567", "+4930123457", ""] {
            _ = outbound.decide(number: number, registered: { _ in true }, lines: { _ in nil })
            for provider in bundle.providers {
                _ = inbound.decide(provider: provider.name, called: number, caller: number)
            }
        }
        for host in ["198.51.100.7", "2001:db8:100::1", "203.0.113.9"] {
            _ = trunks.provider(forSource: host, port: 5060)
        }
        let lines = LinePool(bundle: bundle)
        for provider in bundle.providers {
            if let lease = lines.acquire(provider.name) { lines.release(lease) }
        }
    }

    /// `bytes` with the first occurrence of `text` replaced, or nil when it does not occur.
    private static func replacing(_ text: String, with replacement: String, in bytes: [UInt8]) -> [UInt8]? {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return Array(bytes[..<start]) + Array(replacement.utf8) + Array(bytes[(start + needle.count)...])
        }
        return nil
    }
}
