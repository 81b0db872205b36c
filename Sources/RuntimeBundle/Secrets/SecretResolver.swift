import Foundation

/// Reads the secrets a bundle refers to, when the registrar loads it: never earlier (the
/// compiler never sees them) and never later (a missing secret must stop the load, not the first
/// call). Shared by the registrar (extension passwords) and the registration client (provider
/// passwords), so both read `env` and `file` references the same way.
public struct SecretResolver: Sendable {
    public struct MissingSecret: Error, Equatable, CustomStringConvertible {
        /// What needs the secret: "extension 100", "provider acme".
        public var owner: String
        public var reason: String

        public init(owner: String, reason: String) {
            self.owner = owner
            self.reason = reason
        }

        public var description: String { "the password of \(owner) cannot be read: \(reason)" }
    }

    /// The environment the `env` references are read from.
    public var environment: [String: String]
    /// The folder relative `file` references are resolved against: the bundle's folder.
    public var baseDirectory: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, baseDirectory: String) {
        self.environment = environment
        self.baseDirectory = baseDirectory
    }

    /// A resolver for the bundle file at `bundlePath`: relative `file` references are read from
    /// the bundle's folder.
    public init(bundleAt bundlePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let folder = (bundlePath as NSString).deletingLastPathComponent
        self.init(environment: environment, baseDirectory: folder.isEmpty ? "." : folder)
    }

    public func resolve(_ secret: BundleSecret, owner: String) throws(MissingSecret) -> String {
        switch secret {
        case .inline(let value):
            return value
        case .env(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw MissingSecret(owner: owner, reason: "the environment variable \(name) is not set")
            }
            return value
        case .file(let path):
            let fullPath = path.hasPrefix("/") ? path : baseDirectory + "/" + path
            guard let data = FileManager.default.contents(atPath: fullPath) else {
                throw MissingSecret(owner: owner, reason: "the file \(fullPath) cannot be read")
            }
            var text = String(decoding: data, as: UTF8.self)
            // One final line break is how editors and `echo` end files; it is not part of the secret.
            if text.hasSuffix("\r\n") { text.removeLast(2) } else if text.hasSuffix("\n") { text.removeLast() }
            guard !text.isEmpty else {
                throw MissingSecret(owner: owner, reason: "the file \(fullPath) is empty")
            }
            return text
        }
    }
}
