import Foundation
import NIOCore
import NIOPosix
import Synchronization
import SyncFixtures

/// A TCP proxy on loopback, in user space, that makes a connection to a local server look like a
/// participant's phone hotspot (`LinkProfile`): paced to the bandwidth each way, each chunk
/// delivered half a round trip late, each connection set up a round trip late, and every n-th
/// connection cut at a seeded random byte. A cut its connection ends before reaching passes to
/// the next connection, drawn again within the bytes the uncut one carried, so that a run of
/// short connections is cut too. No `tc netem` is needed (this kernel has none).
///
/// While ``isShaping`` is false it forwards at full speed and counts nothing, for set-up steps.
final class ThrottlingProxy: Sendable {
    /// The port it listens on (127.0.0.1).
    let port: Int
    /// The link it imitates.
    let profile: LinkProfile
    /// The listening channel.
    private let listener: any Channel
    /// Shaping flag, counters and the cut positions' generator.
    private let shared: Shared

    /// The proxy's state, shared by its connections.
    final class Shared: Sendable {
        /// The state behind a lock.
        let state: Mutex<ProxyState>
        /// Starts with the cut positions of `seed`.
        init(seed: UInt64) { state = Mutex(ProxyState(random: SplitMix64(seed: seed))) }
    }

    /// What the proxy shares between connections.
    struct ProxyState: Sendable {
        /// Whether new connections are shaped.
        var shaping = false
        /// Counters since the last reset.
        var statistics = LinkStatistics()
        /// Shaped connections opened since the proxy started (numbers the cuts).
        var opened = 0
        /// The cut positions.
        var random: SplitMix64
        /// A cut whose connection ended before it: the next shaped connection is cut before this byte.
        var owedCut: Int?

        /// The cut byte of the shaped connection opening now, or nil when it is not to be cut.
        mutating func cutForNextConnection(_ profile: LinkProfile) -> Int? {
            defer { opened += 1 }
            let scheduled = profile.cutEvery > 0 && opened % profile.cutEvery == 0
            guard scheduled || owedCut != nil else { return nil }
            let bound = owedCut ?? profile.cutWithin
            owedCut = nil
            let span = UInt64(max(1, bound - profile.cutAfter))
            return profile.cutAfter + Int(random.next() % span)
        }

        /// A connection meant to be cut ended after `carried` bytes without reaching its cut.
        mutating func cutMissed(carried: Int, _ profile: LinkProfile) {
            owedCut = carried > profile.cutAfter ? min(carried, profile.cutWithin) : profile.cutWithin
        }
    }

    /// Listens on a free loopback port and forwards to `127.0.0.1:targetPort`.
    init(targetPort: Int, profile: LinkProfile) async throws {
        self.profile = profile
        let shared = Shared(seed: profile.seed)
        self.shared = shared
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: false)
            .childChannelInitializer { inbound in
                inbound.eventLoop.makeCompletedFuture(withResultOf: {
                    let plan = shared.state.withLock { state -> (shaped: Bool, cutAt: Int?) in
                        guard state.shaping else { return (false, nil) }
                        state.statistics.connections += 1
                        return (true, state.cutForNextConnection(profile))
                    }
                    let connection = ProxyConnection(
                        inbound: inbound, shaped: plan.shaped, cutAt: plan.cutAt, profile: profile, shared: shared)
                    // The server is dialled once the accepted channel is active (RelayHandler.channelActive):
                    // a read asked of it before then can be lost, and the client's request then sat
                    // unread until the client gave up and closed (the flaky join timeout of row 9).
                    try inbound.pipeline.syncOperations.addHandler(
                        RelayHandler(connection: connection, side: .client, onActive: { connection.connect(toPort: targetPort) }))
                })
            }
        listener = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        port = listener.localAddress?.port ?? 0
    }

    /// The proxy's base URL.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Whether new connections are shaped and counted.
    var isShaping: Bool {
        get { shared.state.withLock { $0.shaping } }
        set { shared.state.withLock { $0.shaping = newValue } }
    }

    /// What crossed shaped connections since the last ``resetStatistics()``.
    var statistics: LinkStatistics { shared.state.withLock { $0.statistics } }

    /// Starts counting from zero.
    func resetStatistics() { shared.state.withLock { $0.statistics = LinkStatistics() } }

    /// Stops listening; open connections end with their peers.
    func close() async {
        try? await listener.close()
    }
}

