import Foundation
import Routing
import RuntimeBundle

/// What the registrar serves, made from a verified bundle with its secrets resolved. Swapped as
/// a whole on reload, so a request sees either the old configuration or the new one.
public struct RegistrarConfiguration: Sendable {
    /// Digest passwords of the extensions, by extension number (the digest user name).
    public var passwords: [String: String]
    /// The bundle's digest, for logs and status.
    public var bundleDigest: String
    public var bundle: SwitchboardBundle
    /// The bundle's trunk ranges and call rules, ready for lookups.
    public var routing: CallRouting
    /// When it was loaded, in seconds since the epoch (for status: which bundle is in force since when).
    public var loadedAt: UInt64
    /// What one TCP client may take (connections, time, queued responses): the bundle's
    /// `registrar.tcp`, applied to each connection as it is accepted.
    public var tcp = TCPLimits()
    /// The bundle's flood and brute-force limits, exempt ranges parsed.
    public var guardLimits: GuardLimits = .defaults

    /// Loads and verifies the bundle at `path` and resolves every extension's password.
    public static func load(
        bundleAt path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: RegistrarClock = .system
    ) throws(LoadError) -> RegistrarConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path)
        }
        let bundle: SwitchboardBundle
        do {
            bundle = try BundleLoader.load(Array(data))
        } catch {
            throw .invalidBundle(path, error)
        }
        let resolver = SecretResolver(bundleAt: path, environment: environment)
        var passwords: [String: String] = [:]
        for item in bundle.extensions {
            do {
                passwords[item.number] = try resolver.resolve(item.password, owner: "extension \(item.number)")
            } catch {
                throw .missingSecret(error)
            }
        }
        let routing: CallRouting
        do {
            routing = try CallRouting(bundle: bundle)
        } catch {
            throw .invalidRouting(path, error)
        }
        let guardLimits: GuardLimits
        do {
            guardLimits = try GuardLimits(bundle.registrar.limits)
        } catch {
            throw .invalidLimits(path, error)
        }
        return RegistrarConfiguration(
            passwords: passwords, bundleDigest: BundleEncoding.digest(of: bundle), bundle: bundle, routing: routing,
            loadedAt: clock.now(), tcp: TCPLimits(bundle.registrar.tcp), guardLimits: guardLimits)
    }

    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String)
        case invalidBundle(String, BundleLoader.LoadError)
        case missingSecret(SecretResolver.MissingSecret)
        case invalidRouting(String, TrunkTable.LoadError)
        case invalidLimits(String, TrunkAllowEntry.ParseError)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read the bundle \(path)"
            case .invalidBundle(let path, let error): "\(path): \(error)"
            case .missingSecret(let error): error.description
            case .invalidRouting(let path, let error): "\(path): \(error)"
            case .invalidLimits(let path, let error): "\(path): registrar.limits.exempt: \(error)"
            }
        }
    }
}
