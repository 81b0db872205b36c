import Registrar

/// `--control` of `serve` and `status`: where the status endpoint listens, `host:port` (a bare
/// host gets port 5065), or for `serve` `none`.
enum ControlOption {
    static let defaultValue = "127.0.0.1:\(StatusEndpoint.defaultPort)"
    /// The value of `serve --control` that turns the endpoint off.
    static let off = "none"

    static func parse(_ text: String) -> ListenAddress? {
        ListenAddress(text, defaultPort: StatusEndpoint.defaultPort)
    }
}