/// Which end of a proxied connection a chunk came from.
enum LinkSide: Sendable {
    /// The client (fieldclient).
    case client
    /// The server.
    case server
}

/// Hands what one end of a proxied connection reads to its `ProxyConnection`.
final class RelayHandler: ChannelInboundHandler, RemovableChannelHandler {
    /// Chunks as read.
    typealias InboundIn = ByteBuffer

    /// The connection both ends belong to.
    private let connection: ProxyConnection
    /// Which end this handler reads.
    private let side: LinkSide
    /// What to do once the channel is active (the client's end dials the server then).
    private let onActive: () -> Void

    /// Creates the handler of `side`.
    init(connection: ProxyConnection, side: LinkSide, onActive: @escaping () -> Void = {}) {
        self.connection = connection
        self.side = side
        self.onActive = onActive
    }

    /// The channel is active: run ``onActive``.
    func channelActive(context: ChannelHandlerContext) {
        context.fireChannelActive()
        onActive()
    }

    /// Passes a chunk on, paced.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        connection.received(unwrapInboundIn(data), from: side)
    }

    /// Reads on when the link's queue has room.
    func channelReadComplete(context: ChannelHandlerContext) {
        connection.readCompleted(from: side)
    }

    /// One end closed: the other closes once what is under way has arrived.
    func channelInactive(context: ChannelHandlerContext) {
        connection.closed(side)
    }

    /// A failed end closes the connection.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// One proxied connection: both channels, and the pacing of each direction. Used on its event
/// loop only (`@unchecked Sendable` to reach the bootstrap's closures).
final class ProxyConnection: @unchecked Sendable {
    /// How one direction of the link is paced.
    private struct Lane {
        /// When the link is free to send the next byte.
        var nextFree: NIODeadline = .uptimeNanoseconds(0)
        /// When the last scheduled chunk arrives.
        var lastArrival: NIODeadline = .uptimeNanoseconds(0)
        /// Bytes read but not yet delivered.
        var backlog = 0
        /// Whether reading waits for the backlog to shrink.
        var paused = false
    }

    /// At most this much is held per direction before the proxy stops reading (like a small
    /// socket buffer on the phone's side: a sender sees the link's speed, not the proxy's memory).
    static let backlogLimit = 32 * 1024

    private let inbound: any Channel
    private var upstream: (any Channel)?
    private let shaped: Bool
    private let cutAt: Int?
    private let profile: LinkProfile
    private let shared: ThrottlingProxy.Shared
    private var lanes: [LinkSide: Lane] = [.client: Lane(), .server: Lane()]
    private var transferred = 0
    private var lastSender: LinkSide?
    private var isCut = false
    /// Whether the end of the connection was told to the proxy's state.
    private var isSettled = false

    /// Wraps an accepted connection.
    init(inbound: any Channel, shaped: Bool, cutAt: Int?, profile: LinkProfile, shared: ThrottlingProxy.Shared) {
        self.inbound = inbound
        self.shaped = shaped
        self.cutAt = cutAt
        self.profile = profile
        self.shared = shared
    }

    /// Half the round trip.
    private var oneWay: TimeAmount { .nanoseconds(TimeAmount(profile.roundTrip).nanoseconds / 2) }

