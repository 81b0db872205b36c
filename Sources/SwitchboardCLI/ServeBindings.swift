import Logging
import Registrar

/// `serve --bindings PATH|none`: where the registrar keeps its bindings across restarts, and
/// the location service restored from there at start.
enum ServeBindings {
    /// The value of `--bindings` that keeps bindings in memory only.
    static let off = "none"

    /// The file for `--bindings value` (nil: the default beside the bundle) serving `bundle`;
    /// nil for `none`. The default is `<bundle file name>.bindings.sqlite` in the bundle's
    /// folder, so each bundle has its own and a second serve of the same bundle is refused.
    static func path(_ value: String?, bundle: String) -> String? {
        guard let value else { return bundle + ".bindings.sqlite" }
        return value == off ? nil : value
    }

    /// Opens the database at `path` (moving a corrupt one aside, loudly), restores the bindings
    /// that are still live and still served by `state`, and logs one line saying how many.
    static func location(
        at path: String?, state: RegistrarState, now: UInt64, logger: Logger
    ) throws(BindingStoreError) -> LocationService {
        guard let path else {
            logger.info("bindings kept in memory only (--bindings none): a restart forgets them")
            return LocationService()
        }
        let (store, movedAside) = try SQLiteBindingStore.openMovingCorruptAside(at: path, now: now)
        if let movedAside {
            logger.error("bindings database corrupt: moved aside, starting with no bindings", metadata: [
                "reason": "\(movedAside.reason)", "moved-to": "\(movedAside.movedTo)"])
        }
        let location = LocationService(store: store)
        let summary = try location.restore(now: now, keeping: state.snapshot.serves(addressOfRecord:))
        logger.info("bindings restored", metadata: [
            "path": "\(path)", "restored": "\(summary.restored)", "expired-dropped": "\(summary.expired)",
            "removed-extensions-dropped": "\(summary.removedExtensions)"])
        return location
    }
}
