import Foundation

/// Reads a bundle file and refuses anything that is not exactly what the compiler wrote: another
/// format or version, a digest that does not match, or bytes that are not the canonical form
/// (a hand edit, an added member, changed formatting).
public enum BundleLoader {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case notJSON(String)
        case notABundle
        case unsupportedVersion(Int)
        case invalidContent(String)
        case digestMismatch(stated: String, actual: String)
        case notCanonical

        public var description: String {
            switch self {
            case .notJSON(let reason): "the file is not JSON: \(reason)"
            case .notABundle: "the file is not a Switchboard bundle (no \"format\": \"\(SwitchboardBundle.formatName)\")"
            case .unsupportedVersion(let version) where (1..<SwitchboardBundle.currentFormatVersion).contains(version):
                "bundle format version \(version) was compiled by an older switchboard; compile the manifests again "
                    + "(this Switchboard reads version \(SwitchboardBundle.currentFormatVersion))"
            case .unsupportedVersion(let version):
                "bundle format version \(version) is not supported (this Switchboard reads version \(SwitchboardBundle.currentFormatVersion))"
            case .invalidContent(let reason): "the bundle is malformed: \(reason)"
            case .digestMismatch(let stated, let actual):
                "the bundle's digest \(stated) does not match its content (\(actual)): it was changed after it was compiled"
            case .notCanonical: "the bundle is not in canonical form: it was edited after it was compiled"
            }
        }
    }

    private struct Header: Decodable {
        var format: String?
        var formatVersion: Int?
        var digest: String?
    }

    public static func load(_ bytes: [UInt8]) throws(LoadError) -> SwitchboardBundle {
        let data = Data(bytes)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw .notJSON(String(describing: error))
        }
        guard header.format == SwitchboardBundle.formatName else { throw .notABundle }
        guard let version = header.formatVersion, version == SwitchboardBundle.currentFormatVersion else {
            throw .unsupportedVersion(header.formatVersion ?? 0)
        }
        let bundle: SwitchboardBundle
        do {
            bundle = try decoder.decode(SwitchboardBundle.self, from: data)
        } catch {
            throw .invalidContent(describe(error))
        }
        if let problem = bundle.registrar.outOfRange { throw .invalidContent(problem) }
        let encoded = BundleEncoding.encode(bundle)
        if header.digest != encoded.digest {
            throw .digestMismatch(stated: header.digest ?? "(none)", actual: encoded.digest)
        }
        guard encoded.bytes == bytes else { throw .notCanonical }
        return bundle
    }

    private static func describe(_ error: any Error) -> String {
        (error as? DecodingError)?.locatedDescription ?? String(describing: error)
    }
}