    /// Opens the connection to the server, a round trip later when shaped (the TCP handshake).
    func connect(toPort port: Int) {
        let loop = inbound.eventLoop
        let open = {
            ClientBootstrap(group: loop)
                .channelOption(.autoRead, value: false)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture(withResultOf: {
                        try channel.pipeline.syncOperations.addHandler(RelayHandler(connection: self, side: .server))
                    })
                }
                .connect(host: "127.0.0.1", port: port)
                .whenComplete { result in
                    switch result {
                    case .success(let channel):
                        self.upstream = channel
                        channel.read()
                        self.inbound.read()
                    case .failure:
                        self.inbound.close(promise: nil)
                    }
                }
        }
        if shaped {
            loop.assumeIsolated().scheduleTask(in: TimeAmount(profile.roundTrip)) { open() }
        } else {
            open()
        }
    }

    /// The channel a chunk from `side` goes to.
    private func sink(for side: LinkSide) -> (any Channel)? { side == .client ? upstream : inbound }

    /// The channel `side` reads from.
    private func source(_ side: LinkSide) -> (any Channel)? { side == .client ? inbound : upstream }

    /// Forwards `buffer` from `side`: at once when not shaped, else paced and delayed, cut at the cut byte.
    func received(_ buffer: ByteBuffer, from side: LinkSide) {
        guard !isCut, let sink = sink(for: side) else { return }
        guard shaped else {
            sink.writeAndFlush(buffer, promise: nil)
            return
        }
        var chunk = buffer
        var cutsHere = false
        if let cutAt, transferred + chunk.readableBytes >= cutAt {
            chunk = chunk.getSlice(at: chunk.readerIndex, length: max(0, cutAt - transferred)) ?? ByteBuffer()
            cutsHere = true
            isCut = true
        }
        transferred += chunk.readableBytes
        let size = chunk.readableBytes
        shared.state.withLock { state in
            if side == .client {
                state.statistics.upBytes += size
                if lastSender != .client { state.statistics.exchanges += 1 }
            } else {
                state.statistics.downBytes += size
            }
            if cutsHere { state.statistics.cuts += 1 }
        }
        lastSender = side
        var lane = lanes[side]!
        let now = NIODeadline.now()
        let sending = TimeAmount.nanoseconds(Int64(Double(size) / profile.bytesPerSecond * 1e9))
        let departure = max(now, lane.nextFree) + sending
        lane.nextFree = departure
        lane.lastArrival = departure + oneWay
        lane.backlog += size
        lanes[side] = lane
        inbound.eventLoop.assumeIsolated().scheduleTask(deadline: departure + oneWay) {
            if size > 0 { sink.writeAndFlush(chunk, promise: nil) }
            self.lanes[side]!.backlog -= size
            if cutsHere {
                self.inbound.close(promise: nil)
                self.upstream?.close(promise: nil)
            } else if self.lanes[side]!.paused, self.lanes[side]!.backlog < Self.backlogLimit {
                self.lanes[side]!.paused = false
                self.source(side)?.read()
            }
        }
    }

    /// After a read burst from `side`: read on, or wait until the link's queue has room.
    func readCompleted(from side: LinkSide) {
        guard !isCut else { return }
        if !shaped || lanes[side]!.backlog < Self.backlogLimit {
            source(side)?.read()
        } else {
            lanes[side]!.paused = true
        }
    }

    /// `side` closed: the other end closes once the last chunk from `side` has arrived. A cut
    /// not reached is owed to the next connection.
    func closed(_ side: LinkSide) {
        if !isSettled {
            isSettled = true
            if cutAt != nil && !isCut {
                let carried = transferred
                shared.state.withLock { $0.cutMissed(carried: carried, profile) }
            }
        }
        let other = side == .client ? upstream : inbound
        guard let other else { return }
        let arrival = lanes[side]!.lastArrival
        if shaped && arrival > .now() {
            inbound.eventLoop.assumeIsolated().scheduleTask(deadline: arrival) { other.close(promise: nil) }
        } else {
            other.close(promise: nil)
        }
    }
}
