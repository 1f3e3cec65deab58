/// What crossed a `ThrottlingProxy` while it shaped the link.
struct LinkStatistics: Sendable, Equatable {
    /// Bytes from the client to the server.
    var upBytes = 0
    /// Bytes from the server to the client.
    var downBytes = 0
    /// Request-answer round trips: each time the client sends after the server did (or first).
    var exchanges = 0
    /// Connections opened.
    var connections = 0
    /// Connections cut.
    var cuts = 0

    /// Bytes both ways.
    var bytes: Int { upBytes + downBytes }
}
