import Hummingbird
import SyncModel

/// The request context: Hummingbird's core storage plus the authenticated device.
struct SyncRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    var coreContext: CoreRequestContextStorage
    /// The device whose token authenticated the request; nil before `AuthMiddleware`.
    var device: DeviceInfo?
    /// The connection's peer address (IP), when known.
    var remoteAddress: String?

    /// Creates a context for a new request.
    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        device = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The protocol's body limit (8 MiB).
    var maxUploadSize: Int { SyncProtocol.maximumBodyBytes }

    /// The authenticated device; throws 401 when the route lacks `AuthMiddleware`.
    func requireDevice() throws -> DeviceInfo {
        guard let device else { throw APIError.unauthorized("Send the device token as 'Authorization: Bearer <token>'.") }
        return device
    }

    /// The authenticated device when it is a trainer; throws 403 otherwise.
    func requireTrainer() throws -> DeviceInfo {
        let device = try requireDevice()
        guard device.role == .trainer else {
            throw APIError.forbidden("Only a trainer's device may do this. Ask your trainer.")
        }
        return device
    }
}
