/// Where the registrar finds a secret. The compiler never resolves it.
public enum BundleSecret: Hashable, Sendable, Codable, JSONRepresentable, CanonicalJSONWritable {
    /// An environment variable of the registrar's process.
    case env(String)
    /// A file whose content, without a final line break, is the secret. A relative path is
    /// resolved against the folder of the bundle file.
    case file(String)
    /// The secret itself, as the manifest wrote it (flagged there with SB2050).
    case inline(String)

    public var jsonValue: JSONValue {
        switch self {
        case .env(let name): .object(["env": .string(name)])
        case .file(let path): .object(["file": .string(path)])
        case .inline(let secret): .object(["inline": .string(secret)])
        }
    }

    func writeCanonical(to output: inout CanonicalJSONOutput) {
        output.beginObject()
        switch self {
        case .env(let name): output.member("env", name)
        case .file(let path): output.member("file", path)
        case .inline(let secret): output.member("inline", secret)
        }
        output.endObject()
    }

    private enum CodingKeys: String, CodingKey { case env, file, inline }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.allKeys.count == 1, let key = container.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a secret has exactly one of env, file, inline"))
        }
        let value = try container.decode(String.self, forKey: key)
        switch key {
        case .env: self = .env(value)
        case .file: self = .file(value)
        case .inline: self = .inline(value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .env(let name): try container.encode(name, forKey: .env)
        case .file(let path): try container.encode(path, forKey: .file)
        case .inline(let secret): try container.encode(secret, forKey: .inline)
        }
    }
}
