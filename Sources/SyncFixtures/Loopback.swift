import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// TCP ports on 127.0.0.1 for the real servers that tests and benchmarks start.
///
/// Start a server with `--port 0` and read its port from its log (``listeningPorts(inLog:)``)
/// rather than probing a free port first: between the probe and the server's bind, another process
/// (a proxy, a parallel test's server) can take the port, and ``isListening(port:)`` would then
/// report that process.
public enum Loopback {
    /// A port on 127.0.0.1 that the system just handed out and nothing listens on.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw LoopbackError(description: "no free TCP port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on `port` of 127.0.0.1.
    public static func isListening(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// The ports a `syncserver serve` log says it listens on ("… listening on 127.0.0.1:PORT"), in order.
    public static func listeningPorts(inLog text: String) -> [Int] {
        let marker = "listening on 127.0.0.1:"
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: marker) else { return nil }
            return Int(line[range.upperBound...].prefix { $0.isNumber })
        }
    }
}
