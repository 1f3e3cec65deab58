import Foundation

/// A flag one task raises to tell the others to stop.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Tells everyone to stop.
    func raise() { lock.withLock { raised = true } }

    /// Whether to stop.
    var isRaised: Bool { lock.withLock { raised } }
}
