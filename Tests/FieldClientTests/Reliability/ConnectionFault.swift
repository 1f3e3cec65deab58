/// A way the fault proxy cuts one connection.
enum ConnectionFault: String, CaseIterable, Sendable {
    /// The client's request is read and the connection closed; the server never sees it.
    case beforeRequest
    /// The request reaches the server and the server starts answering (it has committed);
    /// the connection is closed before any byte of the answer reaches the client.
    case afterCommit
    /// The first half of the answer's first chunk reaches the client, then the connection closes.
    case midResponse
}
