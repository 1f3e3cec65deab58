import Foundation
import SyncFixtures

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP proxy on 127.0.0.1 between clients and a server that cuts a seeded share of the
/// connections in one of the ``ConnectionFault`` ways, and counts what it really did.
///
/// It understands no HTTP beyond the request line (for the statistics), so clients must use
/// each connection for one request only (`maximumUsesPerConnection = 1`); then every cut
/// connection is one cut request. Blocking sockets, two threads per connection.
final class FaultProxy: @unchecked Sendable {
    /// The port clients connect to.
    let port: Int
    /// The server's port.
    let upstreamPort: Int
    /// The share of connections (0…1) that get a fault.
    let faultShare: Double

    private let listener: Int32
    private let lock = NSLock()
    private var random: SplitMix64
    private var faultsEnabled = true
    private var injected: [String: Int] = [:]
    private var passed = 0
    private var stopped = false

    /// Listens on a free loopback port and forwards to `upstreamPort`.
    init(upstreamPort: Int, faultShare: Double, seed: UInt64) throws {
        self.upstreamPort = upstreamPort
        self.faultShare = faultShare
        random = SplitMix64(seed: seed)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound, listen(fd, 512) == 0 else {
            close(fd)
            throw TestFailure("the fault proxy cannot listen on 127.0.0.1")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// The proxy's base URL.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Turns fault injection on or off (off for the final, clean sync round).
    func setFaults(enabled: Bool) { lock.withLock { faultsEnabled = enabled } }

    /// How many connections got `fault`, for every request (e.g. `POST /v1/sync/push`).
    func count(_ fault: ConnectionFault, request: String? = nil) -> Int {
        lock.withLock {
            injected.filter { key, _ in
                key.hasPrefix(fault.rawValue + " ") && (request.map { key == fault.rawValue + " " + $0 } ?? true)
            }.values.reduce(0, +)
        }
    }

    /// Every injected fault with its request, e.g. `afterCommit POST /v1/sync/push: 12`, and the clean count.
    var summary: String {
        lock.withLock {
            injected.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                + "; clean connections: \(passed)"
        }
    }

    /// Stops accepting; running connections finish on their own.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { return }
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let fault = nextFault()
            Thread.detachNewThread { [self] in handle(client, fault: fault) }
        }
    }

    private func nextFault() -> ConnectionFault? {
        lock.withLock {
            let roll = random.unit()
            let kind = ConnectionFault.allCases[random.index(below: ConnectionFault.allCases.count)]
            return faultsEnabled && roll < faultShare ? kind : nil
        }
    }

    private func record(_ fault: ConnectionFault?, request: String) {
        lock.withLock {
            if let fault { injected["\(fault.rawValue) \(request)", default: 0] += 1 } else { passed += 1 }
        }
    }

    private func handle(_ client: Int32, fault: ConnectionFault?) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let first = recv(client, &buffer, buffer.count, 0)
        guard first > 0 else {
            close(client)
            return
        }
        let request = Self.requestLine(buffer[0..<first])
        if fault == .beforeRequest {
            record(.beforeRequest, request: request)
            Self.cut(client)
            return
        }
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected, Self.sendAll(upstream, buffer[0..<first]) else {
            close(upstream)
            Self.cut(client)
            return
        }
        // Client to server: the rest of the request, until the client closes.
        let requestDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            Self.pump(from: client, to: upstream)
            requestDone.signal()
        }
        // Server to client, with the fault applied to the answer's first chunk.
        let answered = recv(upstream, &buffer, buffer.count, 0)
        if answered > 0, let fault {
            if fault == .midResponse { _ = Self.sendAll(client, buffer[0..<max(1, answered / 2)]) }
            record(fault, request: request)
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(upstream, Int32(SHUT_RDWR))
        } else {
            if answered > 0, Self.sendAll(client, buffer[0..<answered]) {
                Self.pump(from: upstream, to: client)
            }
            if fault == nil { record(nil, request: request) }
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(upstream, Int32(SHUT_RDWR))
        }
        requestDone.wait()
        close(client)
        close(upstream)
    }

    /// Copies bytes until either side ends, then half-closes the destination.
    private static func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = recv(source, &buffer, buffer.count, 0)
            if count <= 0 || !sendAll(destination, buffer[0..<count]) { break }
        }
        shutdown(destination, Int32(SHUT_WR))
    }

    private static func sendAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> Bool {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Closes a client connection abruptly (RST), as a dropped network would.
    private static func cut(_ fd: Int32) {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(fd)
    }

    /// `METHOD /path` of an HTTP request's first line, without the query.
    private static func requestLine(_ bytes: ArraySlice<UInt8>) -> String {
        let line = String(decoding: bytes.prefix(200), as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return "?" }
        return "\(parts[0]) \(parts[1].split(separator: "?").first ?? "")"
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
