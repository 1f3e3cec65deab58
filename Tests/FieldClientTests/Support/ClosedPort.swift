import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Holds a stopped server's loopback port so that no other test's server can take it: it accepts
/// each connection and closes it at once, so a client sees the server as unreachable, as it
/// would see a stopped one. Without it, a parallel test's server could start on the freed port
/// while a client waits between retries, and answer "unknown device" instead.
final class ClosedPort: @unchecked Sendable {
    /// The listening socket.
    private let socket: Int32
    /// The thread that accepts and closes.
    private var thread: Thread?

    /// Listens on `127.0.0.1:port` (reusing the address, which the stopped server may have left in
    /// `TIME_WAIT`) and starts closing what connects.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TestFailure("socket() failed: \(errno)") }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw TestFailure("cannot hold port \(port): \(errno)")
        }
        let listener = socket
        thread = Thread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                close(connection)
            }
        }
        thread?.start()
    }

    /// Stops listening; the port is free again.
    func release() {
        shutdown(socket, Int32(SHUT_RDWR))
        close(socket)
    }
}
