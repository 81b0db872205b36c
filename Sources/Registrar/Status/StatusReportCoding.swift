import Foundation
import RuntimeBundle

/// The JSON form of a ``StatusReport``: keys sorted and indented so the document reads well with
/// `curl`, times as RFC 3339 UTC (`2025-06-01T10:00:00Z`), absent members left out rather than
/// `null`. Reading checks `format` and `format_version` first, so a document from another
/// version says so instead of failing on some member.
extension StatusReport {
    public enum DecodingFailure: Error, CustomStringConvertible, Equatable {
        /// Not JSON, or JSON without the `format` members.
        case notAStatusReport(String)
        /// A status document of a version this Switchboard does not read.
        case unsupportedVersion(Int)
        /// The right format and version, but a member is missing or of the wrong type.
        case invalid(String)

        public var description: String {
            switch self {
            case .notAStatusReport(let reason): "the answer is not a Switchboard status report (\(reason))"
            case .unsupportedVersion(let version):
                "the status report has format version \(version); this switchboard reads version \(StatusReport.currentFormatVersion)"
            case .invalid(let reason): "the status report is invalid: \(reason)"
            }
        }
    }

    /// The report as UTF-8 JSON, ending with a line break.
    public func jsonBytes() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain strings, numbers and dates cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return Array(data) + [0x0A]
    }

    /// Reads a report written by ``jsonBytes()`` (of this format version).
    public static func decode(_ bytes: [UInt8]) throws(DecodingFailure) -> StatusReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = Data(bytes)
        let envelope: Envelope
        do {
            envelope = try decoder.decode(Envelope.self, from: data)
        } catch {
            throw .notAStatusReport(Self.reason(error))
        }
        guard envelope.format == formatName else {
            throw .notAStatusReport("its format is \(envelope.format)")
        }
        guard envelope.formatVersion == currentFormatVersion else {
            throw .unsupportedVersion(envelope.formatVersion)
        }
        do {
            return try decoder.decode(StatusReport.self, from: data)
        } catch {
            throw .invalid(Self.reason(error))
        }
    }

    /// The two members every version keeps.
    private struct Envelope: Decodable {
        var format: String
        var formatVersion: Int

        enum CodingKeys: String, CodingKey {
            case format
            case formatVersion = "format_version"
        }
    }

    /// Where a decoding error happened and why.
    private static func reason(_ error: any Error) -> String {
        (error as? DecodingError)?.locatedDescription ?? String(describing: error)
    }
}
