import NIOCore

/// Counts a server's open HTTP connections in `ServerMetrics.openConnections`: one more when the
/// channel's pipeline is set up, one fewer when it is torn down.
final class ConnectionCountingHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Passes every inbound part on unchanged.
    typealias InboundIn = NIOAny

    /// Where the count goes.
    private let metrics: ServerMetrics

    /// Creates a handler for one connection.
    init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    /// The connection opened.
    func handlerAdded(context: ChannelHandlerContext) {
        metrics.openConnections.increment()
    }

    /// The connection closed.
    func handlerRemoved(context: ChannelHandlerContext) {
        metrics.openConnections.decrement()
    }
}
